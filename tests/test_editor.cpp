// Edits, the one undo history, and the changes observers are told about.
#include "support.h"

#include "archlens/model/document_io.h"
#include "archlens/model/editor.h"
#include "archlens/model/validation.h"

#include <catch2/catch.hpp>
#include <random>

using namespace archlens;

namespace {

Editor makeEditor() {
    return Editor(Catalogue::builtin(), test::load(test::smallDesign().dump()));
}

/// One random edit that the editor accepts (or an attempt it refuses; both are fine).
void randomEdit(Editor& editor, std::mt19937& rng) {
    const Document& d = editor.document();
    auto pick = [&](const auto& items) -> std::string {
        if (items.empty()) return {};
        return items[std::uniform_int_distribution<size_t>(0, items.size() - 1)(rng)].id;
    };
    const auto& kinds = Catalogue::builtin().kinds();
    switch (std::uniform_int_distribution<int>(0, 11)(rng)) {
    case 0: {
        Component c;
        c.kind = kinds[std::uniform_int_distribution<size_t>(0, kinds.size() - 1)(rng)].id;
        c.x = std::uniform_int_distribution<int>(0, 2000)(rng);
        c.y = std::uniform_int_distribution<int>(0, 2000)(rng);
        editor.addComponent(c);
        break;
    }
    case 1: {
        Connection c;
        c.from = pick(d.components);
        c.to = pick(d.components);
        c.mode = ConnectionMode::Async;
        editor.addConnection(c);
        break;
    }
    case 2:
        editor.removeElements({{ElementType::Component, pick(d.components)}});
        break;
    case 3:
        editor.removeElements({{ElementType::Connection, pick(d.connections)}});
        break;
    case 4:
        editor.move(
            {{{ElementType::Component, pick(d.components)}, 17.0 * d.components.size(), 33}});
        break;
    case 5:
        editor.setAttribute({ElementType::Component, pick(d.components), "name"},
                            "n" + std::to_string(rng() % 100));
        break;
    case 6:
        editor.setAttribute({ElementType::Component, pick(d.components), "props.instances"},
                            int(rng() % 5 + 1));
        break;
    case 7:
        editor.addZone({"", "eu", 0.999, Json::object()});
        break;
    case 8:
        editor.removeElements({{ElementType::Zone, pick(d.zones)}});
        break;
    case 9: {
        Flow f;
        f.entry = pick(d.components);
        f.rate_rps = 10;
        editor.addFlow(f);
        break;
    }
    case 10:
        editor.setAttribute({ElementType::Connection, pick(d.connections), "props.retries"},
                            int(rng() % 4));
        break;
    case 11:
        editor.setAttribute({ElementType::Document, "", "requirements.p99_ms"},
                            double(rng() % 500 + 1));
        break;
    }
}

} // namespace

TEST_CASE("a long random sequence of edits undoes to the original and redoes to the edited") {
    for (unsigned seed : {1u, 2u, 3u, 42u}) {
        INFO("seed " << seed);
        Editor editor = makeEditor();
        const std::string original = writeDocument(editor.document());
        std::mt19937 rng(seed);
        for (int i = 0; i < 400; ++i)
            randomEdit(editor, rng);
        const std::string edited = writeDocument(editor.document());
        REQUIRE(edited != original);
        REQUIRE(editor.history().size() > 100);
        // Every intermediate state must be a valid document.
        CHECK(validateDocument(editor.document(), Catalogue::builtin()).empty());
        while (editor.canUndo())
            editor.undo();
        CHECK(writeDocument(editor.document()) == original);
        while (editor.canRedo())
            editor.redo();
        CHECK(writeDocument(editor.document()) == edited);
    }
}

TEST_CASE("deleting a component takes its connections and flows along and undoes as one step") {
    Editor editor = makeEditor();
    const Document before = editor.document();
    REQUIRE(editor.removeElements({{ElementType::Component, "client"}}).ok());
    CHECK(editor.document().component("client") == nullptr);
    CHECK(editor.document().connection("c1") == nullptr); // client -> api
    CHECK(editor.document().flow("order") == nullptr);    // entered at the client
    CHECK(editor.document().connection("c2") != nullptr);
    CHECK(editor.history().undoText() == "Delete 3 items");
    editor.undo();
    CHECK(editor.document() == before);
}

TEST_CASE("deleting a zone takes it out of the components placed in it") {
    Editor editor = makeEditor();
    REQUIRE(editor.removeElements({{ElementType::Zone, "az1"}}).ok());
    CHECK(editor.document().component("api")->props["zones"] == Json::array({"az2"}));
    REQUIRE(editor.removeElements({{ElementType::Zone, "az2"}}).ok());
    CHECK_FALSE(editor.document().component("api")->props.contains("zones"));
    editor.undo();
    editor.undo();
    CHECK(editor.document().component("api")->props["zones"] == Json::array({"az1", "az2"}));
}

TEST_CASE("undo texts and refusals name things as people know them, never by id or key") {
    Editor editor = makeEditor();
    REQUIRE(editor.setAttribute({ElementType::Component, "api", "props.instances"}, 4).ok());
    CHECK(editor.history().undoText() == "Change instances of API");
    REQUIRE(editor.setAttribute({ElementType::Connection, "c2", "props.timeout_ms"}, 450).ok());
    CHECK(editor.history().undoText() == "Change timeout of connection API \u2192 Orders DB");
    REQUIRE(editor.setAttribute({ElementType::Document, "", "requirements.p99_ms"}, 250).ok());
    CHECK(editor.history().undoText() == "Change p99 latency target");
    REQUIRE(editor.setAttribute({ElementType::Component, "db", "name"}, "Orders").ok());
    CHECK(editor.history().undoText() == "Rename Orders DB");
    REQUIRE(editor.setAttribute({ElementType::Note, "n1", "text"}, "bye").ok());
    CHECK(editor.history().undoText() == "Edit note");
    REQUIRE(editor.move({{{ElementType::Component, "api"}, 300, 40}}).ok());
    CHECK(editor.history().undoText() == "Move API");
    REQUIRE(editor.removeElements({{ElementType::Flow, "order"}}).ok());
    CHECK(editor.history().undoText() == "Delete Place order");

    const auto refused = editor.setAttribute({ElementType::Component, "api", "props.instances"}, 0);
    CHECK_THAT(refused.error, Catch::StartsWith("Instances of API must be at least 1"));
    CHECK_THAT(refused.error, !Catch::Contains("props.") && !Catch::Contains("api "));
    const auto target = editor.setAttribute({ElementType::Document, "", "requirements.p99_ms"}, -1);
    CHECK_THAT(target.error, Catch::StartsWith("p99 latency target must be"));
}

TEST_CASE("invalid edits are refused with the reason and change nothing") {
    Editor editor = makeEditor();
    const Document before = editor.document();
    auto r1 = editor.setAttribute({ElementType::Component, "api", "props.instances"}, 0);
    CHECK_THAT(r1.error, Catch::Contains("at least 1"));
    auto r2 = editor.setAttribute({ElementType::Component, "db", "props.dlq"}, true);
    CHECK_THAT(r2.error, Catch::Contains("no property"));
    auto r3 = editor.addConnection(
        {"", "api", "ghost", ConnectionMode::Sync, Json::object(), Json::object()});
    CHECK_FALSE(r3.ok());
    auto r4 =
        editor.addComponent({"api", "cache", "", 0, 0, Json::object(), Json::object(), {}, {}});
    CHECK_THAT(r4.error, Catch::Contains("already used"));
    auto r5 = editor.setAttribute({ElementType::Connection, "c2", "to"}, "api");
    CHECK_THAT(r5.error, Catch::Contains("same component"));
    CHECK(editor.document() == before);
    CHECK_FALSE(editor.canUndo());
}

TEST_CASE("moving and resizing boxes are told apart from edits the analysis reads") {
    Editor editor = makeEditor();
    std::vector<bool> layoutOnly;
    editor.addObserver([&](const Changes& c) { layoutOnly.push_back(onlyLayoutChanged(c)); });
    REQUIRE(editor
                .move({{{ElementType::Component, "api"}, 300, 40},
                       {{ElementType::Note, "n1"}, 10, 260}})
                .ok());
    REQUIRE(editor.resize("db", 200, 90).ok());
    REQUIRE(editor.resize("db", std::nullopt, std::nullopt).ok());
    editor.undo();
    CHECK(layoutOnly == std::vector<bool>{true, true, true, true});

    layoutOnly.clear();
    REQUIRE(editor.setAttribute({ElementType::Component, "api", "name"}, "Orders API").ok());
    REQUIRE(editor.setAttribute({ElementType::Component, "api", "props.instances"}, 3).ok());
    REQUIRE(editor.setAttribute({ElementType::Component, "db", "props.zones"}, Json::array({"az1"}))
                .ok());
    REQUIRE(editor.addComponent({"", "cache", "", 10, 20, Json::object(), Json::object(), {}, {}})
                .ok());
    CHECK(layoutOnly == std::vector<bool>{false, false, false, false});
    CHECK_FALSE(onlyLayoutChanged(Changes{}));
}

TEST_CASE("observers hear what changed") {
    Editor editor = makeEditor();
    std::vector<Change> heard;
    const int handle = editor.addObserver(
        [&](const Changes& c) { heard.insert(heard.end(), c.begin(), c.end()); });
    auto added =
        editor.addComponent({"", "cache", "", 10, 20, Json::object(), Json::object(), {}, {}});
    REQUIRE(added.ok());
    REQUIRE(heard.size() == 1);
    CHECK(heard[0].op == Change::Op::Inserted);
    CHECK(heard[0].type == ElementType::Component);
    CHECK(heard[0].id == added.id);
    CHECK(heard[0].index == 3);
    CHECK(editor.document().component(added.id)->name == "Cache");

    heard.clear();
    editor.setAttribute({ElementType::Component, added.id, "props.ttl_s"}, 60);
    REQUIRE(heard.size() == 1);
    CHECK(heard[0].attribute == "props.ttl_s");

    heard.clear();
    editor.undo();
    CHECK(heard.size() == 1);
    editor.removeObserver(handle);
    heard.clear();
    editor.redo();
    CHECK(heard.empty());
}

TEST_CASE("each change is announced just before and just after it reaches the document") {
    Editor editor = makeEditor();
    std::vector<std::string> log;
    editor.addObserver(Editor::Observer{
        [&](const Change& c) {
            log.push_back("about " + c.id + " " +
                          std::to_string(editor.document().components.size()));
        },
        [&](const Change& c) {
            log.push_back("done " + c.id + " " +
                          std::to_string(editor.document().components.size()));
        },
        [&](const Changes& all) { log.push_back("edited " + std::to_string(all.size())); }});
    REQUIRE(editor.removeElements({{ElementType::Component, "db"}}).ok());
    // The connection api -> db goes first, then the database; counts show the moment.
    CHECK(log == std::vector<std::string>{"about c2 3", "done c2 3", "about db 3", "done db 2",
                                          "edited 2"});
}

TEST_CASE("a move of several items is one step and typing into one field merges") {
    Editor editor = makeEditor();
    REQUIRE(
        editor.move({{{ElementType::Component, "api"}, 300, 40}, {{ElementType::Note, "n1"}, 5, 6}})
            .ok());
    CHECK(editor.history().size() == 1);
    CHECK(editor.document().note("n1")->x == 5);
    editor.setAttribute({ElementType::Component, "api", "name"}, "A", "typing");
    editor.setAttribute({ElementType::Component, "api", "name"}, "AP", "typing");
    editor.setAttribute({ElementType::Component, "api", "name"}, "API2", "typing");
    CHECK(editor.history().size() == 2);
    editor.undo();
    CHECK(editor.document().component("api")->name == "API");
    CHECK(editor.document().component("api")->x == 300);
}

TEST_CASE("a macro groups edits into one undo step") {
    Editor editor = makeEditor();
    std::vector<size_t> edits; // size of each whole edit observers hear of
    editor.addObserver([&](const Changes& all) { edits.push_back(all.size()); });
    {
        Editor::Group group(editor, "Paste");
        auto a =
            editor.addComponent({"", "cache", "", 0, 0, Json::object(), Json::object(), {}, {}});
        auto b =
            editor.addComponent({"", "rdbms", "", 0, 0, Json::object(), Json::object(), {}, {}});
        editor.addConnection(
            {"", a.id, b.id, ConnectionMode::Sync, Json::object(), Json::object()});
        CHECK(edits.empty()); // nothing is announced as finished while the group is open
    }
    CHECK(edits == std::vector<size_t>{3});
    CHECK(editor.history().size() == 1);
    CHECK(editor.history().undoText() == "Paste");
    editor.undo();
    CHECK(editor.document().components.size() == 3);
    editor.redo();
    CHECK(editor.document().components.size() == 5);
}

TEST_CASE("the modified state follows the saved point through undo and redo") {
    Editor editor = makeEditor();
    CHECK_FALSE(editor.isModified());
    editor.setAttribute({ElementType::Document, "", "title"}, "T1");
    CHECK(editor.isModified());
    editor.markClean();
    CHECK_FALSE(editor.isModified());
    editor.undo();
    CHECK(editor.isModified());
    editor.redo();
    CHECK_FALSE(editor.isModified());
    editor.undo();
    editor.setAttribute({ElementType::Document, "", "title"}, "T2"); // saved state now unreachable
    editor.undo();
    CHECK(editor.isModified());
}

TEST_CASE("a flow's own targets are set and cleared as one undo step each") {
    Editor editor = makeEditor();
    const std::string original = writeDocument(editor.document());
    const AttributeRef availability{ElementType::Flow, "order", "availability"};
    const AttributeRef p99{ElementType::Flow, "order", "p99_ms"};
    CHECK(getAttribute(editor.document(), availability).is_null());

    REQUIRE(editor.setAttribute(availability, 0.9995).ok());
    CHECK(editor.document().flow("order")->availability == std::optional<double>(0.9995));
    CHECK(editor.history().size() == 1);
    REQUIRE(editor.setAttribute(p99, 120).ok());
    CHECK(editor.document().flow("order")->p99_ms == std::optional<double>(120));
    CHECK(editor.history().size() == 2);
    const std::string withTargets = writeDocument(editor.document());

    // Clearing hands the flow back to the design's target.
    REQUIRE(editor.setAttribute(availability, Json()).ok());
    CHECK_FALSE(editor.document().flow("order")->availability);
    CHECK(editor.history().size() == 3);
    CHECK(editor.document().flow("order")->p99_ms == std::optional<double>(120));
    // Clearing what is not set is no edit.
    REQUIRE(editor.setAttribute(availability, Json()).ok());
    CHECK(editor.history().size() == 3);

    editor.undo();
    CHECK(editor.document().flow("order")->availability == std::optional<double>(0.9995));
    CHECK(writeDocument(editor.document()) == withTargets);
    editor.undo();
    CHECK_FALSE(editor.document().flow("order")->p99_ms);
    editor.undo();
    CHECK(writeDocument(editor.document()) == original);
    editor.redo();
    editor.redo();
    CHECK(writeDocument(editor.document()) == withTargets);
}

TEST_CASE("a flow's targets out of range are refused and change nothing") {
    Editor editor = makeEditor();
    const Document before = editor.document();
    const AttributeRef availability{ElementType::Flow, "order", "availability"};
    const AttributeRef p99{ElementType::Flow, "order", "p99_ms"};
    CHECK_THAT(editor.setAttribute(availability, 1.5).error,
               Catch::Contains("between 0 and 1") && Catch::Contains("got 1.5"));
    CHECK_FALSE(editor.setAttribute(availability, 1).ok());
    CHECK_FALSE(editor.setAttribute(availability, 0).ok());
    CHECK_THAT(editor.setAttribute(availability, "0.999").error, Catch::Contains("a number"));
    CHECK_THAT(editor.setAttribute(p99, -3).error, Catch::Contains("greater than 0"));
    CHECK_THAT(editor.setAttribute(p99, 1e9).error, Catch::Contains("at most 86400000"));
    CHECK(editor.document() == before);
    CHECK_FALSE(editor.canUndo());

    // A new flow is held to the same rules.
    Flow f;
    f.entry = "client";
    f.availability = 99.9; // a percentage, not a fraction
    CHECK_THAT(editor.addFlow(f).error, Catch::Contains("availability"));
    f.availability = 0.999;
    f.p99_ms = 0;
    CHECK_THAT(editor.addFlow(f).error, Catch::Contains("p99"));
    f.p99_ms = 250;
    const auto added = editor.addFlow(f);
    REQUIRE(added.ok());
    CHECK(editor.document().flow(added.id)->p99_ms == std::optional<double>(250));
    CHECK(validateDocument(editor.document(), Catalogue::builtin()).empty());
}

TEST_CASE("routing a flow through a connection keeps every other flow's route") {
    Editor editor = makeEditor();
    // A read flow besides the write one: c2 carries writes only, by its ops.
    Flow browse;
    browse.id = "browse";
    browse.name = "Browse";
    browse.entry = "client";
    browse.op = "read";
    REQUIRE(editor.addFlow(browse).ok());
    const Document& d = editor.document();
    REQUIRE(carriesFlow(*d.connection("c2"), *d.flow("order")));
    REQUIRE_FALSE(carriesFlow(*d.connection("c2"), *d.flow("browse")));

    // Route the read flow through c2: the list names both, so the write flow keeps it.
    REQUIRE(editor.routeFlow("c2", "browse", true).ok());
    CHECK(d.connection("c2")->props.at("flows") == Json::array({"order", "browse"}));
    CHECK(editor.history().undoText() == "Route Browse through connection API \u2192 Orders DB");
    CHECK(carriesFlow(*d.connection("c2"), *d.flow("browse")));
    CHECK(carriesFlow(*d.connection("c2"), *d.flow("order")));

    // Take both off: an empty list carries no flow at all, not "every flow of its ops".
    REQUIRE(editor.routeFlow("c2", "order", false).ok());
    REQUIRE(editor.routeFlow("c2", "browse", false).ok());
    CHECK(d.connection("c2")->props.at("flows") == Json::array());
    CHECK_FALSE(carriesFlow(*d.connection("c2"), *d.flow("order")));
    CHECK(editor.history().undoText() == "Take Browse off connection API \u2192 Orders DB");

    // Asking for the route it already has is no step.
    const auto steps = editor.history().size();
    CHECK(editor.routeFlow("c2", "browse", false).ok());
    CHECK(editor.history().size() == steps);

    editor.undo();
    editor.undo();
    editor.undo();
    CHECK_FALSE(d.connection("c2")->props.contains("flows"));
    CHECK(editor.routeFlow("nope", "browse", true).error == "no connection \"nope\"");
    CHECK(editor.routeFlow("c2", "nope", true).error == "no flow \"nope\"");
}

TEST_CASE("a box is resized and fitted to its name again as one step each") {
    Editor editor = makeEditor();
    const Document& d = editor.document();
    REQUIRE(editor.resize("api", 240, 72).ok());
    CHECK(d.component("api")->width == 240);
    CHECK(d.component("api")->height == 72);
    CHECK(editor.history().undoText() == "Resize API");
    // Written to the file, and read back.
    const Json saved = Json::parse(writeDocument(d));
    CHECK(saved["components"][1]["width"] == 240);
    CHECK_FALSE(saved["components"][0].contains("width"));
    CHECK(test::load(saved.dump()).component("api")->height == 72);

    // Out of the limits: refused, nothing changes.
    CHECK_FALSE(editor.resize("api", 10, 72).ok());
    CHECK_FALSE(editor.resize("api", 240, 5000).ok());
    CHECK(d.component("api")->width == 240);

    REQUIRE(editor.resize("api", std::nullopt, std::nullopt).ok());
    CHECK_FALSE(d.component("api")->width);
    CHECK(editor.history().undoText() == "Fit API to its name");
    editor.undo();
    CHECK(d.component("api")->width == 240);
    editor.undo();
    CHECK_FALSE(d.component("api")->width);
    CHECK_FALSE(d.component("api")->height);
}

TEST_CASE("a snapshot is the document as it is, shared until the next change") {
    Editor editor = makeEditor();
    const auto first = editor.snapshot();
    CHECK(*first == editor.document());
    CHECK(editor.snapshot() == first); // the same copy while nothing changes

    // An observer that takes a snapshot while a change is being made must not leave that
    // half-made copy to be handed out afterwards.
    std::shared_ptr<const Document> duringChange;
    editor.addObserver(
        Editor::Observer{{}, [&](const Change&) { duringChange = editor.snapshot(); }, {}});

    std::mt19937 rng(7);
    int changed = 0;
    for (int i = 0; i < 300; ++i) {
        const auto before = editor.snapshot();
        const Document copyBefore = *before;
        switch (i % 10) {
        case 7:
            editor.undo();
            break;
        case 8:
            editor.redo();
            break;
        case 9: {
            Editor::Group group(editor, "Two at once");
            randomEdit(editor, rng);
            randomEdit(editor, rng);
            break;
        }
        default:
            randomEdit(editor, rng);
        }
        const auto after = editor.snapshot();
        INFO("step " << i);
        REQUIRE(*after == editor.document());
        CHECK(*before == copyBefore); // a copy handed out never changes
        if (!(copyBefore == editor.document())) {
            CHECK(after != before);
            ++changed;
        }
    }
    CHECK(changed > 150);

    // Replacing the whole document, and the practice clock, which is no undo step.
    editor.resetDocument(test::load(test::smallDesign().dump()));
    CHECK(*editor.snapshot() == editor.document());
    REQUIRE(editor.setPractice(newPracticeSession("chat", 30), "Start practice").ok());
    const auto beforeClock = editor.snapshot();
    editor.recordPracticeTime(0, 95);
    CHECK(editor.snapshot()->practice->phases[0].used_s == 95);
    CHECK(beforeClock->practice->phases[0].used_s == 0);
}
