// Golden findings for the shipped examples: the deliberate mistakes of each design are
// found, and the whole list of (severity, rule, subjects) matches the file kept in
// tests/analysis/golden/. After an intended change, rerun with ARCHLENS_UPDATE_GOLDEN=1 set
// to rewrite the files, and review their diff like code.
#include "analysis_helpers.h"

#include "archlens/analysis/rules.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <set>

using namespace archlens;

namespace {

std::vector<Finding> critique(const std::string& name) {
    const Document doc = test::example(name);
    Report report = test::analyzeNoCurves(doc);
    runRules(doc, Catalogue::builtin(), report);
    return report.findings;
}

std::string line(const Finding& f) {
    std::string subjects;
    for (const auto& s : f.subjects)
        subjects += (subjects.empty() ? "" : ",") + s;
    return std::string(toString(f.severity)) + " " + f.rule + " " + subjects;
}

bool has(const std::vector<Finding>& findings, const std::string& rule,
         const std::string& subject) {
    for (const auto& f : findings)
        if (f.rule == rule &&
            std::find(f.subjects.begin(), f.subjects.end(), subject) != f.subjects.end())
            return true;
    return false;
}

} // namespace

TEST_CASE("the deliberate mistakes of each example are found") {
    const auto url = critique("url-shortener");
    CHECK(has(url, "single-point-of-failure", "keygen"));
    CHECK(has(url, "saturated-component", "redirect_svc"));
    CHECK(has(url, "retry-storm", "gateway-redirect_svc"));

    const auto chat = critique("chat-system");
    CHECK(has(chat, "unthrottled-entry", "lb"));
    CHECK(has(chat, "queue-without-dlq", "push_queue"));
    CHECK(has(chat, "single-point-of-failure", "presence_store")); // its zone, naming it
    CHECK(has(chat, "retry-without-backoff", "chat_svc-msg_store"));

    const auto video = critique("video-platform");
    CHECK(has(video, "sync-chain", "transcoder"));
    CHECK(has(video, "timeout-budget", "upload_svc-transcoder"));
    CHECK(has(video, "no-cache-hot-reads", "metadata_db"));
    CHECK(has(video, "single-point-of-failure", "metadata_db")); // failover by hand

    const auto ride = critique("ride-matching");
    CHECK(has(ride, "missing-timeout", "pricing_svc-maps"));
    CHECK(has(ride, "no-circuit-breaker", "pricing_svc-maps"));
    CHECK(has(ride, "saturated-component", "location_svc"));
    CHECK(has(ride, "single-point-of-failure", "geo_index"));
    CHECK_FALSE(has(ride, "no-circuit-breaker", "matcher-maps")); // the call done right

    const auto shop = critique("ecommerce-checkout");
    CHECK(has(shop, "missing-idempotency", "checkout_svc-payment"));
    CHECK(has(shop, "single-point-of-failure", "orders_db")); // with its zone, az1
    CHECK(has(shop, "single-point-of-failure", "az1"));
    CHECK(has(shop, "missing-timeout", "checkout_svc-email"));
    CHECK(has(shop, "no-circuit-breaker", "checkout_svc-email"));
}

TEST_CASE("each example's findings match its golden file") {
    const bool update = std::getenv("ARCHLENS_UPDATE_GOLDEN") != nullptr;
    for (const char* name : {"url-shortener", "chat-system", "video-platform", "ride-matching",
                             "ecommerce-checkout"}) {
        INFO(name);
        std::string actual;
        for (const auto& f : critique(name))
            actual += line(f) + "\n";
        const auto path = std::filesystem::path(ARCHLENS_RESOURCES_DIR).parent_path() / "tests" /
                          "analysis" / "golden" / (std::string(name) + ".txt");
        if (update) std::ofstream(path) << actual;
        std::ifstream in(path);
        REQUIRE(in);
        const std::string expected((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
        CHECK(actual == expected);
    }
}
