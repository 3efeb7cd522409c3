#include "archlens/analysis/report.h"

#include <algorithm>

namespace archlens {

bool isBroken(const FlowResult& flow) {
    return flow.availability < 0.5;
}

FlowTargets flowTargets(const Document& doc, const FlowResult& flow) {
    FlowTargets t;
    const Flow* own = doc.flow(flow.id);
    if (!flow.background) {
        t.availability = doc.requirements.availability;
        t.p99_ms = doc.requirements.p99_ms;
    }
    if (own && own->availability) t.availability = own->availability;
    if (own && own->p99_ms) t.p99_ms = own->p99_ms;
    return t;
}

bool FlowTargets::missesAvailability(const FlowResult& flow) const {
    return availability && flow.availability < *availability;
}

bool FlowTargets::missesP99(const FlowResult& flow) const {
    return p99_ms && flow.p99_ms > *p99_ms;
}

std::vector<std::string> findingKey(const Finding& finding) {
    std::vector<std::string> key = finding.subjects;
    if (!finding.flow.empty() &&
        std::find(key.begin(), key.end(), finding.flow) == key.end())
        key.push_back(finding.flow);
    return key;
}

const char* toString(Severity severity) {
    switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
    }
    return "?";
}

std::optional<Severity> severityFromString(const std::string& text) {
    if (text == "info") return Severity::Info;
    if (text == "warning") return Severity::Warning;
    if (text == "error") return Severity::Error;
    return std::nullopt;
}

const FlowResult* Report::flow(const std::string& id) const {
    for (const auto& f : flows)
        if (f.id == id) return &f;
    return nullptr;
}

const ComponentResult* Report::component(const std::string& id) const {
    for (const auto& c : components)
        if (c.id == id) return &c;
    return nullptr;
}

} // namespace archlens
