#pragma once
// The guide's red flags and what answers each: for every section of the guide that ends
// with a red flag (some headings occur more than once, each with its own flag), the flag in
// the product's words, and either the rules that catch it on a diagram or the question an
// interviewer would ask instead. Read from resources/red-flags.json, compiled in like the
// rule texts; `archlens rules --coverage` prints it. tests/analysis/test_red_flags.cpp
// keeps it complete against the guide and its rule ids real.
#include <string>
#include <vector>

namespace archlens {

struct RedFlag {
    std::string section;            ///< the guide's heading, exactly
    std::string flag;               ///< the red flag, in the product's words
    std::vector<std::string> rules; ///< rules that catch it; empty: see `discussion`
    std::string discussion;         ///< the question to ask when no rule catches it
    bool diagram = false;           ///< a diagram (or a small addition to the format) could show it
};

/// Every red flag, in the guide's order.
const std::vector<RedFlag>& redFlags();

/// How the red flags are answered.
struct RedFlagCoverage {
    int total = 0;
    int byRules = 0;          ///< caught by at least one rule
    int diagramUncovered = 0; ///< a diagram could show it, but no rule catches it yet
    int discussionOnly = 0;   ///< no diagram shows it: a question for the conversation
};
RedFlagCoverage redFlagCoverage();

} // namespace archlens
