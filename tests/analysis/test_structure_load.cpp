// Passes 1, 2, 4 and 6 on the shipped examples and small designs: structure, load, single
// points of failure, curves, determinism.
#include "analysis_helpers.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace archlens;
using Catch::Matchers::WithinAbs;

namespace {

bool has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

const ZoneResult& zone(const Report& r, const std::string& id) {
    for (const auto& z : r.zones)
        if (z.id == id) return z;
    FAIL("no zone " << id);
    throw;
}

} // namespace

TEST_CASE(
    "url-shortener: keygen is a single point of failure of create; redirect_svc is overloaded") {
    const Report r = test::analyzeNoCurves(test::example("url-shortener"));
    CHECK(has(r.component("keygen")->spofFor, "create"));
    CHECK_FALSE(has(r.component("keygen")->spofFor, "redirect"));
    CHECK(r.component("link_store")->spofFor.empty()); // 2 of 3 across zones
    CHECK(has(zone(r, "az1").spofFor, "create"));
    CHECK(zone(r, "az2").spofFor.empty());
    CHECK_THAT(r.component("redirect_svc")->utilisation, WithinAbs(40000.0 / 30000.0, 0.01));
    REQUIRE(r.saturation.has_value());
    CHECK(r.saturation->component == "redirect_svc");
    CHECK_THAT(r.saturation->multiplier, WithinAbs(0.75, 0.01));
    // Structure: the click stream ends the synchronous part; its consumers are the tail.
    const FlowResult* redirect = r.flow("redirect");
    REQUIRE(redirect);
    CHECK(has(redirect->syncComponents, "click_stream"));
    CHECK_FALSE(has(redirect->syncComponents, "aggregator"));
    CHECK(has(redirect->asyncComponents, "aggregator"));
    CHECK(has(redirect->asyncComponents, "stats_store"));
    CHECK(redirect->asyncP99_ms > 0);
    CHECK(redirect->syncDepth == 4);
    // Retried calls add expected attempts to the load, a little.
    CHECK(r.component("keygen")->offeredRps > 400);
    CHECK(r.component("keygen")->offeredRps < 402);
    CHECK(r.component("client")->offeredRps == 0);
}

TEST_CASE("chat-system: the presence store's zone is a zone SPOF of presence") {
    const Report r = test::analyzeNoCurves(test::example("chat-system"));
    CHECK(has(zone(r, "az1").spofFor, "presence"));
    CHECK_FALSE(has(zone(r, "az1").spofFor, "history"));
    CHECK(r.component("presence_store")->spofFor.empty()); // redundant, but in one zone
    CHECK(r.flow("presence")->availability <= 0.9995);
}

TEST_CASE("ecommerce: orders_db's zone az1 fails the flows that write or read orders") {
    const Report r = test::analyzeNoCurves(test::example("ecommerce-checkout"));
    CHECK(has(zone(r, "az1").spofFor, "place_order"));
    CHECK(has(zone(r, "az1").spofFor, "order_status"));
    CHECK_FALSE(has(zone(r, "az1").spofFor, "cart"));
    CHECK(has(r.component("payment")->spofFor, "place_order"));
}

TEST_CASE("video-platform: upload depth 7, stream survives one origin") {
    const Report r = test::analyzeNoCurves(test::example("video-platform"));
    CHECK(r.flow("upload")->syncDepth == 7);
    CHECK(r.flow("stream")->syncDepth == 2);
    CHECK(r.component("segments")->spofFor.empty());
    CHECK(has(r.component("metadata_db")->spofFor, "watch")); // manual failover
    CHECK(has(r.component("cdn")->spofFor, "stream"));
}

TEST_CASE("ride-matching: location_svc at 125% utilisation") {
    const Report r = test::analyzeNoCurves(test::example("ride-matching"));
    CHECK_THAT(r.component("location_svc")->utilisation, WithinAbs(1.25, 0.01));
    CHECK(r.saturation->component == "location_svc");
    CHECK(has(r.component("geo_index")->spofFor, "location"));
}

TEST_CASE("a call cycle is reported, not followed for ever") {
    const Document doc = test::design(
        "[]",
        R"([{"id": "client", "kind": "client", "name": "c"},
            {"id": "a", "kind": "app_service", "name": "a"},
            {"id": "b", "kind": "app_service", "name": "b"}])",
        R"([{"id": "c1", "from": "client", "to": "a", "mode": "sync"},
            {"id": "c2", "from": "a", "to": "b", "mode": "sync"},
            {"id": "c3", "from": "b", "to": "a", "mode": "sync"}])",
        R"([{"id": "f", "name": "f", "entry": "client", "op": "read", "rate_rps": 10}])");
    const Report r = analyze(doc, Catalogue::builtin());
    const FlowResult& f = r.flows.at(0);
    CHECK(f.cycle == std::vector<std::string>{"a", "b", "a"});
    CHECK(f.syncDepth == 2);
    CHECK_THAT(r.component("a")->offeredRps, WithinAbs(10, 1e-9));
    CHECK(f.p99_ms > 0);
}

TEST_CASE("ops and flows restrict which connections a flow follows") {
    const Document doc = test::load(test::smallDesign().dump());
    const Report r = test::analyzeNoCurves(doc);
    CHECK(has(r.flows[0].syncComponents, "db")); // write flow, c2 is write-only
    Json j = test::smallDesign();
    j["flows"][0]["op"] = "read";
    const Report read = test::analyzeNoCurves(test::load(j.dump()));
    CHECK_FALSE(has(read.flows[0].syncComponents, "db"));
    CHECK(read.component("db")->offeredRps == 0);

    // A list of flows wins over the ops: the read flow listed goes to the database...
    j["connections"][1]["props"]["flows"] = Json::array({"order"});
    const Report listed = test::analyzeNoCurves(test::load(j.dump()));
    CHECK(has(listed.flows[0].syncComponents, "db"));
    CHECK(has(listed.flows[0].syncConnections, "c2"));
    // ...and an empty list carries no flow, whatever the ops allow (the editor leaves one
    // when the last flow is taken off a connection).
    Json none = test::smallDesign();
    none["connections"][1]["props"]["flows"] = Json::array();
    const Report empty = test::analyzeNoCurves(test::load(none.dump()));
    CHECK_FALSE(has(empty.flows[0].syncComponents, "db"));
    CHECK(empty.component("db")->offeredRps == 0);
}

TEST_CASE("load curves go past saturation") {
    const Report r = analyze(test::example("url-shortener"), Catalogue::builtin());
    REQUIRE(r.curves.size() >= 10);
    CHECK(r.curves.front().multiplier == Approx(0.1));
    CHECK(r.curves.back().maxUtilisation >= 1.2 - 1e-9);
    CHECK(std::is_sorted(
        r.curves.begin(), r.curves.end(),
        [](const CurvePoint& a, const CurvePoint& b) { return a.multiplier < b.multiplier; }));
    for (const auto& p : r.curves)
        CHECK(p.flowLatency.size() == r.flows.size());
    // Latency does not fall as load grows.
    CHECK(r.curves.back().flowLatency[0].second >= r.curves.front().flowLatency[0].second);
}

TEST_CASE("the same input gives identical numbers") {
    for (const auto& path : test::examplePaths()) {
        std::ifstream in(path);
        std::stringstream text;
        text << in.rdbuf();
        const Document doc = test::load(text.str());
        const Report a = analyze(doc, Catalogue::builtin());
        const Report b = analyze(doc, Catalogue::builtin());
        INFO(path.filename().string());
        REQUIRE(a.flows.size() == b.flows.size());
        for (std::size_t i = 0; i < a.flows.size(); ++i) {
            CHECK(a.flows[i].availability == b.flows[i].availability);
            CHECK(a.flows[i].p50_ms == b.flows[i].p50_ms);
            CHECK(a.flows[i].p99_ms == b.flows[i].p99_ms);
            CHECK(a.flows[i].criticalPath == b.flows[i].criticalPath);
        }
        for (std::size_t i = 0; i < a.components.size(); ++i) {
            CHECK(a.components[i].offeredRps == b.components[i].offeredRps);
            CHECK(a.components[i].spofFor == b.components[i].spofFor);
        }
        REQUIRE(a.curves.size() == b.curves.size());
        for (std::size_t i = 0; i < a.curves.size(); ++i)
            CHECK(a.curves[i].flowLatency == b.curves[i].flowLatency);
    }
}
