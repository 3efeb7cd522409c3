// The example designs shipped with the program: each loads, and round-trips exactly.
#include "support.h"

#include "archlens/model/file_io.h"

#include <catch2/catch.hpp>

using namespace archlens;

TEST_CASE("there are the five example designs") {
    const auto paths = test::examplePaths();
    CHECK(paths.size() >= 5);
    for (const char* name : {"url-shortener", "chat-system", "video-platform", "ride-matching",
                             "ecommerce-checkout"}) {
        INFO(name);
        CHECK(std::filesystem::exists(test::resourcesDir() / "examples" /
                                      (std::string(name) + ".archlens")));
    }
}

TEST_CASE("every example loads and round-trips byte for byte") {
    for (const auto& path : test::examplePaths()) {
        INFO(path.string());
        auto result = readDocumentFile(path, Catalogue::builtin());
        INFO(test::describe(result.problems));
        REQUIRE(result.ok());
        const Document& d = *result.document;
        CHECK(d.components.size() >= 8);
        CHECK_FALSE(d.flows.empty());
        CHECK_FALSE(d.zones.empty());
        CHECK(d.requirements.availability.has_value());
        const std::string saved = writeDocument(d);
        CHECK(writeDocument(test::load(saved)) == saved);
        // The shipped file is itself in canonical form, so opening and saving an example
        // shows no spurious difference.
        std::string original, error;
        REQUIRE(readTextFile(path, original, error));
        CHECK(saved == original);
    }
}
