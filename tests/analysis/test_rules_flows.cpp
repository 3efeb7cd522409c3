// The rules judge the paths flows really take: each case shows a false finding gone on a
// small design of its own, and the true one still there once the design is broken for real.
#include "test_rule_support.h"

#include "archlens/analysis/report_json.h"

#include <catch2/catch.hpp>

using namespace archlens;
using namespace archlens::test;

namespace {

Json withComponent(Json d, const std::string& id, const std::string& kind, Json props = {}) {
    Json c = {{"id", id}, {"kind", kind}, {"name", id}};
    if (!props.is_null()) c["props"] = std::move(props);
    d["components"].push_back(std::move(c));
    return d;
}

Json redundant(int instances = 2) {
    return {{"instances", instances}, {"zones", {"az1", "az2"}}};
}

const Json kSafeRetry = {{"timeout_ms", 200},
                         {"retries", 2},
                         {"backoff", "exponential_jitter"},
                         {"idempotent", true}};

} // namespace

TEST_CASE("retry-storm chains only the calls one flow makes") {
    // The API retries its call to the config service; the config service retries its
    // database only when a scheduled reload asks, never on a user's request.
    Json d = soundDesign();
    d = withComponent(d, "cfg", "app_service", redundant());
    d = withComponent(d, "cfgdb", "key_value_store", redundant(3));
    d = withComponent(d, "cron", "scheduler", redundant());
    addConnection(d, "c4", "api", "cfg", kSafeRetry);
    Json reload = kSafeRetry;
    reload["flows"] = {"reload"};
    addConnection(d, "c5", "cfg", "cfgdb", reload);
    addConnection(d, "c6", "cron", "cfg", {{"timeout_ms", 1000}});
    d["flows"].push_back(
        {{"id", "reload"}, {"name", "Reload config"}, {"entry", "cron"}, {"op", "read"}, {"rate_rps", 1}});
    CHECK(findingsOf("retry-storm", d).empty());
    // When the user's request does go on to the database, the retries do multiply.
    connection(d, "c5")["props"].erase("flows");
    auto f = findingsOf("retry-storm", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c4", "c5"});
}

TEST_CASE("missing-idempotency looks only at what write flows pass through") {
    // A consumer fed only by a read flow's events is not judged for another flow's writes.
    Json d = soundDesign();
    d = withComponent(d, "q", "message_queue",
                      {{"zones", {"az1", "az2"}}, {"dlq", true}, {"max_depth", 10000}});
    d = withComponent(d, "stats", "worker", redundant());
    addConnection(d, "v1", "api", "q", {{"ops", {"read"}}}, "async");
    addConnection(d, "v2", "q", "stats", Json::object(), "async");
    d["flows"].push_back(
        {{"id", "view"}, {"name", "View order"}, {"entry", "client"}, {"op", "read"}, {"rate_rps", 5}});
    CHECK(findingsOf("missing-idempotency", d).empty());
    // Once the write flow publishes there too, the redelivery story applies.
    connection(d, "v1")["props"]["ops"] = {"read", "write"};
    auto f = findingsOf("missing-idempotency", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"v2"});
    CHECK_THAT(f[0].title, Catch::Contains("Redelivered messages from q"));
    CHECK_THAT(f[0].message, Catch::Contains("crashes after doing the write and before it confirms"));
    CHECK(f[0].severity == Severity::Warning);
}

TEST_CASE("missing-idempotency: a repeat that leaves the system is an error") {
    Json d = withComponent(soundDesign(), "psp", "external_service");
    Json charge = kSafeRetry;
    charge["idempotent"] = false;
    charge["circuit_breaker"] = true;
    charge["timeout_ms"] = 150;
    addConnection(d, "c4", "api", "psp", charge);
    auto f = findingsOf("missing-idempotency", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Error);
    CHECK_THAT(f[0].message, Catch::Contains("second charge"));
    CHECK_THAT(f[0].message, Catch::Contains("retries writes up to 2 times,"));
    // One retry is one time, not "1 times".
    connection(d, "c4")["props"]["retries"] = 1;
    f = findingsOf("missing-idempotency", d);
    REQUIRE(f.size() == 1);
    CHECK_THAT(f[0].message, Catch::Contains("retries writes up to 1 time,"));
}

TEST_CASE("timeout-budget compares along each flow's own path") {
    // Two clients share the load balancer. The mobile client gives up after 1.5 s; the
    // balancer waits up to 2 s for the API, but the API's only call is bounded at 1 s, so on
    // that path nothing outlasts 1.5 s.
    Json d = soundDesign();
    d = withComponent(d, "mobile", "mobile_client");
    d = withComponent(d, "lb", "load_balancer", redundant());
    addConnection(d, "m1", "mobile", "lb", {{"timeout_ms", 1500}});
    addConnection(d, "m2", "lb", "api", {{"timeout_ms", 2000}});
    connection(d, "c3")["props"]["timeout_ms"] = 1000;
    connection(d, "c3")["props"]["retries"] = 0;
    connection(d, "c2")["props"]["timeout_ms"] = 1500;
    d["flows"].push_back({{"id", "app"}, {"name", "Order from the app"}, {"entry", "mobile"},
                          {"op", "write"}, {"rate_rps", 20}});
    CHECK(findingsOf("timeout-budget", d).empty());

    // Retries of 4 x 3 s under a caller that gives up at 10 s are caught.
    Json r = withComponent(soundDesign(), "psp", "external_service");
    connection(r, "c2")["props"]["timeout_ms"] = 10000;
    addConnection(r, "c4", "api", "psp",
                  {{"timeout_ms", 3000}, {"retries", 3}, {"backoff", "fixed"},
                   {"idempotent", true}, {"circuit_breaker", true}});
    auto f = findingsOf("timeout-budget", r);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c4"});
    CHECK_THAT(f[0].message, Catch::Contains("4 attempts × 3 s (3000 ms) plus 150 ms of backoff") &&
                                 Catch::Contains("gives up after 10 s (10000 ms)"));
}

TEST_CASE("background flows are judged by their own targets only") {
    // A nightly export started by a scheduler, slow and wide: not a user's request.
    Json d = soundDesign();
    d = withComponent(d, "cron", "scheduler", redundant());
    d = withComponent(d, "exporter", "worker",
                      {{"instances", 2}, {"zones", {"az1", "az2"}}, {"latency_ms", {{"p50", 900}, {"p99", 2000}}}});
    addConnection(d, "b1", "cron", "exporter", {{"timeout_ms", 60000}});
    Json scan = {{"timeout_ms", 5000}, {"calls", 20}, {"parallel", true}, {"ops", {"read"}},
                 {"flows", {"export"}}};
    addConnection(d, "b2", "exporter", "db", scan);
    d["flows"].push_back(
        {{"id", "export"}, {"name", "Nightly export"}, {"entry", "cron"}, {"op", "read"}, {"rate_rps", 0.01}});
    const Document doc = load(d.dump());
    const Report report = analyze(doc, Catalogue::builtin());
    REQUIRE(report.flow("export"));
    CHECK(report.flow("export")->background);
    CHECK_FALSE(report.flow("order")->background);
    CHECK(findingsOf("latency-above-target", d).empty());
    CHECK(findingsOf("fan-out-tail", d).empty());
    // Its own target applies.
    d["flows"][1]["p99_ms"] = 1000;
    auto f = findingsOf("latency-above-target", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].flow == "export");
}

TEST_CASE("a loop through a queue is a pipeline, not a call cycle") {
    // A crawler: the frontier hands URLs to fetchers, pages go to a parse queue, parsers
    // add the links they find back to the frontier.
    Json d = soundDesign();
    d = withComponent(d, "cron", "scheduler", redundant());
    d = withComponent(d, "frontier", "task_queue", {{"zones", {"az1", "az2"}}, {"dlq", true}, {"max_depth", 100000}});
    d = withComponent(d, "fetcher", "worker", redundant(4));
    d = withComponent(d, "parse_q", "message_queue", {{"zones", {"az1", "az2"}}, {"dlq", true}, {"max_depth", 100000}});
    d = withComponent(d, "parser", "worker", redundant(4));
    addConnection(d, "k1", "cron", "frontier", Json::object(), "async");
    addConnection(d, "k2", "frontier", "fetcher", Json::object(), "async");
    addConnection(d, "k3", "fetcher", "parse_q", Json::object(), "async");
    addConnection(d, "k4", "parse_q", "parser", Json::object(), "async");
    addConnection(d, "k5", "parser", "frontier", {{"timeout_ms", 200}});
    d["flows"].push_back(
        {{"id", "crawl"}, {"name", "Crawl"}, {"entry", "cron"}, {"op", "read"}, {"rate_rps", 100}});
    CHECK(findingsOf("call-cycle", d).empty());
    // Synchronous calls back to a waiting caller still are one.
    addConnection(d, "c9", "db", "api", {{"timeout_ms", 100}});
    CHECK(findingsOf("call-cycle", d).size() == 1);
}

TEST_CASE("overload is failure: requests that time out count against availability") {
    // The API can take 100 req/s and receives 400: three quarters cannot be served, and
    // those it serves wait far longer than the gateway's 1 s timeout.
    Json d = soundDesign();
    component(d, "api")["props"]["capacity_rps"] = 50;
    component(d, "api")["props"]["instances"] = 2;
    d["flows"][0]["rate_rps"] = 400;
    const Document doc = load(d.dump());
    const Report report = analyze(doc, Catalogue::builtin());
    const FlowResult& f = *report.flow("order");
    CHECK(f.availabilityUp > 0.99);
    CHECK(f.timedOut > 0.99);
    CHECK(f.availability < 0.01);
    CHECK(f.availability == Approx(f.availabilityUp * (1 - f.timedOut)));
    const Json json = reportToJson(doc, report);
    CHECK(json["flows"][0]["availability_up"].get<double>() > 0.99);
    CHECK(json["flows"][0]["availability"].get<double>() < 0.01);
    // The overload is the cause (an error of its own); the timeouts are its effect.
    auto l = findingsOf("latency-above-target", d);
    REQUIRE(l.size() == 1);
    CHECK(l[0].severity == Severity::Warning);
    CHECK_THAT(l[0].message, Catch::Contains("every request times out after about 1 s"));
    auto s = findingsOf("saturated-component", d);
    REQUIRE(s.size() == 1);
    CHECK(s[0].severity == Severity::Error);
    CHECK_THAT(s[0].message, Catch::Contains("cannot take about 75%"));
    auto a = findingsOf("availability-below-target", d);
    REQUIRE(a.size() == 1);
    CHECK(a[0].subjects.front() == "api");
    CHECK_THAT(a[0].message, Catch::Contains("requests that time out") &&
                                 Catch::Contains("(API overloaded)"));
    // A healthy design loses nothing to timeouts.
    const Document sound = load(soundDesign().dump());
    const Report healthy = analyze(sound, Catalogue::builtin());
    const FlowResult& ok = healthy.flows.at(0);
    CHECK(ok.timedOut < 1e-9);
    CHECK(ok.availability == Approx(ok.availabilityUp));
}

TEST_CASE("one manual-failover database is one finding, not five") {
    Json d = soundDesign();
    component(d, "db")["props"] = {{"instances", 2}, {"zones", {"az1"}}, {"failover", "manual"}};
    d["requirements"]["availability"] = 0.9999;
    const auto all = findings(d);
    std::vector<std::string> rules;
    for (const auto& f : all)
        rules.push_back(f.rule);
    INFO(Json(rules).dump());
    auto spof = findingsOf("single-point-of-failure", d);
    REQUIRE(spof.size() == 1);
    CHECK(spof[0].subjects == std::vector<std::string>{"db"});
    CHECK_THAT(spof[0].title, Catch::Contains("fails over by hand"));
    CHECK_THAT(spof[0].suggestion, Catch::Contains("automatic"));
    CHECK(findingsOf("manual-failover", d).empty());
    CHECK(findingsOf("shared-failure-domain", d).empty());
    // The missed target states the effect, with the budget, and points at the cause.
    auto a = findingsOf("availability-below-target", d);
    REQUIRE(a.size() == 1);
    CHECK_FALSE(a[0].subjects.empty());
    CHECK(a[0].subjects.front() == "db");
    CHECK(a[0].severity == Severity::Warning);
    CHECK_THAT(a[0].message, Catch::Contains("Where the downtime goes: Orders DB"));
}

TEST_CASE("a service that fails over by hand is asked about switching to a spare, not about a "
          "primary's writes") {
    Json d = soundDesign();
    component(d, "db")["props"]["failover"] = "manual";
    const auto store = findingsOf("single-point-of-failure", d);
    REQUIRE(store.size() == 1);
    CHECK_THAT(store[0].followUp, Catch::Contains("primary"));

    Json s = soundDesign();
    const std::string service = "api";
    component(s, service)["props"]["failover"] = "manual";
    const auto spof = findingsOf("single-point-of-failure", s);
    REQUIRE(spof.size() == 1);
    CHECK(spof[0].subjects == std::vector<std::string>{service});
    CHECK_THAT(spof[0].title, Catch::Contains("fails over by hand"));
    CHECK_THAT(spof[0].followUp, Catch::Contains("active instance") && !Catch::Contains("write"));
    CHECK_THAT(spof[0].suggestion,
               Catch::Contains("out of rotation") && !Catch::Contains("standby"));
}

TEST_CASE("fixes fit the kind: no more instances of a single primary or an object store") {
    Json d = soundDesign();
    component(d, "db")["props"]["capacity_rps"] = 20;
    auto s = findingsOf("saturated-component", d);
    REQUIRE(s.size() == 1);
    CHECK_THAT(s[0].suggestion, Catch::Contains("read replicas") && !Catch::Contains("Add instances"));

    Json o = withComponent(soundDesign(), "media", "object_storage", {{"capacity_rps", 20}});
    addConnection(o, "c4", "api", "media", {{"timeout_ms", 200}});
    auto m = findingsOf("saturated-component", o);
    REQUIRE(m.size() == 1);
    CHECK_THAT(m[0].suggestion, Catch::Contains("CDN") && !Catch::Contains("Add instances"));
    CHECK(findingsOf("single-point-of-failure", o).empty());
}

TEST_CASE("a payment provider on a write flow is not told to become optional") {
    Json d = withComponent(soundDesign(), "psp", "external_service");
    addConnection(d, "c4", "api", "psp",
                  {{"timeout_ms", 150}, {"retries", 1}, {"backoff", "exponential_jitter"},
                   {"idempotent", true}, {"circuit_breaker", true}});
    auto f = findingsOf("sync-to-external", d);
    REQUIRE(f.size() == 1);
    CHECK_THAT(f[0].suggestion, Catch::Contains("second provider") && !Catch::Contains("optional"));
    CHECK_THAT(f[0].message, Catch::Contains("99.9% per call"));
}

TEST_CASE("a rate limiter the gateway asks on every request protects the entry") {
    Json d = soundDesign();
    component(d, "gw")["props"]["rate_limit"] = false;
    d = withComponent(d, "rl", "rate_limiter", {{"instances", 1}, {"zones", {"az1"}}});
    addConnection(d, "r1", "gw", "rl", {{"timeout_ms", 20}});
    CHECK(findingsOf("unthrottled-entry", d).empty());
    auto f = findingsOf("single-point-of-failure", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"rl"});
    CHECK_THAT(f[0].followUp, Catch::Contains("fail open or fail closed"));

    // So is an auth service the gateway asks and that calls nothing further.
    Json a = soundDesign();
    component(a, "gw")["props"]["auth"] = false;
    a = withComponent(a, "authsvc", "app_service", {{"instances", 1}, {"zones", {"az1"}}, {"auth", true}});
    addConnection(a, "a1", "gw", "authsvc", {{"timeout_ms", 20}});
    CHECK(findingsOf("missing-auth", a).empty());
    auto s = findingsOf("single-point-of-failure", a);
    REQUIRE(s.size() == 1);
    CHECK(s[0].subjects == std::vector<std::string>{"authsvc"});
    CHECK_THAT(s[0].followUp, Catch::Contains("fail open or fail closed"));
}

TEST_CASE("availabilities keep the digits that matter") {
    Json d = soundDesign();
    d["requirements"]["availability"] = 0.9999995;
    auto a = findingsOf("availability-below-target", d);
    REQUIRE(a.size() == 1);
    CHECK_THAT(a[0].title, Catch::Contains("99.99995% target"));
    CHECK_THAT(a[0].title, !Catch::Contains("100"));
}

TEST_CASE("no-cache-hot-reads names the store the reads lean on, and spares fast or idle ones") {
    Json d = soundDesign();
    d["flows"].push_back(
        {{"id", "browse"}, {"name", "Browse"}, {"entry", "client"}, {"op", "read"}, {"rate_rps", 5000}});
    // An in-memory store answering in well under a millisecond gains nothing from a cache.
    component(d, "db")["props"]["latency_ms"] = {{"p50", 0.4}, {"p99", 2}};
    CHECK(findingsOf("no-cache-hot-reads", d).empty());
    // A disk-backed store with room to spare carries 5,000 reads a second comfortably...
    component(d, "db")["props"]["latency_ms"] = {{"p50", 3}, {"p99", 30}};
    component(d, "db")["props"]["capacity_rps"] = 50000;
    CHECK(findingsOf("no-cache-hot-reads", d).empty());
    // ...but not 20,000, however big it is.
    d["flows"][1]["rate_rps"] = 20000;
    auto f = findingsOf("no-cache-hot-reads", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"db"});
}

TEST_CASE("one definition of nines, of a broken flow and of an availability's digits") {
    CHECK(nines(0.999) == Approx(3));
    CHECK(nines(0.9995) == Approx(3.30103));
    CHECK(nines(1.0) == kMaxNines); // a flow of perfect parts: capped, not infinite
    CHECK(nines(1 - 1e-12) == kMaxNines);
    CHECK(availabilityPercent(0.99995) == "99.995%");
    CHECK(availabilityPercent(0.9999) == "99.99%");
    CHECK(availabilityPercent(0.99987) == "99.987%"); // never rounded up to 99.99%
    CHECK(availabilityPercent(0.999) == "99.9%");
    CHECK(availabilityPercent(0.5) == "50%");
    CHECK(availabilityPercent(1.0) == "100%");
    CHECK(availabilityPercent(0.0) == "0%");
    FlowResult f;
    f.availability = 0.49;
    CHECK(isBroken(f));
    f.availability = 0.9;
    CHECK_FALSE(isBroken(f));
}
