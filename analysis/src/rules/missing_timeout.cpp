// A synchronous call that can hang forever: to an external service, or one that retries
// (a retry needs a timeout to know when to fire).
#include "rule.h"

namespace archlens::rules {

void missingTimeout(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.connections) {
        if (c.mode != ConnectionMode::Sync || ctx.prop(c, "timeout_ms").is_number()) continue;
        const Component* from = ctx.caller(c);
        const Component* to = ctx.callee(c);
        if (!from || !to || ctx.isClient(*from)) continue;
        std::string why;
        if (ctx.flag(*to, "external"))
            why = "to an external service";
        else if (ctx.number(c, "retries", 0) > 0)
            why = "that retries";
        else
            continue;
        emit(out, "missing-timeout", {c.id},
             {{"connection", ctx.describe(c)}, {"why", why}, {"callee", ctx.name(c.to)}});
    }
}

} // namespace archlens::rules
