// A service calling the instances of another service directly, with neither a load
// balancer between them nor service discovery in the design. Its callers then hold fixed
// addresses: an instance replaced, scaled out or dead keeps receiving (or never gets)
// traffic until someone edits configuration, which undoes the redundancy the instances
// were added for. missing-load-balancer covers the same gap where a client is the caller.
#include "flow_helpers.h"
#include "resilience_helpers.h"

namespace archlens::rules {

void hardwiredInstances(const Context& ctx, std::vector<Finding>& out) {
    // A registry anywhere in the design is how services find each other.
    for (const auto& c : ctx.doc.components)
        if (kindCovers(ctx, c, "Service Discovery")) return;
    for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i) {
        const Connection& c = ctx.doc.connections[i];
        if (c.mode != ConnectionMode::Sync) continue;
        const Component* from = ctx.caller(c);
        const Component* to = ctx.callee(c);
        // Load balancers and gateways are the answer; a mesh proxy beside the caller
        // (an ambassador) finds instances for it.
        if (!from || !to || ctx.isClient(*from) || ctx.flag(*from, "external") ||
            ctx.is(*from, KindTrait::LoadBalancing) || kindCovers(ctx, *from, "Ambassador"))
            continue;
        if (!ctx.is(*to, KindTrait::Server) || ctx.count(*to, "instances", 1) < 2) continue;
        bool taken = false;
        for (std::size_t f = 0; f < ctx.report.flows.size() && !taken; ++f)
            taken = ctx.part(f, i) != Context::Part::None;
        if (!taken) continue;
        emit(out, "hardwired-instances", {c.id, to->id},
             {{"caller", ctx.name(from->id)},
              {"name", ctx.name(to->id)},
              {"instances", count(ctx.number(*to, "instances", 1))}});
    }
}

} // namespace archlens::rules
