#include "archlens/analysis/report_json.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <type_traits>
#include <utility>

namespace archlens {

namespace {

Json num(double v) {
    if (!std::isfinite(v)) return nullptr;
    if (v == 0) return 0;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", v);
    const double rounded = std::strtod(buffer, nullptr);
    if (std::floor(rounded) == rounded && std::fabs(rounded) < 1e15)
        return static_cast<long long>(rounded);
    return rounded;
}

// A report's text moved into the JSON when the report is given up (a Report&&), copied when
// it is not: a large report's findings hold tens of megabytes of text.
template <typename T> decltype(auto) take(T& value) {
    if constexpr (std::is_const_v<T>)
        return static_cast<const T&>(value);
    else
        return std::move(value);
}

template <typename Strings> Json strings(Strings& items) {
    Json out = Json::array();
    for (auto& s : items)
        out.push_back(take(s));
    return out;
}

// Report is `const Report` or `Report`; the JSON is the same.
template <typename Report> Json build(const Document& doc, Report& report) {
    Json out = Json::object();
    out["schema"] = "archlens-report";
    out["version"] = 1;
    out["title"] = doc.title;

    Json requirements = Json::object();
    if (doc.requirements.availability)
        requirements["availability"] = num(*doc.requirements.availability);
    if (doc.requirements.p99_ms) requirements["p99_ms"] = num(*doc.requirements.p99_ms);
    requirements["max_sync_depth"] = doc.requirements.max_sync_depth.value_or(4);
    if (doc.requirements.peak_rps) requirements["peak_rps"] = num(*doc.requirements.peak_rps);
    out["requirements"] = requirements;

    Json flows = Json::array();
    for (auto& f : report.flows) {
        Json hops = Json::array();
        for (const auto& h : f.hops)
            hops.push_back({{"component", h.component},
                            {"connection", h.connection},
                            {"p50_ms", num(h.p50_ms)},
                            {"p99_ms", num(h.p99_ms)}});
        Json j = {{"id", f.id},
                  {"name", f.name},
                  {"availability", num(f.availability)},
                  {"availability_up", num(f.availabilityUp)},
                  {"timed_out", num(f.timedOut)},
                  {"background", f.background},
                  {"availability_method", f.availabilityMethod},
                  {"availability_interval", f.availabilityInterval
                                                ? Json::array({num(f.availabilityInterval->first),
                                                               num(f.availabilityInterval->second)})
                                                : Json()},
                  {"nines", num(nines(f.availability))},
                  {"downtime_min_per_month", num(f.downtimeMinPerMonth)},
                  {"downtime_min_per_year", num(f.downtimeMinPerYear)},
                  {"latency_ms", {{"p50", num(f.p50_ms)}, {"p99", num(f.p99_ms)}}},
                  {"async_latency_ms", {{"p50", num(f.asyncP50_ms)}, {"p99", num(f.asyncP99_ms)}}},
                  {"critical_path", strings(f.criticalPath)},
                  {"hops", hops},
                  {"sync_depth", f.syncDepth},
                  {"sync_components", strings(f.syncComponents)},
                  {"async_components", strings(f.asyncComponents)},
                  {"cycle", strings(f.cycle)}};
        flows.push_back(std::move(j));
    }
    out["flows"] = std::move(flows);

    Json components = Json::array();
    for (auto& c : report.components)
        components.push_back({{"id", c.id},
                              {"offered_rps", num(c.offeredRps)},
                              {"utilisation", num(c.utilisation)},
                              {"spof_for", strings(c.spofFor)}});
    out["components"] = std::move(components);

    Json zones = Json::array();
    for (auto& z : report.zones)
        zones.push_back({{"id", z.id}, {"spof_for", strings(z.spofFor)}});
    out["zones"] = std::move(zones);

    Json curves = Json::array();
    for (const auto& p : report.curves) {
        Json perFlow = Json::array();
        for (size_t i = 0; i < p.flowLatency.size() && i < report.flows.size(); ++i)
            perFlow.push_back({{"id", report.flows[i].id},
                               {"p50_ms", num(p.flowLatency[i].first)},
                               {"p99_ms", num(p.flowLatency[i].second)}});
        curves.push_back({{"multiplier", num(p.multiplier)},
                          {"max_utilisation", num(p.maxUtilisation)},
                          {"busiest_component", p.busiestComponent},
                          {"flows", perFlow}});
    }
    out["curves"] = std::move(curves);
    out["saturation"] = report.saturation ? Json{{"multiplier", num(report.saturation->multiplier)},
                                                 {"component", report.saturation->component}}
                                          : Json();

    // An accepted trade-off is listed with its note but counted apart from the open
    // findings, as `archlens check` does for its exit status. Both keys appear only when
    // something is accepted, so reports of designs without acknowledgements are unchanged.
    Json findings = Json::array();
    int counts[3] = {0, 0, 0};
    int acknowledged = 0;
    for (auto& f : report.findings) {
        if (f.acknowledged)
            ++acknowledged;
        else
            ++counts[static_cast<int>(f.severity)];
        Json j = {{"rule", f.rule},
                  {"severity", toString(f.severity)},
                  {"title", take(f.title)},
                  {"message", take(f.message)},
                  {"subjects", strings(f.subjects)},
                  {"guide_section", f.guideSection},
                  {"suggestion", take(f.suggestion)},
                  {"follow_up", take(f.followUp)}};
        // The flow a finding is about: with the rule and the subjects, what an accepted
        // trade-off is stored under (findingKey).
        if (!f.flow.empty()) j["flow"] = f.flow;
        if (f.acknowledged) j["acknowledgement"] = {{"note", *f.acknowledged}};
        findings.push_back(std::move(j));
    }
    out["findings"] = std::move(findings);
    out["summary"] = {{"errors", counts[2]}, {"warnings", counts[1]}, {"infos", counts[0]}};
    if (acknowledged > 0) out["summary"]["acknowledged"] = acknowledged;
    return out;
}

} // namespace

Json reportToJson(const Document& doc, const Report& report) {
    return build(doc, report);
}

Json reportToJson(const Document& doc, Report&& report) {
    return build(doc, report);
}

} // namespace archlens
