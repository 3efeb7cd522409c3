#include "archlens/layout/align.h"
#include "layout/layout_helpers.h"

#include <catch2/catch.hpp>

using namespace archlens;
using archlens::test::component;

namespace {

/// Components a (0,0), b (300,40), c (100,200); note n (50,100), 200 x 60.
Document design() {
    Document doc;
    doc.components = {component("a", {}, 0, 0), component("b", {}, 300, 40),
                      component("c", {}, 100, 200)};
    doc.notes.push_back(Note{"n", "text", 50, 100, Json::object()});
    return doc;
}

std::map<std::string, std::pair<double, double>> byId(const std::vector<Editor::Position>& ps) {
    std::map<std::string, std::pair<double, double>> out;
    for (const auto& p : ps)
        out[p.ref.id] = {p.x, p.y};
    return out;
}

} // namespace

TEST_CASE("align lines up edges and centres of the selection's bounding box") {
    const Document doc = design();
    const std::vector<std::string> ids = {"a", "b", "n"};
    // Bounding box: left 0, right 484 (b), top 0, bottom 164 (n, a note being 64 high).
    using P = std::pair<double, double>;
    auto left = byId(align(doc, ids, AlignEdge::Left));
    CHECK(left["a"] == P{0, 0});
    CHECK(left["b"] == P{0, 40});
    CHECK(left["n"] == P{0, 100});
    auto right = byId(align(doc, ids, AlignEdge::Right));
    CHECK(right["a"] == P{300, 0});
    CHECK(right["b"] == P{300, 40});
    CHECK(right["n"] == P{284, 100});
    auto hcenter = byId(align(doc, ids, AlignEdge::HCenter));
    CHECK(hcenter["a"] == P{150, 0});
    CHECK(hcenter["n"] == P{142, 100});
    auto top = byId(align(doc, ids, AlignEdge::Top));
    CHECK(top["b"] == P{300, 0});
    CHECK(top["n"] == P{50, 0});
    auto bottom = byId(align(doc, ids, AlignEdge::Bottom));
    CHECK(bottom["a"] == P{0, 108});
    CHECK(bottom["n"] == P{50, 100});
    auto vcenter = byId(align(doc, ids, AlignEdge::VCenter));
    CHECK(vcenter["a"] == P{0, 54});
    CHECK(vcenter["n"] == P{50, 50});
}

TEST_CASE("align returns the selection in order, with the right element types") {
    const auto positions = align(design(), {"n", "ghost", "a", "n"}, AlignEdge::Left);
    REQUIRE(positions.size() == 2);
    CHECK(positions[0].ref.id == "n");
    CHECK(positions[0].ref.type == ElementType::Note);
    CHECK(positions[1].ref.id == "a");
    CHECK(positions[1].ref.type == ElementType::Component);
    CHECK(align(design(), {}, AlignEdge::Top).empty());
}

TEST_CASE("distribute makes equal gaps, first and last staying put") {
    Document doc;
    doc.components = {component("a", {}, 0, 10), component("b", {}, 1000, 20),
                      component("c", {}, 100, 30), component("d", {}, 150, 40)};
    using P = std::pair<double, double>;
    // Span 0..1184, boxes 4 x 184 = 736, so three gaps of (1184 - 736) / 3 = 149.33...
    auto h = byId(distribute(doc, {"b", "a", "c", "d"}, Axis::Horizontal));
    CHECK(h["a"] == P{0, 10});
    CHECK(h["b"] == P{1000, 20});
    CHECK(h["c"].first == Approx(184 + 448.0 / 3));
    CHECK(h["c"].second == 30);
    CHECK(h["d"].first == Approx(2 * 184 + 2 * 448.0 / 3));
    CHECK(h["d"].second == 40);

    Document column;
    column.components = {component("a", {}, 5, 0), component("b", {}, 6, 56),
                         component("c", {}, 7, 400)};
    // Span 0..456, boxes 3 x 56, gaps (456 - 168) / 2 = 144.
    auto v = byId(distribute(column, {"a", "b", "c"}, Axis::Vertical));
    CHECK(v["a"] == P{5, 0});
    CHECK(v["b"] == P{6, 200});
    CHECK(v["c"] == P{7, 400});
}

TEST_CASE("distribute leaves two boxes alone and mixes notes in") {
    Document doc;
    doc.components = {component("a", {}, 0, 0), component("b", {}, 500, 0)};
    using P = std::pair<double, double>;
    auto two = byId(distribute(doc, {"a", "b"}, Axis::Horizontal));
    CHECK(two["a"] == P{0, 0});
    CHECK(two["b"] == P{500, 0});
    doc.notes.push_back(Note{"n", "", 100, 0, Json::object()});
    // Span 0..684, boxes 184 + 200 + 184 = 568, gaps 58.
    auto three = byId(distribute(doc, {"a", "b", "n"}, Axis::Horizontal));
    CHECK(three["n"] == P{242, 0});
}
