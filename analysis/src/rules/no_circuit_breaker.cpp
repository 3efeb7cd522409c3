// A synchronous call to an external or weaker dependency with nothing to stop calling it
// while it is failing.
#include "rule.h"

namespace archlens::rules {

void noCircuitBreaker(const Context& ctx, std::vector<Finding>& out) {
    for (size_t i = 0; i < ctx.doc.connections.size(); ++i) {
        const Connection& c = ctx.doc.connections[i];
        if (c.mode != ConnectionMode::Sync || ctx.flag(c, "circuit_breaker")) continue;
        const Component* from = ctx.caller(c);
        const Component* to = ctx.callee(c);
        // Name resolution is cached and retried by the resolver itself; a breaker in front
        // of DNS is not a thing anyone builds.
        if (!from || !to || ctx.isClient(*from) || ctx.flag(*from, "external") ||
            ctx.is(*to, KindTrait::Dns))
            continue;
        std::string why;
        if (ctx.flag(*to, "external"))
            why = "an external service";
        else if (ctx.number(*to, "availability", 1) < ctx.number(*from, "availability", 1) &&
                 ctx.number(*to, "instances", 1) <= 1)
            why = "less available than its caller, " +
                  availabilityInputText(ctx.number(*to, "availability", 1)) + " against " +
                  availabilityInputText(ctx.number(*from, "availability", 1));
        else
            continue;
        // "What does the user see?" is a question only where a person waits for the call.
        const bool userWaits = ctx.report.flows.empty() || ctx.userWaitsOn(i);
        emitVariant(out, "no-circuit-breaker", userWaits ? "" : "background", {c.id},
                    {{"connection", ctx.describe(c)}, {"callee", ctx.name(c.to)}, {"why", why}});
    }
}

} // namespace archlens::rules
