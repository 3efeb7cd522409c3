// Every class of bad input: a clear message naming the place, and nothing loaded.
#include "support.h"

#include <catch2/catch.hpp>

using namespace archlens;
using archlens::test::smallDesign;

namespace {

/// Loads the text; requires failure; returns the first problem.
Problem firstProblem(const std::string& text) {
    auto result = readDocument(text, Catalogue::builtin());
    INFO(text);
    REQUIRE_FALSE(result.ok());
    REQUIRE_FALSE(result.problems.empty());
    return result.problems.front();
}

Problem firstProblem(const Json& json) {
    return firstProblem(json.dump(2));
}

/// The same object with its fields in the reverse order: the lists first, "format" last.
Json fieldsReversed(const Json& j) {
    Json reversed = Json::object();
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items())
        keys.push_back(key);
    for (auto it = keys.rbegin(); it != keys.rend(); ++it)
        reversed[*it] = j[*it];
    return reversed;
}

} // namespace

TEST_CASE("a syntax error names line and column") {
    const std::string text =
        "{\n  \"format\": \"archlens\",\n  \"version\": 1,\n  \"title\": oops\n}\n";
    Problem p = firstProblem(text);
    CHECK(p.line == 4);
    CHECK(p.column == 12);
    CHECK_THAT(p.message, Catch::Contains("not valid JSON"));
    CHECK_THAT(p.describe(), Catch::StartsWith("line 4, column 12"));
}

TEST_CASE("a truncated file is a syntax error at its end") {
    std::string text = smallDesign().dump(2);
    text.resize(text.size() / 2);
    Problem p = firstProblem(text);
    CHECK(p.line > 1);
    CHECK_THAT(p.message, Catch::Contains("not valid JSON"));
}

TEST_CASE("a file that is not an ArchLens design is refused") {
    Json j = smallDesign();
    j["format"] = "drawio";
    Problem p = firstProblem(j);
    CHECK(p.pointer == "/format");
    CHECK(firstProblem(std::string("[1, 2]")).message.find("JSON object") != std::string::npos);
}

TEST_CASE("a newer format version loads nothing and says so") {
    Json j = smallDesign();
    j["version"] = 7;
    auto result = readDocument(j.dump(), Catalogue::builtin());
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].pointer == "/version");
    CHECK_THAT(result.problems[0].message,
               Catch::Contains("newer ArchLens") && Catch::Contains("version 7"));
}

TEST_CASE("an unknown kind names the component") {
    Json j = smallDesign();
    j["components"][2]["kind"] = "mainframe";
    Problem p = firstProblem(j);
    CHECK(p.pointer == "/components/2/kind");
    CHECK_THAT(p.message, Catch::Contains("unknown kind \"mainframe\""));
}

TEST_CASE("an unknown property names the property") {
    Json j = smallDesign();
    j["components"][1]["props"]["colour"] = "red";
    Problem p = firstProblem(j);
    CHECK(p.pointer == "/components/1/props/colour");
    CHECK_THAT(p.message, Catch::Contains("unknown property"));

    Json k = smallDesign();
    k["connections"][1]["props"]["priority"] = 3;
    CHECK(firstProblem(k).pointer == "/connections/1/props/priority");
}

TEST_CASE("a property a kind does not take is unknown for that kind") {
    Json j = smallDesign();
    j["components"][2]["props"]["dlq"] = true; // a database has no dead-letter queue
    Problem p = firstProblem(j);
    CHECK(p.pointer == "/components/2/props/dlq");
}

TEST_CASE("a value of the wrong type is refused with the expected type") {
    Json j = smallDesign();
    j["components"][1]["props"]["instances"] = "three";
    Problem p = firstProblem(j);
    CHECK(p.pointer == "/components/1/props/instances");
    CHECK_THAT(p.message, Catch::Contains("must be an integer"));

    Json k = smallDesign();
    k["components"][0]["x"] = "left";
    Problem q = firstProblem(k);
    CHECK(q.pointer == "/components/0/x");
    CHECK_THAT(q.message, Catch::Contains("must be a number"));

    Json m = smallDesign();
    m["connections"][0]["mode"] = "telepathy";
    CHECK(firstProblem(m).pointer == "/connections/0/mode");
}

TEST_CASE("a value out of range is refused with the bound") {
    Json j = smallDesign();
    j["components"][1]["props"]["availability"] = 1.5;
    Problem p = firstProblem(j);
    CHECK(p.pointer == "/components/1/props/availability");
    CHECK_THAT(p.message, Catch::Contains("at most 1"));

    Json k = smallDesign();
    k["components"][1]["props"]["latency_ms"] = Json{{"p50", 50}, {"p99", 10}};
    Problem q = firstProblem(k);
    CHECK(q.pointer == "/components/1/props/latency_ms");
    CHECK_THAT(q.message, Catch::Contains("p99"));

    Json m = smallDesign();
    m["connections"][1]["props"]["retries"] = -1;
    CHECK(firstProblem(m).pointer == "/connections/1/props/retries");

    Json n = smallDesign();
    n["requirements"]["availability"] = 99.99; // a percentage, not a fraction
    CHECK(firstProblem(n).pointer == "/requirements/availability");

    Json o = smallDesign();
    o["components"][1]["props"]["min_healthy"] = 3;
    CHECK(firstProblem(o).pointer == "/components/1/props/min_healthy");
}

TEST_CASE("a flow's own targets are held to the ranges of the design's") {
    Json j = smallDesign();
    j["flows"][0]["availability"] = 1.5;
    Problem p = firstProblem(j);
    CHECK(p.pointer == "/flows/0/availability");
    CHECK(p.message == "must be between 0 and 1 (e.g. 0.9999), got 1.5");

    Json k = smallDesign();
    k["flows"][0]["availability"] = 1; // a target of 1 can never be met
    CHECK(firstProblem(k).pointer == "/flows/0/availability");

    Json m = smallDesign();
    m["flows"][0]["p99_ms"] = -3;
    Problem q = firstProblem(m);
    CHECK(q.pointer == "/flows/0/p99_ms");
    CHECK(q.message == "must be greater than 0, got -3");

    Json n = smallDesign();
    n["flows"][0]["p99_ms"] = 1e9; // past a day
    Problem r = firstProblem(n);
    CHECK(r.pointer == "/flows/0/p99_ms");
    CHECK_THAT(r.message, Catch::Contains("at most 86400000"));

    Json o = smallDesign();
    o["flows"][0]["availability"] = "three nines";
    Problem s = firstProblem(o);
    CHECK(s.pointer == "/flows/0/availability");
    CHECK(s.message == "must be a number, got a string");
    CHECK_THAT(s.describe(), Catch::Contains("/flows/0/availability"));

    Json t = smallDesign();
    t["flows"][0]["p99_ms"] = nullptr; // absent is how a flow says "the design's target"
    CHECK(firstProblem(t).pointer == "/flows/0/p99_ms");
}

TEST_CASE("a duplicate id names the second place and the first") {
    Json j = smallDesign();
    j["components"][2]["id"] = "api";
    Problem p = firstProblem(j);
    CHECK(p.pointer == "/components/2/id");
    CHECK_THAT(p.message,
               Catch::Contains("duplicate id \"api\"") && Catch::Contains("/components/1"));

    Json k = smallDesign();
    k["notes"][0]["id"] = "c1"; // ids are document-wide
    CHECK(firstProblem(k).pointer == "/notes/0/id");
}

TEST_CASE("a dangling reference names the reference") {
    Json j = smallDesign();
    j["connections"][1]["to"] = "cache";
    Problem p = firstProblem(j);
    CHECK(p.pointer == "/connections/1/to");
    CHECK_THAT(p.message, Catch::Contains("\"cache\"") && Catch::Contains("does not exist"));

    Json k = smallDesign();
    k["flows"][0]["entry"] = "phone";
    CHECK(firstProblem(k).pointer == "/flows/0/entry");

    Json m = smallDesign();
    m["components"][1]["props"]["zones"] = Json::array({"az1", "az9"});
    Problem q = firstProblem(m);
    CHECK(q.pointer == "/components/1/props/zones");
    CHECK_THAT(q.message, Catch::Contains("az9"));

    Json n = smallDesign();
    n["connections"][1]["props"]["flows"] = Json::array({"browse"});
    CHECK(firstProblem(n).pointer == "/connections/1/props/flows");
}

TEST_CASE("a missing required field is named") {
    Json j = smallDesign();
    j["components"][1].erase("kind");
    Problem p = firstProblem(j);
    CHECK(p.pointer == "/components/1/kind");
    CHECK_THAT(p.message, Catch::Contains("missing required field \"kind\""));

    Json k = smallDesign();
    k["flows"][0].erase("rate_rps");
    CHECK(firstProblem(k).pointer == "/flows/0/rate_rps");

    Json m = smallDesign();
    m["connections"][0].erase("from");
    CHECK(firstProblem(m).pointer == "/connections/0/from");
}

TEST_CASE("every problem is reported and not only the first") {
    Json j = smallDesign();
    j["components"][1]["props"]["instances"] = 0;
    j["connections"][1]["to"] = "nowhere";
    j["flows"][0]["op"] = "delete";
    auto result = readDocument(j.dump(), Catalogue::builtin());
    REQUIRE_FALSE(result.ok());
    CHECK(result.problems.size() == 3);
}

TEST_CASE("an unreadable file is a problem and not a crash") {
    auto result = readDocumentFile("/nonexistent/design.archlens", Catalogue::builtin());
    REQUIRE_FALSE(result.ok());
    CHECK_THAT(result.problems.front().message, Catch::Contains("/nonexistent/design.archlens"));
}

// The design's lists are read item by item as the text is parsed (the whole tree of a large
// design is never held); these hold that to what reading the finished tree gave.
TEST_CASE("the lists' problems come in a fixed order whatever the order of the file") {
    Json j = smallDesign();
    j["components"][1]["x"] = "left";
    j["zones"][0]["availability"] = "high";
    j["flows"][0].erase("rate_rps");
    const Json reversed = fieldsReversed(j);
    for (const Json& design : {j, reversed}) {
        auto result = readDocument(design.dump(1), Catalogue::builtin());
        REQUIRE_FALSE(result.ok());
        REQUIRE(result.problems.size() == 3);
        CHECK(result.problems[0].pointer == "/zones/0/availability");
        CHECK(result.problems[1].pointer == "/components/1/x");
        CHECK(result.problems[2].pointer == "/flows/0/rate_rps");
    }
}

TEST_CASE("a file whose lists come first loads the same design") {
    Json j = smallDesign();
    const Json reversed = fieldsReversed(j);
    auto a = readDocument(j.dump(), Catalogue::builtin());
    auto b = readDocument(reversed.dump(), Catalogue::builtin());
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(writeDocument(*a.document) == writeDocument(*b.document));
    CHECK(b.document->components.size() == 3);
    CHECK(b.document->components[1].props.at("instances") == 2);
    CHECK(b.document->notes.at(0).text == "hello");
}

TEST_CASE("items read before the design is refused are not reported") {
    // Bad items before a wrong format: only the format is named, as for any other file.
    Json j = Json::object();
    j["components"] = Json::array({Json{{"id", 5}}, 7});
    j["format"] = "drawio";
    j["version"] = 1;
    auto result = readDocument(j.dump(), Catalogue::builtin());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].pointer == "/format");

    // Bad items before a syntax error: only the syntax error.
    const std::string text = R"({"components": [{"id": 5}, 7], "format": "archlens", oops})";
    auto broken = readDocument(text, Catalogue::builtin());
    REQUIRE(broken.problems.size() == 1);
    CHECK_THAT(broken.problems[0].message, Catch::Contains("not valid JSON"));
}

TEST_CASE("an item that is not an object keeps the places of the items after it") {
    Json j = smallDesign();
    j["components"].insert(j["components"].begin() + 1, Json(42));
    j["components"][3].erase("kind");
    j["notes"] = Json::array({Json::array({1, 2})});
    auto result = readDocument(j.dump(), Catalogue::builtin());
    REQUIRE(result.problems.size() == 3);
    CHECK(result.problems[0].pointer == "/components/1");
    CHECK_THAT(result.problems[0].message, Catch::Contains("must be an object, got a number"));
    CHECK(result.problems[1].pointer == "/components/3/kind");
    CHECK(result.problems[2].pointer == "/notes/0");

    // A list that is not a list is named as before; a list given twice is refused whole.
    Json k = smallDesign();
    k["zones"] = Json{{"id", "az1"}};
    CHECK(firstProblem(k).pointer == "/zones");
    CHECK_THAT(firstProblem(k).message, Catch::Contains("must be a list, got an object"));
    const std::string twice = R"({"format": "archlens", "version": 1, "components": [],
        "components": [{"id": "a", "kind": "client", "name": "A", "x": 0, "y": 0}]})";
    CHECK_THAT(firstProblem(twice).message, Catch::Contains("is given twice"));
}
