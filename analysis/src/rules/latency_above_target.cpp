// A flow whose estimated p99 misses the requirement.
#include "rule.h"

namespace archlens::rules {

void latencyAboveTarget(const Context& ctx, std::vector<Finding>& out) {
    if (!ctx.doc.requirements.p99_ms) return;
    const double target = *ctx.doc.requirements.p99_ms;
    for (const auto& f : ctx.report.flows) {
        if (f.p99_ms <= target) continue;
        const HopContribution* slowest = nullptr;
        for (const auto& h : f.hops)
            if (!slowest || h.p99_ms > slowest->p99_ms) slowest = &h;
        emit(out, "latency-above-target", f.criticalPath,
             {{"flow", ctx.name(f.id)},
              {"p99", count(f.p99_ms)},
              {"p50", count(f.p50_ms)},
              {"target", count(target)},
              {"slowest",
               slowest ? ctx.name(slowest->component) + " (p99 " + count(slowest->p99_ms) + " ms)"
                       : "unknown"}});
        out.back().flow = f.id;
    }
}

} // namespace archlens::rules
