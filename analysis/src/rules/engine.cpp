// The rule texts (compiled in from resources/rules.json), emitting findings from them,
// and running every rule in a fixed order.
#include "rule.h"
#include "rule_list.h"

#include "parallel.h"

#include "archlens/model/json.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

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
            if (auto v = r.find("variants"); v != r.end())
                for (const auto& [name, texts] : v->items())
                    info.variants[name] = {texts.value("title", info.title),
                                           texts.value("message", info.message),
                                           texts.value("suggestion", info.suggestion),
                                           texts.value("follow_up", info.followUp)};
            out.push_back(std::move(info));
        }
        return out;
    }();
    return infos;
}

const RuleInfo* ruleInfo(const std::string& id) {
    // Asked once per finding: tens of thousands on a large design.
    static const std::unordered_map<std::string, const RuleInfo*> byId = [] {
        std::unordered_map<std::string, const RuleInfo*> out;
        for (const auto& info : ruleInfos())
            out.emplace(info.id, &info); // the first of a repeated id
        return out;
    }();
    auto it = byId.find(id);
    return it == byId.end() ? nullptr : it->second;
}

namespace rules {

namespace {
/// Replaces each {key} of the template by its value in one pass. Values are never scanned
/// again, so a name the user typed with braces in it stays as typed.
std::string fill(const std::string& text, const Values& values) {
    std::string out;
    out.reserve(text.size() + 64);
    size_t at = 0;
    while (at < text.size()) {
        const size_t open = text.find('{', at);
        const size_t close = open == std::string::npos ? open : text.find('}', open);
        if (close == std::string::npos) break;
        out.append(text, at, open - at);
        // Looked up by a view of the name: a large design emits tens of thousands of
        // findings, a dozen placeholders each.
        auto it = values.find(std::string_view(text).substr(open + 1, close - open - 1));
        if (it != values.end())
            out += it->second;
        else
            out.append(text, open, close - open + 1);
        at = close + 1;
    }
    out.append(text, at, std::string::npos);
    return out;
}
} // namespace

void emit(std::vector<Finding>& out, const std::string& ruleId, std::vector<std::string> subjects,
          const Values& values, std::optional<Severity> severity) {
    emitVariant(out, ruleId, "", std::move(subjects), values, severity);
}

void emitVariant(std::vector<Finding>& out, const std::string& ruleId, const std::string& variant,
                 std::vector<std::string> subjects, const Values& values,
                 std::optional<Severity> severity) {
    const RuleInfo* info = ruleInfo(ruleId);
    if (!info) throw std::logic_error("no texts for rule " + ruleId);
    // The rule's texts, or the variant's, read where they are.
    const std::string* title = &info->title;
    const std::string* message = &info->message;
    const std::string* suggestion = &info->suggestion;
    const std::string* followUp = &info->followUp;
    if (!variant.empty()) {
        auto it = info->variants.find(variant);
        if (it == info->variants.end())
            throw std::logic_error("no variant " + variant + " of rule " + ruleId);
        title = &it->second.title;
        message = &it->second.message;
        suggestion = &it->second.suggestion;
        followUp = &it->second.followUp;
    }
    Finding f;
    f.rule = info->id;
    f.severity = severity.value_or(info->severity);
    f.title = fill(*title, values);
    f.message = fill(*message, values);
    f.subjects = std::move(subjects);
    f.guideSection = info->guideSection;
    f.suggestion = fill(*suggestion, values);
    f.followUp = fill(*followUp, values);
    out.push_back(std::move(f));
}

} // namespace rules

void runRules(const Document& doc, const Catalogue& catalogue, Report& report) {
    runRulesUnlessCancelled(doc, catalogue, report, nullptr);
}

bool runRulesUnlessCancelled(const Document& doc, const Catalogue& catalogue, Report& report,
                             const std::atomic<bool>* cancel,
                             const std::function<void(int done, int total)>& progress,
                             unsigned threads) {
    auto cancelled = [cancel] { return cancel && cancel->load(std::memory_order_relaxed); };
    if (cancelled()) return false;
    const rules::Context context(doc, catalogue, report, threads);
    const auto& all = rules::allRules();
    // The rules are independent readers of one context: on a large design they run on
    // every core, each into its own list; the lists are merged so that the report is the
    // one a single thread gives.
    std::vector<std::vector<Finding>> found(all.size());
    std::mutex progressMutex;
    int done = 0;
    // The report's order: by severity, rule and subjects, and where those are equal, as the
    // rules emitted them (rule order, then each rule's own).
    auto before = [](const Finding& a, const Finding& b) {
        if (a.severity != b.severity) return a.severity > b.severity;
        if (a.rule != b.rule) return a.rule < b.rule;
        return a.subjects < b.subjects;
    };
    detail::parallelFor(
        all.size(),
        detail::threadsFor(doc.connections.size() * std::max<std::size_t>(1, report.flows.size()),
                           threads),
        [&](std::size_t r, unsigned) {
            all[r].second(context, found[r]);
            // Each rule's list sorted on the thread that made it; merged below.
            std::stable_sort(found[r].begin(), found[r].end(), before);
            if (progress) {
                const std::lock_guard<std::mutex> lock(progressMutex);
                progress(++done, static_cast<int>(all.size()));
            }
        },
        cancelled);
    // Nothing is added unless every rule has run: a stopped run leaves no half list.
    if (cancelled()) return false;
    // The sorted lists merged, the earlier rule's finding first among equals: the order one
    // stable sort of all of them gives, each finding (a dozen strings, and a large design
    // has tens of thousands) moved once. A heap of the lists' next findings.
    std::vector<std::pair<std::size_t, std::size_t>> heads; // (rule, position)
    std::size_t total = 0;
    for (std::size_t r = 0; r < found.size(); ++r) {
        total += found[r].size();
        if (!found[r].empty()) heads.emplace_back(r, 0);
    }
    auto later = [&](const std::pair<std::size_t, std::size_t>& i,
                     const std::pair<std::size_t, std::size_t>& j) {
        const Finding& a = found[i.first][i.second];
        const Finding& b = found[j.first][j.second];
        if (before(a, b)) return false;
        if (before(b, a)) return true;
        return i.first > j.first;
    };
    std::make_heap(heads.begin(), heads.end(), later);
    std::vector<Finding> findings;
    findings.reserve(total);
    while (!heads.empty()) {
        std::pop_heap(heads.begin(), heads.end(), later);
        auto& [r, k] = heads.back();
        findings.push_back(std::move(found[r][k]));
        if (++k < found[r].size())
            std::push_heap(heads.begin(), heads.end(), later);
        else
            heads.pop_back();
    }
    markAcknowledged(doc, findings);
    if (report.findings.empty())
        report.findings = std::move(findings);
    else
        report.findings.insert(report.findings.end(), std::make_move_iterator(findings.begin()),
                               std::make_move_iterator(findings.end()));
    return true;
}

void markAcknowledged(const Document& doc, std::vector<Finding>& findings) {
    for (auto& f : findings)
        f.acknowledged.reset();
    if (doc.acknowledgements.empty()) return;
    // Keyed by rule and subject set, so a large report is matched in one pass rather than
    // each finding against each acknowledgement.
    std::map<std::pair<std::string, std::vector<std::string>>, const Acknowledgement*> accepted;
    for (const auto& a : doc.acknowledgements)
        accepted.emplace(std::make_pair(a.rule, subjectSet(a.subjects)), &a);
    for (auto& f : findings) {
        auto it = accepted.find(std::make_pair(f.rule, subjectSet(findingKey(f))));
        if (it != accepted.end()) f.acknowledged = it->second->note;
    }
}

} // namespace archlens
