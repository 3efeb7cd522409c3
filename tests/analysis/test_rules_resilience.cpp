// The resilience and topology rules: each fires on a small broken design, with its subjects,
// severity, numbers and guide section, and stays quiet once the design is fixed. The review
// designs (designs/review-resilience) are other prompts drawn as candidates would draw them;
// the last cases pin what the rules find there, as read in designs/review-resilience/REVIEW.md.
#include "test_rule_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

using namespace archlens;
using namespace archlens::test;

namespace {

Json spread(int instances) {
    return {{"instances", instances}, {"zones", {"az1", "az2"}}};
}

} // namespace

TEST_CASE("rule unthrottled-external-calls: a background job calls a third party uncapped") {
    Json d = soundDesign();
    addComponent(d, "crawler", "worker", "Fetcher",
                 {{"instances", 4}, {"zones", {"az1", "az2"}}, {"capacity_rps", 50}});
    addComponent(d, "web", "external_service", "Websites");
    addConnection(d, "fetch", "crawler", "web", {{"timeout_ms", 2000}, {"ops", {"read"}}});
    d["flows"].push_back({{"id", "crawl"},
                          {"name", "Crawl"},
                          {"entry", "crawler"},
                          {"op", "read"},
                          {"rate_rps", 40}});
    auto f = findingsOf("unthrottled-external-calls", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"fetch"});
    CHECK(f[0].severity == Severity::Info);
    CHECK(f[0].guideSection == "Throttling");
    CHECK_THAT(f[0].message, Catch::Contains("About 40 req/s of Crawl goes to Websites") &&
                                 Catch::Contains("4 instances can push up to 200 req/s"));
    CHECK_THAT(f[0].followUp, Catch::Contains("Fetcher"));

    SECTION("a cap of its own on the connection") {
        connection(d, "fetch")["props"]["rate_limit_rps"] = 20;
        CHECK(findingsOf("unthrottled-external-calls", d).empty());
    }
    SECTION("a trickle is not worth a cap") {
        d["flows"][1]["rate_rps"] = 5;
        CHECK(findingsOf("unthrottled-external-calls", d).empty());
    }
    SECTION("user-facing calls are held back by the users, not by a cap") {
        d["flows"][1]["entry"] = "client";
        addConnection(d, "c9", "client", "crawler", {{"ops", {"read"}}});
        CHECK(findingsOf("unthrottled-external-calls", d).empty());
    }
}

TEST_CASE("rule availability-below-target names a third party that alone caps the flow") {
    Json d = soundDesign();
    addComponent(d, "psp", "external_service", "Payments", {{"availability", 0.995}});
    addConnection(d, "pay", "api", "psp", {{"timeout_ms", 800}});
    auto f = findingsOf("availability-below-target", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects.front() == "psp");
    CHECK(f[0].flow == "order");
    CHECK_THAT(f[0].title, Catch::Contains("cannot reach 99.9%") && Catch::Contains("Payments"));
    CHECK_THAT(f[0].message,
               Catch::Contains("Payments (99.5%)") && Catch::Contains("no redundancy of your own"));
    CHECK_THAT(f[0].suggestion, Catch::Contains("second provider"));
    // The third party is a cause only this finding names.
    CHECK(f[0].severity == Severity::Warning);

    SECTION("a second provider as an alternative: the flow is no longer capped by either") {
        addComponent(d, "psp2", "external_service", "Payments B", {{"availability", 0.995}});
        connection(d, "pay")["props"]["alternative"] = "psp";
        addConnection(d, "pay2", "api", "psp2", {{"timeout_ms", 800}, {"alternative", "psp"}});
        for (const auto& g : findingsOf("availability-below-target", d))
            CHECK_THAT(g.title, !Catch::Contains("cannot reach"));
    }
    SECTION("a third party above the target is only a share of the budget") {
        component(d, "psp")["props"]["availability"] = 0.99995;
        d["requirements"]["availability"] = 0.9999;
        for (const auto& g : findingsOf("availability-below-target", d))
            CHECK_THAT(g.title, !Catch::Contains("cannot reach"));
    }
}

TEST_CASE("rule no-failover-headroom: the survivors of a zone cannot carry the load") {
    Json d = soundDesign();
    // 3 instances over two zones: az1 holds two of them.
    component(d, "api")["props"] = {
        {"instances", 3}, {"zones", {"az1", "az2"}}, {"capacity_rps", 100}};
    d["flows"][0]["rate_rps"] = 200;
    CHECK(findingsOf("saturated-component", d).empty()); // 67% at full strength
    auto f = findingsOf("no-failover-headroom", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"api"});
    CHECK(f[0].severity == Severity::Info);
    CHECK(f[0].guideSection == "Deployment Stamps");
    CHECK_THAT(f[0].title, Catch::Contains("zone az1 (2 of its 3 instances)"));
    CHECK_THAT(f[0].message, Catch::Contains("200 req/s on 3 instances of 100 req/s") &&
                                 Catch::Contains("67% busy") &&
                                 Catch::Contains("the 1 left can serve 100 req/s") &&
                                 Catch::Contains("run at 200%"));
    CHECK_THAT(f[0].suggestion, Catch::Contains("about 4 instances"));

    SECTION("four instances: two survive a zone and carry 200 req/s") {
        component(d, "api")["props"]["instances"] = 4;
        CHECK(findingsOf("no-failover-headroom", d).empty());
    }
    SECTION("in one zone, a pair that cannot lose one instance") {
        component(d,
                  "api")["props"] = {{"instances", 2}, {"zones", {"az1"}}, {"capacity_rps", 150}};
        auto g = findingsOf("no-failover-headroom", d);
        REQUIRE(g.size() == 1);
        CHECK_THAT(g[0].title, Catch::Contains("after losing one instance"));
    }
    SECTION("already saturated: saturated-component's finding, not this one") {
        d["flows"][0]["rate_rps"] = 260;
        CHECK(findingsOf("saturated-component", d).size() == 1);
        CHECK(findingsOf("no-failover-headroom", d).empty());
    }
}

TEST_CASE("rule sequential-aggregation: a gateway gathers three backends in turn") {
    Json d = soundDesign();
    addComponent(d, "profile", "app_service", "Profile", spread(2));
    addComponent(d, "orders", "app_service", "Order history", spread(2));
    addConnection(d, "c5", "gw", "profile", {{"timeout_ms", 300}});
    addConnection(d, "c6", "gw", "orders");
    auto f = findingsOf("sequential-aggregation", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"gw", "c2", "c5", "c6"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].guideSection == "Gateway Aggregation");
    CHECK(f[0].flow == "order");
    CHECK_THAT(f[0].message, Catch::Contains("calling API, Profile, Order history in turn") &&
                                 Catch::Contains("One of these calls has no timeout"));
    CHECK_THAT(f[0].title, Catch::Contains("Gateway gathers 3 backends"));

    SECTION("in parallel, the latencies no longer add") {
        connection(d, "c5")["props"]["parallel"] = true;
        connection(d, "c6")["props"]["parallel"] = true;
        CHECK(findingsOf("sequential-aggregation", d).empty());
    }
    SECTION("a part the answer can do without") {
        connection(d, "c6")["props"]["required"] = false;
        CHECK(findingsOf("sequential-aggregation", d).empty());
    }
}

TEST_CASE("rule shared-pool: one pool for a slow third party and the rest") {
    Json d = soundDesign();
    addComponent(d, "search", "search_index", "Search", spread(3));
    addComponent(d, "psp", "external_service", "Payments",
                 {{"latency_ms", {{"p50", 300}, {"p99", 2000}}}});
    addConnection(d, "c5", "api", "search", {{"timeout_ms", 300}});
    addConnection(d, "c6", "api", "psp", {{"timeout_ms", 3000}});
    auto f = findingsOf("shared-pool", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"api"});
    CHECK(f[0].severity == Severity::Warning); // a slow third party
    CHECK(f[0].guideSection == "Bulkhead");
    CHECK_THAT(f[0].message, Catch::Contains("API calls 3 dependencies synchronously") &&
                                 Catch::Contains("Orders DB, Search, Payments") &&
                                 Catch::Contains("Payments (external, p99 2 s, 2000 ms)"));

    SECTION("a fast third party is a decision to state, not a flaw") {
        component(d, "psp")["props"].erase("latency_ms");
        auto g = findingsOf("shared-pool", d);
        REQUIRE(g.size() == 1);
        CHECK(g[0].severity == Severity::Info);
    }
    SECTION("bulkheads per dependency") {
        component(d, "api")["props"]["bulkhead"] = true;
        CHECK(findingsOf("shared-pool", d).empty());
    }
    SECTION("two dependencies do not make a pool worth splitting") {
        d["connections"].erase(d["connections"].end() - 2);
        CHECK(findingsOf("shared-pool", d).empty());
    }
}

TEST_CASE("rule fan-out-on-write: one post copied to every follower") {
    Json d = soundDesign();
    addComponent(d, "q", "message_queue", "Fan-out queue",
                 {{"zones", {"az1", "az2"}}, {"dlq", true}, {"max_depth", 1000000}});
    addComponent(d, "fan", "worker", "Fan-out worker", spread(4));
    addComponent(d, "tl", "key_value_store", "Timelines", {{"zones", {"az1", "az2"}}});
    addConnection(d, "c5", "api", "q", Json::object(), "async");
    addConnection(d, "c6", "q", "fan", Json::object(), "async");
    addConnection(d, "c7", "fan", "tl",
                  {{"calls", 200},
                   {"timeout_ms", 100},
                   {"retries", 2},
                   {"backoff", "exponential_jitter"},
                   {"idempotent", true}});
    auto f = findingsOf("fan-out-on-write", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c7"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].guideSection == "Sharding");
    CHECK_THAT(f[0].message, Catch::Contains("Place order is copied 200 times into Timelines") &&
                                 Catch::Contains("50 req/s of requests become 10,000 req/s"));
    // One finding for the cause: batching the round trips would not fix the celebrity.
    CHECK(findingsOf("chatty-io", d).empty());

    SECTION("a handful of copies is chatty I/O at most") {
        connection(d, "c7")["props"]["calls"] = 20;
        CHECK(findingsOf("fan-out-on-write", d).empty());
        CHECK(findingsOf("chatty-io", d).size() == 1);
    }
    SECTION("reading a hundred rows is not a fan-out of writes") {
        d["flows"][0]["op"] = "read";
        CHECK(findingsOf("fan-out-on-write", d).empty());
    }
}

TEST_CASE("rule breaker-without-fallback: an open circuit with nothing behind it") {
    Json d = soundDesign();
    connection(d, "c3")["props"]["circuit_breaker"] = true;
    auto f = findingsOf("breaker-without-fallback", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c3"});
    CHECK(f[0].severity == Severity::Info);
    CHECK(f[0].guideSection == "Circuit Breaker");
    CHECK_THAT(f[0].message, Catch::Contains("API → Orders DB has a circuit breaker") &&
                                 Catch::Contains("needs Orders DB fails"));
    CHECK_THAT(f[0].followUp, Catch::Contains("What exactly does the user get"));

    SECTION("the call is optional: the answer degrades instead") {
        connection(d, "c3")["props"]["required"] = false;
        CHECK(findingsOf("breaker-without-fallback", d).empty());
    }
    SECTION("no breaker: no-circuit-breaker's business, not this rule's") {
        connection(d, "c3")["props"]["circuit_breaker"] = false;
        CHECK(findingsOf("breaker-without-fallback", d).empty());
    }
}

TEST_CASE("rule breaker-without-fallback: a consumer of a durable queue lets its message wait") {
    // The API takes the signup and queues a welcome message; a sender takes it from the queue
    // and calls the mail provider behind a breaker. While the circuit is open the sender
    // fails the message, which stays in the queue and is delivered again later: the work is
    // finished later, which is the fallback the rule asks for.
    Json d = soundDesign();
    addComponent(d, "welcome", "message_queue", "Welcome mails",
                 {{"dlq", true}, {"zones", {"az1", "az2"}}});
    addComponent(d, "sender", "worker", "Mail sender", spread(2));
    addComponent(d, "smtp", "external_service", "Mail provider");
    addConnection(d, "enq", "api", "welcome", {{"timeout_ms", 100}}, "async");
    addConnection(d, "take", "welcome", "sender", {{"idempotent", true}}, "async");
    addConnection(d, "send", "sender", "smtp",
                  {{"timeout_ms", 2000}, {"circuit_breaker", true}, {"idempotent", true}});
    CHECK(findingsOf("breaker-without-fallback", d).empty());

    SECTION("a queue that forgets its messages on restart") {
        component(d, "welcome")["props"]["durable"] = false;
        auto f = findingsOf("breaker-without-fallback", d);
        REQUIRE(f.size() == 1);
        CHECK(f[0].subjects == std::vector<std::string>{"send"});
        CHECK_THAT(f[0].followUp, Catch::Contains("Where does the work wait"));
    }
    SECTION("no dead-letter queue: a message that keeps failing has nowhere to go") {
        component(d, "welcome")["props"]["dlq"] = false;
        CHECK(findingsOf("breaker-without-fallback", d).size() == 1);
    }
    SECTION("a stream keeps the message until the consumer commits past it") {
        component(d, "welcome")["kind"] = "event_stream";
        component(d, "welcome")["props"].erase("dlq");
        CHECK(findingsOf("breaker-without-fallback", d).empty());
    }
    SECTION("a service behind the consumer fails back to it, and its message waits too") {
        addComponent(d, "render", "app_service", "Template renderer", spread(2));
        connection(d, "send")["from"] = "render";
        addConnection(d, "ask", "sender", "render", {{"timeout_ms", 3000}, {"idempotent", true}});
        CHECK(findingsOf("breaker-without-fallback", d).empty());
    }
    SECTION("the API also sends the mail itself, while the user waits") {
        addConnection(d, "direct", "api", "sender", {{"timeout_ms", 3000}, {"idempotent", true}});
        auto f = findingsOf("breaker-without-fallback", d);
        REQUIRE(f.size() == 1);
        CHECK(f[0].subjects == std::vector<std::string>{"send"});
        CHECK_THAT(f[0].followUp, Catch::Contains("What exactly does the user get"));
    }
    SECTION("handed over fire-and-forget, with no queue to keep it") {
        connection(d, "enq")["to"] = "sender";
        CHECK(findingsOf("breaker-without-fallback", d).size() == 1);
    }
    SECTION("the API waits for the sender's answer on a reply topic") {
        addComponent(d, "sent", "pubsub_topic", "Mail results",
                     {{"dlq", true}, {"zones", {"az1", "az2"}}});
        addConnection(d, "result", "sender", "sent", Json::object(), "async");
        addConnection(d, "reply", "sent", "api", Json::object(), "async");
        CHECK(findingsOf("breaker-without-fallback", d).size() == 1);
    }
    SECTION("a scheduled job that calls it has no queue to wait in") {
        addComponent(d, "cron", "scheduler", "Reminder job", {{"zones", {"az1", "az2"}}});
        addConnection(d, "remind", "cron", "sender", {{"timeout_ms", 3000}, {"idempotent", true}});
        d["flows"].push_back({{"id", "reminders"},
                              {"name", "Send reminders"},
                              {"entry", "cron"},
                              {"op", "write"},
                              {"rate_rps", 1}});
        CHECK(findingsOf("breaker-without-fallback", d).size() == 1);
    }
}

TEST_CASE("rule hardwired-instances: a service calls another's instances directly") {
    Json d = soundDesign();
    addComponent(d, "stock", "app_service", "Inventory", spread(3));
    addConnection(d, "c5", "api", "stock", {{"timeout_ms", 200}});
    auto f = findingsOf("hardwired-instances", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c5", "stock"});
    CHECK(f[0].severity == Severity::Info);
    CHECK(f[0].guideSection == "Service Discovery");
    CHECK_THAT(f[0].message, Catch::Contains("API calls Inventory, which runs 3 instances"));
    // Clients are missing-load-balancer's; the gateway is a balancer itself.
    CHECK(findingsOf("missing-load-balancer", d).empty());

    SECTION("a registry in the design") {
        addComponent(d, "reg", "service_discovery", "Registry", spread(3));
        CHECK(findingsOf("hardwired-instances", d).empty());
    }
    SECTION("a single instance has one address to know") {
        component(d, "stock")["props"]["instances"] = 1;
        CHECK(findingsOf("hardwired-instances", d).empty());
    }
}

TEST_CASE("rule config-on-hot-path: every request reads the config store") {
    Json d = soundDesign();
    addComponent(d, "cfg", "config_store", "Feature flags", {{"zones", {"az1", "az2"}}});
    addConnection(d, "c5", "api", "cfg", {{"timeout_ms", 50}});
    auto f = findingsOf("config-on-hot-path", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c5"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].guideSection == "External Config Store");
    CHECK_THAT(f[0].message, Catch::Contains("API reads Feature flags synchronously on every "
                                             "request of Place order, about 50 req/s") &&
                                 Catch::Contains("p99 10 ms"));

    SECTION("cached, refreshed now and then") {
        connection(d, "c5")["props"]["calls"] = 0.01;
        CHECK(findingsOf("config-on-hot-path", d).empty());
    }
    SECTION("a background job may read it as it likes") {
        d["flows"][0]["entry"] = "api";
        CHECK(findingsOf("config-on-hot-path", d).empty());
    }
}

TEST_CASE("rule config-on-hot-path: an operator's write to the config store changes it") {
    // A fresh design: operators change flags through an admin service, users call the API.
    Json d = Json::parse(R"({
  "format": "archlens", "version": 1, "title": "Flags",
  "requirements": { "availability": 0.999, "p99_ms": 500, "max_sync_depth": 4 },
  "zones": [ { "id": "az1", "region": "eu", "availability": 0.9995 },
             { "id": "az2", "region": "eu", "availability": 0.9995 } ],
  "components": [
    { "id": "ops", "kind": "client", "name": "Operator console", "x": 0, "y": 0 },
    { "id": "app", "kind": "client", "name": "Mobile app", "x": 0, "y": 100 },
    { "id": "admin", "kind": "app_service", "name": "Admin API", "x": 220, "y": 0,
      "props": { "instances": 2, "zones": ["az1", "az2"] } },
    { "id": "api", "kind": "app_service", "name": "Shop API", "x": 220, "y": 100,
      "props": { "instances": 3, "zones": ["az1", "az2"] } },
    { "id": "cfg", "kind": "config_store", "name": "Flag store", "x": 440, "y": 0,
      "props": { "instances": 3, "zones": ["az1", "az2"] } }
  ],
  "connections": [
    { "id": "c1", "from": "ops", "to": "admin", "mode": "sync" },
    { "id": "c2", "from": "admin", "to": "cfg", "mode": "sync",
      "props": { "ops": ["write"], "timeout_ms": 300 } },
    { "id": "c3", "from": "app", "to": "api", "mode": "sync" }
  ],
  "flows": [
    { "id": "flip", "name": "Flip a flag", "entry": "ops", "op": "write", "rate_rps": 2 },
    { "id": "browse", "name": "Browse", "entry": "app", "op": "read", "rate_rps": 400 }
  ],
  "notes": []
})");
    CHECK(findingsOf("config-on-hot-path", d).empty());

    SECTION("the same call carrying reads too is a read on the operator's path") {
        connection(d, "c2")["props"]["ops"] = {"read", "write"};
        auto f = findingsOf("config-on-hot-path", d);
        REQUIRE(f.size() == 1);
        CHECK(f[0].subjects == std::vector<std::string>{"c2"});
    }
    SECTION("a service reading the flags on every user request is still found") {
        addConnection(d, "c4", "api", "cfg", {{"ops", {"read"}}, {"timeout_ms", 50}});
        auto f = findingsOf("config-on-hot-path", d);
        REQUIRE(f.size() == 1);
        CHECK(f[0].subjects == std::vector<std::string>{"c4"});
        CHECK_THAT(f[0].message, Catch::Contains("Shop API reads Flag store synchronously on "
                                                 "every request of Browse, about 400 req/s"));
    }
}

namespace {

const std::filesystem::path kReview =
    std::filesystem::path(__FILE__).parent_path() / "designs" / "review-resilience";

std::vector<Finding> reviewFindings(const std::string& name) {
    return findings(readJson(kReview / (name + ".archlens")));
}

} // namespace

TEST_CASE("review designs: every finding printed for reading", "[.review-resilience]") {
    for (const auto& e : std::filesystem::directory_iterator(kReview)) {
        if (e.path().extension() != ".archlens") continue;
        std::cout << "=== " << e.path().stem().string() << "\n";
        for (const auto& f : reviewFindings(e.path().stem().string())) {
            std::cout << toString(f.severity) << " " << f.rule << " [";
            for (const auto& s : f.subjects)
                std::cout << s << " ";
            std::cout << "]\n  " << f.title << "\n  " << f.message << "\n  > " << f.suggestion
                      << "\n  ? " << f.followUp << "\n";
        }
    }
}

TEST_CASE("review designs: what the resilience rules find there") {
    auto has = [](const std::vector<Finding>& all, const std::string& rule,
                  const std::string& subject) {
        return std::any_of(all.begin(), all.end(), [&](const Finding& f) {
            return f.rule == rule && f.subjects.front() == subject;
        });
    };
    const auto flights = reviewFindings("flight-price-tracker");
    CHECK(has(flights, "unthrottled-external-calls", "poller-airlines"));
    CHECK(has(flights, "shared-pool", "api"));
    const auto brokerage = reviewFindings("brokerage-orders");
    CHECK(has(brokerage, "availability-below-target", "exchange"));
    CHECK(has(brokerage, "breaker-without-fallback", "orders-exchange"));
    const auto banking = reviewFindings("banking-home");
    CHECK(has(banking, "sequential-aggregation", "bff"));
    CHECK(has(banking, "config-on-hot-path", "bff-flags"));
    const auto feed = reviewFindings("repo-activity-feed");
    CHECK(has(feed, "fan-out-on-write", "fan-feeds"));
    CHECK(has(feed, "no-failover-headroom", "api"));
    const auto matchmaking = reviewFindings("game-matchmaking");
    CHECK(has(matchmaking, "hardwired-instances", "mm-rating"));
    CHECK(has(matchmaking, "hardwired-instances", "mm-sessions"));
}
