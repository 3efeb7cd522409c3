// Look-ups by id that stay fast in large documents (IdIndex, elementRow), and the edits
// built on them: a move of thousands of elements as one step, attribute edits by row.
#include "archlens/model/editor.h"
#include "archlens/model/id_index.h"

#include <catch2/catch.hpp>

using namespace archlens;

namespace {

/// `n` components "c0".."c<n-1>" in a row, each connected to the next.
Document lineOf(int n) {
    Document doc;
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = "c" + std::to_string(i);
        c.kind = "app_service";
        c.name = "Service " + std::to_string(i);
        c.x = 30.0 * i;
        doc.components.push_back(c);
        if (i > 0) {
            Connection k;
            k.id = "k" + std::to_string(i);
            k.from = "c" + std::to_string(i - 1);
            k.to = c.id;
            doc.connections.push_back(k);
        }
    }
    Note note;
    note.id = "n1";
    note.text = "a note";
    doc.notes.push_back(note);
    return doc;
}

} // namespace

TEST_CASE("the id index finds every element's row, and none for unknown ids") {
    const Document doc = lineOf(500);
    IdIndex index;
    for (int i = 0; i < 500; ++i)
        CHECK(index.row(doc, ElementType::Component, "c" + std::to_string(i)) == i);
    CHECK(index.row(doc, ElementType::Connection, "k1") == 0);
    CHECK(index.row(doc, ElementType::Connection, "k499") == 498);
    CHECK(index.row(doc, ElementType::Note, "n1") == 0);
    CHECK(index.row(doc, ElementType::Component, "k1") == -1); // a connection's id
    CHECK(index.row(doc, ElementType::Component, "c500") == -1);
    CHECK(index.row(doc, ElementType::Document, "c1") == -1);
}

TEST_CASE("the id index stays right when the vectors change behind its back") {
    Document doc = lineOf(200);
    IdIndex index;
    REQUIRE(index.row(doc, ElementType::Component, "c150") == 150);
    // An insert at the front moves every row down by one.
    Component first;
    first.id = "front";
    first.kind = "cache";
    doc.components.insert(doc.components.begin(), first);
    for (int round = 0; round < 3; ++round) // answers stay right before and after rebuilding
        for (int i : {0, 1, 99, 150, 199})
            CHECK(index.row(doc, ElementType::Component, "c" + std::to_string(i)) == i + 1);
    CHECK(index.row(doc, ElementType::Component, "front") == 0);
    // A removal, and two elements swapped in place.
    doc.components.erase(doc.components.begin() + 51); // "c50"
    std::swap(doc.components[10], doc.components[20]);
    CHECK(index.row(doc, ElementType::Component, "c50") == -1);
    CHECK(index.row(doc, ElementType::Component, "c51") == 51);
    CHECK(index.row(doc, ElementType::Component, "c9") == 20);
    CHECK(index.row(doc, ElementType::Component, "c19") == 10);
    CHECK(index.row(doc, ElementType::Component, "c199") == 199);
    doc.components.clear();
    CHECK(index.row(doc, ElementType::Component, "c1") == -1);
}

TEST_CASE("a row hint is used only when the element there has the id") {
    const Document doc = lineOf(100);
    CHECK(elementRow(doc, ElementType::Component, "c42", 42) == 42);
    CHECK(elementRow(doc, ElementType::Component, "c42", 7) == 42);    // wrong hint
    CHECK(elementRow(doc, ElementType::Component, "c42", 4000) == 42); // out of range
    CHECK(elementRow(doc, ElementType::Component, "c42") == 42);
    CHECK(elementRow(doc, ElementType::Component, "zz", 3) == -1);
    CHECK(elementRow(doc, ElementType::Note, "n1", 0) == 0);
}

TEST_CASE("moving thousands of components is one step, undone and redone exactly") {
    Editor editor(Catalogue::builtin(), lineOf(5000));
    std::vector<Editor::Position> positions;
    for (const Component& c : editor.document().components)
        positions.push_back({{ElementType::Component, c.id}, c.x + 8, c.y - 16});
    positions.push_back({{ElementType::Note, "n1"}, 40, 50});
    std::vector<Change> seen;
    editor.addObserver(Editor::Observer{{}, [&](const Change& c) { seen.push_back(c); }, {}});
    const Document before = editor.document();

    REQUIRE(editor.move(positions).ok());
    CHECK(editor.history().undoText() == "Move 5001 items");
    const Document& doc = editor.document();
    for (size_t i = 0; i < 5000; i += 499) {
        CHECK(doc.components[i].x == 30.0 * double(i) + 8);
        CHECK(doc.components[i].y == -16);
    }
    CHECK(doc.notes[0].x == 40);
    // Each element reported as an update of x and of y, at its row.
    REQUIRE(seen.size() == 2 * 5001);
    CHECK(seen[2 * 1234].id == "c1234");
    CHECK(seen[2 * 1234].index == 1234);
    CHECK(seen[2 * 1234].attribute == "x");
    CHECK(seen[2 * 1234 + 1].attribute == "y");
    CHECK(seen.back().type == ElementType::Note);

    editor.undo();
    CHECK(editor.document() == before);
    editor.redo();
    CHECK(editor.document().components[4999].x == 30.0 * 4999 + 8);
    CHECK(editor.document().notes[0].y == 50);
}

TEST_CASE("a move naming an unknown element or a bad coordinate changes nothing") {
    Editor editor(Catalogue::builtin(), lineOf(100));
    const Document before = editor.document();
    CHECK_FALSE(editor
                    .move({{{ElementType::Component, "c1"}, 5, 5},
                           {{ElementType::Component, "nope"}, 5, 5}})
                    .ok());
    CHECK_FALSE(editor.move({{{ElementType::Connection, "k1"}, 5, 5}}).ok());
    CHECK_FALSE(editor.move({{{ElementType::Component, "c1"}, 1e300, 5}}).ok());
    CHECK(editor.document() == before);
    CHECK_FALSE(editor.canUndo());
}

TEST_CASE("attribute edits find their element after rows moved") {
    Editor editor(Catalogue::builtin(), lineOf(300));
    REQUIRE(editor.setAttribute({ElementType::Component, "c250", "name"}, "Renamed").ok());
    CHECK(editor.document().components[250].name == "Renamed");
    // Removing an earlier component moves c250 to row 249: edits and undo still find it.
    REQUIRE(editor.removeElements({{ElementType::Component, "c10"}}).ok());
    REQUIRE(editor.setAttribute({ElementType::Component, "c250", "props.instances"}, 3).ok());
    CHECK(editor.document().components[249].id == "c250");
    CHECK(editor.document().components[249].props.at("instances") == 3);
    editor.undo(); // the instances
    CHECK_FALSE(editor.document().components[249].props.contains("instances"));
    editor.undo(); // the removal
    editor.undo(); // the rename
    CHECK(editor.document().components[250].name == "Service 250");
}

TEST_CASE("an attribute set on thousands of components is one step") {
    Editor editor(Catalogue::builtin(), lineOf(3000));
    std::vector<AttributeRef> refs;
    for (const Component& c : editor.document().components)
        refs.push_back({ElementType::Component, c.id, "props.instances"});
    REQUIRE(editor.setAttributes(refs, 2).ok());
    CHECK(editor.history().undoText() == "Change instances of 3000 items");
    CHECK(editor.document().components[2999].props.at("instances") == 2);
    editor.undo();
    CHECK_FALSE(editor.document().components[1500].props.contains("instances"));
}
