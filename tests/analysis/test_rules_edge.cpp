// The edge and traffic rules: each fires on a small broken design, with its subjects,
// severity, numbers and guide section, and stays quiet once the design is fixed. The review
// designs (designs/review-edge) are other prompts drawn as candidates would draw them; the
// last cases pin what the rules find there, as read in designs/review-edge/REVIEW.md.
#include "test_rule_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace archlens;
using namespace archlens::test;

namespace {

Json spread(int instances) {
    return {{"instances", instances}, {"zones", {"az1", "az2"}}};
}

/// The sound design with a layer-4 balancer in front: orders go to the gateway, searches
/// to a search service of their own.
Json routedByBalancer() {
    Json d = soundDesign();
    Json lb = spread(2);
    lb["layer"] = "l4";
    addComponent(d, "lb", "load_balancer", "Edge LB", lb);
    addComponent(d, "search", "app_service", "Search", spread(2));
    connection(d, "c1")["to"] = "lb";
    addConnection(d, "to-gw", "lb", "gw", {{"ops", {"write"}}});
    addConnection(d, "to-search", "lb", "search", {{"ops", {"read"}}});
    d["flows"].push_back(
        {{"id", "find"}, {"name", "Find"}, {"entry", "client"}, {"op", "read"}, {"rate_rps", 80}});
    return d;
}

} // namespace

TEST_CASE("the edge properties sit on the kinds that need them and stay unset unless stated") {
    const Catalogue& cat = Catalogue::builtin();
    auto accepts = [&](const std::string& kind, const std::string& key) {
        const KindInfo* k = cat.kind(kind);
        REQUIRE(k != nullptr);
        return std::find(k->properties.begin(), k->properties.end(), key) != k->properties.end();
    };
    CHECK(accepts("load_balancer", "layer"));
    CHECK_FALSE(accepts("api_gateway", "layer")); // a gateway reads requests by nature
    for (const char* kind : {"load_balancer", "reverse_proxy", "api_gateway"})
        CHECK(accepts(kind, "algorithm"));
    CHECK(accepts("cdn", "mode"));
    CHECK(accepts("cdn", "origin_shield"));
    CHECK(accepts("dns", "ttl_s"));
    // Not stated unless the candidate says so: old files keep their findings.
    for (const char* key : {"layer", "algorithm"})
        CHECK_FALSE(cat.componentProperty(key, cat.kind("load_balancer"))->defaultValue);
    CHECK_FALSE(cat.componentProperty("ttl_s", cat.kind("dns"))->defaultValue);
    CHECK_FALSE(cat.connectionProperty("protocol")->defaultValue);
    CHECK(cat.componentProperty("mode", cat.kind("cdn"))->defaultValue == Json("pull"));
    CHECK(cat.componentProperty("origin_shield", cat.kind("cdn"))->defaultValue == Json(false));
    CHECK(cat.connectionProperty("protocol")->values ==
          std::vector<std::string>{"http", "grpc", "websocket", "tcp", "udp"});
}

TEST_CASE("rule l4-path-routing: a layer-4 balancer expected to split requests by service") {
    Json d = routedByBalancer();
    auto f = findingsOf("l4-path-routing", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"lb", "to-gw", "to-search"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].guideSection == "Layer 4 Load Balancing");
    CHECK_THAT(f[0].title, Catch::Contains("Edge LB") && Catch::Contains("2 services"));
    CHECK_THAT(f[0].message, Catch::Contains("Place order to Gateway and Find to Search"));
    CHECK_THAT(f[0].followUp, Catch::Contains("goes to Gateway or Search"));

    SECTION("a layer-7 balancer reads the path") {
        component(d, "lb")["props"]["layer"] = "l7";
        CHECK(findingsOf("l4-path-routing", d).empty());
    }
    SECTION("a balancer whose layer is not stated is not judged") {
        component(d, "lb")["props"].erase("layer");
        CHECK(findingsOf("l4-path-routing", d).empty());
    }
    SECTION("raw TCP services behind it are told apart by port") {
        connection(d, "to-gw")["props"]["protocol"] = "tcp";
        connection(d, "to-search")["props"]["protocol"] = "tcp";
        CHECK(findingsOf("l4-path-routing", d).empty());
    }
    SECTION("one service behind it is plain balancing") {
        connection(d, "to-search")["to"] = "gw";
        CHECK(findingsOf("l4-path-routing", d).empty());
    }
}

TEST_CASE("rule connection-blind-balancing: round robin over WebSocket connections") {
    Json d = soundDesign();
    component(d, "gw")["props"]["algorithm"] = "round_robin";
    connection(d, "c1")["props"]["protocol"] = "websocket";
    auto f = findingsOf("connection-blind-balancing", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"gw", "c1"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].guideSection == "Load Balancing Algorithms");
    CHECK_THAT(f[0].title, Catch::Contains("Gateway") && Catch::Contains("round robin"));
    CHECK_THAT(f[0].message,
               Catch::Contains("The WebSocket connections of Place order go through Gateway") &&
                   Catch::Contains("the 3 instances of API"));
    CHECK_THAT(f[0].suggestion, Catch::Contains("least connections"));

    SECTION("least connections follows what each instance holds") {
        component(d, "gw")["props"]["algorithm"] = "least_connections";
        CHECK(findingsOf("connection-blind-balancing", d).empty());
    }
    SECTION("short HTTP requests even out under round robin") {
        connection(d, "c1")["props"]["protocol"] = "http";
        CHECK(findingsOf("connection-blind-balancing", d).empty());
    }
    SECTION("no algorithm stated, no finding") {
        component(d, "gw")["props"].erase("algorithm");
        CHECK(findingsOf("connection-blind-balancing", d).empty());
    }
}

TEST_CASE("rule write-over-udp: stored writes sent as datagrams") {
    Json d = soundDesign();
    connection(d, "c1")["props"]["protocol"] = "udp";
    auto f = findingsOf("write-over-udp", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"c1"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].guideSection == "UDP");
    CHECK_THAT(f[0].title, Catch::Contains("Orders DB"));
    CHECK_THAT(f[0].message, Catch::Contains("Place order sends writes over UDP") &&
                                 Catch::Contains("Browser → Gateway (about 50 req/s)"));

    SECTION("TCP delivers or fails loudly") {
        connection(d, "c1")["props"]["protocol"] = "tcp";
        CHECK(findingsOf("write-over-udp", d).empty());
    }
    SECTION("a DNS lookup over UDP beside the write carries none of it") {
        connection(d, "c1")["props"].erase("protocol");
        addComponent(d, "dns", "dns", "DNS");
        addConnection(d, "lookup", "client", "dns", {{"protocol", "udp"}});
        CHECK(findingsOf("write-over-udp", d).empty());
    }
    SECTION("reads over UDP lose nothing that was stored") {
        d["flows"][0]["op"] = "read";
        CHECK(findingsOf("write-over-udp", d).empty());
    }
    SECTION("a background sender's samples: a decision to state, not a flaw") {
        d["flows"][0]["entry"] = "gw";
        connection(d, "c2")["props"]["protocol"] = "udp";
        auto g = findingsOf("write-over-udp", d);
        REQUIRE(g.size() == 1);
        CHECK(g[0].subjects == std::vector<std::string>{"c2"});
        CHECK(g[0].severity == Severity::Info);
    }
}

TEST_CASE("rule dns-failover-ttl: DNS moves clients between regions slower than the budget") {
    Json d = soundDesign();
    d["requirements"]["availability"] = 0.9999;
    d["zones"].push_back({{"id", "us1"}, {"region", "us"}, {"availability", 0.9995}});
    component(d, "gw")["props"]["zones"] = {"az1", "us1"};
    addComponent(d, "dns", "dns", "Route 53", {{"ttl_s", 1800}});
    addConnection(d, "lookup", "client", "dns");
    auto f = findingsOf("dns-failover-ttl", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"dns"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].guideSection == "Domain Name System (DNS)");
    CHECK_THAT(f[0].title, Catch::Contains("30 min (1800 s)") && Catch::Contains("99.99%"));
    // 99.99% allows 52.6 minutes a year; 30 minutes per failover is 57% of it.
    CHECK_THAT(f[0].message, Catch::Contains("to Gateway in eu and us") &&
                                 Catch::Contains("allows 53 min") && Catch::Contains("57%") &&
                                 Catch::Contains("about 1.8 failovers"));
    CHECK_THAT(f[0].followUp, Catch::Contains("eu goes down"));

    SECTION("a TTL of a minute fits the budget") {
        component(d, "dns")["props"]["ttl_s"] = 60;
        CHECK(findingsOf("dns-failover-ttl", d).empty());
    }
    SECTION("a TTL longer than the whole year's budget") {
        component(d, "dns")["props"]["ttl_s"] = 3600;
        auto g = findingsOf("dns-failover-ttl", d);
        REQUIRE(g.size() == 1);
        CHECK(g[0].severity == Severity::Warning);
        CHECK_THAT(g[0].message, Catch::Contains("a single failover spends 114%"));
    }
    SECTION("a looser target leaves room for the same TTL") {
        d["requirements"]["availability"] = 0.999;
        CHECK(findingsOf("dns-failover-ttl", d).empty());
    }
    SECTION("a bucket in another region that clients upload to is not an entry point") {
        component(d, "gw")["props"]["zones"] = {"az1", "az2"};
        addComponent(d, "bucket", "object_storage", "Uploads", {{"zones", {"us1"}}});
        addConnection(d, "put", "client", "bucket", {{"ops", {"write"}}});
        CHECK(findingsOf("dns-failover-ttl", d).empty());
    }
    SECTION("one region: DNS is not what fails over") {
        component(d, "gw")["props"]["zones"] = {"az1", "az2"};
        CHECK(findingsOf("dns-failover-ttl", d).empty());
    }
    SECTION("no TTL stated: the question, as information") {
        component(d, "dns")["props"].erase("ttl_s");
        auto g = findingsOf("dns-failover-ttl", d);
        REQUIRE(g.size() == 1);
        CHECK(g[0].severity == Severity::Info);
        CHECK_THAT(g[0].message,
                   Catch::Contains("TTL is not stated") && Catch::Contains("allows 53 min"));
    }
}

TEST_CASE("a DNS TTL is not a cache of the data: no-cache-hot-reads still fires") {
    // dns accepts ttl_s for dns-failover-ttl; the hot-reads rule counts any component with
    // a TTL on the way as a cache, which a resolver's record is not.
    Json d = soundDesign();
    d["flows"].push_back({{"id", "browse"},
                          {"name", "Browse"},
                          {"entry", "client"},
                          {"op", "read"},
                          {"rate_rps", 5000}});
    addComponent(d, "dns", "dns", "DNS", {{"ttl_s", 60}});
    addConnection(d, "lookup", "client", "dns");
    auto f = findingsOf("no-cache-hot-reads", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"db"});
}

TEST_CASE("rule push-cdn-without-upload: a push CDN nobody publishes to") {
    Json d = soundDesign();
    addComponent(d, "cdn", "cdn", "Media CDN", {{"mode", "push"}, {"ttl_s", 86400}});
    addConnection(d, "get", "client", "cdn", {{"ops", {"read"}}});
    d["flows"].push_back(
        {{"id", "view"}, {"name", "View"}, {"entry", "client"}, {"op", "read"}, {"rate_rps", 300}});
    auto f = findingsOf("push-cdn-without-upload", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"cdn"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].guideSection == "Push CDNs");
    CHECK_THAT(f[0].message,
               Catch::Contains("Media CDN is a push CDN") && Catch::Contains("it serves View"));

    SECTION("drawn fetching from an origin, as a pull CDN would") {
        addComponent(d, "store", "object_storage", "Media store");
        addConnection(d, "miss", "cdn", "store", {{"calls", 0.1}});
        auto g = findingsOf("push-cdn-without-upload", d);
        REQUIRE(g.size() == 1);
        CHECK_THAT(g[0].message, Catch::Contains("fetching from Media store"));
    }
    SECTION("a service that uploads each new file") {
        addConnection(d, "publish", "api", "cdn", {{"ops", {"write"}}}, "async");
        CHECK(findingsOf("push-cdn-without-upload", d).empty());
    }
    SECTION("a pull CDN fetches by itself") {
        component(d, "cdn")["props"]["mode"] = "pull";
        CHECK(findingsOf("push-cdn-without-upload", d).empty());
    }
}

TEST_CASE("rule origin-miss-storm: an origin sized for the hit ratio, not for a purge") {
    Json d = soundDesign();
    connection(d, "c1")["props"]["ops"] = {"write"};
    addComponent(d, "cdn", "cdn", "Edge", {{"ttl_s", 300}});
    addConnection(d, "get", "client", "cdn", {{"ops", {"read"}}});
    addConnection(d, "miss", "cdn", "api", {{"calls", 0.1}, {"timeout_ms", 1000}});
    d["flows"].push_back({{"id", "browse"},
                          {"name", "Browse"},
                          {"entry", "client"},
                          {"op", "read"},
                          {"rate_rps", 8000}});
    auto f = findingsOf("origin-miss-storm", d);
    REQUIRE(f.size() == 1);
    CHECK(f[0].subjects == std::vector<std::string>{"cdn", "api"});
    CHECK(f[0].severity == Severity::Warning);
    CHECK(f[0].guideSection == "Pull CDNs");
    // 8,000 req/s at the edge, 800 misses; API: 3 x 1,000 req/s, 850 at steady state.
    CHECK_THAT(f[0].message, Catch::Contains("Edge takes about 8,000 req/s") &&
                                 Catch::Contains("800 req/s of misses (90% hits)") &&
                                 Catch::Contains("about 8,050 req/s would reach API") &&
                                 Catch::Contains("can serve 3,000 req/s (2.7× its capacity)"));
    CHECK_THAT(f[0].suggestion, Catch::Contains("origin shield"));

    SECTION("an origin shield collapses the misses") {
        component(d, "cdn")["props"]["origin_shield"] = true;
        CHECK(findingsOf("origin-miss-storm", d).empty());
    }
    SECTION("within twice its capacity, edges merging misses may save it: a question") {
        component(d, "api")["props"]["instances"] = 5; // 5,000 req/s against 8,050
        auto g = findingsOf("origin-miss-storm", d);
        REQUIRE(g.size() == 1);
        CHECK(g[0].severity == Severity::Info);
        CHECK_THAT(g[0].message, Catch::Contains("can serve 5,000 req/s (1.6× its capacity)"));
    }
    SECTION("an origin that can take every request") {
        component(d, "api")["props"]["instances"] = 9;
        CHECK(findingsOf("origin-miss-storm", d).empty());
    }
    SECTION("a CDN that forwards everything has no hit ratio to lose") {
        connection(d, "miss")["props"].erase("calls");
        CHECK(findingsOf("origin-miss-storm", d).empty());
    }
    SECTION("a push CDN has no misses to forward") {
        component(d, "cdn")["props"]["mode"] = "push";
        CHECK(findingsOf("origin-miss-storm", d).empty());
    }
}

namespace {

const std::filesystem::path kReview =
    std::filesystem::path(__FILE__).parent_path() / "designs" / "review-edge";

std::vector<Finding> reviewFindings(const std::string& name) {
    return findings(readJson(kReview / (name + ".archlens")));
}

} // namespace

TEST_CASE("edge review designs: every finding printed for reading", "[.review-edge]") {
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

TEST_CASE("edge review designs: what the edge rules find there") {
    auto of = [](const std::vector<Finding>& all, const std::string& rule) {
        std::vector<Finding> out;
        std::copy_if(all.begin(), all.end(), std::back_inserter(out),
                     [&](const Finding& f) { return f.rule == rule; });
        return out;
    };
    const auto market = reviewFindings("marketplace");
    REQUIRE(of(market, "l4-path-routing").size() == 1);
    CHECK(of(market, "l4-path-routing")[0].subjects ==
          std::vector<std::string>{"nlb", "c3", "c4", "c5"});

    const auto scores = reviewFindings("live-scores");
    REQUIRE(of(scores, "connection-blind-balancing").size() == 1);
    CHECK(of(scores, "connection-blind-balancing")[0].subjects ==
          std::vector<std::string>{"alb", "c2"});
    CHECK_THAT(of(scores, "connection-blind-balancing")[0].message,
               Catch::Contains("8 instances of Push gateway by round robin"));
    // The ingester only reads the provider's feed (that call is marked as reads on the write
    // flow): nothing there is charged or booked, so nothing needs compensating.
    CHECK(of(scores, "no-compensation").empty());

    const auto fitness = reviewFindings("fitness-sync");
    REQUIRE(of(fitness, "write-over-udp").size() == 1); // both hops, one choice
    CHECK(of(fitness, "write-over-udp")[0].subjects == std::vector<std::string>{"c2", "c3"});
    CHECK(of(fitness, "l4-path-routing").empty()); // one service behind its L4 balancer

    const auto ads = reviewFindings("ad-serving");
    REQUIRE(of(ads, "dns-failover-ttl").size() == 1);
    CHECK(of(ads, "dns-failover-ttl")[0].severity == Severity::Warning);
    CHECK_THAT(of(ads, "dns-failover-ttl")[0].message,
               Catch::Contains("TTL of 60 min") && Catch::Contains("allows 53 min") &&
                   Catch::Contains("a single failover spends 114%"));

    const auto firmware = reviewFindings("firmware-ota");
    REQUIRE(of(firmware, "push-cdn-without-upload").size() == 1);
    CHECK_THAT(of(firmware, "push-cdn-without-upload")[0].message,
               Catch::Contains("fetching from Firmware images"));
    CHECK(of(firmware, "origin-miss-storm").empty()); // push: no misses to forward

    const auto recipes = reviewFindings("recipe-site");
    REQUIRE(of(recipes, "origin-miss-storm").size() == 1);
    CHECK(of(recipes, "origin-miss-storm")[0].subjects == std::vector<std::string>{"cdn", "web"});
    CHECK(of(recipes, "origin-miss-storm")[0].severity == Severity::Warning);
    // Every edge rule stays quiet on the designs drawn for the others' flags.
    for (const auto& name : {"marketplace", "live-scores", "fitness-sync", "ad-serving"})
        CHECK(of(reviewFindings(name), "origin-miss-storm").empty());
}
