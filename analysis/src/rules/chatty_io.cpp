// Many sequential round trips per request (the N+1 pattern).
#include "resilience_helpers.h"

namespace archlens::rules {

namespace {
constexpr double kChattyCalls = 5;
}

void chattyIo(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.connections) {
        if (c.mode != ConnectionMode::Sync || ctx.flag(c, "parallel")) continue;
        const double calls = ctx.number(c, "calls", 1);
        if (calls < kChattyCalls) continue;
        // A write copied to a hundred followers is fan-out-on-write's finding: batching the
        // round trips would not fix the celebrity who turns one post into millions.
        if (isWriteFanOut(ctx, c)) continue;
        emit(out, "chatty-io", {c.id},
             {{"connection", ctx.describe(c)},
              {"calls", fixed(calls, calls == static_cast<long>(calls) ? 0 : 1)},
              {"callee", ctx.name(c.to)}});
    }
}

} // namespace archlens::rules
