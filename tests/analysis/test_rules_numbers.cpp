// Rules that read the analysis numbers: tested on hand-made reports, so each sees exactly
// the figures it judges.
#include "test_rule_support.h"

#include <catch2/catch.hpp>

using namespace archlens;
using namespace archlens::test;

namespace {
FlowResult orderFlow() {
    FlowResult f;
    f.id = "order";
    f.syncComponents = {"client", "gw", "api", "db"};
    f.syncConnections = {"c1", "c2", "c3"};
    f.criticalPath = {"client", "gw", "api", "db"};
    f.syncDepth = 3;
    f.availability = 0.9995;
    f.p50_ms = 40;
    f.p99_ms = 200;
    f.hops = {{"gw", "c1", 2, 8}, {"api", "c2", 10, 60}, {"db", "c3", 5, 120}};
    return f;
}

Report sound() {
    Report r;
    r.flows = {orderFlow()};
    for (const char* id : {"client", "gw", "api", "db", "mon"})
        r.components.push_back({id, 50, 0.1, {}, 1});
    return r;
}
} // namespace

TEST_CASE("numbers-based rules stay quiet on sound numbers") {
    CHECK(findings(soundDesign(), sound()).empty());
}

TEST_CASE("rule single-point-of-failure names the component and the flows") {
    Report r = sound();
    r.components[3].spofFor = {"order"};
    auto f = findingsOf("single-point-of-failure", soundDesign(), r);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"db"});
    CHECK(f[0].severity == Severity::Error);
    CHECK_THAT(f[0].title, Catch::Contains("Orders DB"));
    CHECK_THAT(f[0].message, Catch::Contains("Place order"));
    CHECK(f[0].guideSection == "Availability Patterns");
}

TEST_CASE("rule sync-chain fires above the required depth only") {
    Report r = sound();
    r.flows[0].syncDepth = 5;
    auto f = findingsOf("sync-chain", soundDesign(), r);
    REQUIRE(f.size() == 1);
    CHECK_THAT(f[0].title, Catch::Contains("5 synchronous calls"));
    CHECK_THAT(f[0].message, Catch::Contains("limit of 4") &&
                                 Catch::Contains("Browser → Gateway → API → Orders DB"));
    r.flows[0].syncDepth = 4;
    CHECK(findingsOf("sync-chain", soundDesign(), r).empty());
}

TEST_CASE("rule saturated-component: warning from 80%, error from 100%") {
    Report r = sound();
    r.components[2].offeredRps = 2700;
    r.components[2].utilisation = 0.9;
    auto f = findingsOf("saturated-component", soundDesign(), r);
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Warning);
    CHECK_THAT(f[0].message, Catch::Contains("2,700 req/s") && Catch::Contains("90%"));
    r.components[2].utilisation = 1.3;
    CHECK(findingsOf("saturated-component", soundDesign(), r)[0].severity == Severity::Error);
    r.components[2].utilisation = 0.79;
    CHECK(findingsOf("saturated-component", soundDesign(), r).empty());
}

TEST_CASE("rule availability-below-target and latency-above-target compare with requirements") {
    Report r = sound();
    r.flows[0].availability = 0.998;
    r.flows[0].downtimeMinPerMonth = 86.4;
    auto a = findingsOf("availability-below-target", soundDesign(), r);
    REQUIRE(a.size() == 1);
    CHECK_THAT(a[0].message,
               Catch::Contains("99.8%") && Catch::Contains("99.9%") && Catch::Contains("86"));
    r.flows[0].p99_ms = 650;
    auto l = findingsOf("latency-above-target", soundDesign(), r);
    REQUIRE(l.size() == 1);
    CHECK_THAT(l[0].message,
               Catch::Contains("650 ms") && Catch::Contains("Orders DB (p99 120 ms)"));
}

TEST_CASE("rule availability-below-target names what the designer can change, not DNS") {
    Json d = soundDesign();
    d["components"].push_back({{"id", "dns"}, {"kind", "dns"}, {"name", "DNS"}});
    d["connections"].push_back({{"id", "c0"}, {"from", "client"}, {"to", "dns"}, {"mode", "sync"}});
    Report r = sound();
    r.components.push_back({"dns", 50, 0.1, {}, 0.99999});
    r.flows[0].syncComponents = {"client", "dns", "gw", "api", "db"};
    r.flows[0].availability = 0.998;
    for (auto& c : r.components)
        if (c.id == "client" || c.id == "dns" || c.id == "db") c.spofFor = {"order"};
    r.components[3].availability = 0.999; // the database: 43.2 minutes a month
    auto a = findingsOf("availability-below-target", d, r);
    REQUIRE(a.size() == 1);
    // The downtime budget, largest first: the database, then the external DNS (it counts,
    // and is marked external); the client is outside the system and never listed.
    CHECK(a[0].subjects == std::vector<std::string>{"db", "dns"});
    CHECK_THAT(a[0].message, Catch::Contains("Orders DB 43 min") &&
                                 Catch::Contains("DNS 26 s (external)"));
    // A zone that alone stops the flow takes its place by its share.
    r.zones = {{"az1", {"order"}, 0.9995}, {"az2", {}, 0.9995}};
    CHECK(findingsOf("availability-below-target", d, r)[0].subjects ==
          std::vector<std::string>{"db", "az1", "dns"});
}

TEST_CASE("rule call-cycle lists the cycle") {
    Report r = sound();
    r.flows[0].cycle = {"api", "db", "api"};
    auto f = findingsOf("call-cycle", soundDesign(), r);
    REQUIRE(f.size() == 1);
    CHECK_THAT(f[0].message, Catch::Contains("API → Orders DB → API"));
}

TEST_CASE("rule manual-failover on a flow's path") {
    Json d = soundDesign();
    component(d, "db")["props"]["failover"] = "manual";
    auto f = findingsOf("manual-failover", d, sound());
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"db"});
}

TEST_CASE("rule unused-component and sync-to-external") {
    Json d = soundDesign();
    d["components"].push_back({{"id", "psp"}, {"kind", "external_service"}, {"name", "Payments"}});
    auto unused = findingsOf("unused-component", d, sound());
    REQUIRE(unused.size() == 1);
    CHECK(unused[0].subjects == std::vector<std::string>{"psp"});
    Report r = sound();
    r.flows[0].syncComponents.push_back("psp");
    CHECK(findingsOf("unused-component", d, r).empty());
    REQUIRE(findingsOf("sync-to-external", d, r).size() == 1);
}

TEST_CASE("every rule has texts and cites a guide heading, and there are at least 30") {
    CHECK(ruleInfos().size() >= 30);
    for (const auto& info : ruleInfos()) {
        INFO(info.id);
        CHECK_FALSE(info.title.empty());
        CHECK_FALSE(info.message.empty());
        CHECK_FALSE(info.suggestion.empty());
        CHECK_FALSE(info.followUp.empty());
        CHECK_FALSE(info.guideSection.empty());
    }
}

TEST_CASE("findings are ordered errors first then by rule") {
    Json d = soundDesign();
    connection(d, "c3")["props"]["idempotent"] = false;
    connection(d, "c3")["props"]["backoff"] = "none";
    Report r = sound();
    r.components[3].spofFor = {"order"};
    auto all = findings(d, r);
    REQUIRE(all.size() == 3);
    CHECK(all[0].rule == "single-point-of-failure");
    CHECK(all[1].rule == "missing-idempotency");
    CHECK(all[2].rule == "retry-without-backoff");
}

TEST_CASE(
    "rule single-point-of-failure also names a zone, and leaves external services to other rules") {
    Json d = soundDesign();
    d["components"].push_back({{"id", "psp"}, {"kind", "external_service"}, {"name", "Payments"}});
    component(d, "api")["props"]["zones"] = Json::array({"az1"});
    Report r = sound();
    r.components.push_back({"psp", 50, 0.1, {"order"}, 0.999});
    r.zones.push_back({"az1", {"order"}, 0.9995});
    auto f = findingsOf("single-point-of-failure", d, r);
    REQUIRE(f.size() == 1);
    // The zone is named with what makes it a single point of failure: the API keeps all
    // three instances in it.
    CHECK(f[0].subjects == std::vector<std::string>{"az1", "api"});
    CHECK_THAT(f[0].title, Catch::Contains("Zone az1"));
    CHECK_THAT(f[0].message, Catch::Contains("Every instance of API is in zone az1"));
    CHECK_THAT(f[0].suggestion, !Catch::Contains("redundancy"));
}
