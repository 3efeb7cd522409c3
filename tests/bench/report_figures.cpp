#include "report_figures.h"

namespace archlens::bench {

void writeFigures(const Report& report, std::FILE* out) {
    for (const FlowResult& f : report.flows) {
        std::fprintf(out, "flow %s: availability %a up %a timed out %a p50 %a p99 %a async %a %a\n",
                     f.id.c_str(), f.availability, f.availabilityUp, f.timedOut, f.p50_ms, f.p99_ms,
                     f.asyncP50_ms, f.asyncP99_ms);
        if (f.availabilityInterval)
            std::fprintf(out, "flow %s: interval %a %a\n", f.id.c_str(),
                         f.availabilityInterval->first, f.availabilityInterval->second);
        std::fprintf(out, "flow %s: components %zu critical path", f.id.c_str(),
                     f.syncComponents.size());
        for (const std::string& id : f.criticalPath)
            std::fprintf(out, " %s", id.c_str());
        std::fprintf(out, "; hops");
        for (const HopContribution& h : f.hops)
            std::fprintf(out, " %s %a %a", h.component.c_str(), h.p50_ms, h.p99_ms);
        std::fprintf(out, "\n");
    }
    for (const ComponentResult& c : report.components) {
        std::fprintf(out, "component %s: offered %a utilisation %a availability %a spof for",
                     c.id.c_str(), c.offeredRps, c.utilisation, c.availability);
        for (const std::string& f : c.spofFor)
            std::fprintf(out, " %s", f.c_str());
        std::fprintf(out, "\n");
    }
    for (const CurvePoint& p : report.curves) {
        std::fprintf(out, "curve x%a: busiest %s %a", p.multiplier, p.busiestComponent.c_str(),
                     p.maxUtilisation);
        for (const auto& [p50, p99] : p.flowLatency)
            std::fprintf(out, " %a %a", p50, p99);
        std::fprintf(out, "\n");
    }
    for (const ZoneResult& z : report.zones) {
        std::fprintf(out, "zone %s: availability %a spof for", z.id.c_str(), z.availability);
        for (const std::string& f : z.spofFor)
            std::fprintf(out, " %s", f.c_str());
        std::fprintf(out, "\n");
    }
    if (report.saturation)
        std::fprintf(out, "saturation %a %s\n", report.saturation->multiplier,
                     report.saturation->component.c_str());
}

} // namespace archlens::bench
