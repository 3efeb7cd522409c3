#pragma once
// What the analysis says about a document: findings now; flows, components and curves as
// the passes arrive. A plain value, computed from a const snapshot of the document.
#include "archlens/model/document.h"

#include <string>
#include <vector>

namespace archlens {

enum class Severity { Info, Warning, Error };
const char* toString(Severity severity);

/// One thing an interviewer would point at: which rule, how bad, about what, why, where
/// in the guide, and what to change.
struct Finding {
    std::string rule;
    Severity severity = Severity::Info;
    std::string title;
    std::string message;
    std::vector<std::string> subjects;
    std::string guideSection;
    std::string suggestion;
    std::string followUp;
};

struct Report {
    std::vector<Finding> findings;
};

} // namespace archlens
