// A wide parallel fan-out whose latency is the slowest of many.
#include "rule.h"

namespace archlens::rules {

namespace {
constexpr double kWideFanOut = 10;
}

void fanOutTail(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.connections) {
        const double calls = ctx.number(c, "calls", 1);
        if (c.mode != ConnectionMode::Sync || !ctx.flag(c, "parallel") || calls < kWideFanOut)
            continue;
        emit(
            out, "fan-out-tail", {c.id},
            {{"connection", ctx.describe(c)}, {"calls", count(calls)}, {"callee", ctx.name(c.to)}});
    }
}

} // namespace archlens::rules
