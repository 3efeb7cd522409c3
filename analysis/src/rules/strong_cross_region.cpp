// Synchronous replication between regions: no confirmed write is lost, but each write a
// user waits for also waits for another region, and when the regions cannot talk the
// store must refuse writes (it chose consistency). Both costs are decisions to state; a
// target the extra round trip breaks is a flaw.
#include "data_helpers.h"

#include "../graph.h"

namespace archlens::rules {

void strongCrossRegion(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        if (!ctx.isDataStore(c) || ctx.prop(c, "replication") != "sync") continue;
        const std::set<std::string> regions = regionsOf(ctx, c);
        if (regions.size() < 2) continue;
        // The user-facing write flow the extra round trip hurts most: the one with the
        // least headroom under its p99 target (or, without targets, the slowest).
        const FlowResult* worst = nullptr;
        double worstScore = 0;
        std::optional<double> worstTarget;
        for (const auto& w : accessesTo(ctx, c.id, "write")) {
            if (w.part != Context::Part::Sync || !userFacing(ctx, w.flow)) continue;
            const FlowResult& f = ctx.report.flows[w.flow];
            const auto target = flowTargets(ctx.doc, f).p99_ms;
            const double score =
                target ? f.p99_ms + detail::kCrossRegionHopMs - *target : f.p99_ms - 1e12;
            if (!worst || score > worstScore) {
                worst = &f;
                worstScore = score;
                worstTarget = target;
            }
        }
        if (!worst) continue;
        const double with = worst->p99_ms + detail::kCrossRegionHopMs;
        const bool breaks = worstTarget && with > *worstTarget;
        Values values{{"name", ctx.name(c.id)},
                      {"regions", joined(regions)},
                      {"flow", ctx.name(worst->id)},
                      {"rtt", millisecondsText(detail::kCrossRegionHopMs)},
                      {"p99", millisecondsText(worst->p99_ms)},
                      {"with", millisecondsText(with)},
                      {"target", worstTarget ? durationInputText(*worstTarget, "ms") : "none"}};
        emitVariant(out, "strong-cross-region", worstTarget ? "" : "no-target", {c.id}, values,
                    breaks ? Severity::Warning : Severity::Info);
        out.back().flow = worst->id;
    }
}

} // namespace archlens::rules
