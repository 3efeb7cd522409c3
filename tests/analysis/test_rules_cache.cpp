// The caching, content and payload rules: each fires on a small broken design with its
// subjects, severity, names and numbers, and is quiet once the design is fixed. The last
// cases load the interviewer-review designs of designs/review-cache/ (read in REVIEW.md).
#include "test_rule_support.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace archlens;
using namespace archlens::test;

namespace {

void addFlow(Json& d, const std::string& id, const std::string& name, const std::string& entry,
             const std::string& op, double rate) {
    d["flows"].push_back(
        {{"id", id}, {"name", name}, {"entry", entry}, {"op", op}, {"rate_rps", rate}});
}

Json redundant(Json extra = Json::object()) {
    Json p = {{"instances", 2}, {"zones", {"az1", "az2"}}};
    p.update(extra);
    return p;
}

/// The sound design plus a read flow that looks orders up through a cache in front of the
/// database; the write flow (Place order) changes the database and never touches the cache.
Json cachedReads(Json cacheProps) {
    Json d = soundDesign();
    addComponent(d, "cache", "cache", "Order cache", redundant(std::move(cacheProps)));
    addConnection(d, "c4", "api", "cache",
                  {{"ops", {"read"}}, {"timeout_ms", 20}, {"required", false}});
    // The miss path: a fraction of the reads reach the database.
    connection(d, "c3")["props"]["ops"] = {"write"};
    addConnection(d, "c3r", "api", "db", {{"ops", {"read"}}, {"calls", 0.2}, {"timeout_ms", 250}});
    addFlow(d, "lookup", "Look up an order", "client", "read", 800);
    return d;
}

const std::filesystem::path kReview =
    std::filesystem::path(__FILE__).parent_path() / "designs" / "review-cache";

Json reviewDesign(const std::string& file) {
    return readJson(kReview / file);
}

const Finding* first(const std::vector<Finding>& findings, const std::string& rule) {
    for (const auto& f : findings)
        if (f.rule == rule) return &f;
    return nullptr;
}

} // namespace

TEST_CASE("rule cache-without-invalidation: a long TTL is the only thing bounding staleness") {
    Json d = cachedReads({{"ttl_s", 3600}});
    auto f = findingsOf("cache-without-invalidation", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"cache"});
    CHECK(f[0].severity == Severity::Info);
    CHECK(f[0].guideSection == "Cache-Aside");
    CHECK_THAT(f[0].message, Catch::Contains("Look up an order fills Order cache from Orders DB") &&
                                 Catch::Contains("which Place order changes") &&
                                 Catch::Contains("up to 60 min"));
    CHECK_THAT(f[0].followUp, Catch::Contains("60 min"));

    SECTION("a TTL of a minute or less is quiet") {
        component(d, "cache")["props"]["ttl_s"] = 60;
        CHECK(findingsOf("cache-without-invalidation", d).empty());
    }
    SECTION("a write path that deletes the entry is quiet") {
        addConnection(d, "c5", "api", "cache", {{"ops", {"write"}}, {"timeout_ms", 20}});
        CHECK(findingsOf("cache-without-invalidation", d).empty());
    }
    SECTION("a consumer of the change stream that evicts entries is quiet") {
        addComponent(d, "events", "event_stream", "Order events",
                     redundant({{"durable", true}, {"dlq", true}}));
        addComponent(d, "evictor", "worker", "Evictor", redundant());
        addConnection(d, "c5", "api", "events", {{"ops", {"write"}}, {"timeout_ms", 50}}, "async");
        addConnection(d, "c6", "events", "evictor", Json::object(), "async");
        addConnection(d, "c7", "evictor", "cache", {{"timeout_ms", 20}});
        CHECK(findingsOf("cache-without-invalidation", d).empty());
    }
    SECTION("a store read on every request is other data, not what the cache holds") {
        connection(d, "c3r")["props"]["calls"] = 1;
        CHECK(findingsOf("cache-without-invalidation", d).empty());
    }
    SECTION("a cache of data no flow writes is quiet") {
        d["flows"].erase(0); // drop Place order
        CHECK(findingsOf("cache-without-invalidation", d).empty());
    }
}

TEST_CASE("rule cache-without-invalidation: no TTL and no invalidation is a warning, once") {
    Json d = cachedReads(Json::object());
    auto f = findingsOf("cache-without-invalidation", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Warning);
    CHECK_THAT(f[0].message, Catch::Contains("no TTL") && Catch::Contains("Orders DB"));
    // One cause, one finding: cache-without-ttl stands down for this cache...
    CHECK(findingsOf("cache-without-ttl", d).empty());
    // ...and speaks again for a cache without TTL that writes do keep current.
    addConnection(d, "c5", "api", "cache", {{"ops", {"write"}}, {"timeout_ms", 20}});
    CHECK(findingsOf("cache-without-invalidation", d).empty());
    CHECK(findingsOf("cache-without-ttl", d).size() == 1);
}

TEST_CASE("rule write-behind-not-durable: confirmed writes held only in memory") {
    Json d = soundDesign();
    addComponent(d, "cache", "cache", "Cart cache",
                 redundant({{"ttl_s", 30}, {"write_policy", "write_behind"}}));
    addConnection(d, "c4", "api", "cache", {{"timeout_ms", 20}});
    addConnection(d, "c5", "cache", "db", {{"timeout_ms", 200}});
    auto f = findingsOf("write-behind-not-durable", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"cache"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].guideSection == "Write-Behind");
    CHECK_THAT(f[0].message, Catch::Contains("Place order is confirmed") &&
                                 Catch::Contains("Orders DB only hears of it later"));

    SECTION("a durable cache is quiet") {
        component(d, "cache")["props"]["durable"] = true;
        CHECK(findingsOf("write-behind-not-durable", d).empty());
    }
    SECTION("write-through is quiet") {
        component(d, "cache")["props"]["write_policy"] = "write_through";
        CHECK(findingsOf("write-behind-not-durable", d).empty());
    }
    SECTION("a write-behind cache that only reads reach is quiet") {
        connection(d, "c4")["props"]["ops"] = {"read"};
        CHECK(findingsOf("write-behind-not-durable", d).empty());
    }
}

TEST_CASE("rule static-through-app: users' file reads relayed by the application") {
    Json d = soundDesign();
    addComponent(d, "files", "object_storage", "Attachments bucket");
    addConnection(d, "c4", "api", "files",
                  {{"ops", {"read"}}, {"timeout_ms", 2000}, {"payload_kb", 500}});
    addFlow(d, "download", "Download an attachment", "client", "read", 100);
    auto f = findingsOf("static-through-app", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c4", "api"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].guideSection == "Static Content Hosting");
    CHECK_THAT(f[0].message, Catch::Contains("Download an attachment fetches files of 500 KB") &&
                                 Catch::Contains("Attachments bucket through API") &&
                                 Catch::Contains("100 req/s") && Catch::Contains("50 MB/s"));
    CHECK_THAT(f[0].suggestion, Catch::Contains("CDN"));

    SECTION("without a stated size the message keeps to the rate") {
        connection(d, "c4")["props"].erase("payload_kb");
        auto g = findingsOf("static-through-app", d);
        REQUIRE(g.size() == 1);
        CHECK_THAT(g[0].message, Catch::Contains("(100 req/s)") && !Catch::Contains("MB/s"));
    }
    SECTION("a CDN in front of the path is quiet") {
        addComponent(d, "cdn", "cdn", "Edge", {{"ttl_s", 86400}});
        connection(d, "c1")["to"] = "cdn";
        addConnection(d, "c0", "cdn", "gw", {{"calls", 0.1}, {"timeout_ms", 3000}});
        CHECK(findingsOf("static-through-app", d).empty());
    }
    SECTION("a background job reading the bucket is quiet") {
        d["flows"].back()["entry"] = "api";
        CHECK(findingsOf("static-through-app", d).empty());
    }
}

TEST_CASE("rule upload-through-service: the client's bytes relayed into object storage") {
    Json d = soundDesign();
    addComponent(d, "files", "object_storage", "Receipts bucket");
    connection(d, "c1")["props"] = {{"payload_kb", 5000}};
    addConnection(d, "c4", "api", "files", {{"ops", {"write"}}, {"timeout_ms", 20000}});
    auto f = findingsOf("upload-through-service", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c4", "api"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].guideSection == "Valet Key");
    CHECK_THAT(f[0].message,
               Catch::Contains("Place order sends 50 req/s uploads of 5 MB through API") &&
                   Catch::Contains("Receipts bucket") && Catch::Contains("about 250 MB/s"));
    CHECK_THAT(f[0].suggestion, Catch::Contains("signed upload URL"));

    SECTION("a derived write further down the path is not named: the landing write is") {
        addComponent(d, "thumbs", "app_service", "Thumbnailer", redundant());
        addConnection(d, "c5", "api", "thumbs", {{"timeout_ms", 5000}});
        addConnection(d, "c6", "thumbs", "files", {{"timeout_ms", 5000}});
        auto g = findingsOf("upload-through-service", d);
        REQUIRE(g.size() == 1);
        CHECK(g[0].subjects == std::vector<std::string>{"c4", "api"});
    }
    SECTION("the client uploading to the bucket itself is quiet") {
        d["connections"].back()["from"] = "client";
        CHECK(findingsOf("upload-through-service", d).empty());
    }
    SECTION("a worker writing after a queue is not the user's upload") {
        d["flows"][0]["entry"] = "api";
        CHECK(findingsOf("upload-through-service", d).empty());
    }
}

TEST_CASE("rule stacked-http-caches: a CDN and a caching proxy on one read path") {
    Json d = soundDesign();
    addComponent(d, "cdn", "cdn", "Edge", {{"ttl_s", 600}});
    addComponent(d, "proxy", "reverse_proxy", "Page cache", redundant({{"ttl_s", 60}}));
    connection(d, "c1")["to"] = "cdn";
    addConnection(d, "c4", "cdn", "proxy", {{"calls", 0.2}, {"timeout_ms", 3000}});
    addConnection(d, "c5", "proxy", "gw", {{"calls", 0.5}, {"timeout_ms", 2000}});
    addFlow(d, "page", "Open a product page", "client", "read", 2000);
    auto f = findingsOf("stacked-http-caches", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"cdn", "proxy"});
    CHECK(f[0].severity == Severity::Info);
    CHECK(f[0].guideSection == "Web Server Caching");
    CHECK_THAT(f[0].message,
               Catch::Contains("Open a product page passes through Edge (TTL 10 min, 600 s) "
                               "and Page cache (TTL 1 min, 60 s)"));

    SECTION("a proxy that does not cache is quiet") {
        component(d, "proxy")["props"].erase("ttl_s");
        CHECK(findingsOf("stacked-http-caches", d).empty());
    }
}

TEST_CASE("rule timer-cache-reload: a scheduled job that rewrites a cache") {
    Json d = soundDesign();
    addComponent(d, "cache", "cache", "Price cache", redundant({{"ttl_s", 900}}));
    addComponent(d, "cron", "scheduler", "Nightly cron", redundant({{"failover", "automatic"}}));
    addComponent(d, "loader", "worker", "Price loader", redundant());
    addConnection(d, "c4", "cron", "loader", {{"timeout_ms", 1000}});
    addConnection(d, "c5", "loader", "db", {{"ops", {"read"}}, {"timeout_ms", 5000}});
    addConnection(d, "c6", "loader", "cache", {{"ops", {"write"}}, {"timeout_ms", 5000}});
    addFlow(d, "reload", "Reload all prices", "cron", "write", 0.01);
    addConnection(d, "c7", "api", "cache",
                  {{"ops", {"read"}}, {"timeout_ms", 20}, {"required", false}});
    auto f = findingsOf("timer-cache-reload", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"cache", "reload"});
    CHECK(f[0].severity == Severity::Info);
    CHECK(f[0].guideSection == "Refresh Ahead");
    CHECK_THAT(f[0].message, Catch::Contains("Reload all prices is started by Nightly cron") &&
                                 Catch::Contains("writes Price cache"));

    SECTION("ops unset: the call may be a lookup, so nothing is said") {
        connection(d, "c6")["props"].erase("ops");
        CHECK(findingsOf("timer-cache-reload", d).empty());
    }
    SECTION("a scheduled job that only reads the cache is quiet") {
        connection(d, "c6")["props"]["ops"] = {"read"};
        CHECK(findingsOf("timer-cache-reload", d).empty());
    }
}

TEST_CASE("rule cdn-without-expiry: a CDN with no TTL of its own") {
    Json d = soundDesign();
    addComponent(d, "cdn", "cdn", "Edge");
    connection(d, "c1")["to"] = "cdn";
    addConnection(d, "c4", "cdn", "gw", {{"calls", 0.3}, {"timeout_ms", 3000}});
    auto f = findingsOf("cdn-without-expiry", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"cdn"});
    CHECK(f[0].severity == Severity::Info);
    CHECK(f[0].guideSection == "Content Delivery Networks (CDN)");
    CHECK_THAT(f[0].message, Catch::Contains("does not state Edge's TTL"));
    CHECK(findingsOf("cache-without-ttl", d).empty()); // a CDN is not an application cache
    component(d, "cdn")["props"] = {{"ttl_s", 86400}};
    CHECK(findingsOf("cdn-without-expiry", d).empty());
}

TEST_CASE("rule claim-check: large bodies published to a broker") {
    Json d = soundDesign();
    addComponent(d, "q", "message_queue", "Report jobs",
                 redundant({{"durable", true}, {"dlq", true}, {"max_depth", 100000}}));
    addConnection(d, "c4", "api", "q", {{"timeout_ms", 200}, {"payload_kb", 1500}}, "async");
    auto f = findingsOf("claim-check", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c4", "q"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].guideSection == "Claim Check");
    CHECK_THAT(f[0].title, Catch::Contains("1.5 MB"));
    CHECK_THAT(f[0].message,
               Catch::Contains("API → Report jobs publishes 50 req/s messages of 1.5 MB") &&
                   Catch::Contains("256 KB") && Catch::Contains("about 75 MB/s"));

    SECTION("messages at or below the comfortable size are quiet") {
        connection(d, "c4")["props"]["payload_kb"] = 256;
        CHECK(findingsOf("claim-check", d).empty());
    }
    SECTION("a large body to a database is not a broker's problem") {
        connection(d, "c3")["props"]["payload_kb"] = 5000;
        connection(d, "c4")["props"].erase("payload_kb");
        CHECK(findingsOf("claim-check", d).empty());
    }
}

TEST_CASE("the new properties are optional and typed: old files load, bad values are refused") {
    const auto read = [](const Json& d) { return readDocument(d.dump(), Catalogue::builtin()); };
    CHECK(read(soundDesign()).ok());
    CHECK(read(cachedReads({{"ttl_s", 60}, {"write_policy", "write_behind"}})).ok());
    CHECK_FALSE(read(cachedReads({{"ttl_s", 60}, {"write_policy", "write_around"}})).ok());
    Json e = soundDesign();
    connection(e, "c1")["props"] = {{"payload_kb", 800}};
    CHECK(read(e).ok());
    connection(e, "c1")["props"] = {{"payload_kb", -1}};
    CHECK_FALSE(read(e).ok());
}

TEST_CASE("review designs of other prompts: what the cache rules say there") {
    struct Case {
        const char* file;
        const char* rule;
        std::vector<std::string> subjects;
        Severity severity;
    };
    const std::vector<Case> cases = {
        {"pastebin.archlens", "cache-without-invalidation", {"paste_cache"}, Severity::Info},
        {"shopping-cart.archlens", "write-behind-not-durable", {"cart_cache"}, Severity::Warning},
        {"online-courses.archlens",
         "static-through-app",
         {"course_svc-media", "course_svc"},
         Severity::Warning},
        {"job-board.archlens",
         "upload-through-service",
         {"apply_svc-resumes", "apply_svc"},
         Severity::Warning},
        {"news-site.archlens", "stacked-http-caches", {"cdn", "varnish"}, Severity::Info},
        {"flight-search.archlens", "timer-cache-reload", {"fare_cache", "refresh"}, Severity::Info},
        {"podcast-hosting.archlens", "cdn-without-expiry", {"cdn"}, Severity::Info},
        {"document-ocr.archlens", "claim-check", {"ingest-ocr_q", "ocr_q"}, Severity::Warning},
    };
    for (const auto& c : cases) {
        INFO(c.file << " " << c.rule);
        const auto all = findings(reviewDesign(c.file));
        const Finding* f = first(all, c.rule);
        REQUIRE(f != nullptr);
        CHECK(f->subjects == c.subjects);
        CHECK(f->severity == c.severity);
    }
}

TEST_CASE("print every finding on the cache review designs", "[.review-cache]") {
    for (const auto& e : std::filesystem::directory_iterator(kReview)) {
        if (e.path().extension() != ".archlens") continue;
        std::cout << "## " << e.path().filename().string() << "\n";
        for (const auto& f : findings(reviewDesign(e.path().filename().string()))) {
            std::cout << "- " << toString(f.severity) << " " << f.rule << " [";
            for (const auto& id : f.subjects)
                std::cout << id << (id == f.subjects.back() ? "" : ",");
            std::cout << "] " << f.title << "\n    " << f.message << "\n    fix: " << f.suggestion
                      << "\n    ask: " << f.followUp << "\n";
        }
    }
}
