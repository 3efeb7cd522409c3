// Rules that read the document alone: each fires on a small broken design, names its
// subject and numbers, and stays quiet on the fixed design.
#include "test_rule_support.h"

#include <catch2/catch.hpp>

using namespace archlens;
using namespace archlens::test;

TEST_CASE("the sound design raises no finding at all") {
    const auto all = findings(soundDesign());
    std::string rules;
    for (const auto& f : all)
        rules += f.rule + " ";
    INFO(rules);
    CHECK(all.empty());
}

TEST_CASE("rule missing-idempotency: a retried write to a non-idempotent callee") {
    Json d = soundDesign();
    connection(d, "c3")["props"]["idempotent"] = false;
    auto f = findingsOf("missing-idempotency", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c3"});
    // A duplicate inside the system is a warning; one that leaves it (a charge) an error.
    CHECK(f[0].severity == Severity::Warning);
    CHECK_THAT(f[0].message, Catch::Contains("API → Orders DB") && Catch::Contains("2 times") &&
                                 Catch::Contains("duplicate record"));
    CHECK(f[0].guideSection == "Idempotent Operations");
    CHECK_FALSE(f[0].followUp.empty());
    // A read-only connection may retry without idempotency.
    connection(d, "c3")["props"]["ops"] = Json::array({"read"});
    CHECK(findingsOf("missing-idempotency", d).empty());
}

TEST_CASE("rule missing-idempotency: at-least-once delivery from a queue") {
    Json d = soundDesign();
    d["components"].push_back(
        {{"id", "q"},
         {"kind", "message_queue"},
         {"name", "Orders queue"},
         {"props", {{"dlq", true}, {"max_depth", 10000}, {"zones", {"az1", "az2"}}}}});
    connection(d, "c3")["to"] = "q";
    connection(d, "c3")["mode"] = "async";
    d["connections"].push_back({{"id", "c4"}, {"from", "q"}, {"to", "db"}, {"mode", "async"}});
    auto f = findingsOf("missing-idempotency", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c4"});
    CHECK_THAT(f[0].message, Catch::Contains("at least once"));
    connection(d, "c4")["props"] = {{"idempotent", true}};
    CHECK(findingsOf("missing-idempotency", d).empty());
}

TEST_CASE("rule retry-storm: retries at two layers of one chain") {
    Json d = soundDesign();
    connection(d, "c2")["props"] = {{"timeout_ms", 1000},
                                    {"retries", 3},
                                    {"backoff", "exponential_jitter"},
                                    {"idempotent", true}};
    auto f = findingsOf("retry-storm", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c2", "c3"});
    CHECK_THAT(f[0].message, Catch::Contains("2 layers") && Catch::Contains("12 attempts"));
    CHECK(f[0].severity == Severity::Error); // 4 x 3 = 12 > 8
    connection(d, "c2")["props"].erase("retries");
    CHECK(findingsOf("retry-storm", d).empty());
}

TEST_CASE("rule retry-storm: one layer with more than eight attempts") {
    Json d = soundDesign();
    connection(d, "c3")["props"]["retries"] = 9;
    auto f = findingsOf("retry-storm", d);
    REQUIRE(f.size() == 1);
    CHECK_THAT(f[0].message, Catch::Contains("10 attempts"));
}

TEST_CASE("rule retry-storm follows a call cycle once and stops") {
    Json d = soundDesign();
    connection(d, "c2")["props"] = {{"timeout_ms", 1000},
                                    {"retries", 3},
                                    {"backoff", "exponential_jitter"},
                                    {"idempotent", true}};
    d["connections"].push_back({{"id", "c4"},
                                {"from", "db"},
                                {"to", "api"},
                                {"mode", "sync"},
                                {"props",
                                 {{"timeout_ms", 100},
                                  {"retries", 1},
                                  {"backoff", "exponential_jitter"},
                                  {"idempotent", true}}}});
    auto f = findingsOf("retry-storm", d);
    REQUIRE(f.size() == 1);
    // The call back closes a cycle, which no request completes: the chain stops before it.
    CHECK(f[0].subjects == std::vector<std::string>{"c2", "c3"});
    CHECK_THAT(f[0].message, Catch::Contains("2 layers") && Catch::Contains("12 attempts"));
}

TEST_CASE("a name with braces in it is shown as typed, not filled in") {
    Json d = soundDesign();
    component(d, "db")["name"] = "{connection} {target}";
    connection(d, "c3")["props"]["idempotent"] = false;
    auto f = findingsOf("missing-idempotency", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].title == "Repeated write to {connection} {target} is not idempotent");
    CHECK_THAT(f[0].message, Catch::StartsWith("API → {connection} {target} retries writes"));
}

TEST_CASE("rule retry-without-backoff") {
    Json d = soundDesign();
    connection(d, "c3")["props"]["backoff"] = "none";
    auto f = findingsOf("retry-without-backoff", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c3"});
    CHECK(f[0].severity == Severity::Warning);
    connection(d, "c3")["props"]["backoff"] = "exponential";
    REQUIRE(findingsOf("retry-without-backoff", d).size() == 1);
    CHECK(findingsOf("retry-without-backoff", d)[0].severity == Severity::Info);
}

TEST_CASE("rule timeout-budget: attempts x timeout plus backoff against the caller's deadline") {
    Json d = soundDesign();
    // 3 attempts x 300 ms + 50 + 100 ms of backoff = 1.05 s, under a 1 s deadline.
    connection(d, "c3")["props"]["timeout_ms"] = 300;
    auto f = findingsOf("timeout-budget", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c3"});
    CHECK_THAT(f[0].message, Catch::Contains("3 attempts × 300 ms plus 150 ms of backoff") &&
                                 Catch::Contains("gives up after 1 s (1000 ms)"));
    connection(d, "c3")["props"]["timeout_ms"] = 250; // 750 + 150 ms: fits
    CHECK(findingsOf("timeout-budget", d).empty());
}

TEST_CASE("rule missing-timeout and no-circuit-breaker: a bare call to an external service") {
    Json d = soundDesign();
    d["components"].push_back({{"id", "psp"}, {"kind", "external_service"}, {"name", "Payments"}});
    d["connections"].push_back({{"id", "c5"},
                                {"from", "api"},
                                {"to", "psp"},
                                {"mode", "sync"},
                                {"props", {{"required", false}}}});
    auto timeout = findingsOf("missing-timeout", d);
    REQUIRE(timeout.size() == 1);
    CHECK(timeout[0].subjects == std::vector<std::string>{"c5"});
    auto breaker = findingsOf("no-circuit-breaker", d);
    REQUIRE(breaker.size() == 1);
    CHECK_THAT(breaker[0].message, Catch::Contains("external service"));
    connection(d, "c5")["props"] = {
        {"required", false}, {"timeout_ms", 800}, {"circuit_breaker", true}};
    CHECK(findingsOf("missing-timeout", d).empty());
    CHECK(findingsOf("no-circuit-breaker", d).empty());
}

TEST_CASE("rule queue-without-dlq and unbounded-queue and non-durable-queue") {
    Json d = soundDesign();
    d["components"].push_back({{"id", "q"},
                               {"kind", "task_queue"},
                               {"name", "Jobs"},
                               {"props", {{"zones", {"az1", "az2"}}}}});
    d["components"].push_back({{"id", "w"},
                               {"kind", "worker"},
                               {"name", "Worker"},
                               {"props", {{"zones", {"az1", "az2"}}}}});
    d["connections"].push_back({{"id", "c6"}, {"from", "api"}, {"to", "q"}, {"mode", "async"}});
    d["connections"].push_back({{"id", "c7"},
                                {"from", "q"},
                                {"to", "w"},
                                {"mode", "async"},
                                {"props", {{"idempotent", true}}}});
    CHECK(findingsOf("queue-without-dlq", d).size() == 1);
    CHECK(findingsOf("unbounded-queue", d).size() == 1);
    REQUIRE(findingsOf("non-durable-queue", d).size() == 1);
    CHECK(findingsOf("non-durable-queue", d)[0].subjects == std::vector<std::string>{"q"});
    component(d, "q")["props"] = {
        {"zones", {"az1", "az2"}}, {"dlq", true}, {"max_depth", 5000}, {"durable", true}};
    CHECK(findingsOf("queue-without-dlq", d).empty());
    CHECK(findingsOf("unbounded-queue", d).empty());
    CHECK(findingsOf("non-durable-queue", d).empty());
}

TEST_CASE("rule unthrottled-entry and missing-auth: the client reaches services unchecked") {
    Json d = soundDesign();
    component(d, "gw")["props"]["rate_limit"] = false;
    component(d, "gw")["props"]["auth"] = false;
    auto throttle = findingsOf("unthrottled-entry", d);
    REQUIRE(throttle.size() == 1);
    CHECK(throttle[0].subjects ==
          std::vector<std::string>{"gw"}); // the first thing the client calls
    CHECK_THAT(throttle[0].message, Catch::Contains("Place order") && Catch::Contains("API"));
    REQUIRE(findingsOf("missing-auth", d).size() == 1);
    // DNS in front changes nothing: the subject is still the gateway.
    d["components"].push_back({{"id", "dns"}, {"kind", "dns"}, {"name", "DNS"}});
    d["connections"].push_back({{"id", "c0"}, {"from", "client"}, {"to", "dns"}, {"mode", "sync"}});
    CHECK(findingsOf("unthrottled-entry", d)[0].subjects == std::vector<std::string>{"gw"});
    // A rate limiter in the path throttles it.
    d["components"].push_back({{"id", "rl"}, {"kind", "rate_limiter"}, {"name", "Limiter"}});
    connection(d, "c1")["to"] = "rl";
    d["connections"].push_back({{"id", "c8"}, {"from", "rl"}, {"to", "gw"}, {"mode", "sync"}});
    CHECK(findingsOf("unthrottled-entry", d).empty());
}

TEST_CASE("rule missing-auth: an anonymous read is fine, an anonymous write is not") {
    Json d = soundDesign();
    component(d, "gw")["props"]["auth"] = false;
    d["flows"][0]["op"] = "read"; // e.g. a public page or a short-link redirect
    CHECK(findingsOf("missing-auth", d).empty());
    d["flows"].push_back({{"id", "edit"},
                          {"name", "Edit order"},
                          {"entry", "client"},
                          {"op", "write"},
                          {"rate_rps", 5}});
    auto f = findingsOf("missing-auth", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"gw"});
    CHECK_THAT(f[0].message, Catch::Contains("Edit order"));
}

TEST_CASE("rule unthrottled-entry: one finding per entry point, naming every flow") {
    Json d = soundDesign();
    component(d, "gw")["props"]["rate_limit"] = false;
    d["flows"].push_back({{"id", "browse"},
                          {"name", "Browse orders"},
                          {"entry", "client"},
                          {"op", "read"},
                          {"rate_rps", 20}});
    auto f = findingsOf("unthrottled-entry", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"gw"});
    CHECK_THAT(f[0].message, Catch::Contains("Place order, Browse orders") &&
                                 Catch::Contains("Browser") && Catch::Contains("API"));
    // A second entry point gets its own finding.
    d["components"].push_back({{"id", "gw2"},
                               {"kind", "api_gateway"},
                               {"name", "Partner gateway"},
                               {"props", {{"zones", {"az1", "az2"}}, {"health_checks", true}}}});
    d["components"].push_back({{"id", "partner"}, {"kind", "client"}, {"name", "Partner"}});
    d["connections"].push_back(
        {{"id", "c10"}, {"from", "partner"}, {"to", "gw2"}, {"mode", "sync"}});
    d["connections"].push_back({{"id", "c11"},
                                {"from", "gw2"},
                                {"to", "api"},
                                {"mode", "sync"},
                                {"props", {{"timeout_ms", 1000}}}});
    d["flows"].push_back({{"id", "sync"},
                          {"name", "Partner sync"},
                          {"entry", "partner"},
                          {"op", "read"},
                          {"rate_rps", 5}});
    f = findingsOf("unthrottled-entry", d);
    REQUIRE(f.size() == 2);
    CHECK(f[0].subjects == std::vector<std::string>{"gw"});
    CHECK(f[1].subjects == std::vector<std::string>{"gw2"});
    CHECK_THAT(f[1].message, Catch::Contains("Partner sync") && !Catch::Contains("Place order"));
}

TEST_CASE("rule no-cache-hot-reads: a busy read flow straight to the database") {
    Json d = soundDesign();
    d["flows"].push_back({{"id", "browse"},
                          {"name", "Browse"},
                          {"entry", "client"},
                          {"op", "read"},
                          {"rate_rps", 5000}});
    auto f = findingsOf("no-cache-hot-reads", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"db"});
    CHECK_THAT(f[0].message, Catch::Contains("5,000"));
    d["components"].push_back({{"id", "cache"},
                               {"kind", "cache"},
                               {"name", "Cache"},
                               {"props", {{"ttl_s", 60}, {"zones", {"az1", "az2"}}}}});
    d["connections"].push_back({{"id", "c9"},
                                {"from", "api"},
                                {"to", "cache"},
                                {"mode", "sync"},
                                {"props", {{"ops", {"read"}}}}});
    CHECK(findingsOf("no-cache-hot-reads", d).empty());
}

TEST_CASE("rule shared-failure-domain: replicas in one zone, reported once") {
    Json d = soundDesign();
    component(d, "mon")["props"] = {{"instances", 2}, {"zones", {"az1"}}};
    auto f = findingsOf("shared-failure-domain", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects.front() == "mon");
    CHECK_THAT(f[0].message, Catch::Contains("az1"));
    // On a flow's path the zone becomes that flow's single point of failure: one finding,
    // about the zone, naming the database, and not a second one about the database.
    component(d, "db")["props"]["zones"] = Json::array({"az1"});
    CHECK(findingsOf("shared-failure-domain", d).size() == 1);
    auto z = findingsOf("single-point-of-failure", d);
    REQUIRE(z.size() == 1);
    CHECK(z[0].subjects == std::vector<std::string>{"az1", "db"});
}

TEST_CASE(
    "rules on single components: health checks, TTL, chatty calls, fan-out, tolerance, state") {
    Json d = soundDesign();
    component(d, "gw")["props"]["health_checks"] = false;
    CHECK(findingsOf("no-health-checks", d).size() == 1);

    Json c = soundDesign();
    c["components"].push_back(
        {{"id", "cache"}, {"kind", "cache"}, {"name", "Cache"}, {"props", {{"zones", {"az1"}}}}});
    c["connections"].push_back({{"id", "c9"}, {"from", "api"}, {"to", "cache"}, {"mode", "sync"}});
    CHECK(findingsOf("cache-without-ttl", c).size() == 1);
    component(c, "cache")["props"]["ttl_s"] = 30;
    CHECK(findingsOf("cache-without-ttl", c).empty());

    Json n = soundDesign();
    connection(n, "c3")["props"]["calls"] = 20;
    REQUIRE(findingsOf("chatty-io", n).size() == 1);
    connection(n, "c3")["props"]["parallel"] = true;
    CHECK(findingsOf("chatty-io", n).empty());
    CHECK(findingsOf("fan-out-tail", n).size() == 1);

    Json k = soundDesign();
    component(k, "api")["props"]["min_healthy"] = 3;
    CHECK(findingsOf("no-failure-tolerance", k).size() == 1);

    Json s = soundDesign();
    component(s, "api")["props"]["stateful"] = true;
    CHECK(findingsOf("stateful-service", s).size() == 1);
}

TEST_CASE("rules on the whole design: monitoring, region, placement, direct access") {
    Json d = soundDesign();
    d["components"].erase(d["components"].end() - 1); // no monitoring
    CHECK(findingsOf("no-monitoring", d).size() == 1);

    Json r = soundDesign();
    r["requirements"]["availability"] = 0.9999;
    REQUIRE(findingsOf("single-region", r).size() == 1);
    r["zones"][1]["region"] = "us";
    CHECK(findingsOf("single-region", r).empty());

    Json u = soundDesign();
    component(u, "api")["props"].erase("zones");
    REQUIRE(findingsOf("unplaced-component", u).size() == 1);
    CHECK(findingsOf("unplaced-component", u)[0].subjects == std::vector<std::string>{"api"});

    Json x = soundDesign();
    x["connections"].push_back({{"id", "cx"}, {"from", "client"}, {"to", "db"}, {"mode", "sync"}});
    CHECK(findingsOf("client-to-datastore", x).size() == 1);

    Json lb = soundDesign();
    connection(lb, "c1")["to"] = "api";
    REQUIRE(findingsOf("missing-load-balancer", lb).size() == 1);
    CHECK(findingsOf("missing-load-balancer", lb)[0].subjects.back() == "api");
}
