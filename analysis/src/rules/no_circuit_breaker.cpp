// A synchronous call to an external or weaker dependency with nothing to stop calling it
// while it is failing.
#include "rule.h"

namespace archlens::rules {

void noCircuitBreaker(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.connections) {
        if (c.mode != ConnectionMode::Sync || ctx.flag(c, "circuit_breaker")) continue;
        const Component* from = ctx.component(c.from);
        const Component* to = ctx.component(c.to);
        if (!from || !to || ctx.isClient(*from) || ctx.flag(*from, "external")) continue;
        std::string why;
        if (ctx.flag(*to, "external"))
            why = "an external service";
        else if (ctx.number(*to, "availability", 1) < ctx.number(*from, "availability", 1) &&
                 ctx.number(*to, "instances", 1) <= 1)
            why = "less available than its caller, " + percent(ctx.number(*to, "availability", 1)) +
                  " against " + percent(ctx.number(*from, "availability", 1));
        else
            continue;
        emit(out, "no-circuit-breaker", {c.id},
             {{"connection", ctx.describe(c)}, {"callee", ctx.name(c.to)}, {"why", why}});
    }
}

} // namespace archlens::rules
