#include "support.h"

#include <catch2/catch.hpp>

using namespace archlens;
using archlens::test::smallDesign;

TEST_CASE("a document reads into typed fields") {
    Document d = test::load(smallDesign().dump());
    CHECK(d.title == "Small");
    REQUIRE(d.requirements.availability);
    CHECK(*d.requirements.availability == Approx(0.999));
    CHECK_FALSE(d.requirements.max_sync_depth);
    REQUIRE(d.components.size() == 3);
    CHECK(d.components[1].props["instances"] == 2);
    CHECK(d.connections[1].mode == ConnectionMode::Sync);
    CHECK(d.flows[0].rate_rps == 50);
    CHECK(d.component("db")->kind == "rdbms");
    CHECK(d.component("nope") == nullptr);
}

TEST_CASE("save then load then save is byte-identical") {
    const std::string first = writeDocument(test::load(smallDesign().dump()));
    const std::string second = writeDocument(test::load(first));
    CHECK(first == second);
    CHECK(first.back() == '\n');
    CHECK(first.find("\"x\": 220,") != std::string::npos); // integral numbers stay integral
}

TEST_CASE("unknown fields are kept where they were") {
    Json j = smallDesign();
    j["layout_hints"] = {{"direction", "LR"}};
    j["components"][0]["color"] = "#ff0000";
    j["requirements"]["budget_usd"] = 1000;
    j["zones"][0]["provider"] = "aws";
    Document d = test::load(j.dump());
    CHECK(d.extra["layout_hints"]["direction"] == "LR");
    const Json saved = Json::parse(writeDocument(d));
    CHECK(saved["layout_hints"] == j["layout_hints"]);
    CHECK(saved["components"][0]["color"] == "#ff0000");
    CHECK(saved["requirements"]["budget_usd"] == 1000);
    CHECK(saved["zones"][0]["provider"] == "aws");
}

TEST_CASE("fractions and large numbers survive a round trip exactly") {
    Json j = smallDesign();
    j["components"][1]["props"]["availability"] = 0.99995;
    j["components"][1]["props"]["capacity_rps"] = 12345.678;
    j["components"][1]["x"] = 10.5;
    Document d = test::load(j.dump());
    const Document again = test::load(writeDocument(d));
    CHECK(again == d);
    CHECK(again.components[1].props["availability"].get<double>() == 0.99995);
}

TEST_CASE("numberToJson writes whole numbers without a fraction") {
    CHECK(numberToJson(3.0).dump() == "3");
    CHECK(numberToJson(-40.0).dump() == "-40");
    CHECK(numberToJson(0.25).dump() == "0.25");
}

TEST_CASE("a flow's own targets read into the flow and save only when set") {
    Json j = smallDesign();
    j["flows"].push_back({{"id", "nightly"},
                          {"name", "Nightly export"},
                          {"entry", "api"},
                          {"op", "read"},
                          {"rate_rps", 0.5},
                          {"availability", 0.99},
                          {"p99_ms", 60000},
                          {"owner", "data team"}});
    j["flows"][0]["p99_ms"] = 150.5;
    const Document d = test::load(j.dump(2));
    CHECK_FALSE(d.flows[0].availability);
    CHECK(d.flows[0].p99_ms == std::optional<double>(150.5));
    CHECK(d.flows[1].availability == std::optional<double>(0.99));
    CHECK(d.flows[1].p99_ms == std::optional<double>(60000));
    CHECK(d.flows[1].extra == Json{{"owner", "data team"}}); // not taken for a known field

    const std::string first = writeDocument(d);
    CHECK(writeDocument(test::load(first)) == first);
    const Json saved = Json::parse(first);
    CHECK_FALSE(saved["flows"][0].contains("availability")); // unset: the design's applies
    CHECK(saved["flows"][0]["p99_ms"] == 150.5);
    // Known fields first, after the rate, then the unknown ones in file order.
    std::vector<std::string> keys;
    for (const auto& [key, value] : saved["flows"][1].items())
        keys.push_back(key);
    CHECK(keys == std::vector<std::string>{"id", "name", "entry", "op", "rate_rps", "availability",
                                           "p99_ms", "owner"});
    CHECK(first.find("\"p99_ms\": 60000,") != std::string::npos); // stays integral
}

TEST_CASE("flows without targets save exactly as before flows had them") {
    const std::string text = writeDocument(test::load(smallDesign().dump()));
    const Json saved = Json::parse(text);
    CHECK(saved["flows"][0] == Json::parse(R"({"id": "order", "name": "Place order",
        "entry": "client", "op": "write", "rate_rps": 50})"));
    CHECK(writeDocument(test::load(text)) == text); // the examples: test_examples.cpp
}
