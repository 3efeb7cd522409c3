// A failed save must leave the previous file exactly as it was.
#include "support.h"

#include "archlens/model/file_io.h"

#include <catch2/catch.hpp>
#include <csignal>
#include <sys/resource.h>

using namespace archlens;
namespace fs = std::filesystem;

namespace {
fs::path freshDir(const char* name) {
    fs::path dir = fs::temp_directory_path() /
                   (std::string("archlens-test-") + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string contents(const fs::path& p) {
    std::string text, error;
    REQUIRE(readTextFile(p, text, error));
    return text;
}

size_t fileCount(const fs::path& dir) {
    return static_cast<size_t>(
        std::distance(fs::directory_iterator(dir), fs::directory_iterator{}));
}
} // namespace

TEST_CASE("saving writes the document and replaces the old file") {
    const fs::path dir = freshDir("save");
    const fs::path file = dir / "design.archlens";
    Document d = test::load(test::smallDesign().dump());
    REQUIRE(writeDocumentFile(file, d).empty());
    d.title = "Changed";
    REQUIRE(writeDocumentFile(file, d).empty());
    CHECK(test::load(contents(file)).title == "Changed");
    CHECK(fileCount(dir) == 1); // no temporary left behind
    fs::remove_all(dir);
}

TEST_CASE("a save that fails mid-write leaves the old file intact") {
    const fs::path dir = freshDir("fail");
    const fs::path file = dir / "design.archlens";
    Document d = test::load(test::smallDesign().dump());
    REQUIRE(writeDocumentFile(file, d).empty());
    const std::string before = contents(file);

    // Make the write itself fail: a file-size limit below the new content's size. This
    // works even for root, unlike read-only permissions.
    d.title = std::string(100000, 'x');
    struct rlimit old {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &old) == 0);
    auto previous = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old;
    small.rlim_cur = 4096;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    const std::string error = writeDocumentFile(file, d);
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previous);

    CHECK_FALSE(error.empty());
    CHECK_THAT(error, Catch::Contains("design.archlens"));
    CHECK(contents(file) == before);
    CHECK(fileCount(dir) == 1);
    fs::remove_all(dir);
}

TEST_CASE("saving into a missing folder fails with a message") {
    Document d = test::load(test::smallDesign().dump());
    const std::string error = writeDocumentFile("/nonexistent-folder/x.archlens", d);
    CHECK_THAT(error, Catch::Contains("/nonexistent-folder/x.archlens"));
}
