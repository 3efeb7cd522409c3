// jsonText writes what nlohmann's dump writes, byte for byte: checked on random trees whose
// strings hold every kind of byte JSON escapes, on numbers of every kind, and on the
// example designs as they are saved.
#include "support.h"

#include "archlens/model/document_io.h"
#include "archlens/model/json_text.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>

using namespace archlens;

namespace {

// A string from pieces that each take a different path through the writers: plain text,
// the escapes JSON names, other controls, DEL, '/', and UTF-8 of two, three and four bytes.
std::string randomString(std::mt19937& rng) {
    static const std::vector<std::string> pieces = {"a",
                                                    "Load balancer",
                                                    " ",
                                                    "\"",
                                                    "\\",
                                                    "/",
                                                    "\b",
                                                    "\f",
                                                    "\n",
                                                    "\r",
                                                    "\t",
                                                    std::string(1, '\0'),
                                                    "\x01",
                                                    "\x1f",
                                                    "\x7f",
                                                    "\xc3\xa9",
                                                    "\xe2\x86\x92",
                                                    "\xf0\x9f\x98\x80",
                                                    "\xe2\x80\xae",
                                                    "0"};
    std::uniform_int_distribution<int> length(0, 12), piece(0, int(pieces.size()) - 1);
    std::string s;
    for (int i = length(rng); i > 0; --i)
        s += pieces[std::size_t(piece(rng))];
    return s;
}

Json randomNumber(std::mt19937& rng) {
    static const std::vector<Json> numbers = {0,
                                              -1,
                                              42,
                                              std::numeric_limits<std::int64_t>::min(),
                                              std::numeric_limits<std::int64_t>::max(),
                                              std::numeric_limits<std::uint64_t>::max(),
                                              0.1,
                                              -0.0,
                                              1e-7,
                                              1e21,
                                              123456.789,
                                              2.5,
                                              1.0,
                                              std::nan(""),
                                              std::numeric_limits<double>::infinity(),
                                              99.95,
                                              3.0e-310};
    return numbers[std::uniform_int_distribution<std::size_t>(0, numbers.size() - 1)(rng)];
}

Json randomTree(std::mt19937& rng, int depth) {
    const int kind = std::uniform_int_distribution<int>(0, depth > 0 ? 6 : 4)(rng);
    switch (kind) {
    case 0:
        return randomString(rng);
    case 1:
        return randomNumber(rng);
    case 2:
        return rng() % 2 == 0;
    case 3:
        return nullptr;
    case 4:
        return std::uniform_int_distribution<int>(0, 1)(rng) ? Json::object() : Json::array();
    case 5: {
        Json object = Json::object();
        for (int i = std::uniform_int_distribution<int>(0, 5)(rng); i > 0; --i)
            object[randomString(rng)] = randomTree(rng, depth - 1);
        return object;
    }
    default: {
        Json array = Json::array();
        for (int i = std::uniform_int_distribution<int>(0, 5)(rng); i > 0; --i)
            array.push_back(randomTree(rng, depth - 1));
        return array;
    }
    }
}

} // namespace

TEST_CASE("jsonText: random trees are written as dump writes them, at every indent") {
    std::mt19937 rng(20261203);
    int containers = 0;
    for (int tree = 0; tree < 2000; ++tree) {
        const Json value = randomTree(rng, 4);
        containers += value.is_structured() && !value.empty();
        for (int indent : {-1, 0, 2, 4}) {
            INFO("tree " << tree << ", indent " << indent);
            REQUIRE(jsonText(value, indent) == value.dump(indent));
        }
    }
    CHECK(containers > 400); // the trees are not mostly leaves
}

TEST_CASE("jsonText: the escapes, spelled out") {
    const Json value = {{"k\"\\", "a\b\f\n\r\t\x01\x1f\x7f/"}};
    CHECK(jsonText(value) == R"({"k\"\\":"a\b\f\n\r\t\u0001\u001f)"
                             "\x7f"
                             R"(/"})");
    CHECK(jsonText(Json::array({Json::object(), Json::array()}), 2) == "[\n  {},\n  []\n]");
    CHECK(jsonText(Json(-0.0)) == "-0.0");
}

TEST_CASE("jsonText: text that is not UTF-8 is refused as dump refuses it") {
    const Json broken = Json::array({"ok", std::string("caf\xc3", 4)});
    CHECK_THROWS_AS(broken.dump(), Json::type_error);
    CHECK_THROWS_AS(jsonText(broken), Json::type_error);
    const Json key = {{std::string("\xff"), 1}};
    CHECK_THROWS_AS(jsonText(key, 2), Json::type_error);
    // Each way a byte sequence can fail to be UTF-8: an overlong form, a surrogate, a code
    // point above U+10FFFF, a sequence cut short, a stray continuation byte.
    for (const std::string bad :
         {"\xc0\x80", "\xc1\xbf", "\xe0\x80\x80", "\xed\xa0\x80", "\xf0\x80\x80\x80",
          "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xe2\x86", "\x80", "a\xe2\x86" "b"}) {
        INFO(Json(bad).dump(-1, ' ', true, Json::error_handler_t::replace));
        CHECK_THROWS_AS(Json(bad).dump(), Json::type_error);
        CHECK_THROWS_AS(jsonText(Json(bad)), Json::type_error);
    }
    // The edges of what is UTF-8 go out as they are.
    for (const std::string good :
         {"\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80", "\xed\x9f\xbf", "\xee\x80\x80", "\xef\xbf\xbf",
          "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf"}) {
        CHECK(jsonText(Json(good)) == Json(good).dump());
        CHECK(jsonText(Json(good)) == "\"" + good + "\"");
    }
}

TEST_CASE("jsonText: every example design is written as saving writes it") {
    const auto paths = test::examplePaths();
    REQUIRE_FALSE(paths.empty());
    for (const auto& path : paths) {
        INFO(path.string());
        auto result = readDocumentFile(path, Catalogue::builtin());
        REQUIRE(result.ok());
        const Json json = documentToJson(*result.document);
        CHECK(jsonText(json, 2) == json.dump(2));
    }
}
