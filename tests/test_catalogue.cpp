// The catalogue compiled into the program: every kind complete, every default valid,
// every cited guide section a real heading of the guide.
#include "support.h"

#include "archlens/model/validation.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>

using namespace archlens;

namespace {
std::set<std::string> guideHeadings() {
    std::ifstream in(test::resourcesDir() / "guide-headings.txt");
    std::set<std::string> headings;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') headings.insert(line);
    return headings;
}
} // namespace

TEST_CASE("the built-in catalogue has every required kind") {
    const auto& cat = Catalogue::builtin();
    for (const char* id : {"client",
                           "mobile_client",
                           "dns",
                           "cdn",
                           "load_balancer",
                           "reverse_proxy",
                           "api_gateway",
                           "web_server",
                           "app_service",
                           "worker",
                           "scheduler",
                           "serverless_function",
                           "cache",
                           "rdbms",
                           "key_value_store",
                           "document_store",
                           "wide_column_store",
                           "graph_database",
                           "search_index",
                           "object_storage",
                           "message_queue",
                           "task_queue",
                           "pubsub_topic",
                           "event_stream",
                           "service_discovery",
                           "config_store",
                           "coordination_service",
                           "identity_provider",
                           "rate_limiter",
                           "monitoring",
                           "external_service",
                           "bff",
                           "sidecar"}) {
        INFO(id);
        CHECK(cat.kind(id) != nullptr);
    }
}

TEST_CASE("every kind has a label and a known category and an icon file and guide sections") {
    const auto& cat = Catalogue::builtin();
    const auto headings = guideHeadings();
    REQUIRE(headings.size() > 100);
    for (const auto& kind : cat.kinds()) {
        INFO(kind.id);
        CHECK_FALSE(kind.label.empty());
        CHECK_FALSE(kind.description.empty());
        CHECK(std::filesystem::is_regular_file(test::resourcesDir() / kind.icon));
        CHECK(kind.icon == "icons/" + kind.id + ".svg");
        REQUIRE_FALSE(kind.guideSections.empty());
        for (const auto& section : kind.guideSections) {
            INFO(section);
            CHECK(headings.count(section) == 1);
        }
    }
}

TEST_CASE("every kind takes the common properties and its defaults are valid") {
    const auto& cat = Catalogue::builtin();
    for (const auto& kind : cat.kinds()) {
        INFO(kind.id);
        for (const auto& common : Catalogue::commonProperties())
            CHECK(cat.accepts(kind, common));
        for (const auto& key : kind.properties) {
            INFO(key);
            const auto schema = cat.componentProperty(key, &kind);
            REQUIRE(schema);
            CHECK_FALSE(schema->label.empty());
            CHECK_FALSE(schema->help.empty());
            if (schema->defaultValue) CHECK_FALSE(checkValue(*schema, *schema->defaultValue));
        }
        // What analysis relies on: every kind resolves a usable latency and capacity.
        CHECK(cat.componentValue(kind, Json::object(), "latency_ms").is_object());
        CHECK(cat.componentValue(kind, Json::object(), "capacity_rps").get<double>() > 0);
        const double a = cat.componentValue(kind, Json::object(), "availability").get<double>();
        CHECK(a > 0.9);
        CHECK(a <= 1.0);
    }
}

TEST_CASE("defaults fit the kind so managed DNS is not a 99% VM") {
    const auto& cat = Catalogue::builtin();
    const auto avail = [&](const char* kind) {
        return cat.componentValue(*cat.kind(kind), Json::object(), "availability").get<double>();
    };
    CHECK(avail("dns") > avail("app_service"));
    CHECK(avail("dns") >= 0.9999);
    CHECK(cat.componentValue(*cat.kind("external_service"), Json::object(), "external") == true);
}

TEST_CASE("the catalogue loader rejects a default outside its range") {
    Json j = Catalogue::builtin().json();
    j["component_properties"]["instances"]["default"] = 0;
    Problems problems;
    CHECK_FALSE(Catalogue::fromJson(j, problems));
    REQUIRE_FALSE(problems.empty());
    CHECK(problems.front().pointer == "/component_properties/instances/default");
}

TEST_CASE("connection properties are all defined") {
    const auto& cat = Catalogue::builtin();
    for (const char* key : {"ops", "calls", "parallel", "required", "alternative", "timeout_ms",
                            "retries", "backoff", "circuit_breaker", "idempotent", "flows"}) {
        INFO(key);
        CHECK(cat.connectionProperty(key));
    }
    CHECK(cat.connectionValue(Json::object(), "required") == true);
    CHECK(cat.connectionValue(Json::object(), "calls") == 1);
}

TEST_CASE("every rule's guide section is a heading of the guide") {
    std::ifstream in(test::resourcesDir() / "rules.json");
    const Json rules = Json::parse(in);
    const auto headings = guideHeadings();
    for (const auto& rule : rules.at("rules")) {
        INFO(rule.at("id").get<std::string>());
        CHECK(headings.count(rule.at("guide_section").get<std::string>()) == 1);
    }
}
