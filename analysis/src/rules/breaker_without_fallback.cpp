// A circuit breaker on a call the request cannot do without. The breaker makes failure
// fast, but fast failure is still failure: while it is open every request that needs the
// call gets an error. It pays off when something else answers meanwhile (a cached or
// default answer, a second provider, work queued for later), and that has to be designed.
#include "rule.h"

namespace archlens::rules {

void breakerWithoutFallback(const Context& ctx, std::vector<Finding>& out) {
    for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i) {
        const Connection& c = ctx.doc.connections[i];
        if (c.mode != ConnectionMode::Sync || !ctx.flag(c, "circuit_breaker")) continue;
        // Optional calls and alternatives are fallbacks the diagram already shows.
        if (ctx.prop(c, "required") == false || !ctx.prop(c, "alternative").is_null()) continue;
        bool taken = false;
        for (std::size_t f = 0; f < ctx.report.flows.size() && !taken; ++f)
            taken = ctx.part(f, i) != Context::Part::None;
        if (!taken) continue;
        emitVariant(out, "breaker-without-fallback", ctx.userWaitsOn(i) ? "" : "background", {c.id},
                    {{"connection", ctx.describe(c)}, {"callee", ctx.name(c.to)}});
    }
}

} // namespace archlens::rules
