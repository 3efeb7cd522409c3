// The catalogue compiled into the program: every kind complete, every default valid,
// every cited guide section a real heading of the guide, every trait where the analysis
// expects it; and the loader refusing what is wrong, naming the place.
#include "support.h"

#include "archlens/model/validation.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
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

TEST_CASE("each trait marks the built-in kinds the analysis treats that way") {
    // The sets the analysis once recognised by kind id: the built-in catalogue must say the
    // same in data, or its behaviour would change.
    const std::map<KindTrait, std::set<std::string>> expected = {
        {KindTrait::Client, {"client", "mobile_client"}},
        {KindTrait::Queue, {"message_queue", "task_queue"}},
        {KindTrait::Topic, {"pubsub_topic"}},
        {KindTrait::Stream, {"event_stream"}},
        {KindTrait::Cache, {"cache"}},
        {KindTrait::Cdn, {"cdn"}},
        {KindTrait::Dns, {"dns"}},
        {KindTrait::LoadBalancing, {"load_balancer", "reverse_proxy", "api_gateway"}},
        {KindTrait::RateLimiter, {"rate_limiter"}},
        {KindTrait::Identity, {"identity_provider"}},
        {KindTrait::Monitoring, {"monitoring"}},
        {KindTrait::ObjectStore, {"object_storage"}},
        {KindTrait::Server, {"web_server", "app_service", "bff"}},
        {KindTrait::Serverless, {"serverless_function"}},
        {KindTrait::SinglePrimary, {"rdbms", "document_store", "graph_database"}},
        {KindTrait::Scheduler, {"scheduler"}},
        {KindTrait::Coordination, {"coordination_service"}},
    };
    REQUIRE(expected.size() == allKindTraits().size());
    const auto& cat = Catalogue::builtin();
    for (KindTrait trait : allKindTraits()) {
        INFO(toString(trait));
        std::set<std::string> kinds;
        for (const auto& kind : cat.kinds())
            if (kind.is(trait)) kinds.insert(kind.id);
        CHECK(kinds == expected.at(trait));
    }
    std::set<std::string> brokers;
    for (const auto& kind : cat.kinds())
        if (kind.isMessageBroker()) brokers.insert(kind.id);
    CHECK(brokers ==
          std::set<std::string>{"message_queue", "task_queue", "pubsub_topic", "event_stream"});
}

TEST_CASE("a trait's catalogue name reads back as the same trait") {
    for (KindTrait trait : allKindTraits()) {
        INFO(toString(trait));
        CHECK(kindTraitFromString(toString(trait)) == trait);
    }
    CHECK(std::string(toString(KindTrait::LoadBalancing)) == "load_balancing");
    CHECK_FALSE(kindTraitFromString("Queue"));
    CHECK_FALSE(kindTraitFromString(""));
}

TEST_CASE("the catalogue answers whether a kind id plays a role") {
    const auto& cat = Catalogue::builtin();
    CHECK(cat.is("mobile_client", KindTrait::Client));
    CHECK(cat.is("task_queue", KindTrait::Queue));
    CHECK_FALSE(cat.is("cache", KindTrait::Queue));
    CHECK_FALSE(cat.is("worker", KindTrait::Client));
    CHECK_FALSE(cat.is("no_such_kind", KindTrait::Client));
}

TEST_CASE("the catalogue as printed keeps each kind's traits") {
    // `archlens catalogue --format json` prints json(): the traits must be in it.
    for (const auto& kind : Catalogue::builtin().json().at("kinds")) {
        if (kind.at("id") == "message_queue") CHECK(kind.at("traits") == Json::array({"queue"}));
        if (kind.at("id") == "worker") CHECK_FALSE(kind.contains("traits"));
    }
}

namespace {
Json withTraits(Json traits) {
    Json j = Catalogue::builtin().json();
    j["kinds"][2]["traits"] = std::move(traits);
    return j;
}
} // namespace

TEST_CASE("the catalogue loader rejects an unknown trait and names its place") {
    Problems problems;
    CHECK_FALSE(Catalogue::fromJson(withTraits(Json::array({"dns", "queu"})), problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pointer == "/kinds/2/traits/1");
    CHECK_THAT(problems[0].message,
               Catch::StartsWith("unknown trait \"queu\"") && Catch::Contains("client, queue,"));
}

TEST_CASE("the catalogue loader rejects traits that are not a list of names") {
    Problems problems;
    CHECK_FALSE(Catalogue::fromJson(withTraits("dns"), problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pointer == "/kinds/2/traits");
    CHECK(problems[0].message == "must be an array of trait names");

    problems.clear();
    CHECK_FALSE(Catalogue::fromJson(withTraits(Json::array({7})), problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pointer == "/kinds/2/traits/0");
    CHECK_THAT(problems[0].message, Catch::StartsWith("unknown trait 7"));

    problems.clear();
    CHECK_FALSE(Catalogue::fromJson(withTraits(Json::array({"dns", "dns"})), problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].pointer == "/kinds/2/traits/1");
    CHECK(problems[0].message == "the trait \"dns\" is listed twice");
}

TEST_CASE("a kind without traits loads and plays no role") {
    Json j = Catalogue::builtin().json();
    j["kinds"][2].erase("traits");
    Problems problems;
    auto cat = Catalogue::fromJson(j, problems);
    REQUIRE(cat);
    const KindInfo& kind = cat->kinds()[2];
    CHECK(kind.traits.empty());
    CHECK_FALSE(kind.is(KindTrait::Dns));
}
