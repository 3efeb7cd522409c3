// Rules about how data is kept consistent and where it lives: a choice of consistency per
// kind of data, a standby that must carry the load, partitions read by another key, a
// single active instance, and writes with one home region. Each fires on a small broken
// design with its subjects, severity, numbers and names, and stays quiet once the design is
// fixed. The review designs (designs/review-datax/, read in REVIEW.md) are loaded at the end.
#include "test_rule_support.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

using namespace archlens;
using namespace archlens::test;

namespace {

/// The sound design whose order writes also reach a search index in the background:
/// API -> queue -> indexer -> search index, the index spread over eu and us.
Json withIndexer() {
    Json d = twoRegions();
    addComponent(
        d, "events", "message_queue", "Order events",
        {{"zones", {"az1", "az2"}}, {"dlq", true}, {"durable", true}, {"max_depth", 100000}});
    addComponent(d, "indexer", "worker", "Indexer", {{"instances", 2}, {"zones", {"az1", "az2"}}});
    addComponent(d, "search", "search_index", "Order search",
                 {{"instances", 2}, {"zones", {"az1", "us1"}}, {"replication", "sync"}});
    addConnection(d, "c5", "api", "events", {{"timeout_ms", 100}}, "async");
    addConnection(d, "c6", "events", "indexer", Json::object(), "async");
    addConnection(d, "c7", "indexer", "search",
                  {{"timeout_ms", 250},
                   {"retries", 2},
                   {"backoff", "exponential_jitter"},
                   {"idempotent", true}});
    return d;
}

const std::filesystem::path kReview =
    std::filesystem::path(__FILE__).parent_path() / "designs" / "review-datax";

Json reviewDesign(const std::string& name) {
    return readJson(kReview / (name + ".archlens"));
}

/// "severity rule [subjects]" for each finding at warning or above and each finding of
/// this group's rules, in report order.
std::vector<std::string> described(const Json& design) {
    static const std::set<std::string> kMine{"blanket-consistency", "undersized-standby",
                                             "cross-shard-read", "uncoordinated-singleton",
                                             "cross-region-data"};
    std::vector<std::string> out;
    for (const auto& f : findings(design)) {
        if (f.severity == Severity::Info && !kMine.count(f.rule)) continue;
        std::string s = std::string(toString(f.severity)) + " " + f.rule + " [";
        for (const auto& id : f.subjects)
            s += id + (id == f.subjects.back() ? "" : ",");
        out.push_back(s + "]");
    }
    return out;
}

} // namespace

TEST_CASE(
    "rule blanket-consistency: synchronous copies across regions of data fed in the background") {
    Json d = withIndexer();
    auto f = findingsOf("blanket-consistency", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"search"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK_THAT(f[0].message, Catch::StartsWith("Order search confirms a write only once a copy in "
                                               "another region has it (eu and us)") &&
                                 Catch::Contains("from Place order (about 50 req/s)") &&
                                 Catch::Contains("about 40 ms"));
    CHECK(f[0].guideSection == "Availability vs Consistency");
    CHECK_THAT(f[0].followUp, Catch::Contains("how stale may Order search be"));
    // A nightly rebuild is background work too.
    Json nightly = withIndexer();
    connection(nightly, "c5")["props"]["ops"] = Json::array({"read"});
    addComponent(nightly, "rebuild", "worker", "Index rebuild",
                 {{"instances", 2}, {"zones", {"az1", "az2"}}});
    addConnection(nightly, "c8", "rebuild", "search", {{"timeout_ms", 1000}});
    nightly["flows"].push_back({{"id", "nightly"},
                                {"name", "Nightly rebuild"},
                                {"entry", "rebuild"},
                                {"op", "write"},
                                {"rate_rps", 5}});
    f = findingsOf("blanket-consistency", nightly);
    REQUIRE(f.size() == 1);
    CHECK_THAT(f[0].message, Catch::Contains("from Nightly rebuild (about 5 req/s)"));
    // Copied later, as its readers already expect: quiet.
    component(d, "search")["props"]["replication"] = "async";
    CHECK(findingsOf("blanket-consistency", d).empty());
    // In step within one region: a durability choice, not a cross-region cost.
    component(d, "search")["props"]["replication"] = "sync";
    component(d, "search")["props"]["zones"] = Json::array({"az1", "az2"});
    CHECK(findingsOf("blanket-consistency", d).empty());
}

TEST_CASE("rule blanket-consistency: a store a user's request writes is strong-cross-region's") {
    Json d = twoRegions();
    component(d, "db")["props"]["zones"] = Json::array({"az1", "us1"});
    component(d, "db")["props"]["replication"] = "sync";
    CHECK(findingsOf("blanket-consistency", d).empty());
    CHECK(findingsOf("strong-cross-region", d).size() == 1);
}

TEST_CASE("rule undersized-standby: a passive copy smaller than the load it takes over") {
    Json d = soundDesign();
    component(d, "db")["props"]["instances"] = 1; // the drawn standby is the redundancy
    addComponent(d, "standby", "rdbms", "Orders standby",
                 {{"zones", {"az2"}}, {"capacity_rps", 30}});
    addConnection(d, "rep", "db", "standby", Json::object(), "replication");
    auto f = findingsOf("undersized-standby", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"standby", "db"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK_THAT(f[0].message,
               Catch::Contains("Orders standby is the passive copy of Orders DB") &&
                   Catch::Contains("all of Orders DB's 50 req/s") &&
                   Catch::Contains("With 30 req/s (1 × 30 req/s) it would run at 167%") &&
                   Catch::Contains("does not say whether the copy is synchronous"));
    CHECK_THAT(f[0].suggestion, Catch::Contains("about 2 instances of 30 req/s") &&
                                    Catch::Contains("how far behind Orders DB it may run"));
    CHECK_THAT(f[0].followUp, Catch::EndsWith("how many seconds of writes does it lack?"));
    CHECK(f[0].guideSection == "Active-Passive");
    // A standby kept by a copy is waiting, not unused.
    CHECK(findingsOf("unused-component", d).empty());
    // How far behind it runs follows the primary's replication.
    component(d, "db")["props"]["replication"] = "async";
    f = findingsOf("undersized-standby", d);
    REQUIRE(f.size() == 1);
    CHECK_THAT(f[0].message, Catch::Contains("lacks whatever Orders DB had not yet shipped"));
    // Copied in step, it lacks nothing; the question is what writes do while it is away.
    component(d, "db")["props"]["replication"] = "sync";
    f = findingsOf("undersized-standby", d);
    REQUIRE(f.size() == 1);
    CHECK_THAT(f[0].message, Catch::Contains("holds every confirmed write"));
    CHECK_THAT(f[0].suggestion, !Catch::Contains("how far behind"));
    CHECK_THAT(f[0].followUp, Catch::Contains("while the standby cannot be reached"));
    // Sized like the side it replaces: quiet.
    component(d, "standby")["props"]["capacity_rps"] = 1000;
    CHECK(findingsOf("undersized-standby", d).empty());
}

TEST_CASE("Active-Passive drawn as instances: async-replication-loss says how far behind the "
          "standby runs") {
    // A primary and its standby as two instances of one store, failing over by themselves
    // and copied asynchronously: the standby it promotes lacks the latest writes.
    Json d = soundDesign();
    component(d, "db")["props"]["replication"] = "async";
    auto f = findingsOf("async-replication-loss", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"db"});
    CHECK_THAT(f[0].message, Catch::Contains("before its replica has it"));
    // Its load after the switch is no-failover-headroom's (instances of one component),
    // never this group's rule, which is about a standby drawn as its own component.
    CHECK(findingsOf("undersized-standby", d).empty());
}

TEST_CASE("rule undersized-standby: copies in service or of another kind are no standby") {
    Json d = soundDesign();
    connection(d, "c3")["props"]["ops"] = Json::array({"write"});
    addComponent(d, "ro", "rdbms", "Orders replica", {{"zones", {"az2"}}, {"capacity_rps", 30}});
    addConnection(d, "rep", "db", "ro", Json::object(), "replication");
    // A read replica that a flow reads is in service, not waiting.
    addConnection(d, "c4", "api", "ro", {{"ops", {"read"}}, {"timeout_ms", 250}});
    d["flows"].push_back({{"id", "history"},
                          {"name", "Order history"},
                          {"entry", "client"},
                          {"op", "read"},
                          {"rate_rps", 20}});
    CHECK(findingsOf("undersized-standby", d).empty());
    // A search index filled by change capture never takes over from the database.
    Json e = soundDesign();
    addComponent(e, "idx", "search_index", "Order search",
                 {{"zones", {"az2"}}, {"capacity_rps", 10}});
    addConnection(e, "rep", "db", "idx", Json::object(), "replication");
    CHECK(findingsOf("undersized-standby", e).empty());
}

TEST_CASE("rule cross-shard-read: a partitioned store looked up by another field") {
    Json d = soundDesign();
    component(d, "db")["props"]["shard_key"] = "customer_id";
    connection(d, "c3")["props"]["ops"] = Json::array({"write"});
    addConnection(d, "c4", "api", "db",
                  {{"ops", {"read"}}, {"timeout_ms", 250}, {"lookup_key", "sku"}});
    d["flows"].push_back({{"id", "by_product"},
                          {"name", "Orders of a product"},
                          {"entry", "client"},
                          {"op", "read"},
                          {"rate_rps", 200}});
    auto f = findingsOf("cross-shard-read", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"db", "c4"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].title == "Orders DB is partitioned by customer_id but read by sku");
    CHECK_THAT(f[0].message,
               Catch::Contains(
                   "API looks its records up by sku on Orders of a product (about 200 req/s)") &&
                   Catch::Contains("asks all of them"));
    CHECK(f[0].guideSection == "Sharding");
    CHECK_THAT(f[0].followUp, Catch::Contains("add partitions to Orders DB"));
    // The lookup that carries the shard key reaches one partition (case and spaces aside).
    connection(d, "c4")["props"]["lookup_key"] = " Customer_ID";
    CHECK(findingsOf("cross-shard-read", d).empty());
    // Not partitioned: nothing to cross.
    connection(d, "c4")["props"]["lookup_key"] = "sku";
    component(d, "db")["props"].erase("shard_key");
    CHECK(findingsOf("cross-shard-read", d).empty());
}

TEST_CASE("rule cross-shard-read: background scans are not a user's wait") {
    Json d = soundDesign();
    component(d, "db")["props"]["shard_key"] = "customer_id";
    addComponent(d, "report", "worker", "Nightly report",
                 {{"instances", 2}, {"zones", {"az1", "az2"}}});
    addConnection(d, "c4", "report", "db",
                  {{"ops", {"read"}}, {"timeout_ms", 5000}, {"lookup_key", "day"}});
    d["flows"].push_back({{"id", "nightly"},
                          {"name", "Nightly report"},
                          {"entry", "report"},
                          {"op", "read"},
                          {"rate_rps", 1}});
    CHECK(findingsOf("cross-shard-read", d).empty());
}

TEST_CASE(
    "rule uncoordinated-singleton: several active instances of a component that must act alone") {
    Json d = soundDesign();
    addComponent(d, "assigner", "worker", "Courier assigner",
                 {{"instances", 3}, {"zones", {"az1", "az2"}}, {"single_active", true}});
    addConnection(d, "c4", "api", "assigner", {{"timeout_ms", 100}}, "async");
    auto f = findingsOf("uncoordinated-singleton", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"assigner"});
    // A lease in the database would not show on a diagram either (as for schedulers):
    // the candidate must say what grants the role.
    CHECK(f[0].severity == Severity::Info);
    CHECK(f[0].title == "Nothing shown makes only one of Courier assigner's 3 instances act");
    CHECK_THAT(f[0].message, Catch::Contains("runs 3 and talks to no coordination service") &&
                                 Catch::Contains("two instances acting at once"));
    CHECK(f[0].guideSection == "Leader Election");
    CHECK_THAT(f[0].suggestion, Catch::Contains("fencing token"));
    // A lease in a coordination service grants the role: quiet.
    Json fixed = d;
    addComponent(fixed, "zk", "coordination_service", "Lease store",
                 {{"instances", 3}, {"zones", {"az1", "az2"}}});
    addConnection(fixed, "c5", "assigner", "zk", {{"timeout_ms", 100}});
    CHECK(findingsOf("uncoordinated-singleton", fixed).empty());
    // Fed by a stream, whose consumer group gives each partition to one instance at a time.
    Json streamed = d;
    addComponent(
        streamed, "orders", "event_stream", "Order stream",
        {{"zones", {"az1", "az2"}}, {"dlq", true}, {"durable", true}, {"max_depth", 100000}});
    connection(streamed, "c4")["to"] = "orders";
    addConnection(streamed, "c5", "orders", "assigner", Json::object(), "async");
    CHECK(findingsOf("uncoordinated-singleton", streamed).empty());
    // Several instances of a component that may all act: nothing to elect.
    component(d, "assigner")["props"]["single_active"] = false;
    CHECK(findingsOf("uncoordinated-singleton", d).empty());
    // A cold standby taken over by hand: one acts (and single-point-of-failure speaks).
    component(d, "assigner")["props"]["single_active"] = true;
    component(d, "assigner")["props"]["failover"] = "manual";
    CHECK(findingsOf("uncoordinated-singleton", d).empty());
}

TEST_CASE("rule uncoordinated-singleton: schedulers are uncoordinated-scheduler's") {
    Json d = soundDesign();
    addComponent(d, "cron", "scheduler", "Billing scheduler",
                 {{"instances", 2}, {"zones", {"az1", "az2"}}, {"failover", "automatic"}});
    addConnection(d, "c4", "cron", "api", {{"timeout_ms", 1000}});
    CHECK(findingsOf("uncoordinated-singleton", d).empty());
    CHECK(findingsOf("uncoordinated-scheduler", d).size() == 1);
}

TEST_CASE("rule cross-region-data: read replicas far away and writes with one home region") {
    Json d = twoRegions();
    addComponent(d, "client_us", "client", "US browser");
    addComponent(d, "api_us", "app_service", "US API", {{"instances", 3}, {"zones", {"us1"}}});
    addComponent(d, "db_us", "rdbms", "Orders replica (us)",
                 {{"instances", 2}, {"zones", {"us1"}}, {"failover", "automatic"}});
    addConnection(d, "u1", "client_us", "api_us");
    addConnection(d, "u2", "api_us", "db", {{"ops", {"write"}}, {"timeout_ms", 300}});
    addConnection(d, "u3", "api_us", "db_us", {{"ops", {"read"}}, {"timeout_ms", 250}});
    addConnection(d, "rep", "db", "db_us", Json::object(), "replication");
    d["flows"].push_back({{"id", "order_us"},
                          {"name", "Place order (us)"},
                          {"entry", "client_us"},
                          {"op", "write"},
                          {"rate_rps", 30}});
    d["flows"].push_back({{"id", "browse_us"},
                          {"name", "Browse (us)"},
                          {"entry", "client_us"},
                          {"op", "read"},
                          {"rate_rps", 100}});
    auto f = findingsOf("cross-region-data", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"db", "api_us"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].title == "Writes to Orders DB have one home, eu, and nothing drawn moves them");
    CHECK_THAT(f[0].message,
               Catch::StartsWith("US API run in us and a copy of Orders DB sits there "
                                 "(Orders replica (us))") &&
                   Catch::Contains("but on Place order (us) they still call Orders DB") &&
                   Catch::Contains("until a copy is promoted"));
    CHECK(f[0].guideSection == "Geodes");
    CHECK_THAT(f[0].followUp, Catch::Contains("eu is gone for an hour"));
    // Without the copy in us, the plain finding: the region has no data of its own.
    Json e = d;
    e["connections"].erase(e["connections"].end() - 1);
    f = findingsOf("cross-region-data", e);
    REQUIRE(f.size() == 1);
    CHECK(f[0].title == "Servers in us call Orders DB, which lives only in eu");
    // A primary spread over both regions with automatic failover: the writes can move.
    component(d, "db")["props"]["zones"] = Json::array({"az1", "us1"});
    CHECK(findingsOf("cross-region-data", d).empty());
}

TEST_CASE("review designs of other prompts: every finding read (designs/review-datax/REVIEW.md)") {
    // Everything at warning or above, and this group's findings at any severity; each line
    // is read in REVIEW.md.
    const std::map<std::string, std::vector<std::string>> expected{
        {"recipe-platform",
         {"warning blanket-consistency [search]", "warning timeout-budget [recipe-db-write]"}},
        {"online-pharmacy",
         {"error saturated-component [checker]", "error single-point-of-failure [rx_queue]",
          "warning availability-below-target [rx_queue,use1a]",
          "warning undersized-standby [orders_dr,orders_db]"}},
        {"ride-hailing-trips", {"warning cross-shard-read [trips_db,earn-read]"}},
        {"auction-house",
         {"error single-point-of-failure [results]",
          "warning missing-idempotency [results-notifier]",
          "info uncoordinated-singleton [closer]"}},
        {"dating-app",
         {"warning cross-region-data [profiles_db,svc_eu]",
          "warning no-cache-hot-reads [profiles_db]", "warning timeout-budget [eu-write]"}}};
    std::size_t seen = 0;
    for (const auto& e : std::filesystem::directory_iterator(kReview)) {
        if (e.path().extension() != ".archlens") continue;
        const std::string name = e.path().stem().string();
        INFO(name);
        const Json d = reviewDesign(name);
        if (std::getenv("ARCHLENS_PRINT_REVIEW")) {
            std::cout << "== " << name << "\n";
            for (const auto& f : findings(d)) {
                std::cout << toString(f.severity) << " " << f.rule << " [";
                for (const auto& s : f.subjects)
                    std::cout << s << " ";
                std::cout << "]\n  " << f.message << "\n  -> " << f.suggestion << "\n  ?? "
                          << f.followUp << "\n";
            }
        }
        const auto it = expected.find(name);
        REQUIRE(it != expected.end());
        CHECK(described(d) == it->second);
        ++seen;
    }
    CHECK(seen == expected.size());
}
