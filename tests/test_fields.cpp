// The field table (fields.h) is the one description of built-in fields: an edit the editor
// accepts saves and opens again, a value a file may not hold the editor refuses, and a
// value typed back to what it was leaves no undo step.
#include "support.h"

#include "archlens/model/editor.h"
#include "archlens/model/fields.h"
#include "archlens/model/validation.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using namespace archlens;

namespace {

/// Values of every shape, including those no JSON file can hold (infinity, NaN), which a
/// value typed or pasted into the inspector can be.
std::vector<Json> probeValues() {
    const double inf = std::numeric_limits<double>::infinity();
    return {Json(),        Json(0),       Json(-5),           Json(0.5),    Json(1),
            Json(2),       Json(1.5),     Json(1000),         Json(1e9),    Json(1e10),
            Json(inf),     Json(-inf),    Json(std::nan("")), Json(1e300),  Json(4294967297LL),
            Json("api"),   Json("db"),    Json("nowhere"),    Json("read"), Json("write"),
            Json("sync"),  Json("async"), Json("cache"),      Json(""),     Json(true),
            Json::array(), Json::object()};
}

/// The id of the first element of a type in the small design ("" for the document).
std::string firstId(const Document& d, ElementType type) {
    switch (type) {
    case ElementType::Zone:
        return d.zones.at(0).id;
    case ElementType::Component:
        return d.components.at(0).id;
    case ElementType::Connection:
        return d.connections.at(0).id;
    case ElementType::Flow:
        return d.flows.at(0).id;
    case ElementType::Note:
        return d.notes.at(0).id;
    case ElementType::Document:
        return {};
    }
    return {};
}

} // namespace

TEST_CASE("whatever the editor accepts into a field saves and opens again") {
    const Document start = test::load(test::smallDesign().dump());
    int accepted = 0, refused = 0;
    for (ElementType type : {ElementType::Document, ElementType::Zone, ElementType::Component,
                             ElementType::Connection, ElementType::Flow, ElementType::Note}) {
        for (const FieldInfo& field : fieldsOf(type)) {
            for (const Json& value : probeValues()) {
                Editor editor(Catalogue::builtin(), start);
                const AttributeRef ref{type, firstId(start, type), std::string(field.name)};
                INFO(toString(type) << " " << field.name << " = " << value.dump());
                if (!editor.setAttribute(ref, value).ok()) {
                    ++refused;
                    CHECK(editor.document() == start); // a refusal changes nothing
                    continue;
                }
                ++accepted;
                const LoadResult reopened =
                    readDocument(writeDocument(editor.document()), Catalogue::builtin());
                CHECK(test::describe(reopened.problems) == "");
                if (reopened.ok()) CHECK(*reopened.document == editor.document());
            }
        }
    }
    // Both outcomes are exercised, so the loop above cannot pass by refusing everything.
    CHECK(accepted > 40);
    CHECK(refused > 100);
}

TEST_CASE("an infinite or non-number rate is refused by the editor, as by a file") {
    Editor editor(Catalogue::builtin(), test::load(test::smallDesign().dump()));
    const std::string flow = editor.document().flows.at(0).id;
    const double inf = std::numeric_limits<double>::infinity();
    for (const Json& bad : {Json(inf), Json(std::nan("")), Json(0), Json(2e9), Json("fast")}) {
        const EditResult r = editor.setAttribute({ElementType::Flow, flow, "rate_rps"}, bad);
        INFO(bad.dump());
        CHECK_FALSE(r.ok());
    }
    CHECK_FALSE(editor.canUndo());

    Flow f;
    f.entry = editor.document().components.at(0).id;
    f.rate_rps = inf;
    CHECK_THAT(editor.addFlow(f).error, Catch::Contains("rate_rps must be a finite number"));
}

TEST_CASE("every field is described for people and its range matches its check") {
    for (ElementType type : {ElementType::Document, ElementType::Zone, ElementType::Component,
                             ElementType::Connection, ElementType::Flow, ElementType::Note}) {
        for (const FieldInfo& f : fieldsOf(type)) {
            INFO(f.name);
            CHECK(f.element == type);
            CHECK_FALSE(f.label.empty());
            CHECK_FALSE(f.help.empty());
            CHECK(findField(type, f.name) == &f);
            // A bound the table states is the bound the check holds to.
            auto number = [&](double v) {
                return f.type == FieldType::Integer ? Json(static_cast<long long>(v)) : Json(v);
            };
            if (f.min && (f.type == FieldType::Number || f.type == FieldType::Integer)) {
                CHECK(checkField(f, number(*f.min)).has_value() == f.exclusiveMin);
                CHECK(checkField(f, number(*f.min - 1)).has_value());
            }
            if (f.max && (f.type == FieldType::Number || f.type == FieldType::Integer)) {
                CHECK(checkField(f, number(*f.max)).has_value() == f.exclusiveMax);
                CHECK(checkField(f, number(*f.max * 2 + 1)).has_value());
            }
        }
    }
    CHECK(findField(ElementType::Flow, "colour") == nullptr);
    CHECK(findField(ElementType::Flow, "rate_rps")->unit == "req/s");
}

TEST_CASE("a value typed back to what it was leaves no undo step and no modified mark") {
    Editor editor(Catalogue::builtin(), test::load(test::smallDesign().dump()));
    const std::string flow = editor.document().flows.at(0).id;
    const AttributeRef rate{ElementType::Flow, flow, "rate_rps"};
    const Json original = getAttribute(editor.document(), rate);
    const std::string saved = writeDocument(editor.document());
    REQUIRE_FALSE(editor.isModified());

    // Typing "4", "40", then back to the original value, as one stream of keystrokes.
    REQUIRE(editor.setAttribute(rate, 4, "typing").ok());
    REQUIRE(editor.setAttribute(rate, 40, "typing").ok());
    CHECK(editor.isModified());
    REQUIRE(editor.setAttribute(rate, original, "typing").ok());
    CHECK_FALSE(editor.canUndo());
    CHECK_FALSE(editor.isModified());
    CHECK(writeDocument(editor.document()) == saved);

    // A property typed back to its original: the same, and the object's key order holds.
    const std::string api = editor.document().components.at(1).id;
    const AttributeRef instances{ElementType::Component, api, "props.instances"};
    const Json was = getAttribute(editor.document(), instances);
    REQUIRE(editor.setAttribute(instances, 7, "typing-2").ok());
    REQUIRE(editor.setAttribute(instances, was, "typing-2").ok());
    CHECK_FALSE(editor.canUndo());
    CHECK_FALSE(editor.isModified());
    CHECK(writeDocument(editor.document()) == saved);

    // An earlier step stays: only the stream that came back to its start goes.
    const std::string flowName = editor.document().flow(flow)->name;
    REQUIRE(editor.setAttribute({ElementType::Flow, flow, "name"}, "Renamed").ok());
    REQUIRE(editor.setAttribute(rate, 9, "typing-3").ok());
    REQUIRE(editor.setAttribute(rate, original, "typing-3").ok());
    CHECK(editor.canUndo());
    CHECK(editor.history().undoText() == "Rename " + flowName);
    CHECK(editor.isModified());
}
