// Rules about messaging and workflows: each fires on a small broken design with its names and
// numbers, and stays quiet once the design is fixed the way its suggestion says.
#include "test_rule_support.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace archlens;
using namespace archlens::test;

namespace {

Json spread(int instances = 2) {
    return {{"instances", instances}, {"zones", {"az1", "az2"}}};
}

Json goodQueue() {
    return {{"dlq", true}, {"max_depth", 100000}, {"zones", {"az1", "az2"}}};
}

const Json kSafeCall = {
    {"timeout_ms", 300}, {"retries", 2}, {"backoff", "exponential_jitter"}, {"idempotent", true}};

/// The sound design whose API also publishes an "order placed" event to a queue that a
/// worker consumes.
Json orderEvents() {
    Json d = soundDesign();
    addComponent(d, "q", "message_queue", "Order events", goodQueue());
    addComponent(d, "mailer", "worker", "Mailer", spread());
    addConnection(d, "c4", "api", "q", {{"timeout_ms", 200}}, "async");
    addConnection(d, "c5", "q", "mailer", {{"idempotent", true}}, "async");
    return d;
}

} // namespace

TEST_CASE("rule dual-write: a handler commits and publishes in two calls") {
    Json d = orderEvents();
    auto f = findingsOf("dual-write", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c4", "c3"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].flow == "order");
    CHECK(f[0].guideSection == "Event-Driven");
    CHECK_THAT(f[0].title, Catch::Contains("API writes Orders DB and publishes to Order events"));
    CHECK_THAT(f[0].message, Catch::Contains("Place order (50 req/s)") &&
                                 Catch::Contains("commits to Orders DB"));
    CHECK_THAT(f[0].suggestion, Catch::Contains("outbox"));
    CHECK_THAT(f[0].followUp, Catch::Contains("change-data-capture on Orders DB"));
    // Published through an outbox: the event and the write commit together.
    connection(d, "c4")["props"]["outbox"] = true;
    CHECK(findingsOf("dual-write", d).empty());
}

TEST_CASE("rule dual-write: a consumer that writes and publishes is redelivered, and a read "
          "flow writes nothing") {
    Json d = orderEvents();
    // The API only enqueues; the worker writes and publishes before it confirms its message.
    connection(d, "c3")["from"] = "mailer";
    addComponent(d, "q2", "message_queue", "Audit events", goodQueue());
    addComponent(d, "auditor", "worker", "Auditor", spread());
    addConnection(d, "c6", "mailer", "q2", Json::object(), "async");
    addConnection(d, "c7", "q2", "auditor", {{"idempotent", true}}, "async");
    CHECK(findingsOf("dual-write", d).empty());

    Json r = orderEvents();
    r["flows"][0]["op"] = "read";
    CHECK(findingsOf("dual-write", r).empty());
}

TEST_CASE("rule dual-write: a look-up on the way is not a second write") {
    Json d = orderEvents();
    // Placing an order also reads the customer's record; only the order is written.
    addComponent(d, "cust", "rdbms", "Customers",
                 {{"instances", 2}, {"zones", {"az1", "az2"}}, {"failover", "automatic"}});
    addConnection(d, "look", "api", "cust",
                  {{"ops", {"read"}}, {"flows", {"order"}}, {"timeout_ms", 100}});
    auto f = findingsOf("dual-write", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c4", "c3"});
    CHECK_THAT(f[0].message, !Catch::Contains("Customers"));
    // A handler that only reads its store and publishes makes one change: the event.
    connection(d, "c3")["props"]["ops"] = Json::array({"read"});
    connection(d, "c3")["props"]["flows"] = Json::array({"order"});
    CHECK(findingsOf("dual-write", d).empty());
    // Writing the customer record too is a write the event can miss.
    connection(d, "look")["props"]["ops"] = Json::array({"read", "write"});
    f = findingsOf("dual-write", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c4", "look"});
}

TEST_CASE("rule no-compensation: an order stored and a card charged with nothing to undo") {
    Json d = soundDesign();
    addComponent(d, "pay", "external_service", "Payment provider", {{"availability", 0.9995}});
    addConnection(d, "c4", "api", "pay", kSafeCall);
    auto f = findingsOf("no-compensation", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"api"});
    // Money left through a third party that cannot be rolled back.
    CHECK(f[0].severity == Severity::Error);
    CHECK(f[0].guideSection == "Compensating Transaction");
    CHECK(f[0].flow == "order");
    CHECK_THAT(f[0].message, Catch::Contains("Place order (50 req/s)") &&
                                 Catch::Contains("Orders DB and Payment provider") &&
                                 Catch::Contains("when Orders DB fails after Payment provider"));
    CHECK_THAT(f[0].suggestion, Catch::Contains("refund"));
    CHECK_THAT(f[0].followUp, Catch::Contains("Payment provider charged the card"));
    component(d, "api")["props"]["compensation"] = true;
    CHECK(findingsOf("no-compensation", d).empty());
    // An optional call is not a step the request needs.
    component(d, "api")["props"].erase("compensation");
    connection(d, "c4")["props"]["required"] = false;
    CHECK(findingsOf("no-compensation", d).empty());
}

TEST_CASE("rule no-compensation: a write flow that only reads a third party changes nothing "
          "there") {
    Json d = soundDesign();
    addComponent(d, "rates", "external_service", "Exchange rates", {{"availability", 0.9995}});
    Json call = kSafeCall;
    call["flows"] = {"order"}; // the write flow takes this call...
    call["ops"] = {"read"};    // ...and the call itself only reads
    addConnection(d, "c4", "api", "rates", call);
    // The call is on the flow (its latency counts) although its op is not the flow's.
    const Report report = analyze(test::load(d.dump()), Catalogue::builtin());
    const FlowResult& order = report.flows.at(0);
    CHECK(std::find(order.syncComponents.begin(), order.syncComponents.end(), "rates") !=
          order.syncComponents.end());
    CHECK(findingsOf("no-compensation", d).empty());
    // Drawn as a call that may write, the provider is a step to undo again.
    connection(d, "c4")["props"].erase("ops");
    CHECK(findingsOf("no-compensation", d).size() == 1);
}

TEST_CASE("rule no-compensation: another service's write inside the system is a warning") {
    Json d = soundDesign();
    addComponent(d, "inv", "app_service", "Inventory", spread(3));
    addComponent(d, "invdb", "key_value_store", "Stock", spread(3));
    addConnection(d, "c4", "api", "inv", kSafeCall);
    Json reserve = kSafeCall;
    reserve["timeout_ms"] = 100;
    addConnection(d, "c5", "inv", "invdb", reserve);
    auto f = findingsOf("no-compensation", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"api"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK_THAT(f[0].title, Catch::Contains("API commits to 2 owners"));
    CHECK_THAT(f[0].message, Catch::Contains("Orders DB and Inventory") &&
                                 Catch::Contains("When Inventory fails after Orders DB"));
    // A service that only reads on this flow commits nothing to undo.
    connection(d, "c5")["props"]["ops"] = Json::array({"read"});
    CHECK(findingsOf("no-compensation", d).empty());
    // Nor does a read flow.
    connection(d, "c5")["props"].erase("ops");
    d["flows"][0]["op"] = "read";
    CHECK(findingsOf("no-compensation", d).empty());
}

namespace {
/// An export: the client asks, the API enqueues, a worker builds the file and stores it.
Json exportDesign() {
    Json d = soundDesign();
    addComponent(d, "q", "task_queue", "Export jobs",
                 {{"dlq", true},
                  {"max_depth", 10000},
                  {"durable", true},
                  {"failover", "automatic"},
                  {"instances", 2},
                  {"zones", {"az1", "az2"}}});
    addComponent(d, "builder", "worker", "Export builder", spread());
    addComponent(d, "files", "object_storage", "Export files");
    connection(d, "c3")["to"] = "q";
    connection(d, "c3")["mode"] = "async";
    connection(d, "c3")["props"] = {{"timeout_ms", 200}};
    addConnection(d, "c4", "q", "builder", {{"idempotent", true}}, "async");
    addConnection(d, "c5", "builder", "files", kSafeCall);
    d["flows"][0]["name"] = "Request export";
    d["flows"][0]["rate_rps"] = 5;
    return d;
}
} // namespace

TEST_CASE("rule async-no-reply: the result is stored where no client looks") {
    Json d = exportDesign();
    auto f = findingsOf("async-no-reply", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"q"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].flow == "order");
    CHECK(f[0].guideSection == "Returning Results");
    CHECK_THAT(f[0].message,
               Catch::Contains("Request export (5 req/s) hands its work to Export jobs") &&
                   Catch::Contains("result in Export files"));
    CHECK_THAT(f[0].followUp, Catch::Contains("polling or a push"));

    SECTION("a status read on the result store is a poll") {
        addConnection(d, "c6", "api", "files", {{"timeout_ms", 300}, {"ops", {"read"}}});
        connection(d, "c3")["props"]["ops"] = Json::array({"write"});
        d["flows"].push_back({{"id", "status"},
                              {"name", "Check export"},
                              {"entry", "client"},
                              {"op", "read"},
                              {"rate_rps", 20}});
        CHECK(findingsOf("async-no-reply", d).empty());
    }
    SECTION("a push back to the client") {
        addConnection(d, "c6", "builder", "client", Json::object(), "async");
        CHECK(findingsOf("async-no-reply", d).empty());
    }
    SECTION("work handed over by an optional call is best effort") {
        connection(d, "c3")["props"]["required"] = false;
        CHECK(findingsOf("async-no-reply", d).empty());
    }
    SECTION("a background flow has no client to tell") {
        d["flows"][0]["entry"] = "api";
        CHECK(findingsOf("async-no-reply", d).empty());
    }
}

namespace {
/// Account updates through a stream that a projector applies to a read model.
Json ledgerDesign(const std::string& ordering, int projectors, double rate) {
    Json d = soundDesign();
    addComponent(d, "s", "event_stream", "Account updates",
                 {{"ordering", ordering}, {"zones", {"az1", "az2"}}, {"max_depth", 1000000}});
    addComponent(d, "proj", "worker", "Projector",
                 {{"instances", projectors}, {"zones", {"az1", "az2"}}, {"capacity_rps", 200}});
    connection(d, "c3")["to"] = "s";
    connection(d, "c3")["mode"] = "async";
    connection(d, "c3")["props"] = {{"timeout_ms", 200}};
    addConnection(d, "c4", "s", "proj", {{"idempotent", true}}, "async");
    addConnection(d, "c5", "proj", "db", kSafeCall);
    d["flows"][0]["rate_rps"] = rate;
    return d;
}
} // namespace

TEST_CASE("rule global-ordering: several consumers of one global sequence") {
    Json d = ledgerDesign("global", 4, 100);
    auto f = findingsOf("global-ordering", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"s", "proj"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].guideSection == "Sequential Convoy");
    CHECK_THAT(f[0].title, Catch::Contains("Projector runs 4 instances"));
    CHECK_THAT(f[0].message, Catch::Contains("(100 req/s)") && Catch::Contains("4 instances"));
    CHECK_THAT(f[0].suggestion, Catch::Contains("per_key"));
    CHECK(findingsOf("global-ordering", ledgerDesign("per_key", 4, 100)).empty());
    CHECK(findingsOf("global-ordering", ledgerDesign("none", 4, 100)).empty());
    // Not stated: nothing to judge.
    Json unstated = ledgerDesign("global", 4, 100);
    component(unstated, "s")["props"].erase("ordering");
    CHECK(findingsOf("global-ordering", unstated).empty());
}

TEST_CASE("rule global-ordering: one consumer cannot keep up with the one lane") {
    auto f = findingsOf("global-ordering", ledgerDesign("global", 1, 500));
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"s", "proj"});
    CHECK_THAT(f[0].message, Catch::Contains("500 req/s arrive and Projector takes 200 req/s"));
    // One consumer with room to spare keeps the order and the pace.
    CHECK(findingsOf("global-ordering", ledgerDesign("global", 1, 100)).empty());
}

namespace {
/// Password-reset mails and a nightly digest through one mail queue.
Json mailDesign(double digestRate) {
    Json d = soundDesign();
    addComponent(d, "q", "message_queue", "Mail queue", goodQueue());
    addComponent(d, "sender", "worker", "Mail sender", spread(3));
    addComponent(d, "digest", "scheduler", "Digest job",
                 {{"instances", 1}, {"zones", {"az1"}}, {"failover", "manual"}});
    connection(d, "c3")["to"] = "q";
    connection(d, "c3")["mode"] = "async";
    connection(d, "c3")["props"] = {{"timeout_ms", 200}};
    addConnection(d, "c4", "q", "sender", {{"idempotent", true}}, "async");
    addConnection(d, "c5", "digest", "q", {{"timeout_ms", 200}}, "async");
    d["flows"][0]["name"] = "Reset password";
    d["flows"][0]["rate_rps"] = 20;
    d["flows"].push_back({{"id", "digest_run"},
                          {"name", "Daily digest"},
                          {"entry", "digest"},
                          {"op", "write"},
                          {"rate_rps", digestRate}});
    return d;
}
} // namespace

TEST_CASE("rule mixed-priority-queue: urgent mails behind a background batch") {
    Json d = mailDesign(400);
    auto f = findingsOf("mixed-priority-queue", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"q"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].guideSection == "Bulkhead");
    CHECK_THAT(f[0].message, Catch::Contains("Reset password (20 req/s)") &&
                                 Catch::Contains("Daily digest (400 req/s)") &&
                                 Catch::Contains("consumers (Mail sender) take messages"));
    // Its own queue for the digest.
    addComponent(d, "q2", "message_queue", "Digest queue", goodQueue());
    connection(d, "c5")["to"] = "q2";
    addConnection(d, "c6", "q2", "sender", {{"idempotent", true}}, "async");
    CHECK(findingsOf("mixed-priority-queue", d).empty());
    // A trickle of background work builds no line.
    CHECK(findingsOf("mixed-priority-queue", mailDesign(1)).empty());
}

TEST_CASE("rule uncoordinated-scheduler: every instance fires the job") {
    Json d = mailDesign(400);
    component(d, "digest")["props"] = {
        {"instances", 3}, {"zones", {"az1", "az2"}}, {"failover", "automatic"}};
    auto f = findingsOf("uncoordinated-scheduler", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"digest"});
    // In-process leader election (a lease in the database) does not show on a diagram:
    // the candidate must say which it is.
    CHECK(f[0].severity == Severity::Info);
    CHECK(f[0].guideSection == "Scheduling Agent Supervisor");
    CHECK_THAT(f[0].title, Catch::Contains("which of Digest job's 3 instances fires"));
    CHECK_THAT(f[0].message, Catch::Contains("every run of Daily digest happens 3 times"));
    CHECK_THAT(f[0].suggestion, Catch::Contains("lease"));
    // A lease in a coordination service decides which instance fires.
    addComponent(d, "zk", "coordination_service", "Lock service", {{"zones", {"az1", "az2"}}});
    addConnection(d, "c7", "digest", "zk", {{"timeout_ms", 100}});
    CHECK(findingsOf("uncoordinated-scheduler", d).empty());
    // A cold standby behind manual failover does not fire either.
    CHECK(findingsOf("uncoordinated-scheduler", mailDesign(400)).empty());
}

namespace {
const std::filesystem::path kReview =
    std::filesystem::path(__FILE__).parent_path() / "designs" / "review-messaging";

std::vector<Finding> reviewFindings(const std::string& name) {
    return findings(readJson(kReview / (name + ".archlens")));
}

std::vector<std::string> subjectsOf(const std::vector<Finding>& all, const std::string& rule) {
    std::vector<std::string> out;
    for (const auto& f : all)
        if (f.rule == rule) out.insert(out.end(), f.subjects.begin(), f.subjects.end());
    return out;
}
} // namespace

// Designs of other prompts, drawn as candidates draw them, read in review-messaging/REVIEW.md.
TEST_CASE("messaging review designs: each rule fires where an interviewer would say it") {
    using V = std::vector<std::string>;
    const auto wallet = reviewFindings("digital-wallet");
    CHECK(subjectsOf(wallet, "dual-write") == V{"k5", "k2"});
    CHECK(subjectsOf(wallet, "no-compensation").empty());

    const auto tickets = reviewFindings("concert-tickets");
    CHECK(subjectsOf(tickets, "no-compensation") == V{"booking"});

    const auto judge = reviewFindings("online-judge");
    CHECK(subjectsOf(judge, "async-no-reply") == V{"jq"});
    CHECK(subjectsOf(judge, "dual-write") == V{"k4", "k2"});

    const auto trading = reviewFindings("stock-trading");
    CHECK(subjectsOf(trading, "global-ordering") == V{"trades", "settle"});
    CHECK(subjectsOf(trading, "async-no-reply").empty());

    const auto mail = reviewFindings("email-platform");
    CHECK(subjectsOf(mail, "mixed-priority-queue") == V{"mq"});
    CHECK(subjectsOf(mail, "uncoordinated-scheduler").empty());
    CHECK(subjectsOf(mail, "async-no-reply").empty());

    const auto billing = reviewFindings("subscription-billing");
    CHECK(subjectsOf(billing, "uncoordinated-scheduler") == V{"cron"});
    CHECK(subjectsOf(billing, "no-compensation") == V{"billing"});
}

TEST_CASE("messaging review designs: print every finding", "[.review-messaging]") {
    // ARCHLENS_PRINT_DIR prints another folder of designs (the sound or candidate suites).
    const char* dir = std::getenv("ARCHLENS_PRINT_DIR");
    for (const auto& e :
         std::filesystem::directory_iterator(dir ? std::filesystem::path(dir) : kReview)) {
        if (e.path().extension() != ".archlens") continue;
        std::string text = "== " + e.path().filename().string() + "\n";
        for (const auto& f : findings(readJson(e.path()))) {
            text += std::string(toString(f.severity)) + " " + f.rule + " [";
            for (const auto& s : f.subjects)
                text += s + " ";
            text += "] " + f.title + "\n    " + f.message + "\n    fix: " + f.suggestion +
                    "\n    ask: " + f.followUp + "\n";
        }
        WARN(text);
    }
}
