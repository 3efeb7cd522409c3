#include "archlens/analysis/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace archlens {

double nines(double availability) {
    if (!(availability < 1)) return kMaxNines;
    return std::min(kMaxNines, -std::log10(1 - availability));
}

std::string availabilityPercent(double availability) {
    if (!(availability < 1)) return "100%";
    if (!(availability > 0)) return "0%";
    const int decimals =
        std::clamp(static_cast<int>(std::ceil(-std::log10(1 - availability) - 1e-9)) - 1, 0, 6);
    const double scale = std::pow(10.0, decimals);
    const double truncated = std::floor(availability * 100 * scale + 1e-6) / scale;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, truncated);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0')
            text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    return text + "%";
}

bool isBroken(const FlowResult& flow) {
    return flow.availability < 0.5;
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
