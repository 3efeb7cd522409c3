// The rule texts (compiled in from resources/rules.json), emitting findings from them,
// and running every rule in a fixed order.
#include "rule.h"
#include "rule_list.h"

#include "archlens/model/json.h"

#include <algorithm>
#include <stdexcept>

namespace archlens {

namespace detail {
extern const char* const kRulesJson;
}

const std::vector<RuleInfo>& ruleInfos() {
    static const std::vector<RuleInfo> infos = [] {
        std::vector<RuleInfo> out;
        const Json all = Json::parse(detail::kRulesJson); // kept alive for the loop below
        for (const auto& r : all.at("rules")) {
            RuleInfo info;
            info.id = r.at("id").get<std::string>();
            auto severity = severityFromString(r.at("severity").get<std::string>());
            if (!severity) throw std::logic_error("rules.json: bad severity for " + info.id);
            info.severity = *severity;
            info.title = r.at("title").get<std::string>();
            info.message = r.at("message").get<std::string>();
            info.guideSection = r.at("guide_section").get<std::string>();
            info.suggestion = r.at("suggestion").get<std::string>();
            info.followUp = r.at("follow_up").get<std::string>();
            out.push_back(std::move(info));
        }
        return out;
    }();
    return infos;
}

const RuleInfo* ruleInfo(const std::string& id) {
    for (const auto& info : ruleInfos())
        if (info.id == id) return &info;
    return nullptr;
}

namespace rules {

namespace {
std::string fill(std::string text, const Values& values) {
    for (const auto& [key, value] : values) {
        const std::string placeholder = "{" + key + "}";
        for (size_t at = text.find(placeholder); at != std::string::npos;
             at = text.find(placeholder, at + value.size()))
            text.replace(at, placeholder.size(), value);
    }
    return text;
}
} // namespace

void emit(std::vector<Finding>& out, const std::string& ruleId, std::vector<std::string> subjects,
          const Values& values, std::optional<Severity> severity) {
    const RuleInfo* info = ruleInfo(ruleId);
    if (!info) throw std::logic_error("no texts for rule " + ruleId);
    Finding f;
    f.rule = info->id;
    f.severity = severity.value_or(info->severity);
    f.title = fill(info->title, values);
    f.message = fill(info->message, values);
    f.subjects = std::move(subjects);
    f.guideSection = info->guideSection;
    f.suggestion = fill(info->suggestion, values);
    f.followUp = fill(info->followUp, values);
    out.push_back(std::move(f));
}

} // namespace rules

void runRules(const Document& doc, const Catalogue& catalogue, Report& report) {
    const rules::Context context(doc, catalogue, report);
    std::vector<Finding> findings;
    for (const auto& [id, function] : rules::allRules())
        function(context, findings);
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        if (a.severity != b.severity) return a.severity > b.severity;
        if (a.rule != b.rule) return a.rule < b.rule;
        return a.subjects < b.subjects;
    });
    report.findings.insert(report.findings.end(), findings.begin(), findings.end());
}

} // namespace archlens
