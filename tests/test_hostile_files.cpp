// Hostile and corrupt design files: each class of bad input gets a message naming the place
// (a JSON pointer, or line and column) and loads nothing, and none crashes, hangs or makes
// memory run away. Big inputs are generated here rather than stored.
#include "support.h"

#include "archlens/analysis/analyze.h"
#include "archlens/analysis/report_json.h"
#include "archlens/analysis/rules.h"
#include "archlens/model/editor.h"
#include "archlens/model/file_io.h"
#include "archlens/model/limits.h"
#include "archlens/model/validation.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace archlens;
using archlens::test::smallDesign;
namespace fs = std::filesystem;

namespace {

LoadResult load(const std::string& text) {
    return readDocument(text, Catalogue::builtin());
}

/// The only problem of a load that must fail, with the document absent.
Problem refused(const std::string& text) {
    LoadResult result = load(text);
    INFO(test::describe(result.problems));
    REQUIRE_FALSE(result.ok());
    REQUIRE_FALSE(result.document.has_value());
    REQUIRE(!result.problems.empty());
    // Every message must be printable and embeddable in JSON output as it is.
    for (const auto& p : result.problems) {
        CHECK(validUtf8(p.message) == p.message);
        CHECK_NOTHROW(Json(p.message).dump());
    }
    return result.problems.front();
}

Problem refused(const Json& json) {
    return refused(json.dump(2));
}

/// Replaces the first `"key": value` text of the small design, for values JSON cannot hold.
std::string withRaw(const std::string& key, const std::string& raw) {
    std::string text = smallDesign().dump(2);
    const std::string needle = "\"" + key + "\": ";
    const size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    const size_t start = at + needle.size();
    const size_t end = text.find_first_of(",\n}", start);
    return text.replace(start, end - start, raw);
}

fs::path freshDir(const char* name) {
    fs::path dir = fs::temp_directory_path() /
                   (std::string("archlens-hostile-") + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

} // namespace

TEST_CASE("hostile: an empty file") {
    for (const std::string text : {"", "  \n\t\r\n", "\xEF\xBB\xBF"}) {
        Problem p = refused(text);
        CHECK(p.line == 1);
        CHECK_THAT(p.message, Catch::Contains("empty"));
    }
}

TEST_CASE("hostile: binary garbage") {
    SECTION("with NUL bytes") {
        std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0", 20);
        Problem p = refused(png);
        CHECK(p.line == 1);
        CHECK_THAT(p.message, Catch::Contains("binary"));
    }
    SECTION("without NUL bytes, not UTF-8") {
        Problem p = refused(std::string("\xFF\xD8\xFF\xE0garbage\x80\x81"));
        CHECK(p.line == 1);
        CHECK(p.column == 1);
        CHECK_THAT(p.message, Catch::Contains("not valid"));
    }
    SECTION("random bytes never crash") {
        uint32_t state = 12345;
        for (int round = 0; round < 200; ++round) {
            std::string text(static_cast<size_t>(round * 7 + 1), ' ');
            for (auto& ch : text) {
                state = state * 1664525u + 1013904223u;
                ch = static_cast<char>(state >> 24);
            }
            LoadResult result = load(text);
            CHECK_FALSE(result.ok());
            for (const auto& p : result.problems)
                CHECK_NOTHROW(Json(p.message).dump());
        }
    }
}

TEST_CASE("hostile: truncated JSON") {
    std::string text = smallDesign().dump(2);
    const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
    text.resize(text.size() * 2 / 3);
    Problem p = refused(text);
    CHECK(p.line > static_cast<int>(lines / 2));
    CHECK(p.column >= 1);
    CHECK_THAT(p.message, Catch::Contains("not valid JSON"));
}

TEST_CASE("hostile: nesting 100,000 deep") {
    const size_t depth = 100000;
    SECTION("in an unknown field") {
        std::string text = smallDesign().dump();
        text.pop_back(); // the closing brace
        text += ", \"deep\": " + std::string(depth, '[') + std::string(depth, ']') + "}";
        Problem p = refused(text);
        // The root is level 1 and the list of "deep" level 2; the place named is the first
        // value past the limit: item 0 of the list at level 64.
        std::string expected = "/deep";
        for (int level = 2; level <= kMaxNesting; ++level)
            expected += "/0";
        CHECK(p.pointer == expected);
        CHECK_THAT(p.message, Catch::Contains("nested more than 64"));
    }
    SECTION("in a property value") {
        std::string text = smallDesign().dump();
        const std::string needle = "\"instances\":2";
        std::string nested;
        for (size_t i = 0; i < depth; ++i)
            nested += "{\"a\":";
        nested += "1" + std::string(depth, '}');
        text.replace(text.find(needle), needle.size(), "\"instances\":" + nested);
        Problem p = refused(text);
        CHECK_THAT(p.pointer, Catch::StartsWith("/components/1/props/instances/a/a/"));
        CHECK_THAT(p.message, Catch::Contains("nested"));
    }
    SECTION("as the whole file") {
        Problem p = refused(std::string(depth, '['));
        CHECK(p.pointer.size() == 2 * kMaxNesting);
        CHECK_THAT(p.message, Catch::Contains("levels deep"));
    }
    SECTION("64 levels are still fine") {
        Json j = smallDesign();
        Json deep = 1;
        for (int level = 2; level <= kMaxNesting; ++level)
            deep = Json::array({deep});
        j["deep"] = deep; // the root is level 1, "deep" level 2, its innermost list level 64
        LoadResult result = load(j.dump());
        INFO(test::describe(result.problems));
        CHECK(result.ok());
    }
}

TEST_CASE("hostile: a design larger than the size limit") {
    SECTION("text in memory is refused before parsing") {
        std::string text = smallDesign().dump();
        text.append(kMaxDesignBytes, ' ');
        Problem p = refused(text);
        CHECK_THAT(p.message, Catch::Contains("at most 64 MiB"));
    }
    SECTION("a 100 MB file is refused from its size") {
        const fs::path dir = freshDir("big");
        const fs::path file = dir / "big.archlens";
        { std::ofstream(file) << "{"; }
        fs::resize_file(file, 100u * 1000 * 1000); // sparse: quick to make
        auto result = readDocumentFile(file, Catalogue::builtin());
        REQUIRE_FALSE(result.ok());
        CHECK_THAT(result.problems.front().message,
                   Catch::Contains(file.string()) && Catch::Contains("64 MiB"));
        fs::remove_all(dir);
    }
    SECTION("an endless device is read only up to the cap") {
        std::string text, error;
        CHECK_FALSE(readTextFile("/dev/zero", text, error, 1 << 20));
        CHECK_THAT(error, Catch::Contains("/dev/zero") && Catch::Contains("more than the 1 MiB"));
        CHECK(text.empty());
        auto result = readDocumentFile("/dev/zero", Catalogue::builtin());
        REQUIRE_FALSE(result.ok());
        CHECK_THAT(result.problems.front().message, Catch::Contains("64 MiB"));
    }
    SECTION("a named pipe nobody writes to reads as empty instead of waiting") {
        const fs::path dir = freshDir("fifo");
        const fs::path fifo = dir / "pipe.archlens";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        auto result = readDocumentFile(fifo, Catalogue::builtin());
        REQUIRE_FALSE(result.ok());
        CHECK_THAT(result.problems.front().message, Catch::Contains("empty"));
        fs::remove_all(dir);
    }
}

TEST_CASE("hostile: NaN, Infinity and numbers beyond a double") {
    SECTION("NaN and Infinity are not JSON") {
        for (const std::string raw : {"NaN", "Infinity", "-Infinity"}) {
            Problem p = refused(withRaw("x", raw));
            CHECK(p.line > 1);
            CHECK(p.column > 1);
            CHECK_THAT(p.message, Catch::Contains("not valid JSON") && Catch::Contains("NaN"));
        }
    }
    SECTION("1e400 names its place") {
        Problem p = refused(withRaw("x", "1e400"));
        CHECK(p.pointer == "/components/0/x");
        CHECK(p.line > 1);
        CHECK_THAT(p.message, Catch::Contains("1e400") && Catch::Contains("too large"));
        CHECK_THAT(p.describe(), Catch::Contains("(/components/0/x)"));
        // Its column is that of the number's first character.
        const std::string text = withRaw("x", "1e400");
        size_t lineStart = 0;
        for (int l = 1; l < p.line; ++l)
            lineStart = text.find('\n', lineStart) + 1;
        CHECK(text.compare(lineStart + static_cast<size_t>(p.column) - 1, 5, "1e400") == 0);
    }
    SECTION("anywhere: in a property, an unknown field, a list") {
        CHECK(refused(withRaw("retries", "-1e999")).pointer == "/connections/1/props/retries");
        CHECK(refused(withRaw("rate_rps", "[1, 2e308]")).pointer == "/flows/0/rate_rps/1");
        std::string text = smallDesign().dump();
        text.insert(1, "\"extra\": {\"a\": 1e400},");
        CHECK(refused(text).pointer == "/extra/a");
    }
}

TEST_CASE("hostile: negative or zero counts and rates, tiny capacities") {
    Json j = smallDesign();
    j["components"][1]["props"]["instances"] = 0;
    j["flows"][0]["rate_rps"] = -5;
    j["components"][1]["props"]["capacity_rps"] = 1e-300;
    j["connections"][1]["props"]["calls"] = 0;
    auto result = load(j.dump());
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.problems.size() == 4);
    const std::string all = test::describe(result.problems);
    CHECK_THAT(all, Catch::Contains("/components/1/props/instances: must be at least 1, got 0"));
    CHECK_THAT(all, Catch::Contains("/components/1/props/capacity_rps: must be at least 0.001, "
                                    "got 1e-300"));
    CHECK_THAT(all, Catch::Contains("/connections/1/props/calls: must be greater than 0"));
    CHECK_THAT(all, Catch::Contains("/flows/0/rate_rps: must be greater than 0, got -5"));

    Json k = smallDesign();
    k["flows"][0]["rate_rps"] = 1e12;
    Problem p = refused(k);
    CHECK(p.pointer == "/flows/0/rate_rps");
    CHECK_THAT(p.message, Catch::Contains("at most 1000000000"));
}

TEST_CASE("hostile: p99 below p50 and latencies past a day") {
    Json j = smallDesign();
    j["components"][1]["props"]["latency_ms"] = Json{{"p50", 50}, {"p99", 10}};
    Problem p = refused(j);
    CHECK(p.pointer == "/components/1/props/latency_ms");
    CHECK_THAT(p.message, Catch::Contains("p99 (10) must be at least p50 (50)"));

    j["components"][1]["props"]["latency_ms"] = Json{{"p50", 1e-300}, {"p99", 1e300}};
    CHECK_THAT(refused(j).message, Catch::Contains("p50 must be at least 0.001"));
    j["components"][1]["props"]["latency_ms"] = Json{{"p50", 1}, {"p99", 1e300}};
    CHECK_THAT(refused(j).message, Catch::Contains("at most 86400000"));
}

TEST_CASE("hostile: availability outside [0, 1]") {
    Json j = smallDesign();
    j["components"][1]["props"]["availability"] = 1.0001;
    CHECK(refused(j).pointer == "/components/1/props/availability");
    Json k = smallDesign();
    k["zones"][0]["availability"] = -0.5;
    Problem p = refused(k);
    CHECK(p.pointer == "/zones/0/availability");
    CHECK_THAT(p.message, Catch::Contains("-0.5"));
    Json m = smallDesign();
    m["requirements"]["availability"] = 1;
    CHECK(refused(m).pointer == "/requirements/availability");
}

TEST_CASE("hostile: wrong types") {
    Json j = smallDesign();
    j["components"] = "all of them";
    Problem p = refused(j);
    CHECK(p.pointer == "/components");
    CHECK_THAT(p.message, Catch::Contains("must be a list"));
    Json k = smallDesign();
    k["components"][1]["props"] = Json::array();
    CHECK(refused(k).pointer == "/components/1/props");
    Json m = smallDesign();
    m["requirements"]["max_sync_depth"] = 2.5;
    CHECK_THAT(refused(m).message, Catch::Contains("must be an integer"));
    Json n = smallDesign();
    n["flows"][0]["name"] = Json{{"en", "x"}};
    CHECK(refused(n).pointer == "/flows/0/name");
}

TEST_CASE("hostile: unknown kinds and properties") {
    Json j = smallDesign();
    j["components"][2]["kind"] = std::string(5000, 'k');
    Problem p = refused(j);
    CHECK(p.pointer == "/components/2/kind");
    CHECK_THAT(p.message, Catch::Contains("unknown kind"));
    CHECK(p.message.size() < 200); // the quoted value is cut short
    Json k = smallDesign();
    k["components"][1]["props"]["a/b~c"] = 1;
    Problem q = refused(k);
    CHECK(q.pointer == "/components/1/props/a~1b~0c"); // escaped as RFC 6901 says
    CHECK_THAT(q.message, Catch::Contains("unknown property"));
}

TEST_CASE("hostile: dangling references, self-loops and cycles") {
    Json j = smallDesign();
    j["connections"][0]["to"] = "nowhere";
    CHECK(refused(j).pointer == "/connections/0/to");
    Json k = smallDesign();
    k["connections"][1]["to"] = "api";
    Problem p = refused(k);
    CHECK(p.pointer == "/connections/1/to");
    CHECK_THAT(p.message, Catch::Contains("same component"));

    SECTION("a cycle is a valid design and its analysis ends") {
        Json c = smallDesign();
        c["connections"].push_back(
            {{"id", "back"}, {"from", "db"}, {"to", "api"}, {"mode", "sync"}});
        c["connections"].push_back(
            {{"id", "loop"}, {"from", "api"}, {"to", "client"}, {"mode", "sync"}});
        Document doc = test::load(c.dump());
        Report report = analyze(doc, Catalogue::builtin());
        runRules(doc, Catalogue::builtin(), report);
        REQUIRE(report.flows.size() == 1);
        CHECK(std::isfinite(report.flows[0].p99_ms));
        CHECK_FALSE(report.flows[0].cycle.empty());
    }
}

// Not timed (a timed test flakes on a loaded machine): a load that grew quadratically with
// the flows would take hours here and trip the test's time limit.
TEST_CASE("hostile: 100,000 flows load") {
    Json j = smallDesign();
    Json flows = Json::array();
    for (int i = 0; i < 100000; ++i)
        flows.push_back({{"id", "f" + std::to_string(i)},
                         {"name", "Flow " + std::to_string(i)},
                         {"entry", "client"},
                         {"op", i % 2 ? "read" : "write"},
                         {"rate_rps", 1 + i % 7}});
    j["flows"] = std::move(flows);
    j["connections"][1]["props"]["flows"] = Json::array({"f1", "f99999"});
    const std::string text = j.dump();
    LoadResult result = load(text); // about 0.3 s in a release build
    INFO(test::describe(result.problems));
    REQUIRE(result.ok());
    CHECK(result.document->flows.size() == 100000);
}

TEST_CASE("hostile: names and ids past their length limits") {
    Json j = smallDesign();
    j["components"][1]["name"] = std::string(1000000, 'n');
    Problem p = refused(j);
    CHECK(p.pointer == "/components/1/name");
    CHECK_THAT(p.message, Catch::Contains("1000000 characters") && Catch::Contains("1000"));

    Json k = smallDesign();
    k["notes"][0]["id"] = std::string(kMaxIdLength + 1, 'i');
    CHECK(refused(k).pointer == "/notes/0/id");

    Json m = smallDesign();
    m["components"][1]["name"] = std::string(kMaxNameLength, 'n'); // at the limit: fine
    m["notes"][0]["text"] = std::string(kMaxNameLength * 10, 't'); // texts may be longer
    CHECK(load(m.dump()).ok());

    std::string longKey = smallDesign().dump();
    longKey.insert(1, "\"" + std::string(kMaxNameLength + 1, 'k') + "\": 1,");
    Problem q = refused(longKey);
    CHECK(q.pointer.size() == kMaxNameLength + 2);
    CHECK_THAT(q.message, Catch::Contains("field name"));
}

TEST_CASE("hostile: control and bidirectional characters in names and ids") {
    SECTION("a control character in a name") {
        Json j = smallDesign();
        j["components"][1]["name"] = "API\x1b[2J";
        Problem p = refused(j);
        CHECK(p.pointer == "/components/1/name");
        CHECK_THAT(p.message, Catch::Contains("control characters") && Catch::Contains("U+001B"));
    }
    SECTION("a right-to-left override in a name or an id") {
        Json j = smallDesign();
        j["flows"][0]["name"] = "Pay \u202Egnp.exe";
        Problem p = refused(j);
        CHECK(p.pointer == "/flows/0/name");
        CHECK_THAT(p.message, Catch::Contains("U+202E"));
        Json k = smallDesign();
        k["zones"][1]["id"] = "az\u2066";
        CHECK(refused(k).pointer == "/zones/1/id");
    }
    SECTION("a control character in an id, quoted safely") {
        Json j = smallDesign();
        j["components"][2]["id"] = "db\n";
        j["connections"][1]["to"] = "db\n";
        auto result = load(j.dump());
        REQUIRE_FALSE(result.ok());
        CHECK(result.problems[0].pointer == "/components/2/id");
        CHECK_THAT(result.problems[0].message, Catch::Contains("U+000A"));
    }
    SECTION("tabs and newlines in names, right-to-left scripts and marks are fine") {
        Json j = smallDesign();
        j["components"][1]["name"] = "API\nv2\tbeta";
        j["components"][2]["name"] = "\u05D1\u05E1\u05D9\u05E1 \u200F\u0646\u0627\u0645";
        j["notes"][0]["text"] = "line one\r\nline two";
        CHECK(load(j.dump()).ok());
    }
    SECTION("field names with control characters") {
        std::string text = smallDesign().dump();
        text.insert(1, "\"bad\\u0007key\": 1,");
        Problem p = refused(text);
        CHECK_THAT(p.message, Catch::Contains("field name") && Catch::Contains("U+0007"));
        CHECK(p.message.find('\x07') == std::string::npos);
    }
}

TEST_CASE("hostile: a folder, an unreadable file, a missing one") {
    const fs::path dir = freshDir("unreadable");
    auto folder = readDocumentFile(dir, Catalogue::builtin());
    REQUIRE_FALSE(folder.ok());
    CHECK_THAT(folder.problems.front().message,
               Catch::Contains(dir.string()) && Catch::Contains("folder"));

    const fs::path file = dir / "secret.archlens";
    { std::ofstream(file) << smallDesign().dump(); }
    fs::path unreadable = file;
    if (::geteuid() == 0) {
        // Root reads whatever the permissions say: a path through a file fails instead.
        unreadable = file / "inside.archlens";
    } else {
        fs::permissions(file, fs::perms::none);
    }
    auto denied = readDocumentFile(unreadable, Catalogue::builtin());
    REQUIRE_FALSE(denied.ok());
    CHECK_THAT(denied.problems.front().message,
               Catch::Contains(unreadable.string()) &&
                   (Catch::Contains("Permission denied") || Catch::Contains("Not a directory")));
    fs::permissions(file, fs::perms::owner_all);
    fs::remove_all(dir);
}

TEST_CASE("hostile: a newer or absurd format version") {
    for (const std::string raw : {"2", "4294967297", "18446744073709551615"}) {
        Problem p = refused(withRaw("version", raw));
        CHECK(p.pointer == "/version");
        CHECK_THAT(p.message, Catch::Contains("newer ArchLens"));
    }
    for (const std::string raw : {"0", "-4294967295", "1.5", "99999999999999999999", "\"1\""}) {
        Problem p = refused(withRaw("version", raw));
        CHECK(p.pointer == "/version");
        CHECK_THAT(p.message, Catch::Contains("invalid format version"));
    }
}

TEST_CASE("hostile: coordinates beyond the canvas range") {
    Json j = smallDesign();
    j["components"][0]["x"] = -1000001;
    Problem p = refused(j);
    CHECK(p.pointer == "/components/0/x");
    CHECK_THAT(p.message, Catch::Contains("between -1000000 and 1000000"));
    Json k = smallDesign();
    k["notes"][0]["y"] = 1e300;
    CHECK(refused(k).pointer == "/notes/0/y");
    Json m = smallDesign();
    m["components"][0]["x"] = -1000000; // the limit itself is fine
    CHECK(load(m.dump()).ok());

    // Edits are held to the same rule as files.
    Editor editor(Catalogue::builtin(), test::load(smallDesign().dump()));
    const AttributeRef x{ElementType::Component, "api", "x"};
    CHECK(checkAttribute(editor.document(), Catalogue::builtin(), x, Json(-2e6)).has_value());
    CHECK_FALSE(checkAttribute(editor.document(), Catalogue::builtin(), x, Json(-1e6)).has_value());
    auto moved = editor.move({{{ElementType::Component, "api"}, 5e6, 0}});
    CHECK_THAT(moved.error, Catch::Contains("between"));
    CHECK(editor.document().component("api")->x == 220);
}

TEST_CASE("hostile: a field given twice in one object") {
    SECTION("at the top") {
        std::string text = smallDesign().dump();
        text.insert(1, "\"title\": \"First\",");
        Problem p = refused(text);
        CHECK(p.pointer == "/title");
        CHECK_THAT(p.message, Catch::Contains("given twice"));
    }
    SECTION("in a property object") {
        std::string text = smallDesign().dump();
        const std::string needle = "\"instances\":2";
        text.replace(text.find(needle), needle.size(), needle + ",\"instances\":3");
        Problem p = refused(text);
        CHECK(p.pointer == "/components/1/props/instances");
    }
    SECTION("in a large object of unknown fields") {
        std::string extra = "{";
        for (int i = 0; i < 200000; ++i)
            extra += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
        extra += "\"k123456\":0}";
        std::string text = smallDesign().dump();
        text.insert(1, "\"extra\":" + extra + ",");
        Problem p = refused(text);
        CHECK(p.pointer == "/extra/k123456");
    }
}

// Inserting fields one by one into ordered_json searched the object each time: a million
// fields took hours. Not timed; a quadratic load would trip the test's time limit.
TEST_CASE("hostile: a large object of unknown fields loads and saves") {
    std::string text = smallDesign().dump();
    std::string fields = "{";
    for (int i = 0; i < 200000; ++i)
        fields += std::string(i ? "," : "") + "\"k" + std::to_string(i) + "\":" + std::to_string(i);
    fields += "}";
    text.insert(1, "\"extra\":" + fields + ",");
    LoadResult result = load(text);
    REQUIRE(result.ok());
    const std::string saved = writeDocument(*result.document);
    CHECK(load(saved).ok());
    CHECK(result.document->extra["extra"].size() == 200000);
}

TEST_CASE("hostile: integers too large for their type are not narrowed") {
    Json j = smallDesign();
    j["requirements"]["max_sync_depth"] = 4294967297LL; // was read as 1 by get<int>
    Problem p = refused(j);
    CHECK(p.pointer == "/requirements/max_sync_depth");
    CHECK_THAT(p.message, Catch::Contains("from 1 to 1000, got 4294967297"));
    Json k = smallDesign();
    k["components"][1]["props"]["instances"] = 18446744073709551615ULL;
    k["components"][1]["props"]["min_healthy"] = 4294967297LL;
    auto result = load(k.dump());
    REQUIRE_FALSE(result.ok());
    CHECK(result.problems[0].pointer == "/components/1/props/instances");
    CHECK_THAT(result.problems[0].message, Catch::Contains("at most 100000"));
    // Edits check the range before the value is narrowed, too.
    Editor editor(Catalogue::builtin(), test::load(smallDesign().dump()));
    const AttributeRef depth{ElementType::Document, "", "requirements.max_sync_depth"};
    CHECK(checkAttribute(editor.document(), Catalogue::builtin(), depth, Json(4294967297LL)));
    CHECK_FALSE(checkAttribute(editor.document(), Catalogue::builtin(), depth, Json(12)));
}

TEST_CASE("hostile: extreme but valid values never put NaN in a report") {
    Json j = smallDesign();
    auto& api = j["components"][1]["props"];
    api["capacity_rps"] = 0.001;
    api["latency_ms"] = Json{{"p50", kMinLatencyMs}, {"p99", kMaxLatencyMs}};
    api["instances"] = 100000;
    auto& c2 = j["connections"][1]["props"];
    c2["calls"] = 1000;
    c2["retries"] = 10;
    c2["timeout_ms"] = 0.001;
    j["flows"][0]["rate_rps"] = kMaxRateRps;
    j["components"][2]["props"] = Json{{"capacity_rps", 1000000000},
                                       {"latency_ms", Json{{"p50", 86400000}, {"p99", 86400000}}}};
    Document doc = test::load(j.dump());
    for (double multiplier : {0.1, 1.0, 100.0}) {
        AnalysisOptions options;
        options.trafficMultiplier = multiplier;
        Report report = analyze(doc, Catalogue::builtin(), options);
        runRules(doc, Catalogue::builtin(), report);
        for (const auto& f : report.flows) {
            CHECK(std::isfinite(f.availability));
            CHECK(std::isfinite(f.p50_ms));
            CHECK(std::isfinite(f.p99_ms));
            for (const auto& hop : f.hops)
                CHECK((std::isfinite(hop.p50_ms) && std::isfinite(hop.p99_ms)));
        }
        for (const auto& c : report.components) {
            CHECK(std::isfinite(c.offeredRps));
            CHECK_FALSE(std::isnan(c.utilisation));
        }
        const std::string json = reportToJson(doc, report).dump();
        CHECK(json.find("nan") == std::string::npos);
    }
}

TEST_CASE("hostile: UTF-16, UTF-32 and invalid UTF-8") {
    const std::string ascii = smallDesign().dump();
    auto utf16 = [&](bool bigEndian, bool bom) {
        std::string out = bom ? (bigEndian ? "\xFE\xFF" : "\xFF\xFE") : "";
        for (char ch : ascii) {
            if (bigEndian) out += '\0';
            out += ch;
            if (!bigEndian) out += '\0';
        }
        return out;
    };
    for (bool bigEndian : {false, true})
        for (bool bom : {true, false}) {
            Problem p = refused(utf16(bigEndian, bom));
            CHECK(p.line == 1);
            CHECK_THAT(p.message, Catch::Contains("UTF-16") && Catch::Contains("UTF-8"));
        }
    CHECK_THAT(refused(std::string("\xFF\xFE\0\0{\0\0\0", 8)).message, Catch::Contains("UTF-32"));

    SECTION("a UTF-8 byte order mark is skipped") {
        CHECK(load("\xEF\xBB\xBF" + ascii).ok());
        Problem p = refused(std::string("\xEF\xBB\xBF{\n  oops"));
        CHECK(p.line == 2);
        CHECK(p.column == 3);
    }
    SECTION("invalid and overlong UTF-8 in a string names line and column") {
        for (const std::string bad :
             {"\xC0\xAF", "\xED\xA0\x80", "\xF8\x88\x80\x80\x80", "\xE2\x82"}) {
            std::string text = "{\n  \"format\": \"archlens\",\n  \"title\": \"ab" + bad + "\"\n}";
            Problem p = refused(text);
            CHECK(p.line == 3);
            CHECK(p.column >= 13);
            CHECK_THAT(p.message, Catch::Contains("not valid UTF-8"));
        }
    }
}

TEST_CASE("hostile: a flood of problems is listed up to a limit") {
    Json j = smallDesign();
    for (int i = 0; i < 5000; ++i)
        j["components"].push_back({{"id", "m" + std::to_string(i)}, {"kind", "mainframe"}});
    auto result = load(j.dump());
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.problems.size() == kMaxProblemsListed + 1);
    CHECK(result.problems.front().pointer == "/components/3/kind");
    CHECK_THAT(result.problems.back().message, Catch::Contains("and 4800 more problems"));
}
