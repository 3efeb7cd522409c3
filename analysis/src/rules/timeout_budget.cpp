// An inner call allowed to wait as long as (or longer than) the call that waits for it.
#include "rule.h"

namespace archlens::rules {

void timeoutBudget(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& inner : ctx.doc.connections) {
        if (inner.mode != ConnectionMode::Sync) continue;
        const Json& innerTimeout = ctx.prop(inner, "timeout_ms");
        if (!innerTimeout.is_number()) continue;
        // The tightest caller's timeout is the budget; report against it once.
        const Connection* tightest = nullptr;
        for (size_t i : ctx.incoming(inner.from)) {
            const auto& outer = ctx.doc.connections[i];
            const Json& t = ctx.prop(outer, "timeout_ms");
            if (outer.mode != ConnectionMode::Sync || !t.is_number()) continue;
            if (!tightest || t.get<double>() < ctx.number(*tightest, "timeout_ms"))
                tightest = &outer;
        }
        if (!tightest || innerTimeout.get<double>() < ctx.number(*tightest, "timeout_ms")) continue;
        emit(out, "timeout-budget", {inner.id},
             {{"connection", ctx.describe(inner)},
              {"inner", count(innerTimeout.get<double>())},
              {"outer", count(ctx.number(*tightest, "timeout_ms"))},
              {"outer_connection", ctx.describe(*tightest)}});
    }
}

} // namespace archlens::rules
