// A failed save must leave the previous file exactly as it was.
#include "support.h"

#include "archlens/model/file_io.h"

#include <catch2/catch.hpp>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

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
    CHECK(fileCount(dir) == 1); // a first save has no previous version to keep
    d.title = "Changed";
    REQUIRE(writeDocumentFile(file, d).empty());
    CHECK(test::load(contents(file)).title == "Changed");
    CHECK(fileCount(dir) == 2); // the file and its previous version; no temporary left behind
    fs::remove_all(dir);
}

TEST_CASE("saving keeps the previous version as FILE~, one level deep") {
    const fs::path dir = freshDir("backup");
    const fs::path file = dir / "design.archlens";
    const fs::path backup = dir / "design.archlens~";
    Document d = test::load(test::smallDesign().dump());
    d.title = "One";
    REQUIRE(writeDocumentFile(file, d).empty());
    CHECK_FALSE(fs::exists(backup));
    d.title = "Two";
    REQUIRE(writeDocumentFile(file, d).empty());
    CHECK(test::load(contents(backup)).title == "One");
    d.title = "Three";
    REQUIRE(writeDocumentFile(file, d).empty());
    CHECK(test::load(contents(backup)).title == "Two");
    CHECK(test::load(contents(file)).title == "Three");
    CHECK(fileCount(dir) == 2);
    fs::remove_all(dir);
}

TEST_CASE("saving through a symbolic link writes its target and keeps the link") {
    const fs::path dir = freshDir("link");
    fs::create_directories(dir / "real");
    const fs::path target = dir / "real" / "design.archlens";
    const fs::path link = dir / "link.archlens";
    Document d = test::load(test::smallDesign().dump());
    d.title = "Before";
    REQUIRE(writeDocumentFile(target, d).empty());
    fs::create_symlink(fs::path("real") / "design.archlens", link); // relative, as people make them
    d.title = "After";
    REQUIRE(writeDocumentFile(link, d).empty());
    CHECK(fs::is_symlink(fs::symlink_status(link)));
    CHECK(test::load(contents(target)).title == "After");
    CHECK(test::load(contents(dir / "real" / "design.archlens~")).title == "Before");
    CHECK_FALSE(fs::exists(dir / "link.archlens~"));

    // A link to a file that does not exist yet creates it.
    const fs::path dangling = dir / "new-link.archlens";
    fs::create_symlink(dir / "real" / "new.archlens", dangling);
    REQUIRE(writeDocumentFile(dangling, d).empty());
    CHECK(fs::is_symlink(fs::symlink_status(dangling)));
    CHECK(test::load(contents(dir / "real" / "new.archlens")).title == "After");

    // A loop of links is an error, not a hang.
    fs::create_symlink(dir / "loop-b", dir / "loop-a");
    fs::create_symlink(dir / "loop-a", dir / "loop-b");
    CHECK_THAT(writeDocumentFile(dir / "loop-a", d),
               Catch::Contains("loop-a") && Catch::Contains(std::strerror(ELOOP)));
    fs::remove_all(dir);
}

TEST_CASE("a full disk is reported as such") {
    // /dev/full fails every write with ENOSPC, as a full disk does.
    const int fd = ::open("/dev/full", O_WRONLY);
    REQUIRE(fd >= 0);
    CHECK(writeAll(fd, std::string(100000, 'x')) == "No space left on device");
    ::close(fd);
}

TEST_CASE("a save into a folder that cannot take it leaves the old file and says why") {
    const fs::path dir = freshDir("readonly");
    const fs::path file = dir / "design.archlens";
    Document d = test::load(test::smallDesign().dump());
    REQUIRE(writeDocumentFile(file, d).empty());
    const std::string before = contents(file);
    d.title = "Lost";

    SECTION("a read-only folder") {
        if (::geteuid() != 0) {
            fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
            const std::string error = writeDocumentFile(file, d);
            fs::permissions(dir, fs::perms::owner_all);
            CHECK_THAT(error,
                       Catch::Contains(file.string()) && Catch::Contains("Permission denied"));
            CHECK(contents(file) == before);
        }
        // Root writes anywhere permissions allow nothing; /proc takes no new files at all.
        const std::string error = writeDocumentFile("/proc/archlens-test.archlens", d);
        CHECK_THAT(error, Catch::Contains("/proc/archlens-test.archlens") &&
                              Catch::Contains("cannot write"));
    }
    SECTION("a folder that is a file") {
        const fs::path inside = file / "design.archlens";
        const std::string error = writeDocumentFile(inside, d);
        CHECK_THAT(error,
                   Catch::Contains(inside.string()) && Catch::Contains(std::strerror(ENOTDIR)));
        CHECK(contents(file) == before);
    }
    SECTION("a folder that vanished") {
        const fs::path gone = dir / "gone";
        fs::create_directories(gone);
        fs::remove(gone);
        const std::string error = writeDocumentFile(gone / "design.archlens", d);
        CHECK_THAT(error, Catch::Contains((gone / "design.archlens").string()) &&
                              Catch::Contains(std::strerror(ENOENT)));
    }
    SECTION("a target that is a folder") {
        fs::create_directories(dir / "folder.archlens");
        CHECK_THAT(writeDocumentFile(dir / "folder.archlens", d), Catch::Contains("folder"));
    }
    CHECK(fileCount(dir) <= 2);
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

    CHECK_THAT(error, Catch::Contains(file.string()) && Catch::Contains(std::strerror(EFBIG)));
    CHECK(contents(file) == before);
    CHECK(fileCount(dir) == 1); // neither a temporary nor a backup left behind
    fs::remove_all(dir);
}

TEST_CASE("saving into a missing folder fails with a message") {
    Document d = test::load(test::smallDesign().dump());
    const std::string error = writeDocumentFile("/nonexistent-folder/x.archlens", d);
    CHECK_THAT(error, Catch::Contains("/nonexistent-folder/x.archlens"));
}
