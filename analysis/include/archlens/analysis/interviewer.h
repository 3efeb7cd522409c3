#pragma once
// Interviewer mode: the questions an interviewer would ask next about a design, most
// important first. The critique's open findings come first, by severity, each asking its
// follow-up question; then the prompt's deep dives; then what the critique only noted (info).
// A question already answered, or asked twice by several findings, appears once at most.
#include "archlens/analysis/report.h"
#include "archlens/model/prompt.h"

#include <set>
#include <string>
#include <vector>

namespace archlens {

struct InterviewQuestion {
    std::string text;
    /// Why it is asked: "finding" (then `rule`, `severity`, `title` and `guideSection`
    /// are the finding's) or "deep-dive" (a question of the prompt).
    std::string source;
    std::string rule;
    Severity severity = Severity::Info;
    std::string title;
    std::string guideSection;
};

/// The questions to ask, in order. Findings accepted as trade-offs are not asked about;
/// `answered` holds the texts of the questions already answered. `prompt` may be null.
std::vector<InterviewQuestion> interviewQuestions(const Report& report, const Prompt* prompt,
                                                  const std::set<std::string>& answered);

} // namespace archlens
