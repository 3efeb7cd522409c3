// The comparison of two designs written out (diff.h): plain text for the terminal, Markdown
// for reports, JSON for programs. All three list the same things in the same order.
#include "archlens/analysis/diff.h"

#include "archlens/analysis/display_format.h"

#include <algorithm>
#include <sstream>
#include <string_view>

namespace archlens {

namespace {

using TextFn = std::function<std::string(const std::string&)>;

TextFn textFn(const DiffTextOptions& options, TextFn fallback) {
    if (options.text) return options.text;
    if (fallback) return fallback;
    return [](const std::string& s) { return s; };
}

std::string plural(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string severityText(Severity s) {
    return toString(s);
}

std::string joined(const std::vector<std::string>& items, const TextFn& t) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ", ";
        out += t(item);
    }
    return out;
}

/// "2 added, 1 removed, 3 changed, 1 moved; 1 finding appeared, 2 went".
std::string summary(const DesignDiff& d) {
    std::string out = std::to_string(d.added.size()) + " added, " +
                      std::to_string(d.removed.size()) + " removed, " +
                      std::to_string(d.changed.size()) + " changed, " +
                      std::to_string(d.moved.size()) + " moved";
    out += "; " + plural(d.findingsAppeared.size(), "finding", "findings") + " appeared, " +
           std::to_string(d.findingsGone.size()) + " went";
    return out;
}

std::string elementLine(const DiffElement& e, const TextFn& t) {
    return std::string(diffTypeName(e.type)) + " " + t(e.name) + " (" + t(e.id) + ")";
}

std::string changeHeading(const ElementChange& c, const TextFn& t) {
    std::string out = std::string(diffTypeName(c.element.type)) + " " + t(c.element.name) + " (" +
                      t(c.element.id);
    if (c.beforeId != c.element.id) out += ", was " + t(c.beforeId);
    return out + ")";
}

std::string fieldLine(const FieldChange& f, const TextFn& t) {
    return t(f.label) + ": " + t(f.before) + " → " + t(f.after);
}

std::string findingLine(const FindingDelta& f, const TextFn& t) {
    std::string out = "[" + severityText(f.severity) + "] " + t(f.title) + " (" + t(f.rule);
    const auto& subjects = f.subjectNames.size() == f.subjects.size() ? f.subjectNames : f.subjects;
    if (!subjects.empty()) out += ": " + joined(subjects, t);
    return out + ")";
}

/// A flow's saturation multiplier, "12×", or "none" when nothing it reaches carries load.
std::string saturationText(const std::optional<double>& multiple) {
    return multiple ? multiplierText(*multiple) : std::string("none");
}

std::string saturationText(const std::optional<Saturation>& s, const TextFn& t) {
    if (!s) return "none within the curves";
    return multiplierText(s->multiplier) + " (" + t(s->component) + ")";
}

bool saturationChanged(const DesignDiff& d) {
    if (d.saturationBefore.has_value() != d.saturationAfter.has_value()) return true;
    return d.saturationBefore && (d.saturationBefore->multiplier != d.saturationAfter->multiplier ||
                                  d.saturationBefore->component != d.saturationAfter->component);
}

const char* const kSame = "The designs are the same: nothing added, removed, changed or moved, "
                          "the same findings and the same numbers.";

} // namespace

std::string markdownEscape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\n' || c == '\r') {
            out += ' ';
            continue;
        }
        if (std::string_view("\\`*_[]<>|~").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string diffToText(const DesignDiff& d, const DiffTextOptions& options) {
    const TextFn t = textFn(options, nullptr);
    std::ostringstream out;
    out << "Comparing " << t(options.before) << " (\"" << t(d.titleBefore) << "\") with "
        << t(options.after) << " (\"" << t(d.titleAfter) << "\")\n";
    if (d.identical()) {
        out << kSame << "\n";
        return out.str();
    }
    out << summary(d) << "\n";
    if (!d.design.empty()) {
        out << "\nDesign\n";
        for (const auto& f : d.design)
            out << "  " << fieldLine(f, t) << "\n";
    }
    const auto list = [&](const char* heading, const std::vector<DiffElement>& items) {
        if (items.empty()) return;
        out << "\n" << heading << " (" << items.size() << ")\n";
        for (const auto& e : items)
            out << "  " << elementLine(e, t) << "\n";
    };
    list("Added", d.added);
    list("Removed", d.removed);
    if (!d.changed.empty()) {
        out << "\nChanged (" << d.changed.size() << ")\n";
        for (const auto& c : d.changed) {
            out << "  " << changeHeading(c, t) << "\n";
            for (const auto& f : c.fields)
                out << "    " << fieldLine(f, t) << "\n";
        }
    }
    list("Moved or resized", d.moved);
    const auto findings = [&](const char* heading, const std::vector<FindingDelta>& items) {
        if (items.empty()) return;
        out << "\n" << heading << " (" << items.size() << ")\n";
        for (const auto& f : items)
            out << "  " << findingLine(f, t) << "\n";
    };
    findings("Findings that appeared", d.findingsAppeared);
    findings("Findings that went", d.findingsGone);
    if (!d.flows.empty() || !d.flowsOnlyBefore.empty() || !d.flowsOnlyAfter.empty()) {
        out << "\nFlows\n";
        for (const auto& f : d.flows)
            out << "  " << t(f.name) << ": availability "
                << availabilityPercent(f.availabilityBefore) << " → "
                << availabilityPercent(f.availabilityAfter) << " ("
                << availabilityDifferenceText(f.availabilityBefore, f.availabilityAfter)
                << "); p99 " << millisecondsText(f.p99Before) << " → "
                << millisecondsText(f.p99After) << " ("
                << millisecondsDifferenceText(f.p99Before, f.p99After) << "); saturates at "
                << saturationText(f.saturationBefore) << " → " << saturationText(f.saturationAfter)
                << "\n";
        for (const auto& f : d.flowsOnlyBefore)
            out << "  " << t(f.name) << ": only in " << t(options.before) << "\n";
        for (const auto& f : d.flowsOnlyAfter)
            out << "  " << t(f.name) << ": only in " << t(options.after) << "\n";
    }
    out << "\nSaturation: " << saturationText(d.saturationBefore, t) << " → "
        << saturationText(d.saturationAfter, t) << (saturationChanged(d) ? "" : " (unchanged)")
        << "\n";
    return out.str();
}

std::string diffToMarkdown(const DesignDiff& d, const DiffTextOptions& options, int level) {
    const TextFn t = textFn(options, markdownEscape);
    const std::string h(static_cast<size_t>(std::max(1, level)), '#');
    std::ostringstream out;
    out << "Comparing " << t(options.before) << " (“" << t(d.titleBefore) << "”) with "
        << t(options.after) << " (“" << t(d.titleAfter) << "”).\n\n";
    if (d.identical()) {
        out << kSame << "\n";
        return out.str();
    }
    out << "**" << summary(d) << ".**\n";
    if (!d.design.empty()) {
        out << "\n" << h << " Design\n\n";
        for (const auto& f : d.design)
            out << "- " << fieldLine(f, t) << "\n";
    }
    const auto list = [&](const char* heading, const std::vector<DiffElement>& items) {
        if (items.empty()) return;
        out << "\n" << h << " " << heading << " (" << items.size() << ")\n\n";
        for (const auto& e : items)
            out << "- " << elementLine(e, t) << "\n";
    };
    list("Added", d.added);
    list("Removed", d.removed);
    if (!d.changed.empty()) {
        out << "\n" << h << " Changed (" << d.changed.size() << ")\n\n";
        for (const auto& c : d.changed) {
            out << "- " << changeHeading(c, t) << "\n";
            for (const auto& f : c.fields)
                out << "  - " << fieldLine(f, t) << "\n";
        }
    }
    list("Moved or resized", d.moved);
    const auto findings = [&](const char* heading, const std::vector<FindingDelta>& items) {
        if (items.empty()) return;
        out << "\n" << h << " " << heading << " (" << items.size() << ")\n\n";
        for (const auto& f : items)
            out << "- " << findingLine(f, t) << "\n";
    };
    findings("Findings that appeared", d.findingsAppeared);
    findings("Findings that went", d.findingsGone);
    if (!d.flows.empty() || !d.flowsOnlyBefore.empty() || !d.flowsOnlyAfter.empty()) {
        out << "\n" << h << " Flows\n\n";
        out << "| Flow | Availability before | after | difference | p99 before | after | "
               "difference | Saturates at, before | after |\n"
               "|---|---|---|---|---|---|---|---|---|\n";
        for (const auto& f : d.flows)
            out << "| " << t(f.name) << " | " << availabilityPercent(f.availabilityBefore) << " | "
                << availabilityPercent(f.availabilityAfter) << " | "
                << availabilityDifferenceText(f.availabilityBefore, f.availabilityAfter) << " | "
                << millisecondsText(f.p99Before) << " | " << millisecondsText(f.p99After) << " | "
                << millisecondsDifferenceText(f.p99Before, f.p99After) << " | "
                << saturationText(f.saturationBefore) << " | " << saturationText(f.saturationAfter)
                << " |\n";
        for (const auto& f : d.flowsOnlyBefore)
            out << "\nOnly in " << t(options.before) << ": " << t(f.name) << "\n";
        for (const auto& f : d.flowsOnlyAfter)
            out << "\nOnly in " << t(options.after) << ": " << t(f.name) << "\n";
    }
    out << "\nSaturation: " << saturationText(d.saturationBefore, t) << " → "
        << saturationText(d.saturationAfter, t) << (saturationChanged(d) ? "" : " (unchanged)")
        << ".\n";
    return out.str();
}

namespace {

Json elementJson(const DiffElement& e) {
    return {{"type", diffTypeName(e.type)}, {"id", e.id}, {"name", e.name}};
}

Json fieldsJson(const std::vector<FieldChange>& fields) {
    Json out = Json::array();
    for (const auto& f : fields)
        out.push_back({{"field", f.field},
                       {"label", f.label},
                       {"before", f.before},
                       {"after", f.after},
                       {"before_value", f.beforeValue},
                       {"after_value", f.afterValue}});
    return out;
}

Json findingsJson(const std::vector<FindingDelta>& items) {
    Json out = Json::array();
    for (const auto& f : items) {
        Json j = {{"rule", f.rule},
                  {"severity", toString(f.severity)},
                  {"title", f.title},
                  {"subjects", f.subjects}};
        if (!f.flow.empty()) j["flow"] = f.flow;
        j["subject_names"] = f.subjectNames;
        out.push_back(std::move(j));
    }
    return out;
}

Json saturationJson(const std::optional<Saturation>& s) {
    if (!s) return nullptr;
    return {{"multiplier", s->multiplier}, {"component", s->component}};
}

Json listJson(const std::vector<DiffElement>& items) {
    Json out = Json::array();
    for (const auto& e : items)
        out.push_back(elementJson(e));
    return out;
}

} // namespace

Json diffToJson(const DesignDiff& d) {
    Json out = Json::object();
    out["schema"] = "archlens-diff";
    out["version"] = 1;
    out["before"] = {{"title", d.titleBefore}};
    out["after"] = {{"title", d.titleAfter}};
    out["identical"] = d.identical();
    out["summary"] = {{"added", d.added.size()},
                      {"removed", d.removed.size()},
                      {"changed", d.changed.size()},
                      {"moved", d.moved.size()},
                      {"findings_appeared", d.findingsAppeared.size()},
                      {"findings_gone", d.findingsGone.size()}};
    out["design"] = fieldsJson(d.design);
    out["added"] = listJson(d.added);
    out["removed"] = listJson(d.removed);
    Json changed = Json::array();
    for (const auto& c : d.changed) {
        Json j = elementJson(c.element);
        j["before_id"] = c.beforeId;
        j["fields"] = fieldsJson(c.fields);
        changed.push_back(std::move(j));
    }
    out["changed"] = std::move(changed);
    out["moved"] = listJson(d.moved);
    out["findings"] = {{"appeared", findingsJson(d.findingsAppeared)},
                       {"gone", findingsJson(d.findingsGone)}};
    Json flows = Json::array();
    for (const auto& f : d.flows)
        flows.push_back({{"id", f.id},
                         {"name", f.name},
                         {"availability",
                          {{"before", f.availabilityBefore},
                           {"after", f.availabilityAfter},
                           {"difference", f.availabilityAfter - f.availabilityBefore}}},
                         {"p99_ms",
                          {{"before", f.p99Before},
                           {"after", f.p99After},
                           {"difference", f.p99After - f.p99Before}}},
                         {"saturation_multiplier",
                          {{"before", f.saturationBefore ? Json(*f.saturationBefore) : Json()},
                           {"after", f.saturationAfter ? Json(*f.saturationAfter) : Json()}}}});
    out["flows"] = std::move(flows);
    out["flows_only_before"] = listJson(d.flowsOnlyBefore);
    out["flows_only_after"] = listJson(d.flowsOnlyAfter);
    out["saturation"] = {{"before", saturationJson(d.saturationBefore)},
                         {"after", saturationJson(d.saturationAfter)}};
    return out;
}

} // namespace archlens
