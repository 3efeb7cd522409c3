// Findings accepted as trade-offs: saved in the design file, read back with clear errors,
// and edited through the one undo history.
#include "support.h"

#include "archlens/model/editor.h"

#include <catch2/catch.hpp>

using namespace archlens;
using archlens::test::smallDesign;

namespace {

Json withAcknowledgements(Json acks) {
    Json j = smallDesign();
    j["acknowledgements"] = std::move(acks);
    return j;
}

Json oneAcknowledgement() {
    return Json::array({{{"rule", "single-point-of-failure"},
                         {"subjects", {"db", "order"}},
                         {"note", "One primary is fine for the interview's scale."}}});
}

/// Loads the text; requires failure; returns every problem.
Problems problemsOf(const Json& design) {
    auto result = readDocument(design.dump(2), Catalogue::builtin());
    INFO(design.dump(2));
    REQUIRE_FALSE(result.ok());
    REQUIRE_FALSE(result.problems.empty());
    return result.problems;
}

Editor makeEditor() {
    return Editor(Catalogue::builtin(), test::load(smallDesign().dump()));
}

} // namespace

TEST_CASE("acknowledgements read into typed fields and save back byte for byte") {
    Json j = withAcknowledgements(oneAcknowledgement());
    j["acknowledgements"][0]["reviewed_by"] = "lead"; // unknown fields are kept
    const Document d = test::load(j.dump());
    REQUIRE(d.acknowledgements.size() == 1);
    const Acknowledgement& a = d.acknowledgements[0];
    CHECK(a.rule == "single-point-of-failure");
    CHECK(a.subjects == std::vector<std::string>{"db", "order"});
    CHECK(a.note == "One primary is fine for the interview's scale.");
    CHECK(a.extra["reviewed_by"] == "lead");

    const std::string first = writeDocument(d);
    const std::string second = writeDocument(test::load(first));
    CHECK(first == second);
    const Json saved = Json::parse(first);
    CHECK(saved["acknowledgements"][0]["subjects"] == Json::array({"db", "order"}));
    CHECK(saved["acknowledgements"][0]["reviewed_by"] == "lead");
    CHECK(test::load(first) == d);
}

TEST_CASE("a design without acknowledgements saves without the key") {
    const Document d = test::load(smallDesign().dump());
    CHECK(d.acknowledgements.empty());
    CHECK(writeDocument(d).find("acknowledgements") == std::string::npos);
    // A note is optional in the file and an empty one reads as "".
    Json j = withAcknowledgements(
        Json::array({{{"rule", "no-monitoring"}, {"subjects", Json::array()}}}));
    const Document bare = test::load(j.dump());
    REQUIRE(bare.acknowledgements.size() == 1);
    CHECK(bare.acknowledgements[0].note.empty());
    CHECK(bare.acknowledgements[0].subjects.empty());
}

TEST_CASE("a finding is matched by its rule and its subjects in any order") {
    const Document d = test::load(withAcknowledgements(oneAcknowledgement()).dump());
    CHECK(d.acknowledgement("single-point-of-failure", {"db", "order"}) != nullptr);
    CHECK(d.acknowledgement("single-point-of-failure", {"order", "db"}) != nullptr);
    CHECK(d.acknowledgementIndex("single-point-of-failure", {"order", "db"}) == 0);
    CHECK(d.acknowledgement("missing-timeout", {"db", "order"}) == nullptr);
    CHECK(d.acknowledgement("single-point-of-failure", {"db"}) == nullptr);
    CHECK(d.acknowledgement("single-point-of-failure", {"db", "order", "api"}) == nullptr);
}

TEST_CASE("malformed acknowledgements are refused with the place named") {
    SECTION("not a list") {
        auto p = problemsOf(withAcknowledgements("yes"));
        CHECK(p[0].pointer == "/acknowledgements");
        CHECK_THAT(p[0].message, Catch::Contains("must be a list"));
    }
    SECTION("an entry that is not an object") {
        auto p = problemsOf(withAcknowledgements(Json::array({42})));
        CHECK(p[0].pointer == "/acknowledgements/0");
        CHECK_THAT(p[0].message, Catch::Contains("must be an object"));
    }
    SECTION("a missing rule") {
        Json acks = oneAcknowledgement();
        acks[0].erase("rule");
        auto p = problemsOf(withAcknowledgements(acks));
        CHECK(p[0].pointer == "/acknowledgements/0/rule");
        CHECK_THAT(p[0].message, Catch::Contains("missing required field"));
    }
    SECTION("an empty rule") {
        Json acks = oneAcknowledgement();
        acks[0]["rule"] = "";
        auto p = problemsOf(withAcknowledgements(acks));
        CHECK(p[0].pointer == "/acknowledgements/0/rule");
    }
    SECTION("subjects that are not a list") {
        Json acks = oneAcknowledgement();
        acks[0]["subjects"] = "db";
        auto p = problemsOf(withAcknowledgements(acks));
        CHECK(p[0].pointer == "/acknowledgements/0/subjects");
        CHECK_THAT(p[0].message, Catch::Contains("list of strings") && Catch::Contains("a string"));
    }
    SECTION("a subject that is not a string") {
        Json acks = oneAcknowledgement();
        acks[0]["subjects"] = Json::array({"db", 7});
        auto p = problemsOf(withAcknowledgements(acks));
        CHECK(p[0].pointer == "/acknowledgements/0/subjects/1");
        CHECK_THAT(p[0].message, Catch::Contains("must be a string, got a number"));
    }
    SECTION("a subject listed twice") {
        Json acks = oneAcknowledgement();
        acks[0]["subjects"] = Json::array({"db", "db"});
        auto p = problemsOf(withAcknowledgements(acks));
        CHECK(p[0].pointer == "/acknowledgements/0/subjects/1");
        CHECK_THAT(p[0].message, Catch::Contains("second time"));
    }
    SECTION("a note that is not a string") {
        Json acks = oneAcknowledgement();
        acks[0]["note"] = Json::object();
        auto p = problemsOf(withAcknowledgements(acks));
        CHECK(p[0].pointer == "/acknowledgements/0/note");
        CHECK_THAT(p[0].message, Catch::Contains("must be a string, got an object"));
    }
    SECTION("the same finding twice, subjects reordered") {
        Json acks = oneAcknowledgement();
        acks.push_back({{"rule", "single-point-of-failure"}, {"subjects", {"order", "db"}}});
        auto p = problemsOf(withAcknowledgements(acks));
        CHECK(p[0].pointer == "/acknowledgements/1");
        CHECK_THAT(p[0].message, Catch::Contains("same finding as /acknowledgements/0"));
    }
}

TEST_CASE("acknowledging, changing the note and withdrawing are one undo step each") {
    Editor editor = makeEditor();
    const std::string original = writeDocument(editor.document());
    std::vector<Change> heard;
    editor.addObserver([&](const Changes& c) { heard.insert(heard.end(), c.begin(), c.end()); });

    REQUIRE(editor.acknowledge("single-point-of-failure", {"db", "order"}, "fine for now").ok());
    REQUIRE(editor.document().acknowledgements.size() == 1);
    CHECK(editor.history().undoText() == "Accept trade-off");
    REQUIRE(heard.size() == 1);
    CHECK(heard[0].type == ElementType::Document);
    CHECK(heard[0].op == Change::Op::Updated);
    CHECK(heard[0].attribute == "acknowledgements");
    const std::string accepted = writeDocument(editor.document());

    // The same finding with its subjects the other way round changes the note.
    REQUIRE(editor.acknowledge("single-point-of-failure", {"order", "db"}, "revisit at 10x").ok());
    REQUIRE(editor.document().acknowledgements.size() == 1);
    CHECK(editor.document().acknowledgements[0].note == "revisit at 10x");
    CHECK(editor.document().acknowledgements[0].subjects ==
          std::vector<std::string>{"db", "order"});
    CHECK(editor.history().undoText() == "Change trade-off note");
    const std::string renoted = writeDocument(editor.document());

    // The same note again is no edit at all.
    const size_t steps = editor.history().size();
    REQUIRE(editor.acknowledge("single-point-of-failure", {"db", "order"}, "revisit at 10x").ok());
    CHECK(editor.history().size() == steps);

    REQUIRE(editor.acknowledge("missing-timeout", {"c2"}, "").ok());
    REQUIRE(editor.withdrawAcknowledgement("single-point-of-failure", {"order", "db"}).ok());
    CHECK(editor.history().undoText() == "Withdraw trade-off");
    REQUIRE(editor.document().acknowledgements.size() == 1);
    CHECK(editor.document().acknowledgements[0].rule == "missing-timeout");

    // Undo puts the withdrawn one back in its place, so the file is as it was.
    editor.undo();
    CHECK(editor.document().acknowledgements[0].rule == "single-point-of-failure");
    editor.undo();
    CHECK(writeDocument(editor.document()) == renoted);
    editor.undo();
    CHECK(writeDocument(editor.document()) == accepted);
    editor.undo();
    CHECK(writeDocument(editor.document()) == original);
    CHECK_FALSE(editor.canUndo());
    editor.redo();
    editor.redo();
    CHECK(writeDocument(editor.document()) == renoted);
}

TEST_CASE("acknowledgement edits that make no sense are refused and change nothing") {
    Editor editor = makeEditor();
    CHECK_THAT(editor.withdrawAcknowledgement("missing-timeout", {"c2"}).error,
               Catch::Contains("not accepted"));
    CHECK_FALSE(editor.acknowledge("", {"c2"}, "why").ok());
    CHECK_FALSE(editor.acknowledge("missing-timeout", {""}, "why").ok());
    CHECK_FALSE(editor.canUndo());
    CHECK(editor.document().acknowledgements.empty());
}

TEST_CASE("a finding that names a subject twice is accepted with each subject once") {
    Editor editor = makeEditor();
    REQUIRE(editor.acknowledge("call-cycle", {"api", "db", "api"}, "a loop on purpose").ok());
    REQUIRE(editor.document().acknowledgements.size() == 1);
    CHECK(editor.document().acknowledgements[0].subjects == std::vector<std::string>{"api", "db"});
    CHECK(editor.document().acknowledgement("call-cycle", {"api", "db", "api"}) != nullptr);
    // What was saved loads again: the file never lists a subject twice.
    CHECK(test::load(writeDocument(editor.document())) == editor.document());
}

TEST_CASE("deleting a component keeps the acknowledgements that name it") {
    Editor editor = makeEditor();
    REQUIRE(editor.acknowledge("single-point-of-failure", {"db"}, "accepted").ok());
    REQUIRE(editor.removeElements({{ElementType::Component, "db"}}).ok());
    CHECK(editor.document().acknowledgements.size() == 1);
    // Still a valid file: a stale acknowledgement matches nothing and does no harm.
    const std::string saved = writeDocument(editor.document());
    CHECK(test::load(saved).acknowledgements.size() == 1);
}
