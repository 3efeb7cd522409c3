// The red-flag table (resources/red-flags.json) says, for every red flag of the guide, which
// rules catch it on a diagram or what an interviewer would ask instead. It is only useful
// while it is complete and honest about the rules, so these tests hold it to the guide and
// to the rule registry. The guide itself lives outside the repository; where it is absent
// (a CI checkout) only the table's own shape and rule ids are checked.
#include "support.h"

#include "archlens/analysis/red_flags.h"
#include "archlens/analysis/rules.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace archlens;

namespace {

Json redFlagTable() {
    std::ifstream in(test::resourcesDir() / "red-flags.json");
    REQUIRE(in);
    return Json::parse(in);
}

/// One section of the guide that ends its interview perspective with a red flag.
struct GuideFlag {
    std::string heading;
    std::string sentence;
};

std::string trimmed(std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && std::isspace(static_cast<unsigned char>(s[start])))
        ++start;
    return s.substr(start);
}

/// Letters and digits only, lower case: a copied sentence with its quotes or full stop
/// changed is still a copy.
std::string normalised(const std::string& s) {
    std::string out;
    for (unsigned char ch : s)
        if (std::isalnum(ch)) out += static_cast<char>(std::tolower(ch));
    return out;
}

/// Next to the repository's own folder, as the design notes place it; empty if absent.
std::filesystem::path guidePath() {
    const auto path =
        (test::resourcesDir() / ".." / ".." / "shared" / "guide" / "system-design-guide.md")
            .lexically_normal();
    return std::filesystem::exists(path) ? path : std::filesystem::path{};
}

/// The guide's red flags in its order. Several headings occur more than once in the guide
/// (a pattern described under two chapters), each time with a red flag of its own, so a
/// heading is not a key: the order and the count per heading are.
std::vector<GuideFlag> guideFlags(const std::filesystem::path& path) {
    std::ifstream in(path);
    REQUIRE(in);
    std::vector<GuideFlag> flags;
    std::string line, heading;
    const std::string marker = "- Red flag:";
    while (std::getline(in, line)) {
        if (line.rfind("## ", 0) == 0)
            heading = trimmed(line.substr(3));
        else if (line.rfind(marker, 0) == 0 && !heading.empty())
            flags.push_back({heading, trimmed(line.substr(marker.size()))});
    }
    return flags;
}

std::set<std::string> listedHeadings() {
    std::ifstream in(test::resourcesDir() / "guide-headings.txt");
    REQUIRE(in);
    std::set<std::string> headings;
    std::string line;
    while (std::getline(in, line))
        if (!line.empty() && line[0] != '#') headings.insert(trimmed(line));
    return headings;
}

} // namespace

TEST_CASE("red-flag table: every entry is well formed and names only real rules") {
    const Json table = redFlagTable();
    REQUIRE(table.value("format", "") == "archlens-red-flags");
    REQUIRE(table.value("version", 0) == 1);
    REQUIRE(table.contains("sections"));
    REQUIRE(table["sections"].is_array());
    REQUIRE_FALSE(table["sections"].empty());

    const std::set<std::string> known{"section", "flag", "rules", "discussion", "diagram"};
    int covered = 0, visible = 0, discussionOnly = 0;
    for (const auto& entry : table["sections"]) {
        INFO(entry.dump());
        REQUIRE(entry.is_object());
        // A misspelt key ("rule") would silently turn an entry into one with neither.
        for (const auto& item : entry.items())
            CHECK(known.count(item.key()) == 1);
        REQUIRE(entry.contains("section"));
        REQUIRE(entry["section"].is_string());
        CHECK_FALSE(trimmed(entry["section"].get<std::string>()).empty());
        REQUIRE(entry.contains("flag"));
        REQUIRE(entry["flag"].is_string());
        CHECK_FALSE(trimmed(entry["flag"].get<std::string>()).empty());
        REQUIRE(entry.contains("diagram"));
        REQUIRE(entry["diagram"].is_boolean());

        // Either a rule catches the flag today or an interviewer has to ask: never both,
        // or the table would claim coverage and still send the candidate to talk it through.
        const bool hasRules = entry.contains("rules"), hasDiscussion = entry.contains("discussion");
        CHECK(hasRules != hasDiscussion);
        if (hasRules) {
            REQUIRE(entry["rules"].is_array());
            CHECK_FALSE(entry["rules"].empty());
            std::set<std::string> seen;
            for (const auto& id : entry["rules"]) {
                REQUIRE(id.is_string());
                INFO("rule " << id.get<std::string>());
                CHECK(ruleInfo(id.get<std::string>()) != nullptr);
                CHECK(seen.insert(id.get<std::string>()).second);
            }
            // A rule reads a diagram, so what it catches is visible on one by definition.
            CHECK(entry["diagram"].get<bool>());
            ++covered;
        } else if (hasDiscussion) {
            REQUIRE(entry["discussion"].is_string());
            CHECK_FALSE(trimmed(entry["discussion"].get<std::string>()).empty());
            ++(entry["diagram"].get<bool>() ? visible : discussionOnly);
        }
    }
    WARN("red flags caught by rules: " << covered << "; visible on a diagram but not caught yet: "
                                       << visible << "; for discussion only: " << discussionOnly);
}

TEST_CASE("red-flag table: one entry per red flag of the guide, in its order, in our words") {
    const auto path = guidePath();
    if (path.empty()) {
        WARN("the guide is not next to the repository; the table is not compared with it");
        return;
    }
    const std::vector<GuideFlag> guide = guideFlags(path);
    REQUIRE_FALSE(guide.empty());
    const Json table = redFlagTable();
    REQUIRE(table["sections"].is_array());

    std::map<std::string, int> inGuide, inTable;
    for (const auto& g : guide)
        ++inGuide[g.heading];
    std::vector<std::string> sections;
    for (const auto& entry : table["sections"]) {
        REQUIRE(entry.contains("section"));
        sections.push_back(entry["section"].get<std::string>());
        ++inTable[sections.back()];
    }
    // Counts per heading first: they name the culprit, where a failed order check would
    // only point at the first entry after it.
    for (const auto& [heading, count] : inGuide) {
        INFO("guide section \"" << heading << "\"");
        CHECK(inTable[heading] == count);
    }
    for (const auto& [heading, count] : inTable) {
        INFO("table section \"" << heading << "\" is not a guide section with a red flag");
        CHECK(inGuide.count(heading) == 1);
    }
    REQUIRE(sections.size() == guide.size());
    for (std::size_t i = 0; i < guide.size(); ++i) {
        INFO("entry " << i << ": guide has \"" << guide[i].heading << "\"");
        CHECK(sections[i] == guide[i].heading);
    }

    // The table speaks in the product's words. Checked against every red flag, not only its
    // own section's, so a sentence pasted into the wrong entry is caught too.
    std::set<std::string> sentences;
    for (const auto& g : guide)
        sentences.insert(normalised(g.sentence));
    for (const auto& entry : table["sections"]) {
        INFO(entry.dump());
        CHECK(sentences.count(normalised(entry["flag"].get<std::string>())) == 0);
    }

    // guide-headings.txt lists the headings findings may cite; a red flag's section need
    // not be one, but a gap there is worth knowing about.
    const std::set<std::string> listed = listedHeadings();
    std::ostringstream unlisted;
    for (const auto& [heading, count] : inGuide)
        if (!listed.count(heading)) unlisted << " \"" << heading << "\"";
    if (!unlisted.str().empty())
        WARN("sections with a red flag missing from guide-headings.txt:" << unlisted.str());
}

TEST_CASE("red-flag table: the program's compiled-in copy is the file, and its counts add up") {
    const Json table = redFlagTable();
    const auto& sections = table.at("sections");
    const std::vector<RedFlag>& flags = redFlags();
    REQUIRE(flags.size() == sections.size());
    for (std::size_t i = 0; i < flags.size(); ++i) {
        CHECK(flags[i].section == sections[i].at("section").get<std::string>());
        CHECK(flags[i].rules.empty() == !sections[i].contains("rules"));
    }
    const RedFlagCoverage c = redFlagCoverage();
    CHECK(c.total == int(flags.size()));
    CHECK(c.byRules + c.diagramUncovered + c.discussionOnly == c.total);
    CHECK(c.byRules > 0);
}

TEST_CASE("red-flag table: the README gives the table's counts") {
    // The README's command-line table says how many red flags rules catch; the number is
    // only worth printing while it is the table's.
    std::ifstream in(test::resourcesDir() / ".." / "README.md");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    // Markdown may wrap the sentence anywhere; compare with runs of white space as one.
    std::string readme;
    for (char ch : text.str()) {
        const bool space = std::isspace(static_cast<unsigned char>(ch)) != 0;
        if (!space)
            readme += ch;
        else if (!readme.empty() && readme.back() != ' ')
            readme += ' ';
    }
    const RedFlagCoverage c = redFlagCoverage();
    std::ostringstream expected;
    expected << "today " << c.byRules << " of " << c.total << " are caught by rules";
    if (c.diagramUncovered > 0)
        expected << ", " << c.diagramUncovered
                 << " more could be shown on a diagram but have no rule yet,";
    else
        expected << " (every one a diagram can show), and";
    expected << " " << c.discussionOnly << " are for the conversation only";
    CHECK_THAT(readme, Catch::Contains(expected.str()));
}

TEST_CASE("red-flag table: every red flag a diagram can show is caught by a rule") {
    for (const RedFlag& f : redFlags()) {
        if (!f.diagram) continue;
        INFO(f.section << ": " << f.flag);
        CHECK_FALSE(f.rules.empty());
    }
}
