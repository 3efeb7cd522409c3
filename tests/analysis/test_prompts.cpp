// The interview prompts of resources/prompts (format in its README.md): every prompt loads,
// cites real guide sections, and has a reference design that meets its own targets at its
// own scale with no error and no warning; a malformed prompt is refused, naming the field.
#include "support.h"

#include "archlens/analysis/analyze.h"
#include "archlens/analysis/rules.h"
#include "archlens/model/prompt.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>

using namespace archlens;

namespace {

std::filesystem::path promptsDir() {
    return test::resourcesDir() / "prompts";
}

std::vector<std::filesystem::path> promptPaths() {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(promptsDir()))
        if (e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::set<std::string> guideHeadings() {
    std::ifstream in(test::resourcesDir() / "guide-headings.txt");
    std::set<std::string> headings;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') headings.insert(line);
    return headings;
}

/// A prompt that must load; fails the test with its problems otherwise.
PromptLoad loaded(const std::filesystem::path& path) {
    PromptLoad result = loadPrompt(path);
    INFO(result.describe());
    REQUIRE(result.ok());
    return result;
}

/// A small valid prompt, for the tests to break one field at a time.
Json validPrompt() {
    return Json::parse(R"({
  "id": "tiny", "title": "Tiny", "statement": "Design a tiny thing.",
  "functional": ["It does one thing"],
  "scale": { "daily_users": 1000, "reads_per_user_per_day": 10, "writes_per_user_per_day": 1,
             "object_bytes": 100, "retention_days": 30, "peak_factor": 2 },
  "targets": { "availability": 0.999, "p99_ms": 200 },
  "capabilities": [ { "id": "cached", "text": "Reads are cached", "guide_section": "Caching",
                      "check": { "on_reads": ["cache"] } } ],
  "deep_dives": ["What if it grows?"],
  "reference": "tiny.archlens"
})");
}

/// The problems of reading `prompt`, which must have at least one.
Problems problemsOf(const Json& prompt) {
    const PromptLoad result = readPrompt(prompt.dump(), "tiny.json");
    CHECK_FALSE(result.ok());
    return result.problems;
}

bool names(const Problems& problems, const std::string& pointer, const std::string& words) {
    return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
        return p.pointer == pointer && p.message.find(words) != std::string::npos;
    });
}

} // namespace

TEST_CASE("every prompt loads without problems, named after its file", "[prompts]") {
    const auto paths = promptPaths();
    REQUIRE(paths.size() >= 3);
    std::set<std::string> titles;
    for (const auto& path : paths) {
        INFO(path.filename().string());
        const PromptLoad load = loaded(path);
        const Prompt& p = *load.prompt;
        CHECK(p.id == path.stem().string());
        CHECK(titles.insert(p.title).second);
        CHECK(p.functional.size() >= 2);
        CHECK(p.capabilities.size() >= 4);
        CHECK(p.deep_dives.size() >= 3);
        CHECK(std::filesystem::is_regular_file(load.referencePath()));
    }
}

TEST_CASE("every capability of every prompt cites a heading of the guide", "[prompts]") {
    const auto headings = guideHeadings();
    REQUIRE(headings.size() > 100);
    for (const auto& path : promptPaths()) {
        const PromptLoad load = loaded(path);
        for (const auto& c : load.prompt->capabilities) {
            INFO(path.filename().string() << " capability " << c.id << ": " << c.guide_section);
            CHECK(headings.count(c.guide_section) == 1);
        }
    }
}

TEST_CASE("every capability check names catalogue kinds and rule ids", "[prompts]") {
    const Catalogue& catalogue = Catalogue::builtin();
    for (const auto& path : promptPaths()) {
        const PromptLoad load = loaded(path);
        for (const auto& c : load.prompt->capabilities) {
            INFO(path.filename().string() << " capability " << c.id);
            CHECK_FALSE(c.check.empty());
            for (const auto* kinds : {&c.check.present, &c.check.on_reads, &c.check.on_writes,
                                      &c.check.async_to, &c.check.optional_to})
                for (const auto& kind : *kinds) {
                    INFO("kind " << kind);
                    CHECK(catalogue.kind(kind) != nullptr);
                }
            for (const auto& rule : c.check.without) {
                INFO("rule " << rule);
                CHECK(ruleInfo(rule) != nullptr);
            }
        }
    }
}

TEST_CASE("every reference design meets its prompt's targets, at its scale, with no error and "
          "no warning",
          "[prompts]") {
    for (const auto& path : promptPaths()) {
        const PromptLoad load = loaded(path);
        const Prompt& p = *load.prompt;
        INFO(path.filename().string() << " -> " << p.reference);
        const LoadResult design = readDocumentFile(load.referencePath(), Catalogue::builtin());
        INFO(test::describe(design.problems));
        REQUIRE(design.ok());
        const Document& doc = *design.document;

        // The prompt's targets are the design's requirements, exactly.
        CHECK(doc.requirements.availability == p.targets.availability);
        CHECK(doc.requirements.p99_ms == p.targets.p99_ms);

        AnalysisOptions options;
        options.curves = false;
        Report report = analyze(doc, Catalogue::builtin(), options);
        runRules(doc, Catalogue::builtin(), report);
        std::string wrong;
        for (const auto& f : report.findings)
            if (f.severity != Severity::Info)
                wrong += std::string(toString(f.severity)) + " " + f.rule + ": " + f.title + "\n";
        CHECK(wrong == "");

        // Every flow meets the targets it is judged by; the user-facing read flows carry the
        // prompt's peak reads a second, and the write flows (user-facing, or fed by another
        // system like a search service logging queries) its peak writes.
        double readRps = 0, writeRps = 0;
        for (const auto& flow : report.flows) {
            INFO("flow " << flow.id << ": availability " << flow.availability << " (up "
                         << flow.availabilityUp << ", timed out " << flow.timedOut << "), p99 "
                         << flow.p99_ms << " ms");
            const FlowTargets targets = flowTargets(doc, flow);
            CHECK_FALSE(isBroken(flow));
            CHECK_FALSE(targets.missesAvailability(flow));
            CHECK_FALSE(targets.missesP99(flow));
            if (!flow.background) CHECK(targets.any());
            const Flow* declared = doc.flow(flow.id);
            REQUIRE(declared);
            if (declared->op == "write")
                writeRps += declared->rate_rps;
            else if (!flow.background)
                readRps += declared->rate_rps;
        }
        CHECK(readRps >= p.scale.peakReadRps());
        CHECK(writeRps >= p.scale.peakWriteRps());
    }
}

TEST_CASE("a prompt's scale gives its peak rates and its stored bytes", "[prompts]") {
    PromptScale s;
    s.daily_users = 86400;
    s.reads_per_user_per_day = 10;
    s.writes_per_user_per_day = 2;
    s.object_bytes = 100;
    s.retention_days = 30;
    s.peak_factor = 3;
    CHECK(s.peakReadRps() == Approx(30));
    CHECK(s.peakWriteRps() == Approx(6));
    CHECK(s.storedBytes() == Approx(86400.0 * 2 * 30 * 100));
}

TEST_CASE("a valid prompt reads whole", "[prompts]") {
    const PromptLoad load = readPrompt(validPrompt().dump(), "tiny.json");
    INFO(load.describe());
    REQUIRE(load.ok());
    const Prompt& p = *load.prompt;
    CHECK(p.id == "tiny");
    CHECK(p.functional == std::vector<std::string>{"It does one thing"});
    CHECK(p.scale.peak_factor == 2);
    CHECK(p.targets.availability == 0.999);
    CHECK(p.targets.p99_ms == 200);
    REQUIRE(p.capabilities.size() == 1);
    CHECK(p.capabilities[0].guide_section == "Caching");
    CHECK(p.capabilities[0].check.on_reads == std::vector<std::string>{"cache"});
    CHECK(p.capabilities[0].check.present.empty());
    CHECK(p.deep_dives.size() == 1);
    CHECK(load.referencePath() == std::filesystem::path("tiny.archlens"));
}

TEST_CASE("a malformed prompt is refused with a problem naming the field and the file",
          "[prompts]") {
    SECTION("a missing top-level field") {
        for (const char* key : {"id", "title", "statement", "functional", "scale", "targets",
                                "capabilities", "deep_dives", "reference"}) {
            INFO(key);
            Json p = validPrompt();
            p.erase(key);
            CHECK(names(problemsOf(p), std::string("/") + key, "missing required field"));
        }
    }
    SECTION("a missing field inside scale, targets or a capability") {
        Json p = validPrompt();
        p["scale"].erase("peak_factor");
        p["targets"].erase("p99_ms");
        p["capabilities"][0].erase("guide_section");
        const auto problems = problemsOf(p);
        CHECK(names(problems, "/scale/peak_factor", "missing"));
        CHECK(names(problems, "/targets/p99_ms", "missing"));
        CHECK(names(problems, "/capabilities/0/guide_section", "missing"));
        CHECK(problems.size() == 3);
    }
    SECTION("a field of the wrong type") {
        Json p = validPrompt();
        p["title"] = 7;
        p["functional"] = "one thing";
        p["scale"]["daily_users"] = "a lot";
        p["targets"] = Json::array();
        p["deep_dives"][0] = false;
        p["capabilities"][0] = "cached";
        const auto problems = problemsOf(p);
        CHECK(names(problems, "/title", "must be a string, got a number"));
        CHECK(names(problems, "/functional", "must be a list, got a string"));
        CHECK(names(problems, "/scale/daily_users", "must be a number, got a string"));
        CHECK(names(problems, "/targets", "must be an object, got a list"));
        CHECK(names(problems, "/deep_dives/0", "must be a string, got true or false"));
        CHECK(names(problems, "/capabilities/0", "must be an object, got a string"));
    }
    SECTION("a value out of range") {
        Json p = validPrompt();
        p["targets"]["availability"] = 99.9;
        p["targets"]["p99_ms"] = 0;
        p["scale"]["peak_factor"] = 0.5;
        p["scale"]["daily_users"] = 0;
        const auto problems = problemsOf(p);
        CHECK(names(problems, "/targets/availability", "at most 1"));
        CHECK(names(problems, "/targets/p99_ms", "at least"));
        CHECK(names(problems, "/scale/peak_factor", "at least 1"));
        CHECK(names(problems, "/scale/daily_users", "above 0"));
        Json certain = validPrompt();
        certain["targets"]["availability"] = 1;
        CHECK(names(problemsOf(certain), "/targets/availability", "below 1"));
    }
    SECTION("empty text, an empty list, a repeated capability, an unknown field") {
        Json p = validPrompt();
        p["statement"] = "  ";
        p["deep_dives"] = Json::array();
        p["capabilities"].push_back(p["capabilities"][0]);
        p["scale"]["peak_factr"] = 3;
        p["notes"] = "x";
        const auto problems = problemsOf(p);
        CHECK(names(problems, "/statement", "must not be empty"));
        CHECK(names(problems, "/deep_dives", "at least one"));
        CHECK(names(problems, "/capabilities/1/id", "used twice"));
        CHECK(names(problems, "/scale/peak_factr", "unknown field"));
        CHECK(names(problems, "/notes", "unknown field"));
    }
    SECTION("a capability check that is missing, empty, unknown or not a list of names") {
        Json p = validPrompt();
        p["capabilities"].push_back(p["capabilities"][0]);
        p["capabilities"].push_back(p["capabilities"][0]);
        p["capabilities"].push_back(p["capabilities"][0]);
        p["capabilities"][0].erase("check");
        p["capabilities"][1]["id"] = "b";
        p["capabilities"][1]["check"] = Json::object();
        p["capabilities"][2]["id"] = "c";
        p["capabilities"][2]["check"] = {{"near", Json::array({"cache"})}};
        p["capabilities"][3]["id"] = "d";
        p["capabilities"][3]["check"] = {{"present", "cache"}, {"without", Json::array()}};
        const auto problems = problemsOf(p);
        CHECK(names(problems, "/capabilities/0/check", "missing required field"));
        CHECK(names(problems, "/capabilities/1/check", "at least one of present"));
        CHECK(names(problems, "/capabilities/2/check/near", "unknown field"));
        CHECK(names(problems, "/capabilities/3/check/present", "must be a list"));
        CHECK(names(problems, "/capabilities/3/check/without", "at least one item"));
    }
    SECTION("a reference that is not a design file beside the prompt") {
        for (const char* bad :
             {"../examples/url-shortener.archlens", "/tmp/x.archlens", "tiny.json", ".archlens"}) {
            INFO(bad);
            Json p = validPrompt();
            p["reference"] = bad;
            CHECK(names(problemsOf(p), "/reference", "beside the prompt"));
        }
    }
    SECTION("the file is named in every problem's description") {
        Json p = validPrompt();
        p["scale"]["peak_factor"] = "high";
        const PromptLoad load = readPrompt(p.dump(), "/somewhere/tiny.json");
        CHECK(load.describe() == "tiny.json: /scale/peak_factor: must be a number, got a string\n");
    }
}

TEST_CASE("a prompt that is not one is refused without a crash", "[prompts]") {
    const std::vector<std::string> texts = {"",
                                            "[]",
                                            "null",
                                            "{",
                                            "{\"id\": \"a\", \"id\": \"b\"}",
                                            std::string(100, '[') + std::string(100, ']'),
                                            "{\"id\": \"\xff\"}"};
    for (const std::string& text : texts) {
        INFO(text);
        const PromptLoad load = readPrompt(text, "bad.json");
        CHECK_FALSE(load.ok());
        CHECK_FALSE(load.problems.empty());
        CHECK(load.describe().starts_with("bad.json: "));
    }
    const PromptLoad missing = loadPrompt(promptsDir() / "no-such-prompt.json");
    CHECK_FALSE(missing.ok());
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.describe().find("no-such-prompt.json") != std::string::npos);
}
