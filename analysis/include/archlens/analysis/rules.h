#pragma once
// The red-flag rules: each looks at the document and the numbers of the report and adds
// findings. Rule texts (title, message template, guide section, suggestion, follow-up) live
// in resources/rules.json, compiled in, so wording is edited without touching code.
#include "archlens/analysis/report.h"
#include "archlens/model/catalogue.h"

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace archlens {

/// The words of one rule, as in resources/rules.json. A rule whose situations call for
/// different stories (a queue's redelivery is not a synchronous retry) has `variants`: each
/// replaces whichever of the texts it gives, and the rule picks one when it emits.
struct RuleInfo {
    struct Texts {
        std::string title;
        std::string message; ///< template with {placeholders} the rule fills in
        std::string suggestion;
        std::string followUp;
    };
    std::string id;
    Severity severity = Severity::Warning;
    std::string title;
    std::string message; ///< template with {placeholders} the rule fills in
    std::string guideSection;
    std::string suggestion;
    std::string followUp;
    std::map<std::string, Texts> variants; ///< complete texts per variant name
};

/// Every rule's words, in a stable order (the order of rules.json).
const std::vector<RuleInfo>& ruleInfos();
const RuleInfo* ruleInfo(const std::string& id);

/// Runs every rule over the document and the report's numbers and appends the findings,
/// ordered by severity (errors first), then rule id, then subjects: the same input always
/// gives the same list. Findings the document acknowledges carry the note (markAcknowledged).
void runRules(const Document& doc, const Catalogue& catalogue, Report& report);

/// As runRules, reading `cancel` (may be null) between rules: when it is seen set, returns
/// false and leaves the report's findings as they were; otherwise appends them and returns
/// true. `progress`, when given, is called after each rule with the rules done and their
/// number (on a large design the rules can take longer than the passes). The findings of a
/// run that is not stopped are exactly runRules' findings. On a large design the rules run
/// on `threads` threads (0: every core), `progress` then from any of them, never two at once.
bool runRulesUnlessCancelled(const Document& doc, const Catalogue& catalogue, Report& report,
                             const std::atomic<bool>* cancel,
                             const std::function<void(int done, int total)>& progress = {},
                             unsigned threads = 0);

/// Sets `acknowledged` on each finding that one of the document's acknowledgements accepts
/// (same rule, same subjects in any order) and clears it on the others. The rules never
/// see acknowledgements: a finding is found the same way whether accepted or not.
void markAcknowledged(const Document& doc, std::vector<Finding>& findings);

} // namespace archlens
