// A worker or service that must act as one (it alone assigns, sequences or runs a singleton
// job) yet runs several active instances and talks to nothing that could grant one of them
// the role. Whatever makes them agree is then built by hand, typically on each node's own
// clock and heartbeats, and a pause or a network split leaves two of them acting at once.
// Schedulers are uncoordinated-scheduler's; this covers every other component that says it
// needs a single active instance.
#include "resilience_helpers.h"

namespace archlens::rules {

void uncoordinatedSingleton(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.doc.components) {
        if (ctx.is(s, KindTrait::Scheduler) || !ctx.flag(s, "single_active")) continue;
        // Failover by hand keeps the others cold: one instance acts, and it is a single
        // point of failure, another rule's finding.
        if (ctx.prop(s, "failover") == "manual") continue;
        const int instances = ctx.count(s, "instances", 1);
        if (instances < 2) continue;
        if (talksToCoordination(ctx, s)) continue;
        // A consumer group of a stream hands each partition to one member at a time: the
        // broker holds the lease.
        bool consumesStream = false;
        for (std::size_t i : ctx.incoming(s))
            if (const Component* from = ctx.caller(ctx.doc.connections[i]);
                from && ctx.is(*from, KindTrait::Stream))
                consumesStream = true;
        if (consumesStream) continue;
        emit(out, "uncoordinated-singleton", {s.id},
             {{"name", ctx.name(s.id)}, {"instances", count(instances)}});
    }
}

} // namespace archlens::rules
