// writeDocument writes the element lists an element at a time instead of building the tree
// of the whole document; these tests hold it to the bytes of that tree's text.
#include "archlens/model/document_io.h"
#include "archlens/model/json_text.h"
#include "support.h"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace archlens;

namespace {

std::string treeText(const Document& doc) {
    return jsonText(documentToJson(doc), 2) + "\n";
}

/// A design with every list long, every kind of member set and text that needs escaping.
Document busyDocument(int n) {
    Document doc;
    doc.title = "Busy \"design\"\twith\\escapes and ünïcode";
    doc.hasRequirements = true;
    doc.requirements.availability = 0.999;
    doc.requirements.p99_ms = 250.5;
    doc.requirements.extra["budget"] = {{"nested", {1, 2.5, "three", nullptr, true}}};
    for (int z = 0; z < 3; ++z)
        doc.zones.push_back({"z" + std::to_string(z), "r1", 0.9995, Json::object()});
    for (int i = 0; i < n; ++i) {
        Component c;
        c.id = "c" + std::to_string(i);
        c.kind = i % 2 ? "service" : "cache";
        c.name = "Box\n" + std::to_string(i);
        c.x = i * 1.5;
        c.y = -i / 3.0;
        c.props = {{"instances", 1 + i % 4}, {"zones", {"z" + std::to_string(i % 3)}}};
        if (i % 5 == 0) c.extra["future"] = {{"a", i}, {"b", Json::array()}};
        if (i % 7 == 0) c.width = 180.25;
        doc.components.push_back(std::move(c));
    }
    for (int i = 1; i < n; ++i) {
        Connection k{"k" + std::to_string(i), "c" + std::to_string(i - 1), "c" + std::to_string(i),
                     i % 3 ? ConnectionMode::Sync : ConnectionMode::Async};
        if (i % 2) k.props = {{"calls", 0.5}, {"retries", 2}};
        doc.connections.push_back(std::move(k));
    }
    doc.flows.push_back({"f1", "Read", "c0", "read", 120.0, 0.99, std::nullopt, Json::object()});
    doc.notes.push_back({"n1", "A note / with \x01 a control", 10, 20, Json::object()});
    doc.acknowledgements.push_back({"single-point-of-failure", {"c1"}, "accepted", Json::object()});
    doc.extra["zz_unknown"] = {{"kept", true}};
    return doc;
}

} // namespace

TEST_CASE("writeDocument: the bytes of the whole tree's text, for every design in the repository") {
    const auto root = test::resourcesDir().parent_path();
    int designs = 0;
    for (const auto& folder : {root / "resources", root / "tests" / "analysis" / "designs"})
        for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
            if (entry.path().extension() != ".archlens") continue;
            auto result = readDocumentFile(entry.path(), Catalogue::builtin());
            if (!result.ok()) continue;
            INFO(entry.path().string());
            CHECK(writeDocument(*result.document) == treeText(*result.document));
            ++designs;
        }
    CHECK(designs >= 60);
}

TEST_CASE("writeDocument: the bytes of the whole tree's text, on a large design built in code") {
    const Document doc = busyDocument(3000);
    const std::string text = writeDocument(doc);
    CHECK(text == treeText(doc));
    CHECK(text.size() > 300000);
}

TEST_CASE("writeDocument: empty lists, one element, and unknown members named like a list") {
    Document empty;
    CHECK(writeDocument(empty) == treeText(empty));
    CHECK(writeDocument(empty).find("\"components\": []") != std::string::npos);

    Document one = busyDocument(1);
    CHECK(one.connections.empty());
    CHECK(writeDocument(one) == treeText(one));

    // A document built in code may hold an unknown member of a list's name; it replaces the
    // list in place, as it replaces any known member.
    Document odd = busyDocument(4);
    odd.extra["components"] = {{"not", "a list"}};
    odd.extra["notes"] = nullptr;
    const std::string text = writeDocument(odd);
    CHECK(text == treeText(odd));
    CHECK(text.find("\"notes\": null") != std::string::npos);
    CHECK(text.find("\"c1\"") != std::string::npos); // still named by the connections
    CHECK(text.find("\"Box") == std::string::npos);  // but no component is written
}
