// Comparing two designs (archlens/analysis/diff.h): small designs changed one thing at a
// time, the diff naming exactly that change with its values before and after.
#include "analysis_helpers.h"
#include "test_rule_support.h"

#include "archlens/analysis/diff.h"

#include <catch2/catch.hpp>

using namespace archlens;
using namespace archlens::test;

namespace {

struct Analysed {
    Document doc;
    Report report;
};

Analysed analysed(const Json& design) {
    Analysed a{load(design.dump()), {}};
    a.report = analyze(a.doc, Catalogue::builtin());
    runRules(a.doc, Catalogue::builtin(), a.report);
    return a;
}

DesignDiff diffOf(const Json& before, const Json& after) {
    const Analysed a = analysed(before);
    const Analysed b = analysed(after);
    return diffDesigns(a.doc, a.report, b.doc, b.report);
}

const FieldChange* field(const ElementChange& change, const std::string& name) {
    for (const auto& f : change.fields)
        if (f.field == name) return &f;
    return nullptr;
}

const ElementChange* changeOf(const DesignDiff& d, const std::string& id) {
    for (const auto& c : d.changed)
        if (c.element.id == id) return &c;
    return nullptr;
}

} // namespace

TEST_CASE("diff: a design compared with itself is identical") {
    for (const char* name : {"url-shortener", "chat-system", "ecommerce-checkout"}) {
        INFO(name);
        const Document doc = example(name);
        Report report = analyze(doc, Catalogue::builtin());
        runRules(doc, Catalogue::builtin(), report);
        const DesignDiff d = diffDesigns(doc, report, doc, report);
        CHECK(d.identical());
        CHECK(d.added.empty());
        CHECK(d.removed.empty());
        CHECK(d.changed.empty());
        CHECK(d.moved.empty());
        CHECK(d.findingsAppeared.empty());
        CHECK(d.findingsGone.empty());
        CHECK(d.flows.size() == report.flows.size());
        CHECK_THAT(diffToText(d), Catch::Contains("The designs are the same"));
        CHECK(diffToJson(d)["identical"] == true);
        CHECK(diffToJson(d)["summary"]["changed"] == 0);
    }
}

TEST_CASE("diff: a renamed component and a changed property, with before and after") {
    Json before = soundDesign();
    Json after = soundDesign();
    component(after, "api")["name"] = "Orders API";
    component(after, "api")["props"]["instances"] = 5;
    component(after, "api")["props"]["latency_ms"] = {{"p50", 10}, {"p99", 1500}};
    connection(after, "c3")["props"]["timeout_ms"] = 2000;
    const DesignDiff d = diffOf(before, after);
    CHECK(d.added.empty());
    CHECK(d.removed.empty());
    INFO(diffToText(d));
    REQUIRE(d.changed.size() == 2);

    const ElementChange* api = changeOf(d, "api");
    REQUIRE(api);
    CHECK(api->element.type == ElementType::Component);
    CHECK(api->element.name == "Orders API");
    REQUIRE(api->fields.size() == 3);
    REQUIRE(field(*api, "name"));
    CHECK(field(*api, "name")->before == "API");
    CHECK(field(*api, "name")->after == "Orders API");
    REQUIRE(field(*api, "props.instances"));
    CHECK(field(*api, "props.instances")->label == "Instances");
    CHECK(field(*api, "props.instances")->before == "3");
    CHECK(field(*api, "props.instances")->after == "5");
    CHECK(field(*api, "props.instances")->afterValue == 5);
    // A property set only on one side reads "not set" with the value it takes then.
    REQUIRE(field(*api, "props.latency_ms"));
    CHECK_THAT(field(*api, "props.latency_ms")->before, Catch::StartsWith("not set (p50 "));
    CHECK(field(*api, "props.latency_ms")->after == "p50 10 ms, p99 1.5 s");

    const ElementChange* c3 = changeOf(d, "c3");
    REQUIRE(c3);
    CHECK(c3->element.name == "Orders API → Orders DB");
    REQUIRE(c3->fields.size() == 1);
    CHECK(c3->fields[0].label == "Timeout");
    CHECK(c3->fields[0].before == "250 ms");
    CHECK(c3->fields[0].after == "2 s (2000 ms)");

    const std::string text = diffToText(d, {"a.archlens", "b.archlens", {}});
    CHECK_THAT(text, Catch::Contains("0 added, 0 removed, 2 changed, 0 moved"));
    CHECK_THAT(text, Catch::Contains("    Name: API → Orders API\n"));
    CHECK_THAT(text, Catch::Contains("    Timeout: 250 ms → 2 s (2000 ms)\n"));
    const Json json = diffToJson(d);
    CHECK(json["changed"][0]["id"] == "api");
    CHECK(json["changed"][0]["fields"][0]["before"] == "API");
    CHECK(json["summary"]["changed"] == 2);
    const std::string md = diffToMarkdown(d);
    CHECK_THAT(md, Catch::Contains("## Changed (2)"));
    CHECK_THAT(md, Catch::Contains("  - Instances: 3 → 5\n"));
}

TEST_CASE("diff: moving a box is not a change of meaning") {
    Json before = soundDesign();
    Json after = soundDesign();
    component(after, "db")["x"] = 900;
    component(after, "db")["width"] = 200;
    const DesignDiff d = diffOf(before, after);
    CHECK(d.changed.empty());
    REQUIRE(d.moved.size() == 1);
    CHECK(d.moved[0].id == "db");
    CHECK(d.moved[0].x == 900);
    CHECK_FALSE(d.identical());
}

TEST_CASE("diff: a connection drawn again under a new id is changed, not removed and added") {
    Json before = soundDesign();
    Json after = soundDesign();
    Json& c3 = connection(after, "c3");
    c3["id"] = "c9";
    c3["props"]["retries"] = 0;
    const DesignDiff d = diffOf(before, after);
    CHECK(d.added.empty());
    CHECK(d.removed.empty());
    REQUIRE(d.changed.size() == 1);
    CHECK(d.changed[0].element.id == "c9");
    CHECK(d.changed[0].beforeId == "c3");
    REQUIRE(field(d.changed[0], "id"));
    CHECK(field(d.changed[0], "id")->before == "c3");
    REQUIRE(field(d.changed[0], "props.retries"));
    CHECK(field(d.changed[0], "props.retries")->before == "2");
    CHECK(field(d.changed[0], "props.retries")->after == "0");
    CHECK_THAT(diffToText(d), Catch::Contains("connection API → Orders DB (c9, was c3)"));

    SECTION("between other components it is a removal and an addition") {
        c3["from"] = "gw";
        const DesignDiff other = diffOf(before, after);
        REQUIRE(other.added.size() == 1);
        CHECK(other.added[0].id == "c9");
        REQUIRE(other.removed.size() == 1);
        CHECK(other.removed[0].id == "c3");
        CHECK(other.removed[0].name == "API → Orders DB");
    }
}

TEST_CASE("diff: a finding that went after adding a replica, and availability before and after") {
    Json before = soundDesign();
    component(before, "db")["props"] = {{"instances", 1}, {"zones", {"az1"}}};
    const Json after = soundDesign();
    const Analysed a = analysed(before);
    const Analysed b = analysed(after);
    const DesignDiff d = diffDesigns(a.doc, a.report, b.doc, b.report);

    bool spofWent = false;
    for (const auto& f : d.findingsGone)
        if (f.rule == "single-point-of-failure" && f.subjects == std::vector<std::string>{"db"}) {
            spofWent = true;
            CHECK(f.severity == Severity::Error);
            CHECK(f.subjectNames == std::vector<std::string>{"Orders DB"});
            CHECK_FALSE(f.title.empty());
        }
    CHECK(spofWent);
    for (const auto& f : d.findingsAppeared)
        CHECK(f.rule != "single-point-of-failure");

    REQUIRE(d.flows.size() == 1);
    const FlowComparison& order = d.flows[0];
    CHECK(order.id == "order");
    CHECK(order.availabilityBefore == a.report.flows[0].availability);
    CHECK(order.availabilityAfter == b.report.flows[0].availability);
    CHECK(order.availabilityAfter > order.availabilityBefore);
    CHECK(order.changed());
    CHECK_THAT(availabilityDifferenceText(order.availabilityBefore, order.availabilityAfter),
               Catch::StartsWith("+"));

    const ElementChange* db = changeOf(d, "db");
    REQUIRE(db);
    REQUIRE(field(*db, "props.instances"));
    CHECK(field(*db, "props.instances")->before == "1");
    CHECK(field(*db, "props.instances")->after == "2");
    REQUIRE(field(*db, "props.zones"));
    CHECK(field(*db, "props.zones")->before == "az1");
    CHECK(field(*db, "props.zones")->after == "az1, az2");
    CHECK(field(*db, "props.failover")->before == "not set (manual)");
    CHECK(field(*db, "props.failover")->after == "automatic");

    const Json json = diffToJson(d);
    CHECK(json["flows"][0]["availability"]["before"] == order.availabilityBefore);
    CHECK(json["findings"]["gone"].size() == d.findingsGone.size());
}

TEST_CASE("diff: zones, flows and requirements added, removed and changed") {
    Json before = soundDesign();
    Json after = soundDesign();
    after["requirements"]["availability"] = 0.9999;
    after["zones"][1]["availability"] = 0.999;
    after["zones"].push_back({{"id", "az3"}, {"region", "eu"}, {"availability", 0.9995}});
    after["flows"][0]["rate_rps"] = 120;
    after["flows"].push_back({{"id", "browse"},
                              {"name", "Browse"},
                              {"entry", "client"},
                              {"op", "read"},
                              {"rate_rps", 10}});
    before["components"].push_back(
        {{"id", "old"}, {"kind", "cache"}, {"name", "Old cache"}, {"x", 5}, {"y", 300}});
    const DesignDiff d = diffOf(before, after);

    REQUIRE(d.design.size() == 1);
    CHECK(d.design[0].field == "requirements.availability");
    CHECK(d.design[0].before == "99.9%");
    CHECK(d.design[0].after == "99.99%");
    CHECK(d.addedCount(ElementType::Zone) == 1);
    CHECK(d.addedCount(ElementType::Flow) == 1);
    CHECK(d.removedCount(ElementType::Component) == 1);
    REQUIRE(d.removed.size() == 1);
    CHECK(d.removed[0].name == "Old cache");
    CHECK(d.removed[0].y == 300);
    const ElementChange* az2 = changeOf(d, "az2");
    REQUIRE(az2);
    CHECK(az2->fields[0].before == "99.95%");
    CHECK(az2->fields[0].after == "99.9%");
    const ElementChange* order = changeOf(d, "order");
    REQUIRE(order);
    CHECK(order->fields[0].label == "Rate");
    CHECK(order->fields[0].before == "50 req/s");
    CHECK(order->fields[0].after == "120 req/s");
    REQUIRE(d.flowsOnlyAfter.size() == 1);
    CHECK(d.flowsOnlyAfter[0].name == "Browse");
    CHECK(d.flows.size() == 1);
}

TEST_CASE("diff: names from the designs go through the renderers' text function") {
    Json before = soundDesign();
    Json after = soundDesign();
    component(after, "api")["name"] = "A*P*I";
    const DesignDiff d = diffOf(before, after);
    CHECK_THAT(diffToMarkdown(d), Catch::Contains("A\\*P\\*I"));
    DiffTextOptions options;
    options.text = [](const std::string& s) { return "<" + s + ">"; };
    CHECK_THAT(diffToText(d, options), Catch::Contains("<Name>: <API> → <A*P*I>"));
}

TEST_CASE("diff: differences read with their sign and unit") {
    CHECK(availabilityDifferenceText(0.999, 0.9999) == "+0.090 pp");
    CHECK(availabilityDifferenceText(0.99, 0.9) == "−9.00 pp");
    CHECK(availabilityDifferenceText(0.5, 0.5) == "±0");
    CHECK(millisecondsDifferenceText(120, 80) == "−40 ms");
    CHECK(millisecondsDifferenceText(800, 2000) == "+1.2 s");
}

TEST_CASE("diff: each flow's saturation multiplier, before and after") {
    Json before = soundDesign();
    Json after = soundDesign();
    const double rate = before["flows"][0]["rate_rps"].get<double>();
    after["flows"][0]["rate_rps"] = rate * 2;
    const Analysed a = analysed(before);
    const Analysed b = analysed(after);
    const DesignDiff d = diffDesigns(a.doc, a.report, b.doc, b.report);
    REQUIRE(d.flows.size() == 1);
    const FlowComparison& f = d.flows[0];
    REQUIRE(f.saturationBefore);
    REQUIRE(f.saturationAfter);
    // Twice the traffic: the busiest component it reaches fills at half the multiple.
    CHECK(*f.saturationAfter == Approx(*f.saturationBefore / 2));
    CHECK(f.changed());
    // One flow: its saturation is the design's.
    REQUIRE(a.report.saturation);
    CHECK(*f.saturationBefore == Approx(a.report.saturation->multiplier));
    const Json json = diffToJson(d);
    CHECK(json["flows"][0]["saturation_multiplier"]["before"].get<double>() ==
          Approx(*f.saturationBefore));
    CHECK(diffToText(d).find("saturates at") != std::string::npos);
}
