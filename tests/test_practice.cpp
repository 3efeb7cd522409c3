// A practice session kept in the design: planned from the interview's phases, saved and
// read back exactly, refused with the field named when malformed, and edited through the
// one undo history while its clock is never wound back.
#include "support.h"

#include "archlens/model/editor.h"
#include "archlens/model/practice_history.h"

#include <catch2/catch.hpp>

#include <numeric>

using namespace archlens;
using archlens::test::smallDesign;

namespace {

Json withPractice(Json practice) {
    Json j = smallDesign();
    j["practice"] = std::move(practice);
    return j;
}

Problems problemsOf(const Json& design) {
    auto result = readDocument(design.dump(2), Catalogue::builtin());
    INFO(design.dump(2));
    REQUIRE_FALSE(result.ok());
    return result.problems;
}

bool names(const Problems& problems, const std::string& pointer, const std::string& words) {
    for (const auto& p : problems)
        if (p.pointer == pointer && p.message.find(words) != std::string::npos) return true;
    return false;
}

Editor makeEditor() {
    return Editor(Catalogue::builtin(), test::load(smallDesign().dump()));
}

} // namespace

TEST_CASE("the phases of a practice interview follow the guide's approach, in order",
          "[practice]") {
    const auto& plans = practicePhasePlans();
    std::vector<std::string> ids;
    for (const auto& p : plans)
        ids.push_back(p.id);
    CHECK(ids == std::vector<std::string>{"requirements", "estimates", "api", "high-level",
                                          "deep-dive", "trade-offs"});
    const double shares = std::accumulate(plans.begin(), plans.end(), 0.0,
                                          [](double s, const auto& p) { return s + p.share; });
    CHECK(shares == Approx(1.0));
    for (const auto& p : plans) {
        INFO(p.id);
        CHECK(p.checklist.size() >= 3);
        CHECK_FALSE(p.hint.empty());
    }
}

TEST_CASE("a new session plans each phase by its share of the length", "[practice]") {
    const PracticeSession s = newPracticeSession("url-shortener", 45);
    REQUIRE(s.phases.size() == 6);
    CHECK(s.phases[0].planned_s == 300); // 5 of 45 minutes
    CHECK(s.phases[3].planned_s == 720); // 12 of 45
    CHECK(s.plannedSeconds() == 45 * 60);
    CHECK(s.usedSeconds() == 0);
    CHECK(s.current == 0);
    CHECK_FALSE(s.finished);
    const PracticeSession half = newPracticeSession("chat", 30);
    CHECK(half.phases[0].planned_s == 200);
    CHECK(half.plannedSeconds() == 30 * 60);
}

TEST_CASE("a practice session saves and reads back byte for byte", "[practice]") {
    PracticeSession s = newPracticeSession("url-shortener", 45);
    s.current = 2;
    s.phases[0].used_s = 312.5;
    s.phases[0].notes = "Redirects, custom aliases; analytics may lag.";
    s.phases[0].checked = {"non-functional", "functional"};
    s.phases[1].used_s = 240;
    s.answers.push_back({"Why a 302?", "So that clicks reach us and are counted.", Json::object()});
    Document doc = test::load(smallDesign().dump());
    doc.practice = s;
    const std::string text = writeDocument(doc);
    auto back = readDocument(text, Catalogue::builtin());
    INFO(test::describe(back.problems));
    REQUIRE(back.ok());
    REQUIRE(back.document->practice);
    CHECK(*back.document->practice == s);
    CHECK(writeDocument(*back.document) == text);

    const Json j = Json::parse(text)["practice"];
    CHECK(j["current"] == "api");
    CHECK(j["phases"][0]["checked"] == Json::array({"non-functional", "functional"}));
    CHECK_FALSE(j["phases"][2].contains("notes")); // empty notes are not written
}

TEST_CASE("a design without a session saves without the field, and unknown fields are kept",
          "[practice]") {
    Document plain = test::load(smallDesign().dump());
    CHECK_FALSE(plain.practice);
    CHECK(writeDocument(plain).find("\"practice\"") == std::string::npos);

    Json p = practiceToJson(newPracticeSession("chat", 30));
    p["mood"] = "calm";
    p["phases"][1]["colour"] = "blue";
    auto loaded = readDocument(withPractice(p).dump(), Catalogue::builtin());
    REQUIRE(loaded.ok());
    const Json again = Json::parse(writeDocument(*loaded.document))["practice"];
    CHECK(again["mood"] == "calm");
    CHECK(again["phases"][1]["colour"] == "blue");
}

TEST_CASE("a malformed practice session is refused, naming the field", "[practice]") {
    const Json good = practiceToJson(newPracticeSession("url-shortener", 45));
    SECTION("not an object") {
        CHECK(names(problemsOf(withPractice("soon")), "/practice", "must be an object"));
    }
    SECTION("missing and mistyped fields") {
        Json p = good;
        p.erase("prompt");
        p["minutes"] = "45";
        p["phases"][0].erase("planned_s");
        p["phases"][1]["used_s"] = -3;
        p["phases"][2]["notes"] = 7;
        p["finished"] = "yes";
        const auto problems = problemsOf(withPractice(p));
        CHECK(names(problems, "/practice/prompt", "missing required field"));
        CHECK(names(problems, "/practice/minutes", "must be a whole number"));
        CHECK(names(problems, "/practice/phases/0/planned_s", "missing required field"));
        CHECK(names(problems, "/practice/phases/1/used_s", "at least 0"));
        CHECK(names(problems, "/practice/phases/2/notes", "must be a string"));
        CHECK(names(problems, "/practice/finished", "true or false"));
    }
    SECTION("unknown phases, checklist items and a current phase that is none") {
        Json p = good;
        p["phases"][0]["id"] = "warm-up";
        p["phases"][2]["id"] = "estimates";
        p["phases"][3]["checked"] = Json::array({"tiers", "vibes", "tiers"});
        p["current"] = "lunch";
        p["minutes"] = 100000;
        const auto problems = problemsOf(withPractice(p));
        CHECK(names(problems, "/practice/phases/0/id", "not a phase"));
        CHECK(names(problems, "/practice/phases/2/id", "listed twice"));
        CHECK(names(problems, "/practice/phases/3/checked/1", "not on the checklist"));
        CHECK(names(problems, "/practice/phases/3/checked/2", "ticked twice"));
        CHECK(names(problems, "/practice/current", "names no phase"));
        CHECK(names(problems, "/practice/minutes", "at most"));
    }
    SECTION("no phases at all") {
        Json p = good;
        p["phases"] = Json::array();
        CHECK(names(problemsOf(withPractice(p)), "/practice/phases", "at least one"));
    }
}

TEST_CASE("practice edits are undo steps; notes typed in a row are one", "[practice]") {
    Editor editor = makeEditor();
    REQUIRE(editor.setPractice(newPracticeSession("url-shortener", 45), "Start practice").ok());
    REQUIRE(editor.document().practice);
    CHECK(editor.history().undoText() == "Start practice");

    PracticeSession s = *editor.document().practice;
    for (const char* typed : {"R", "Re", "Red", "Redirects"}) {
        s.phases[0].notes = typed;
        REQUIRE(editor.setPractice(s, "Edit notes", "notes:requirements").ok());
    }
    CHECK(editor.history().size() == 2);
    CHECK(editor.document().practice->phases[0].notes == "Redirects");
    editor.undo();
    CHECK(editor.document().practice->phases[0].notes.empty());
    editor.undo();
    CHECK_FALSE(editor.document().practice);
    editor.redo();
    CHECK(editor.document().practice);
}

TEST_CASE("the practice clock is recorded outside the history and never wound back", "[practice]") {
    Editor editor = makeEditor();
    REQUIRE(editor.setPractice(newPracticeSession("chat", 30), "Start practice").ok());
    editor.markClean();
    CHECK_FALSE(editor.isModified());

    editor.recordPracticeTime(0, 95);
    CHECK(editor.document().practice->phases[0].used_s == 95);
    CHECK(editor.isModified()); // time passed since the save
    CHECK(editor.history().size() == 1);

    PracticeSession next = *editor.document().practice;
    next.current = 1;
    next.phases[0].used_s = 0; // the caller's time is not taken
    REQUIRE(editor.setPractice(next, "Next phase").ok());
    CHECK(editor.document().practice->current == 1);
    CHECK(editor.document().practice->phases[0].used_s == 95);

    editor.recordPracticeTime(1, 40);
    editor.undo(); // back to phase 0: the minutes spent stay spent
    CHECK(editor.document().practice->current == 0);
    CHECK(editor.document().practice->phases[0].used_s == 95);
    CHECK(editor.document().practice->phases[1].used_s == 40);

    editor.markClean();
    CHECK_FALSE(editor.isModified());
    editor.recordPracticeTime(7, 10); // no such phase: ignored
    editor.recordPracticeTime(0, std::nan(""));
    CHECK(editor.document().practice->phases[0].used_s == 0);
}

TEST_CASE("a practice session a file could not hold is refused and changes nothing", "[practice]") {
    Editor editor = makeEditor();
    PracticeSession s = newPracticeSession("url-shortener", 45);
    s.current = 9;
    CHECK_FALSE(editor.setPractice(s, "Start practice").ok());
    s.current = 0;
    s.phases[1].checked = {"not-an-item"};
    const EditResult refused = editor.setPractice(s, "Start practice");
    CHECK_FALSE(refused.ok());
    CHECK(refused.error.find("not on the checklist") != std::string::npos);
    CHECK_FALSE(editor.document().practice);
    CHECK(editor.history().size() == 0);
}

TEST_CASE("the practice history reads back what it wrote, and refuses a damaged file whole",
          "[practice]") {
    PracticeRecord a{
        "url-shortener", "URL shortener", "2026-12-01T10:00:00Z", 45, 2712.5, 87.5, 0, 1, 3};
    PracticeRecord b{"chat", "Chat", "2026-12-02T09:30:00Z", 30, 1800, std::nullopt, 2, 0, 0};
    const std::string text = writePracticeHistory({a, b});
    const PracticeHistoryLoad back = readPracticeHistory(text);
    INFO(test::describe(back.problems));
    REQUIRE(back.ok());
    REQUIRE(back.records.size() == 2);
    CHECK(back.records[0] == a);
    CHECK(back.records[1] == b);
    CHECK_FALSE(back.records[1].score);
    CHECK(readPracticeHistory(writePracticeHistory({})).ok());

    Json bad = Json::parse(text);
    bad["sessions"][1]["score"] = 140;
    bad["sessions"][0].erase("finished_at");
    const PracticeHistoryLoad refused = readPracticeHistory(bad.dump());
    CHECK_FALSE(refused.ok());
    CHECK(refused.records.empty());
    CHECK(names(refused.problems, "/sessions/1/score", "at most 100"));
    CHECK(names(refused.problems, "/sessions/0/finished_at", "missing"));
    CHECK_FALSE(readPracticeHistory("{\"format\": \"archlens\"}").ok());
    CHECK_FALSE(readPracticeHistory("not json").ok());
}
