// Capability detection (analysis/capabilities.h): each condition of a prompt's check, met and
// not met on small designs, with the reason naming what the diagram names; and every
// capability of every prompt present in its reference design.
#include "analysis_helpers.h"

#include "archlens/analysis/capabilities.h"
#include "archlens/analysis/rules.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace archlens;

namespace {

/// A client reads through an API with an optional cache in front of a key-value store; the
/// writes go to the store and hand a job to a queue that a worker drains. "Browse" is a
/// busier read flow that skips the cache (the cache call lists only "read").
Document shop(const std::string& browseRate = "500") {
    return test::design(
        "[]",
        R"([{"id": "client", "kind": "client", "name": "Shopper"},
            {"id": "api", "kind": "app_service", "name": "Item API"},
            {"id": "cache", "kind": "cache", "name": "Item cache"},
            {"id": "db", "kind": "key_value_store", "name": "Items"},
            {"id": "q", "kind": "message_queue", "name": "Jobs"},
            {"id": "worker", "kind": "worker", "name": "Indexer"},
            {"id": "mon", "kind": "monitoring", "name": "Dashboards"}])",
        R"([{"id": "c1", "from": "client", "to": "api", "mode": "sync"},
            {"id": "c2", "from": "api", "to": "cache", "mode": "sync",
             "props": {"flows": ["read"], "required": false}},
            {"id": "c3", "from": "api", "to": "db", "mode": "sync"},
            {"id": "c4", "from": "api", "to": "q", "mode": "async", "props": {"ops": ["write"]}},
            {"id": "c5", "from": "q", "to": "worker", "mode": "async"}])",
        R"([{"id": "read", "name": "Read item", "entry": "client", "op": "read", "rate_rps": 100},
            {"id": "browse", "name": "Browse", "entry": "client", "op": "read", "rate_rps": )" +
            browseRate + R"(},
            {"id": "save", "name": "Save item", "entry": "client", "op": "write", "rate_rps": 10}])");
}

Report critique(const Document& doc) {
    Report report = test::analyzeNoCurves(doc);
    runRules(doc, Catalogue::builtin(), report);
    return report;
}

CapabilityResult judge(const Document& doc, const CapabilityCheck& check) {
    PromptCapability c{"cap", "A capability", "Caching", check};
    return evaluateCapability(doc, Catalogue::builtin(), critique(doc), c);
}

/// The one condition of a single-condition check.
CapabilityCondition only(const CapabilityResult& r) {
    REQUIRE(r.conditions.size() == 1);
    return r.conditions[0];
}

} // namespace

TEST_CASE("capability: present", "[capabilities]") {
    const Document doc = shop();
    CapabilityCheck check;
    check.present = {"monitoring"};
    const auto met = only(judge(doc, check));
    CHECK(met.met);
    CHECK(met.condition == "present");
    CHECK(met.reason == "the design has 'Dashboards' (monitoring)");
    check.present = {"coordination_service", "api_gateway"};
    const auto missed = judge(doc, check);
    CHECK_FALSE(missed.present);
    CHECK(only(missed).reason == "the design has no coordination service or API gateway");
}

TEST_CASE("capability: on_reads looks at the busiest user-facing read flow", "[capabilities]") {
    CapabilityCheck check;
    check.on_reads = {"cache", "cdn"};
    // "Browse" (500 req/s) is the main read flow, and it skips the cache.
    const auto missed = judge(shop("500"), check);
    CHECK_FALSE(missed.present);
    CHECK(only(missed).reason == "the main read flow 'Browse' reaches no cache or CDN");
    // With "Read item" the busiest, the cache is on the main read path.
    const auto met = judge(shop("50"), check);
    CHECK(met.present);
    CHECK(only(met).reason == "the main read flow 'Read item' reaches 'Item cache' (cache)");
    // The write flow is never the read path, however busy.
    check.on_reads = {"message_queue"};
    CHECK_FALSE(judge(shop("50"), check).present);
}

TEST_CASE("capability: on_reads with no read flow at all", "[capabilities]") {
    const Document doc =
        test::design("[]", R"([{"id": "client", "kind": "client"}, {"id": "db", "kind": "rdbms"}])",
                     R"([{"id": "c1", "from": "client", "to": "db", "mode": "sync"}])",
                     R"([{"id": "w", "entry": "client", "op": "write", "rate_rps": 5}])");
    CapabilityCheck check;
    check.on_reads = {"cache"};
    CHECK(only(judge(doc, check)).reason == "the design has no read flow to reach a cache");
}

TEST_CASE("capability: on_writes follows the write flow into its asynchronous tail",
          "[capabilities]") {
    const Document doc = shop();
    CapabilityCheck check;
    check.on_writes = {"worker"};
    const auto met = judge(doc, check);
    CHECK(met.present);
    CHECK(only(met).reason ==
          "the main write flow 'Save item' reaches 'Indexer' (background worker)");
    check.on_writes = {"cache"}; // the cache call carries only the "read" flow
    CHECK(only(judge(doc, check)).reason == "the main write flow 'Save item' reaches no cache");
}

TEST_CASE("capability: async_to", "[capabilities]") {
    const Document doc = shop();
    CapabilityCheck check;
    check.async_to = {"event_stream", "message_queue"};
    const auto met = only(judge(doc, check));
    CHECK(met.met);
    CHECK(met.reason == "'Item API' → 'Jobs' is asynchronous");
    check.async_to = {"event_stream", "pubsub_topic"};
    CHECK(only(judge(doc, check)).reason ==
          "no asynchronous connection ends at an event stream or a pub/sub topic");
}

TEST_CASE("capability: optional_to", "[capabilities]") {
    const Document doc = shop();
    CapabilityCheck check;
    check.optional_to = {"cache"};
    const auto met = only(judge(doc, check));
    CHECK(met.met);
    CHECK(met.reason == "'Item API' → 'Item cache' is optional: the flow goes on without it");
    check.optional_to = {"key_value_store"};
    CHECK(only(judge(doc, check)).reason ==
          "every call to a key-value store is required: a request fails without it");
    check.optional_to = {"rate_limiter"};
    CHECK(only(judge(doc, check)).reason == "nothing calls a rate limiter");
}

TEST_CASE("capability: client_protocol", "[capabilities]") {
    Document doc = shop();
    CapabilityCheck check;
    check.client_protocol = {"websocket"};
    // Left at its default, the client's connection is plain HTTP.
    const auto missed = only(judge(doc, check));
    CHECK_FALSE(missed.met);
    CHECK(missed.reason == "no client connects over websocket");
    doc.connections[0].props["protocol"] = "websocket";
    const auto met = only(judge(doc, check));
    CHECK(met.met);
    CHECK(met.reason == "'Shopper' → 'Item API' speaks websocket");
    // A service's own WebSocket to another service is not a client holding a connection.
    doc.connections[0].props.erase("protocol");
    doc.connections[2].props["protocol"] = "websocket";
    CHECK_FALSE(only(judge(doc, check)).met);
}

TEST_CASE("capability: without holds only once a user-facing flow gives the critique something "
          "to judge",
          "[capabilities]") {
    Document empty;
    CapabilityCheck check;
    check.without = {"single-point-of-failure"};
    const auto r = only(judge(empty, check));
    CHECK_FALSE(r.met);
    CHECK(r.reason.find("no user-facing flow") != std::string::npos);
}

TEST_CASE("capability: without counts findings, acknowledged or not", "[capabilities]") {
    Document doc = shop();
    CapabilityCheck check;
    check.without = {"call-cycle"};
    const auto met = only(judge(doc, check));
    CHECK(met.met);
    CHECK(met.reason == "the critique finds no call-cycle");

    check.without = {"single-point-of-failure", "call-cycle"};
    const Report report = critique(doc);
    const auto spof =
        std::find_if(report.findings.begin(), report.findings.end(),
                     [](const Finding& f) { return f.rule == "single-point-of-failure"; });
    REQUIRE(spof != report.findings.end());
    const auto missed = only(judge(doc, check));
    CHECK_FALSE(missed.met);
    CHECK(missed.reason.starts_with("the critique finds '" + spof->title + "'"));

    // Accepting the findings as trade-offs does not make the capability present.
    for (const auto& f : report.findings)
        if (f.rule == "single-point-of-failure")
            doc.acknowledgements.push_back({f.rule, findingKey(f), "accepted", Json::object()});
    const Report accepted = critique(doc);
    REQUIRE(std::any_of(accepted.findings.begin(), accepted.findings.end(),
                        [](const Finding& f) { return f.acknowledged.has_value(); }));
    CHECK_FALSE(only(judge(doc, check)).met);
}

TEST_CASE("capability: every condition must hold; the first missed one is named",
          "[capabilities]") {
    CapabilityCheck check;
    check.present = {"cache"};
    check.async_to = {"event_stream"};
    check.optional_to = {"cache"};
    const auto r = judge(shop(), check);
    CHECK_FALSE(r.present);
    REQUIRE(r.conditions.size() == 3);
    CHECK(r.conditions[0].met);
    CHECK_FALSE(r.conditions[1].met);
    CHECK(r.conditions[2].met);
    REQUIRE(r.firstMissed());
    CHECK(r.firstMissed()->condition == "async_to");
}

TEST_CASE("capability: every capability of every prompt shows in its reference design",
          "[capabilities][prompts]") {
    int prompts = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(test::resourcesDir() / "prompts")) {
        if (entry.path().extension() != ".json") continue;
        const PromptLoad load = loadPrompt(entry.path());
        INFO(load.describe());
        REQUIRE(load.ok());
        ++prompts;
        const LoadResult design = readDocumentFile(load.referencePath(), Catalogue::builtin());
        REQUIRE(design.ok());
        const Report report = critique(*design.document);
        for (const auto& c : load.prompt->capabilities) {
            const CapabilityResult r =
                evaluateCapability(*design.document, Catalogue::builtin(), report, c);
            INFO(load.prompt->id << " capability " << c.id << ": "
                                 << (r.firstMissed() ? r.firstMissed()->reason : ""));
            CHECK(r.present);
        }
    }
    CHECK(prompts >= 3);
}
