// Pass 3: flow availability, checked against hand-computed and published figures.
#include "analysis_helpers.h"
#include "graph.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace archlens;
using Catch::Matchers::WithinAbs;

namespace {

// client -> web (one instance, availability 0.9995) -> the given stores.
Document webWith(const std::string& stores, const std::string& calls) {
    return test::design(
        "[]",
        R"([{"id": "client", "kind": "client", "name": "c"},
            {"id": "web", "kind": "app_service", "name": "w",
             "props": {"instances": 1, "availability": 0.9995}})" +
            stores + "]",
        R"([{"id": "c1", "from": "client", "to": "web", "mode": "sync"})" + calls + "]",
        R"([{"id": "f", "name": "f", "entry": "client", "op": "write", "rate_rps": 1}])");
}

const std::string kDb = R"(, {"id": "db", "kind": "rdbms", "name": "d",
    "props": {"instances": 1, "availability": 0.9999}})";
const std::string kQueue = R"(, {"id": "q", "kind": "message_queue", "name": "q",
    "props": {"instances": 1, "availability": 0.999}})";

} // namespace

TEST_CASE("composite availability: 99.95% in series with 99.99% is about 99.94%") {
    const Report r = test::analyzeNoCurves(
        webWith(kDb, R"(, {"id": "c2", "from": "web", "to": "db", "mode": "sync"})"));
    const FlowResult& f = r.flows.at(0);
    CHECK(f.availabilityMethod == "exact");
    // The published figure is the structural one (every part up); nothing here times out,
    // so the flow's availability is the same number.
    CHECK_THAT(f.availabilityUp, WithinAbs(0.9995 * 0.9999, 1e-9));
    CHECK(f.timedOut == 0);
    CHECK_THAT(f.availability, WithinAbs(0.9995 * 0.9999, 1e-9));
    CHECK_THAT(f.availability, WithinAbs(0.9994, 0.00005));
    CHECK_THAT(f.downtimeMinPerMonth, WithinAbs((1 - f.availability) * 43200, 1e-9));
    CHECK_THAT(f.downtimeMinPerYear, WithinAbs((1 - f.availability) * 525960, 1e-9));
}

TEST_CASE(
    "composite availability: a 99.9% queue as alternative to the database gives about 99.95%") {
    const Report r = test::analyzeNoCurves(webWith(
        kDb + kQueue,
        R"(, {"id": "c2", "from": "web", "to": "db", "mode": "sync", "props": {"alternative": "store"}},
             {"id": "c3", "from": "web", "to": "q", "mode": "async", "props": {"alternative": "store"}})"));
    const FlowResult& f = r.flows.at(0);
    CHECK(f.availabilityMethod == "exact");
    CHECK_THAT(f.availability, WithinAbs(0.9995 * (1 - 0.0001 * 0.001), 1e-9));
    CHECK(f.availability > 0.99949);
}

TEST_CASE("a degradable call does not count for availability") {
    const Report r = test::analyzeNoCurves(webWith(
        kDb + R"(, {"id": "flaky", "kind": "cache", "name": "x", "props": {"availability": 0.5}})",
        R"(, {"id": "c2", "from": "web", "to": "db", "mode": "sync"},
             {"id": "c3", "from": "web", "to": "flaky", "mode": "sync", "props": {"required": false}})"));
    CHECK_THAT(r.flows.at(0).availability, WithinAbs(0.9995 * 0.9999, 1e-9));
    // ... but it is still on the synchronous part (its latency counts).
    CHECK(std::count(r.flows[0].syncConnections.begin(), r.flows[0].syncConnections.end(), "c3") ==
          1);
}

TEST_CASE("k-of-n: 2 of 3 instances of 0.99 without zones") {
    const Report r = test::analyzeNoCurves(test::design(
        "[]",
        R"([{"id": "client", "kind": "client", "name": "c"},
            {"id": "kv", "kind": "key_value_store", "name": "kv",
             "props": {"instances": 3, "min_healthy": 2, "availability": 0.99}}])",
        R"([{"id": "c1", "from": "client", "to": "kv", "mode": "sync"}])",
        R"([{"id": "f", "name": "f", "entry": "client", "op": "read", "rate_rps": 1}])"));
    const double a = 0.99;
    CHECK_THAT(r.flows.at(0).availability, WithinAbs(3 * a * a - 2 * a * a * a, 1e-12));
}

TEST_CASE("zone common cause: two replicas in one zone are no better than the zone") {
    const std::string zones = R"([{"id": "az1", "region": "r", "availability": 0.9995},
                                  {"id": "az2", "region": "r", "availability": 0.9995}])";
    auto run = [&](const std::string& placement) {
        return test::analyzeNoCurves(
                   test::design(
                       zones,
                       R"([{"id": "client", "kind": "client", "name": "c"},
                    {"id": "api", "kind": "app_service", "name": "a",
                     "props": {"instances": 2, "availability": 0.999, "zones": )" +
                           placement + R"(}}])",
                       R"([{"id": "c1", "from": "client", "to": "api", "mode": "sync"}])",
                       R"([{"id": "f", "name": "f", "entry": "client", "op": "read", "rate_rps": 1}])"))
            .flows.at(0)
            .availability;
    };
    const double oneZone = run(R"(["az1"])");
    const double twoZones = run(R"(["az1", "az2"])");
    CHECK(oneZone <= 0.9995);
    CHECK_THAT(oneZone, WithinAbs(0.9995 * (1 - 0.001 * 0.001), 1e-12));
    // Across two zones: one instance per zone, each up with 0.9995 x 0.999.
    const double each = 0.9995 * 0.999;
    CHECK_THAT(twoZones, WithinAbs(1 - (1 - each) * (1 - each), 1e-12));
    CHECK(twoZones > oneZone);
}

TEST_CASE("manual failover counts as no redundancy") {
    auto run = [](const std::string& failover) {
        return test::analyzeNoCurves(test::design(
            "[]",
            R"([{"id": "client", "kind": "client", "name": "c"},
                    {"id": "db", "kind": "rdbms", "name": "d",
                     "props": {"instances": 2, "availability": 0.999, "failover": ")" +
                failover + R"("}}])",
            R"([{"id": "c1", "from": "client", "to": "db", "mode": "sync"}])",
            R"([{"id": "f", "name": "f", "entry": "client", "op": "read", "rate_rps": 1}])"));
    };
    const Report manual = run("manual");
    const Report automatic = run("automatic");
    CHECK_THAT(manual.flows[0].availability, WithinAbs(0.999, 1e-12));
    CHECK_THAT(automatic.flows[0].availability, WithinAbs(1 - 1e-6, 1e-12));
    CHECK(manual.component("db")->spofFor == std::vector<std::string>{"f"});
    CHECK(automatic.component("db")->spofFor.empty());
}

TEST_CASE("an entry client counts only when its availability is set") {
    auto run = [](const std::string& props) {
        return test::analyzeNoCurves(
                   test::design(
                       "[]",
                       R"([{"id": "client", "kind": "client", "name": "c", "props": )" + props +
                           R"(}, {"id": "api", "kind": "app_service", "name": "a",
                     "props": {"instances": 1, "availability": 0.99}}])",
                       R"([{"id": "c1", "from": "client", "to": "api", "mode": "sync"}])",
                       R"([{"id": "f", "name": "f", "entry": "client", "op": "read", "rate_rps": 1}])"))
            .flows[0]
            .availability;
    };
    CHECK_THAT(run("{}"), WithinAbs(0.99, 1e-12));
    CHECK_THAT(run(R"({"availability": 0.9})"), WithinAbs(0.9 * 0.99, 1e-12));
}

TEST_CASE("a component shared below an alternative falls back to seeded Monte Carlo") {
    const Document doc = test::design(
        "[]",
        R"([{"id": "client", "kind": "client", "name": "c"},
            {"id": "web", "kind": "app_service", "name": "w", "props": {"instances": 1, "availability": 0.99}},
            {"id": "x", "kind": "app_service", "name": "x", "props": {"instances": 1, "availability": 0.9}},
            {"id": "y", "kind": "app_service", "name": "y", "props": {"instances": 1, "availability": 0.8}},
            {"id": "z", "kind": "rdbms", "name": "z", "props": {"instances": 1, "availability": 0.95}}])",
        R"([{"id": "c1", "from": "client", "to": "web", "mode": "sync"},
            {"id": "c2", "from": "web", "to": "x", "mode": "sync", "props": {"alternative": "g"}},
            {"id": "c3", "from": "web", "to": "y", "mode": "sync", "props": {"alternative": "g"}},
            {"id": "c4", "from": "x", "to": "z", "mode": "sync"},
            {"id": "c5", "from": "y", "to": "z", "mode": "sync"}])",
        R"([{"id": "f", "name": "f", "entry": "client", "op": "read", "rate_rps": 1}])");
    const Report r = test::analyzeNoCurves(doc);
    const FlowResult& f = r.flows.at(0);
    const double exact = 0.99 * (1 - 0.1 * 0.2) * 0.95; // z counted once
    CHECK(f.availabilityMethod == "monte_carlo");
    REQUIRE(f.availabilityInterval.has_value());
    CHECK(f.availabilityInterval->first <= exact);
    CHECK(f.availabilityInterval->second >= exact);
    CHECK(f.availabilityInterval->second - f.availabilityInterval->first < 0.01);
    // Deterministic: the same seed gives the same number; z is a single point of failure.
    CHECK(test::analyzeNoCurves(doc).flows[0].availability == f.availability);
    CHECK(r.component("z")->spofFor == std::vector<std::string>{"f"});
    CHECK(r.component("x")->spofFor.empty());
}

TEST_CASE("what-if: failed components and zones are down") {
    const Document doc = test::load(test::smallDesign().dump());
    AnalysisOptions options;
    options.failedComponents = {"db"};
    CHECK(test::analyzeNoCurves(doc, options).flows[0].availability == 0);
    AnalysisOptions zone;
    zone.failedZones = {"az1"};
    const double withoutAz1 = test::analyzeNoCurves(doc, zone).flows[0].availability;
    CHECK(withoutAz1 > 0);
    CHECK(withoutAz1 < test::analyzeNoCurves(doc).flows[0].availability);
}

TEST_CASE("exact availability over zones: a component of five zones beside ones of one and two") {
    // The exact pass reads up to four zones of a component beside it and asks the rest of
    // its table: both, in one flow, against the sum over the 32 zone states worked out here.
    const Document doc = test::design(
        R"([{"id": "z0", "region": "r", "availability": 0.999},
            {"id": "z1", "region": "r", "availability": 0.998},
            {"id": "z2", "region": "r", "availability": 0.997},
            {"id": "z3", "region": "r", "availability": 0.996},
            {"id": "z4", "region": "r", "availability": 0.995}])",
        R"([{"id": "client", "kind": "client"},
            {"id": "web", "kind": "app_service",
             "props": {"instances": 5, "min_healthy": 3, "availability": 0.99,
                       "zones": ["z0", "z1", "z2", "z3", "z4"]}},
            {"id": "db", "kind": "rdbms",
             "props": {"instances": 2, "availability": 0.999, "zones": ["z3", "z1"]}},
            {"id": "cache", "kind": "cache", "props": {"instances": 1, "zones": ["z2"]}}])",
        R"([{"id": "c1", "from": "client", "to": "web", "mode": "sync"},
            {"id": "c2", "from": "web", "to": "db", "mode": "sync"},
            {"id": "c3", "from": "web", "to": "cache", "mode": "sync"}])",
        R"([{"id": "f", "name": "f", "entry": "client", "op": "read", "rate_rps": 1}])");
    const detail::Graph g = detail::buildGraph(doc, Catalogue::builtin(), {});
    const detail::Node& web = g.nodes[1];
    const detail::Node& db = g.nodes[2];
    const detail::Node& cache = g.nodes[3];
    const double zone[5] = {0.999, 0.998, 0.997, 0.996, 0.995};
    double expected = 0;
    for (uint32_t state = 0; state < 32; ++state) {
        double weight = 1;
        for (int z = 0; z < 5; ++z)
            weight *= (state >> z & 1u) ? zone[z] : 1 - zone[z];
        const uint32_t dbZones = (state >> 3 & 1u) | (state >> 1 & 1u) << 1; // z3, z1
        const uint32_t cacheZones = state >> 2 & 1u;                         // z2
        expected += weight * detail::nodeUpGivenZones(web, state) *
                    detail::nodeUpGivenZones(db, dbZones) *
                    detail::nodeUpGivenZones(cache, cacheZones);
    }
    const FlowResult f = test::analyzeNoCurves(doc).flows.at(0);
    CHECK(f.availabilityMethod == "exact");
    CHECK(expected < 0.995); // the zones and the single cache count
    CHECK_THAT(f.availabilityUp, WithinAbs(expected, 1e-12));
}
