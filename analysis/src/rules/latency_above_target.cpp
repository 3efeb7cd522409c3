// A flow whose estimated p99 misses its target (its own, else the design's when a person
// waits for it), or whose requests time out.
#include "rule.h"

#include <algorithm>

namespace archlens::rules {

namespace {
/// Requests that give up this often are the story, not the percentile they end at.
constexpr double kTimingOut = 0.01;
} // namespace

void latencyAboveTarget(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& f : ctx.report.flows) {
        const FlowTargets targets = flowTargets(ctx.doc, f);
        if (!targets.missesP99(f)) continue;
        const double target = *targets.p99_ms;
        // A step's own p99 is worked out without the timeouts above it; never quote one
        // above the whole flow's.
        const HopContribution* slowest = nullptr;
        for (const auto& h : f.hops)
            if (!slowest || h.p99_ms > slowest->p99_ms) slowest = &h;
        std::string slowestText = "unknown";
        if (slowest)
            slowestText = slowest->p99_ms > f.p99_ms
                              ? ctx.name(slowest->component) + " (slower than the timeouts allow)"
                              : ctx.name(slowest->component) + " (p99 " +
                                    millisecondsText(slowest->p99_ms) + ")";
        const Values values{{"flow", ctx.name(f.id)},
                            {"p99", millisecondsText(f.p99_ms)},
                            {"p50", millisecondsText(f.p50_ms)},
                            {"target", durationInputText(target, "ms")},
                            {"slowest", slowestText},
                            {"share", shareText(f.timedOut)},
                            {"after", millisecondsText(f.p50_ms)}};
        // When requests give up, the percentile is the timeout budget, not a latency: say
        // that requests fail (availability-below-target counts them). An overloaded
        // component on the path is the cause, reported as an error of its own; this
        // finding then states the effect.
        const Severity effect = ctx.overloadedOn(f).empty() ? Severity::Error : Severity::Warning;
        if (f.timedOut >= 0.5)
            emitVariant(out, "latency-above-target", "timing-out", f.criticalPath, values, effect);
        else if (f.timedOut >= kTimingOut)
            emitVariant(out, "latency-above-target", "some-timing-out", f.criticalPath, values,
                        effect);
        else
            emit(out, "latency-above-target", f.criticalPath, values);
        out.back().flow = f.id;
    }
}

} // namespace archlens::rules
