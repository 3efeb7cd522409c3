#include "archlens/layout/auto_layout.h"
#include "layout/layout_helpers.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace archlens;
using archlens::test::boxesOf;
using archlens::test::component;
using archlens::test::connection;
using archlens::test::firstOverlap;

namespace {

bool onGrid(double v) {
    return std::fmod(v, kLayoutGrid) == 0;
}

Box boundsOf(const std::vector<Box>& boxes) {
    Box out = boxes.front();
    for (const auto& b : boxes) {
        const double right = std::max(out.right(), b.right());
        const double bottom = std::max(out.bottom(), b.bottom());
        out.x = std::min(out.x, b.x);
        out.y = std::min(out.y, b.y);
        out.width = right - out.x;
        out.height = bottom - out.y;
    }
    return out;
}

/// Three zones in two regions, four components each, called in a chain across zones.
Document zonedDesign() {
    Document doc;
    doc.zones = {{"a1", "east", 0.999, Json::object()},
                 {"a2", "east", 0.999, Json::object()},
                 {"b1", "west", 0.999, Json::object()}};
    doc.components.push_back(component("client"));
    const std::vector<std::string> zones = {"a1", "a2", "b1"};
    for (const auto& z : zones)
        for (int i = 0; i < 4; ++i)
            doc.components.push_back(component(z + "_" + std::to_string(i), {z, "a1"}));
    doc.connections.push_back(connection("client", "a1_0"));
    for (const auto& z : zones)
        for (int i = 0; i + 1 < 4; ++i)
            doc.connections.push_back(
                connection(z + "_" + std::to_string(i), z + "_" + std::to_string(i + 1)));
    doc.connections.push_back(connection("a1_3", "a2_0"));
    doc.connections.push_back(connection("a2_1", "b1_0", ConnectionMode::Async));
    doc.connections.push_back(connection("b1_3", "a1_2", ConnectionMode::Replication));
    return doc;
}

} // namespace

TEST_CASE("a chain is laid out left to right on the grid") {
    Document doc;
    doc.components = {component("a", {}, 98, 101), component("b", {}, 98, 300),
                      component("c", {}, 98, 500)};
    doc.connections = {connection("a", "b"), connection("b", "c")};
    const auto positions = autoLayout(doc);
    REQUIRE(positions.size() == 3);
    auto boxes = boxesOf(positions);
    CHECK(boxes["a"].x < boxes["b"].x);
    CHECK(boxes["b"].x < boxes["c"].x);
    // One layer apart: a box width plus the rank gap (184 + 80), already on the grid.
    CHECK(boxes["b"].x - boxes["a"].x == 264);
    CHECK(boxes["a"].y == boxes["b"].y);
    for (const auto& p : positions) {
        CHECK(p.ref.type == ElementType::Component);
        CHECK(onGrid(p.x));
        CHECK(onGrid(p.y));
    }
    // The drawing starts where the old one started.
    CHECK(boxes["a"].x == 96);  // 98 snapped to the 8 px grid
    CHECK(boxes["a"].y == 104); // 101 likewise
}

TEST_CASE("the layout starts at the old top-left corner, snapped to the grid") {
    Document doc;
    doc.components = {component("a", {}, 1003, 2000), component("b", {}, 5000, 499)};
    doc.connections = {connection("a", "b")};
    const auto boxes = boxesOf(autoLayout(doc));
    CHECK(boxes.at("a").x == 1000);
    CHECK(std::min(boxes.at("a").y, boxes.at("b").y) == 496);
    CHECK(boxes.at("b").x == 1264);
}

TEST_CASE("components of one zone stay together, apart from other zones") {
    const Document doc = zonedDesign();
    const auto positions = autoLayout(doc);
    REQUIRE(positions.size() == doc.components.size());
    const auto boxes = boxesOf(positions);
    CHECK(firstOverlap(boxes).empty());
    std::map<std::string, std::vector<Box>> byZone;
    for (const auto& [id, box] : boxes)
        if (id != "client") byZone[id.substr(0, 2)].push_back(box);
    REQUIRE(byZone.size() == 3);
    for (const auto& [zone, members] : byZone) {
        const Box bounds = boundsOf(members);
        INFO("zone " << zone);
        // No box of another zone (or the zoneless client) inside this zone's region.
        for (const auto& [id, box] : boxes)
            if (id.substr(0, 2) != zone) CHECK_FALSE(overlaps(bounds, box));
        for (const auto& [other, otherMembers] : byZone)
            if (other != zone) CHECK_FALSE(overlaps(bounds, boundsOf(otherMembers)));
    }
}

TEST_CASE("zones can be ignored") {
    LayoutOptions options;
    options.keepZonesTogether = false;
    const auto positions = autoLayout(zonedDesign(), options);
    CHECK(positions.size() == 13);
    CHECK(firstOverlap(boxesOf(positions)).empty());
}

TEST_CASE("automatic layout is deterministic") {
    const Document doc = zonedDesign();
    AutoLayout engine;
    const auto first = engine.layout(doc);
    const auto again = engine.layout(doc);
    const auto fresh = autoLayout(doc);
    REQUIRE(first.size() == again.size());
    REQUIRE(first.size() == fresh.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(first[i].ref.id == again[i].ref.id);
        CHECK(first[i].x == again[i].x);
        CHECK(first[i].y == again[i].y);
        CHECK(first[i].x == fresh[i].x);
        CHECK(first[i].y == fresh[i].y);
    }
}

TEST_CASE("notes keep their place and only components move") {
    Document doc;
    doc.components = {component("a"), component("b")};
    doc.connections = {connection("a", "b")};
    Note note;
    note.id = "n1";
    note.x = 7;
    note.y = 9;
    doc.notes = {note};
    const auto positions = autoLayout(doc);
    REQUIRE(positions.size() == 2);
    CHECK(positions[0].ref.id == "a");
    CHECK(positions[1].ref.id == "b");
}

TEST_CASE("odd documents lay out without failing") {
    AutoLayout engine;
    SECTION("nothing to lay out") {
        CHECK(engine.layout(Document{}).empty());
        Document notesOnly;
        notesOnly.notes.push_back(Note{"n", "text", 0, 0, Json::object()});
        CHECK(engine.layout(notesOnly).empty());
    }
    SECTION("self-loops, dangling and repeated connections, cycles") {
        Document doc;
        doc.components = {component("a"), component("b"), component("c")};
        doc.connections = {
            connection("a", "a"),     connection("a", "ghost"),
            connection("ghost", "b"), connection("a", "b"),
            connection("a", "b"),     connection("b", "c"),
            connection("c", "a"),     connection("b", "a", ConnectionMode::Replication)};
        const auto boxes = boxesOf(engine.layout(doc));
        CHECK(boxes.size() == 3);
        CHECK(firstOverlap(boxes).empty());
        CHECK(boxes.at("a").x < boxes.at("b").x);
    }
    SECTION("repeated ids and unknown or malformed zones") {
        Document doc;
        doc.components = {component("a", {"nowhere"}), component("a"), component("b")};
        doc.components[2].props["zones"] = "not a list";
        doc.zones = {{"z", "", 1, Json::object()}, {"z", "r", 1, Json::object()}};
        doc.components.push_back(component("c", {"z"}));
        const auto positions = engine.layout(doc);
        REQUIRE(positions.size() == 3);
        CHECK(positions[0].ref.id == "a");
        CHECK(positions[1].ref.id == "b");
        CHECK(positions[2].ref.id == "c");
    }
    SECTION("ids that Graphviz would read as syntax") {
        Document doc;
        doc.components = {component("a -> b; }"), component("\"quoted\""), component("")};
        doc.connections = {connection("a -> b; }", "\"quoted\""), connection("\"quoted\"", "")};
        const auto boxes = boxesOf(engine.layout(doc));
        REQUIRE(boxes.size() == 3);
        CHECK(boxes.at("a -> b; }").x < boxes.at("\"quoted\"").x);
        CHECK(boxes.at("\"quoted\"").x < boxes.at("").x);
    }
    SECTION("two thousand components in zones") {
        Document doc;
        doc.zones = {{"z0", "r", 1, Json::object()}, {"z1", "r", 1, Json::object()}};
        for (int i = 0; i < 2000; ++i) {
            doc.components.push_back(
                component("c" + std::to_string(i), {"z" + std::to_string(i % 2)}));
            if (i >= 10)
                doc.connections.push_back(
                    connection("c" + std::to_string(i / 10), "c" + std::to_string(i)));
        }
        const auto positions = engine.layout(doc);
        CHECK(positions.size() == 2000);
        for (const auto& p : positions) {
            CHECK(onGrid(p.x));
            CHECK(onGrid(p.y));
        }
    }
}

TEST_CASE("every example lays out without overlaps") {
    AutoLayout engine;
    for (const auto& path : archlens::test::examplePaths()) {
        INFO(path.filename().string());
        auto loaded = readDocumentFile(path, Catalogue::builtin());
        REQUIRE(loaded.ok());
        const auto positions = engine.layout(*loaded.document);
        CHECK(positions.size() == loaded.document->components.size());
        CHECK(firstOverlap(boxesOf(positions)).empty());
        CHECK(engine.messages().empty());
    }
}

TEST_CASE("boxes of different sizes are laid out by their own size") {
    // The canvas widens a box to fit a long name; the layout must make room for it.
    Document doc;
    doc.components = {component("a"), component("wide"), component("tall"), component("c")};
    doc.connections = {connection("a", "wide"), connection("a", "tall"), connection("wide", "c"),
                       connection("tall", "c")};
    LayoutOptions options;
    options.componentSize = [](const Component& c) {
        if (c.id == "wide") return std::pair{400.0, 56.0};
        if (c.id == "tall") return std::pair{184.0, 160.0};
        return std::pair{184.0, 56.0};
    };
    const auto positions = autoLayout(doc, options);
    std::map<std::string, Box> boxes;
    for (const auto& p : positions) {
        const auto [w, h] = options.componentSize(*doc.component(p.ref.id));
        boxes[p.ref.id] = {p.x, p.y, w, h};
    }
    CHECK(firstOverlap(boxes).empty());
    // The layer after the wide box starts a rank gap after its right edge, not after 184.
    CHECK(boxes["c"].x >= boxes["wide"].right() + 80 - kLayoutGrid);
    CHECK(placedBox(doc, "wide", options)->box.width == 400);
}
