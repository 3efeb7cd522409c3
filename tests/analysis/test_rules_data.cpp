// Rules about data stores and their copies: each fires on a small broken design with its
// subjects, severity, numbers and names, and stays quiet once the design is fixed. The
// review designs (designs/review-data/, read in REVIEW.md) are loaded at the end.
#include "test_rule_support.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

using namespace archlens;
using namespace archlens::test;

namespace {

/// A read flow "history" that reads `store` through the API (and the write flow keeps to c3).
void addReadFlow(Json& d, const std::string& store) {
    connection(d, "c3")["props"]["ops"] = Json::array({"write"});
    d["connections"].push_back({{"id", "c4"},
                                {"from", "api"},
                                {"to", store},
                                {"mode", "sync"},
                                {"props", {{"ops", {"read"}}, {"timeout_ms", 250}}}});
    d["flows"].push_back({{"id", "history"},
                          {"name", "Order history"},
                          {"entry", "client"},
                          {"op", "read"},
                          {"rate_rps", 200}});
}

const std::filesystem::path kReview =
    std::filesystem::path(__FILE__).parent_path() / "designs" / "review-data";

Json reviewDesign(const std::string& name) {
    return readJson(kReview / (name + ".archlens"));
}

const std::set<std::string> kDataRules{"async-replication-loss",
                                       "multi-writer-conflicts",
                                       "stale-replica-read",
                                       "strong-cross-region",
                                       "single-primary-write-limit",
                                       "shared-database",
                                       "stale-index",
                                       "cross-region-data"};

/// "severity rule [subjects]" for each finding of this group's rules, in report order.
std::vector<std::string> dataFindings(const Json& design) {
    std::vector<std::string> out;
    for (const auto& f : findings(design)) {
        if (!kDataRules.count(f.rule)) continue;
        std::string s = std::string(toString(f.severity)) + " " + f.rule + " [";
        for (const auto& id : f.subjects)
            s += id + (id == f.subjects.back() ? "" : ",");
        out.push_back(s + "]");
    }
    return out;
}

std::string rulesOf(const std::vector<Finding>& all) {
    std::string s;
    for (const auto& f : all)
        s += f.rule + " ";
    return s;
}

} // namespace

TEST_CASE("rule async-replication-loss: asynchronous copies with automatic failover") {
    Json d = soundDesign();
    component(d, "db")["props"]["replication"] = "async";
    auto f = findingsOf("async-replication-loss", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"db"});
    CHECK(f[0].severity == Severity::Info);
    CHECK_THAT(f[0].message, Catch::Contains("Orders DB replicates asynchronously") &&
                                 Catch::Contains("Place order (about 50 req/s)") &&
                                 Catch::Contains("before its replica has it"));
    CHECK(f[0].guideSection == "Fail-Over");
    CHECK_THAT(f[0].followUp, Catch::Contains("seconds of confirmed writes"));
    // A commit that waits for a copy loses nothing it confirmed.
    component(d, "db")["props"]["replication"] = "sync";
    CHECK(findingsOf("async-replication-loss", d).empty());
    // Nor does a store that is only read.
    component(d, "db")["props"]["replication"] = "async";
    d["flows"][0]["op"] = "read";
    CHECK(findingsOf("async-replication-loss", d).empty());
}

TEST_CASE("rule multi-writer-conflicts: several primaries and no conflict resolution") {
    Json d = soundDesign();
    component(d, "db")["props"]["replication"] = "multi_primary";
    auto f = findingsOf("multi-writer-conflicts", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"db"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK_THAT(f[0].message, Catch::Contains("Orders DB is multi-primary") &&
                                 Catch::Contains("2 copies takes the writes of Place order"));
    CHECK(f[0].guideSection == "Active-Active");
    component(d, "db")["props"]["conflict_resolution"] = "version_vectors";
    CHECK(findingsOf("multi-writer-conflicts", d).empty());
}

TEST_CASE("rule multi-writer-conflicts: a leaderless store spread over two regions") {
    Json d = twoRegions();
    component(d, "db")["kind"] = "wide_column_store";
    component(d, "db")["props"] = {{"instances", 6}, {"zones", {"az1", "us1"}}};
    auto f = findingsOf("multi-writer-conflicts", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Warning);
    CHECK_THAT(f[0].message,
               Catch::Contains("spans eu and us") && Catch::Contains("writes of Place order"));
    CHECK_THAT(f[0].followUp, Catch::Contains("link between eu and us"));
    component(d, "db")["props"]["conflict_resolution"] = "crdt";
    CHECK(findingsOf("multi-writer-conflicts", d).empty());
    // A single-primary store across regions has one place for writes.
    component(d, "db")["kind"] = "rdbms";
    component(d, "db")["props"] = {
        {"instances", 2}, {"zones", {"az1", "us1"}}, {"failover", "automatic"}};
    CHECK(findingsOf("multi-writer-conflicts", d).empty());
}

TEST_CASE("rule stale-replica-read: reads from a replica the write does not wait for") {
    Json d = soundDesign();
    d["components"].push_back(
        {{"id", "ro"},
         {"kind", "rdbms"},
         {"name", "Orders replica"},
         {"props", {{"instances", 2}, {"zones", {"az1", "az2"}}, {"failover", "automatic"}}}});
    d["connections"].push_back(
        {{"id", "rep"}, {"from", "db"}, {"to", "ro"}, {"mode", "replication"}});
    addReadFlow(d, "ro");
    auto f = findingsOf("stale-replica-read", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"db", "ro"});
    CHECK(f[0].severity == Severity::Info);
    CHECK_THAT(f[0].message,
               Catch::StartsWith("Place order confirms a write as soon as Orders DB") &&
                   Catch::Contains("Order history reads Orders replica"));
    CHECK(f[0].guideSection == "Master-Slave");
    // Reading the primary too (the user's own data) is the answer.
    connection(d, "c3")["props"]["ops"] = Json::array({"write", "read"});
    CHECK(findingsOf("stale-replica-read", d).empty());
}

TEST_CASE("rule stale-replica-read: a write flow that only reads a store writes nothing there") {
    // Placing an order looks up the customer's saved preferences; the settings page reads
    // them from a replica. The order does not change the preferences, so no one can miss
    // their own write there.
    Json d = soundDesign();
    addComponent(d, "prefs", "rdbms", "Preferences",
                 {{"instances", 2}, {"zones", {"az1", "az2"}}, {"failover", "automatic"}});
    addComponent(d, "prefs_ro", "rdbms", "Preferences replica",
                 {{"instances", 2}, {"zones", {"az1", "az2"}}, {"failover", "automatic"}});
    addConnection(d, "rep", "prefs", "prefs_ro", Json::object(), "replication");
    addReadFlow(d, "prefs_ro");
    addConnection(d, "look", "api", "prefs",
                  {{"ops", {"read"}}, {"flows", {"order"}}, {"timeout_ms", 100}});
    CHECK(findingsOf("stale-replica-read", d).empty());
    // An order that also saves the preferences (the last delivery address) does write them.
    connection(d, "look")["props"]["ops"] = Json::array({"read", "write"});
    auto f = findingsOf("stale-replica-read", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"prefs", "prefs_ro"});
    CHECK_THAT(f[0].message, Catch::StartsWith("Place order confirms a write as soon as "
                                               "Preferences has it"));
    connection(d, "look")["props"]["ops"] = Json::array({"write"});
    CHECK(findingsOf("stale-replica-read", d).size() == 1);
}

TEST_CASE("rule strong-cross-region: synchronous copies in two regions on a user's write") {
    Json d = twoRegions();
    component(d, "db")["props"]["zones"] = Json::array({"az1", "us1"});
    component(d, "db")["props"]["replication"] = "sync";
    auto f = findingsOf("strong-cross-region", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"db"});
    CHECK(f[0].flow == "order");
    // 40 ms more still fits a 500 ms target: a decision to state.
    CHECK(f[0].severity == Severity::Info);
    CHECK_THAT(f[0].message, Catch::Contains("across eu and us") &&
                                 Catch::Contains("about 40 ms") &&
                                 Catch::Contains("target of 500 ms"));
    CHECK(f[0].guideSection == "CP – Consistency + Partition Tolerance");
    // A target the round trip breaks makes it a flaw.
    d["requirements"]["p99_ms"] = 20;
    f = findingsOf("strong-cross-region", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Warning);
    CHECK_THAT(f[0].message, Catch::Contains("target of 20 ms"));
    component(d, "db")["props"]["replication"] = "async";
    CHECK(findingsOf("strong-cross-region", d).empty());
}

TEST_CASE("rule single-primary-write-limit: replicas that hide a primary past its capacity") {
    Json d = soundDesign();
    component(d, "db")["props"]["instances"] = 3;
    component(d, "db")["props"]["zones"] = Json::array({"az1", "az2"});
    component(d, "db")["props"]["capacity_rps"] = 100;
    d["flows"][0]["rate_rps"] = 150; // 150% of one instance, 50% of three
    auto f = findingsOf("single-primary-write-limit", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"db"});
    CHECK(f[0].severity == Severity::Error);
    CHECK_THAT(f[0].message, Catch::Contains("About 150 req/s of writes from Place order reach Orders DB, 150% of") &&
                                 Catch::Contains("(100 req/s)") &&
                                 Catch::Contains("its 3 instances") && Catch::Contains("(50%)"));
    CHECK_THAT(f[0].suggestion, Catch::Contains("about 3 shards"));
    CHECK(f[0].guideSection == "Sharding");
    CHECK(findingsOf("saturated-component", d).empty());
    d["flows"][0]["rate_rps"] = 90; // 90%: a warning
    f = findingsOf("single-primary-write-limit", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Warning);
    d["flows"][0]["rate_rps"] = 50;
    CHECK(findingsOf("single-primary-write-limit", d).empty());
    // Busy as a whole: saturated-component's finding, not a second one.
    d["flows"][0]["rate_rps"] = 260;
    CHECK(findingsOf("single-primary-write-limit", d).empty());
    CHECK(findingsOf("saturated-component", d).size() == 1);
}

TEST_CASE("rule single-primary-write-limit: a sharded store has a primary per shard") {
    // Orders partitioned by customer over 3 shards of 2 instances: 150 writes/s are about
    // 50 per shard's primary, half of what one instance takes.
    Json d = soundDesign();
    Json& db = component(d, "db")["props"];
    db["instances"] = 6;
    db["capacity_rps"] = 100;
    db["shard_key"] = "customer_id";
    db["shards"] = 3;
    d["flows"][0]["rate_rps"] = 150;
    CHECK(findingsOf("single-primary-write-limit", d).empty());

    SECTION("each shard's primary past its capacity") {
        d["flows"][0]["rate_rps"] = 330; // 110 per primary, 55% over the six instances
        auto f = findingsOf("single-primary-write-limit", d);
        REQUIRE(f.size() == 1);
        CHECK(f[0].subjects == std::vector<std::string>{"db"});
        CHECK(f[0].severity == Severity::Error);
        CHECK(f[0].guideSection == "Sharding");
        CHECK_THAT(f[0].title, Catch::StartsWith("The shard primaries of Orders DB"));
        CHECK_THAT(f[0].message, Catch::Contains("About 330 req/s of writes") &&
                                     Catch::Contains("whose shards spread them over 3 primaries") &&
                                     Catch::Contains("about 110 req/s, 110% of") &&
                                     Catch::Contains("all 6 instances (55%)"));
        CHECK_THAT(f[0].suggestion, Catch::Contains("about 5 primaries"));
        d["flows"][0]["rate_rps"] = 270; // 90 per primary: a warning
        f = findingsOf("single-primary-write-limit", d);
        REQUIRE(f.size() == 1);
        CHECK(f[0].severity == Severity::Warning);
    }
    SECTION("unsharded, every write lands on the one primary") {
        db.erase("shard_key");
        db.erase("shards");
        auto f = findingsOf("single-primary-write-limit", d);
        REQUIRE(f.size() == 1);
        CHECK(f[0].severity == Severity::Error);
        CHECK_THAT(f[0].title, Catch::StartsWith("The one primary of Orders DB"));
    }
    SECTION("partitioned with no count: every instance leads a part of the data") {
        db.erase("shards");
        d["flows"][0]["rate_rps"] = 270; // 45 per instance
        CHECK(findingsOf("single-primary-write-limit", d).empty());
    }
    SECTION("more logical shards than machines: one primary per instance at most") {
        db["shards"] = 64;
        d["flows"][0]["rate_rps"] = 270;
        CHECK(findingsOf("single-primary-write-limit", d).empty());
    }
}

TEST_CASE("rule shared-database: two services write one store") {
    Json d = soundDesign();
    d["components"].push_back({{"id", "billing"},
                               {"kind", "app_service"},
                               {"name", "Billing"},
                               {"props", {{"instances", 2}, {"zones", {"az1", "az2"}}}}});
    connection(d, "c2")["props"]["flows"] = Json::array({"order"});
    d["connections"].push_back({{"id", "c5"},
                                {"from", "gw"},
                                {"to", "billing"},
                                {"mode", "sync"},
                                {"props", {{"timeout_ms", 1000}, {"flows", {"invoice"}}}}});
    d["connections"].push_back({{"id", "c6"},
                                {"from", "billing"},
                                {"to", "db"},
                                {"mode", "sync"},
                                {"props", {{"timeout_ms", 250}}}});
    d["flows"].push_back({{"id", "invoice"},
                          {"name", "Pay invoice"},
                          {"entry", "client"},
                          {"op", "write"},
                          {"rate_rps", 10}});
    auto f = findingsOf("shared-database", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"db", "api", "billing"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].title == "2 services write to Orders DB");
    CHECK_THAT(f[0].message, Catch::StartsWith("API and Billing all write to Orders DB"));
    CHECK(f[0].guideSection == "Monolithic Persistence");
    // Billing only reading the orders is not shared ownership...
    connection(d, "c6")["props"]["ops"] = Json::array({"read"});
    CHECK(findingsOf("shared-database", d).empty());
    // ...nor is one service deployed in two regions, drawn as a box per region...
    connection(d, "c6")["props"].erase("ops");
    d["zones"].push_back({{"id", "far1"}, {"region", "far"}, {"availability", 0.9995}});
    d["zones"].push_back({{"id", "far2"}, {"region", "far"}, {"availability", 0.9995}});
    component(d, "billing")["props"]["zones"] = Json::array({"far1", "far2"});
    CHECK(findingsOf("shared-database", d).empty());
    // ...while two kinds of service there still share it.
    component(d, "billing")["kind"] = "web_server";
    CHECK(findingsOf("shared-database", d).size() == 1);
    component(d, "billing")["kind"] = "app_service";
    component(d, "billing")["props"]["zones"] = Json::array({"az1", "az2"});
    // ...and a worker writing its own service's store is normal.
    connection(d, "c6")["props"].erase("ops");
    component(d, "billing")["kind"] = "worker";
    CHECK(findingsOf("shared-database", d).empty());
}

TEST_CASE("rule stale-index: a search index read but never fed") {
    Json d = soundDesign();
    d["components"].push_back({{"id", "idx"},
                               {"kind", "search_index"},
                               {"name", "Order search"},
                               {"props", {{"zones", {"az1", "az2"}}}}});
    addReadFlow(d, "idx");
    d["flows"][1]["name"] = "Search orders";
    auto f = findingsOf("stale-index", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"idx"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK_THAT(f[0].message, Catch::StartsWith("Search orders read Order search, but nothing"));
    CHECK(f[0].guideSection == "Index Table");
    // An indexer fed by the write flow through a queue keeps it current...
    d["components"].push_back(
        {{"id", "q"},
         {"kind", "message_queue"},
         {"name", "Order events"},
         {"props", {{"dlq", true}, {"max_depth", 100000}, {"zones", {"az1", "az2"}}}}});
    d["components"].push_back({{"id", "indexer"},
                               {"kind", "worker"},
                               {"name", "Indexer"},
                               {"props", {{"zones", {"az1", "az2"}}}}});
    d["connections"].push_back({{"id", "c7"},
                                {"from", "api"},
                                {"to", "q"},
                                {"mode", "async"},
                                {"props", {{"ops", {"write"}}}}});
    d["connections"].push_back({{"id", "c8"}, {"from", "q"}, {"to", "indexer"}, {"mode", "async"}});
    d["connections"].push_back({{"id", "c9"},
                                {"from", "indexer"},
                                {"to", "idx"},
                                {"mode", "sync"},
                                {"props", {{"timeout_ms", 500}, {"idempotent", true}}}});
    CHECK(findingsOf("stale-index", d).empty());
    // ...a step behind the order store, which stale-replica-read asks about.
    auto stale = findingsOf("stale-replica-read", d);
    REQUIRE(stale.size() == 1);
    CHECK(stale[0].subjects == std::vector<std::string>{"db", "idx"});
    CHECK_THAT(stale[0].message,
               Catch::Contains("writes Order search only in its background part"));
}

TEST_CASE("rule cross-region-data: servers in two regions, their store in one") {
    Json d = twoRegions();
    component(d, "api")["props"]["zones"] = Json::array({"az1", "us1"});
    component(d, "gw")["props"]["zones"] = Json::array({"az1", "us1"});
    auto f = findingsOf("cross-region-data", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"db", "api"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].title == "Servers in us call Orders DB, which lives only in eu");
    CHECK_THAT(f[0].message, Catch::Contains("on Place order they call Orders DB"));
    CHECK(f[0].guideSection == "Geodes");
    // A store with copies in both regions.
    component(d, "db")["props"]["zones"] = Json::array({"az1", "us1"});
    CHECK(findingsOf("cross-region-data", d).empty());
}

TEST_CASE("the data rules stay quiet on the sound design") {
    const auto all = findings(soundDesign());
    INFO(rulesOf(all));
    CHECK(all.empty());
}

TEST_CASE("review designs: print every finding", "[.review-data]") {
    for (const char* name : {"money-transfers", "collab-docs", "qa-forum", "ticketing"}) {
        std::cout << "== " << name << "\n";
        for (const auto& f : findings(reviewDesign(name))) {
            std::cout << toString(f.severity) << " " << f.rule << " [";
            for (const auto& id : f.subjects)
                std::cout << id << " ";
            std::cout << "] " << f.title << "\n  " << f.message << "\n  fix: " << f.suggestion
                      << "\n  ask: " << f.followUp << "\n";
        }
    }
}

TEST_CASE("review designs: each draws the data findings read in REVIEW.md") {
    using List = std::vector<std::string>;
    CHECK(dataFindings(reviewDesign("money-transfers")) ==
          List{"info async-replication-loss [activity_db]",
               "info stale-replica-read [ledger,activity_db]",
               "info strong-cross-region [ledger]"});
    CHECK(dataFindings(reviewDesign("collab-docs")) ==
          List{"warning cross-region-data [comments_db,comment_svc]",
               "warning multi-writer-conflicts [docs]"});
    CHECK(dataFindings(reviewDesign("qa-forum")) ==
          List{"warning stale-index [search_idx]", "info stale-replica-read [posts_db,posts_ro]"});
    CHECK(dataFindings(reviewDesign("ticketing")) ==
          List{"error single-primary-write-limit [seats_db]",
               "warning shared-database [seats_db,hold_svc,order_svc]"});
}
