// A balancer that keeps sending traffic to instances it never checks.
#include "rule.h"

namespace archlens::rules {

void noHealthChecks(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        if (!ctx.is(c, KindTrait::LoadBalancing) || ctx.flag(c, "health_checks")) continue;
        for (size_t i : ctx.outgoing(c)) {
            const Component* backend = ctx.callee(ctx.doc.connections[i]);
            if (!backend || ctx.number(*backend, "instances", 1) < 2 ||
                ctx.flag(*backend, "external"))
                continue;
            emit(out, "no-health-checks", {c.id},
                 {{"name", ctx.name(c.id)},
                  {"backend", ctx.name(backend->id)},
                  {"instances", count(ctx.number(*backend, "instances", 1))}});
            break;
        }
    }
}

} // namespace archlens::rules
