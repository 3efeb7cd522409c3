// Several instances called directly, with nothing to spread the traffic or skip dead ones.
#include "rule.h"

namespace archlens::rules {

void missingLoadBalancer(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.connections) {
        if (c.mode != ConnectionMode::Sync) continue;
        const Component* from = ctx.caller(c);
        const Component* to = ctx.callee(c);
        if (!from || !to || !ctx.isClient(*from)) continue;
        if (!ctx.is(*to, KindTrait::Server) || ctx.number(*to, "instances", 1) < 2) continue;
        emit(out, "missing-load-balancer", {c.id, to->id},
             {{"caller", ctx.name(from->id)},
              {"name", ctx.name(to->id)},
              {"instances", count(ctx.number(*to, "instances", 1))}});
    }
}

} // namespace archlens::rules
