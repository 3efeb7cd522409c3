// A wide parallel fan-out whose latency is the slowest of many.
#include "rule.h"

namespace archlens::rules {

namespace {
constexpr double kWideFanOut = 10;
}

void fanOutTail(const Context& ctx, std::vector<Finding>& out) {
    for (size_t i = 0; i < ctx.doc.connections.size(); ++i) {
        const Connection& c = ctx.doc.connections[i];
        const double calls = ctx.number(c, "calls", 1);
        if (c.mode != ConnectionMode::Sync || !ctx.flag(c, "parallel") || calls < kWideFanOut)
            continue;
        // The tail only matters where a person waits: a background job's fan-out is
        // judged by its throughput, not by its slowest call.
        if (!ctx.userWaitsOn(i)) continue;
        emit(
            out, "fan-out-tail", {c.id},
            {{"connection", ctx.describe(c)}, {"calls", count(calls)}, {"callee", ctx.name(c.to)}});
    }
}

} // namespace archlens::rules
