#include "archlens/analysis/interviewer.h"

#include <algorithm>

namespace archlens {

std::vector<InterviewQuestion> interviewQuestions(const Report& report, const Prompt* prompt,
                                                  const std::set<std::string>& answered) {
    std::vector<InterviewQuestion> out;
    std::set<std::string> asked = answered;
    auto fromFindings = [&](Severity severity) {
        for (const auto& f : report.findings) {
            if (f.severity != severity || f.acknowledged || f.followUp.empty()) continue;
            if (!asked.insert(f.followUp).second) continue;
            out.push_back({f.followUp, "finding", f.rule, f.severity, f.title, f.guideSection});
        }
    };
    fromFindings(Severity::Error);
    fromFindings(Severity::Warning);
    if (prompt)
        for (const auto& q : prompt->deep_dives)
            if (asked.insert(q).second) out.push_back({q, "deep-dive", {}, Severity::Info, {}, {}});
    fromFindings(Severity::Info);
    return out;
}

} // namespace archlens
