// The scorecard (analysis/score.h, rubric in docs/scorecard.md): the reference designs
// score high against their prompts, a candidate's first sketch of each scores low for the
// reasons named in designs/weak/*.expect.json, and the rubric's arithmetic holds on small
// designs.
#include "analysis_helpers.h"

#include "archlens/analysis/rules.h"
#include "archlens/analysis/score.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace archlens;

namespace {

/// Found from the resources folder, which the build names by its absolute path (__FILE__
/// can be relative when the compiler runs through a cache).
const std::filesystem::path kWeak =
    test::resourcesDir().parent_path() / "tests" / "analysis" / "designs" / "weak";

std::filesystem::path promptPath(const std::string& id) {
    return test::resourcesDir() / "prompts" / (id + ".json");
}

Prompt prompt(const std::string& id) {
    const PromptLoad load = loadPrompt(promptPath(id));
    INFO(load.describe());
    REQUIRE(load.ok());
    return *load.prompt;
}

Report critique(const Document& doc) {
    Report report = test::analyzeNoCurves(doc);
    runRules(doc, Catalogue::builtin(), report);
    return report;
}

Scorecard scored(const Document& doc, const Prompt* p = nullptr,
                 const PracticeFacts* practice = nullptr) {
    return score(doc, Catalogue::builtin(), critique(doc), p, practice);
}

Document loadFile(const std::filesystem::path& path) {
    const LoadResult result = readDocumentFile(path, Catalogue::builtin());
    INFO(path.string() << "\n" << test::describe(result.problems));
    REQUIRE(result.ok());
    return *result.document;
}

/// The lines of a category whose link is `kind` (and `id`, when given).
std::vector<const ScoreLine*> linesAbout(const Scorecard& card, const std::string& category,
                                         ScoreLink::Kind kind, const std::string& id = "") {
    std::vector<const ScoreLine*> out;
    for (const ScoreLine* l : card.linesOf(category))
        if (l->link.kind == kind && (id.empty() || l->link.id == id)) out.push_back(l);
    return out;
}

/// A client calling one service that writes to one database: a single point of failure
/// (an error) and little else, to count points by hand.
Document tiny(const std::string& extra = "") {
    return test::load(R"({"format": "archlens", "version": 1, "title": "Tiny",
      "requirements": {"availability": 0.9, "p99_ms": 1000},
      "zones": [{"id": "z1", "region": "r1", "availability": 0.9999},
                {"id": "z2", "region": "r1", "availability": 0.9999}],
      "components": [
        {"id": "client", "kind": "client", "name": "User"},
        {"id": "api", "kind": "app_service", "name": "API",
         "props": {"instances": 2, "zones": ["z1", "z2"]}},
        {"id": "lb", "kind": "load_balancer", "name": "LB",
         "props": {"instances": 2, "zones": ["z1", "z2"]}},
        {"id": "mon", "kind": "monitoring", "name": "Monitoring",
         "props": {"instances": 2, "zones": ["z1", "z2"]}},
        {"id": "db", "kind": "key_value_store", "name": "Store", "props": {"zones": ["z1"]}}],
      "connections": [
        {"id": "c0", "from": "client", "to": "lb", "props": {"timeout_ms": 2000}},
        {"id": "c1", "from": "lb", "to": "api", "props": {"timeout_ms": 1500}},
        {"id": "c2", "from": "api", "to": "db", "props": {"timeout_ms": 500}}],
      "flows": [{"id": "get", "name": "Get", "entry": "client", "op": "read", "rate_rps": 5}])" +
                      extra + "}");
}

} // namespace

TEST_CASE("score: every reference design scores at least 90 against its prompt", "[score]") {
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(test::resourcesDir() / "prompts")) {
        if (e.path().extension() != ".json") continue;
        const PromptLoad load = loadPrompt(e.path());
        REQUIRE(load.ok());
        const Document doc = loadFile(load.referencePath());
        const Scorecard card = scored(doc, &*load.prompt);
        INFO(load.prompt->id << "\n" << scorecardText(card));
        CHECK(card.total >= 90);
        CHECK(card.max == 95); // every category but the session's time
        CHECK(card.category("capabilities") != nullptr);
        ++n;
    }
    CHECK(n >= 3);
}

TEST_CASE("score: a candidate's first sketch scores below 60 for the expected reasons", "[score]") {
    // Each designs/weak/NAME.archlens is scored against the prompt NAME, and
    // NAME.expect.json lists lines that must be on its card: category, link kind and id (a
    // rule for a finding), the points, and words the reason must hold.
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(kWeak)) {
        if (e.path().extension() != ".archlens") continue;
        ++n;
        const std::string id = e.path().stem().string();
        std::ifstream in(kWeak / (id + ".expect.json"));
        REQUIRE(in);
        std::stringstream text;
        text << in.rdbuf();
        const Json expect = Json::parse(text.str());
        const Prompt p = prompt(id);
        const Scorecard card = scored(loadFile(e.path()), &p);
        INFO(id << "\n" << scorecardText(card));
        CHECK(card.total < expect.value("below", 60.0));
        REQUIRE(expect.at("lines").size() >= 3);
        for (const auto& want : expect.at("lines")) {
            INFO("expected " << want.dump());
            const std::string kind = want.at("link").get<std::string>();
            const std::string linkId = want.value("id", "");
            const std::string words = want.value("reason", "");
            const auto lines = card.linesOf(want.at("category").get<std::string>());
            const bool found = std::any_of(lines.begin(), lines.end(), [&](const ScoreLine* l) {
                return toString(l->link.kind) == kind && (linkId.empty() || l->link.id == linkId) &&
                       l->points == Approx(want.at("points").get<double>()).margin(0.05) &&
                       l->reason.find(words) != std::string::npos;
            });
            CHECK(found);
        }
    }
    CHECK(n >= 3);
}

TEST_CASE("score: an open error costs 8, a warning 3, an info nothing", "[score]") {
    const Document doc = tiny();
    const Report report = critique(doc);
    int errors = 0, warnings = 0;
    for (const auto& f : report.findings) {
        errors += f.severity == Severity::Error;
        warnings += f.severity == Severity::Warning;
    }
    REQUIRE(errors == 1);
    const Scorecard card = score(doc, Catalogue::builtin(), report, nullptr, nullptr);
    INFO(scorecardText(card));
    const auto spof =
        linesAbout(card, "findings", ScoreLink::Kind::Finding, "single-point-of-failure");
    REQUIRE(spof.size() == 1);
    CHECK(spof[0]->points == -8);
    CHECK(spof[0]->max == 0);
    // The store lives in zone z1 alone: the zone is the single point of failure.
    CHECK(spof[0]->link.subjects == std::vector<std::string>{"z1", "db"});
    CHECK(spof[0]->reason == "error 'Zone z1 is a single point of failure' costs 8 points");
    CHECK(card.category("findings")->points == 25 - 8 * errors - 3 * warnings);
    // A category's lines add up to its points.
    for (const auto& c : card.categories) {
        double sum = 0;
        for (const ScoreLine* l : card.linesOf(c.id))
            sum += l->points;
        CHECK(sum == Approx(c.points));
    }
}

TEST_CASE("score: a finding accepted with a note costs nothing; without a note it stays open "
          "and the trade-off loses its share",
          "[score]") {
    const Scorecard open = scored(tiny());
    const double before = open.category("findings")->points;
    CHECK(open.category("tradeoffs")->points == 5);
    CHECK(open.linesOf("tradeoffs")[0]->reason == "no finding is accepted as a trade-off");

    const Scorecard noted =
        scored(tiny(R"(, "acknowledgements": [{"rule": "single-point-of-failure",
        "subjects": ["db", "z1"], "note": "a single store is fine for this exercise"}])"));
    INFO(scorecardText(noted));
    CHECK(noted.category("findings")->points == before + 8);
    const auto accepted =
        linesAbout(noted, "findings", ScoreLink::Kind::Finding, "single-point-of-failure");
    REQUIRE(accepted.size() == 1);
    CHECK(accepted[0]->points == 0);
    CHECK(accepted[0]->reason.find("accepted as a trade-off") != std::string::npos);
    CHECK(noted.category("tradeoffs")->points == 5);

    const Scorecard bare = scored(tiny(R"(, "acknowledgements": [{"rule": "single-point-of-failure",
        "subjects": ["db", "z1"], "note": "  "}])"));
    CHECK(bare.category("findings")->points == before);
    CHECK(bare.category("tradeoffs")->points == 0);
    REQUIRE(bare.linesOf("tradeoffs").size() == 1);
    CHECK(bare.linesOf("tradeoffs")[0]->reason ==
          "'Zone z1 is a single point of failure' is accepted without a note: say why the "
          "trade-off is worth it");
    CHECK(bare.linesOf("tradeoffs")[0]->link.kind == ScoreLink::Kind::Finding);
}

TEST_CASE("score: without a prompt or a session, the total scales from what applies", "[score]") {
    const Scorecard card = scored(tiny());
    CHECK(card.category("capabilities") == nullptr);
    CHECK(card.category("time") == nullptr);
    CHECK(card.max == 65);
    CHECK(card.total == Approx(card.points / 65 * 100));
    REQUIRE(card.notes.size() == 3);
    CHECK(card.notes[0].starts_with("No prompt was chosen"));
    CHECK(card.notes[2].starts_with("The total is scaled to 100 from the 65 points that apply"));

    // With a prompt and a session, every category applies and nothing is scaled.
    const Prompt p = prompt("url-shortener");
    PracticeFacts practice{{{"req", "Requirements", 300, 300}}, true};
    const Scorecard full = scored(tiny(), &p, &practice);
    CHECK(full.max == 100);
    CHECK(full.total == Approx(full.points));
    CHECK(full.notes.empty());
    CHECK(full.promptId == "url-shortener");
}

TEST_CASE("score: requirements and estimates", "[score]") {
    const Scorecard set = scored(tiny());
    CHECK(set.category("requirements")->points == 10);
    const Document unset = test::design(
        "[]",
        R"([{"id": "client", "kind": "client"}, {"id": "api", "kind": "app_service", "name": "API"}])",
        R"([{"id": "c1", "from": "client", "to": "api"}])",
        R"([{"id": "get", "name": "Get", "entry": "client", "op": "read", "rate_rps": 1}])");
    const Scorecard card = scored(unset);
    INFO(scorecardText(card));
    CHECK(card.category("requirements")->points == 0);
    const auto lines = card.linesOf("requirements");
    REQUIRE(lines.size() == 3);
    CHECK(lines[0]->reason.starts_with("no availability target"));
    CHECK(lines[2]->reason ==
          "'Get' keeps the default rate of 1 req/s: estimate the load each flow carries");
    // With no target at all, a flow cannot earn its share of the targets either.
    CHECK(card.linesOf("targets")[0]->reason ==
          "'Get' has no availability or p99 target to be judged by");

    // Against a prompt: the flows' rates must reach its peaks (35 k reads/s, 347 writes/s).
    const Prompt p = prompt("url-shortener");
    const Scorecard small = scored(tiny(), &p);
    const auto rates = small.linesOf("requirements");
    REQUIRE(rates.size() == 4);
    CHECK(rates[2]->points == 0);
    CHECK(rates[2]->reason == "the user-facing read flows carry 5 req/s, short of the prompt's "
                              "34,722 req/s of reads at peak: size the flows to the peak the "
                              "prompt's numbers give");
    CHECK(rates[3]->points == 0);
}

TEST_CASE("score: a flow that misses a target names the figure", "[score]") {
    Document doc = tiny();
    doc.requirements.p99_ms = 1;
    const Scorecard card = scored(doc);
    const auto lines = linesAbout(card, "targets", ScoreLink::Kind::Flow, "get");
    REQUIRE(lines.size() == 1);
    CHECK(lines[0]->points == 0);
    CHECK(lines[0]->max == 25);
    CHECK(lines[0]->reason.starts_with("'Get' misses its targets: p99 "));
    CHECK(lines[0]->reason.ends_with(" against 1 ms"));
    const Scorecard met = scored(tiny());
    CHECK(met.linesOf("targets")[0]->points == 25);
    CHECK(met.linesOf("targets")[0]->reason.starts_with("'Get' meets its targets: availability "));
}

TEST_CASE("score: a phase earns its share between half and one and a half times its plan",
          "[score]") {
    PracticeFacts practice{{{"req", "Requirements", 300, 150},
                            {"design", "High-level design", 600, 920},
                            {"deep", "Deep dive", 600, 200}},
                           false};
    const Scorecard card = scored(tiny(), nullptr, &practice);
    const auto lines = card.linesOf("time");
    REQUIRE(lines.size() == 3);
    CHECK(lines[0]->points == Approx(5.0 / 3));
    CHECK(lines[0]->reason == "'Requirements' took 2.5 min of the 5 min planned");
    CHECK(lines[0]->link.kind == ScoreLink::Kind::Phase);
    CHECK(lines[0]->link.id == "req");
    CHECK(lines[1]->points == 0); // 153%
    CHECK(lines[1]->reason.find("overran") != std::string::npos);
    CHECK(lines[2]->points == 0); // 33%
    CHECK(lines[2]->reason.find("rushed") != std::string::npos);
    CHECK(card.max == 70);
    CHECK(std::any_of(card.notes.begin(), card.notes.end(), [](const std::string& n) {
        return n.starts_with("The session is not finished");
    }));
}

TEST_CASE("score: JSON, text and Markdown say the same", "[score]") {
    Document doc = tiny();
    doc.components[1].name = "API *bold* [link]";
    const Prompt p = prompt("url-shortener");
    const Scorecard card = scored(doc, &p);
    const Json json = scorecardToJson(card);
    CHECK(json.at("total").get<double>() == Approx(card.total).margin(0.05));
    CHECK(json.at("prompt").at("id") == "url-shortener");
    REQUIRE(json.at("categories").size() == 5);
    CHECK(json.at("categories")[0].at("id") == "requirements");
    const Json& capability = json.at("categories")[3].at("lines")[0];
    CHECK(capability.at("link").at("kind") == "capability");
    CHECK(capability.at("link").at("id") == "redirects-cached");
    bool findingLink = false;
    for (const auto& l : json.at("categories")[2].at("lines"))
        if (l.at("link").at("kind") == "finding") {
            findingLink = true;
            CHECK(l.at("link").contains("subjects"));
        }
    CHECK(findingLink);

    const std::string text = scorecardText(card);
    CHECK(text.starts_with("Score: " + pointsText(card.total) +
                           "/100 against the prompt 'URL shortener'\n"));
    CHECK(text.find("\nExpected capabilities: ") != std::string::npos);
    const std::string md = scorecardMarkdown(card);
    CHECK(md.starts_with("# Score: "));
    CHECK(md.find("## Open findings: ") != std::string::npos);
    CHECK(md.find("API \\*bold\\* \\[link\\]") != std::string::npos);
    // Text that may quote the design passes through the caller's filter, line by line.
    const auto marked = [](const std::string& s) { return "<" + s + ">"; };
    const std::string filtered = scorecardText(card, marked);
    CHECK(filtered.find("against the prompt '<URL shortener>'") != std::string::npos);
    CHECK(filtered.find(" <" + card.lines[0].reason + ">\n") != std::string::npos);
    CHECK(filtered.find("<" + card.notes[0] + ">\n") != std::string::npos);
    CHECK(scorecardMarkdown(card, marked).find(" \\<the design sets") != std::string::npos);
    CHECK(pointsText(25.0 / 3) == "8.3");
    CHECK(pointsText(-8) == "-8");
    CHECK(pointsText(-0.01) == "0");
}

TEST_CASE("score: an empty design earns nothing for the critique's silence", "[score]") {
    const Document empty = [] {
        Document d;
        d.hasRequirements = true;
        d.requirements.availability = 0.999;
        d.requirements.p99_ms = 200;
        return d;
    }();
    Report report = analyze(empty, Catalogue::builtin(), {});
    runRules(empty, Catalogue::builtin(), report);
    const PromptLoad load = loadPrompt(test::resourcesDir() / "prompts" / "url-shortener.json");
    REQUIRE(load.ok());
    const Scorecard card = score(empty, Catalogue::builtin(), report, &*load.prompt, nullptr);
    REQUIRE(card.category("findings"));
    CHECK(card.category("findings")->points == 0);
    CHECK(card.category("tradeoffs")->points == 0);
    CHECK(card.category("capabilities")->points == 0);
    CHECK(card.linesOf("findings").front()->reason.find("no user-facing flow") != std::string::npos);
    // Only the two targets it sets earn anything: 5 of 95.
    CHECK(card.points == Approx(5));
    CHECK(card.total < 6);
}

TEST_CASE("score: the rubric the window shows is the card's, category for category", "[score]") {
    const auto& rubric = scoreRubric();
    double total = 0;
    for (const auto& r : rubric)
        total += r.max;
    CHECK(total == 100);
    const PromptLoad load = loadPrompt(test::resourcesDir() / "prompts" / "url-shortener.json");
    REQUIRE(load.ok());
    const LoadResult design = readDocumentFile(load.referencePath(), Catalogue::builtin());
    REQUIRE(design.ok());
    Report report = analyze(*design.document, Catalogue::builtin(), {});
    runRules(*design.document, Catalogue::builtin(), report);
    PracticeFacts facts;
    facts.phases.push_back({"requirements", "Requirements", 300, 300});
    const Scorecard card =
        score(*design.document, Catalogue::builtin(), report, &*load.prompt, &facts);
    REQUIRE(card.categories.size() == rubric.size());
    for (size_t i = 0; i < rubric.size(); ++i) {
        INFO(rubric[i].id);
        CHECK(card.categories[i].id == rubric[i].id);
        CHECK(card.categories[i].title == rubric[i].title);
        CHECK(card.categories[i].max == rubric[i].max);
        CHECK_FALSE(rubric[i].how.empty());
    }
}
