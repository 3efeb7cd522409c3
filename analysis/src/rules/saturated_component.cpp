// A component at or above 80% utilisation at the current load; past 100% the requests it
// cannot take fail (the flows' availability counts them).
#include "rule.h"

#include <cmath>

namespace archlens::rules {

namespace {
/// What raises this kind's capacity: more instances is the answer for stateless compute,
/// not for a single-primary database or an object store.
std::string fixFor(const Context& ctx, const Component& c, double needed) {
    const std::string name = ctx.name(c.id);
    if (ctx.is(c, KindTrait::ObjectStore))
        return "Serve the reads of " + name + " through a CDN or a cache in front of it, and "
               "spread the keys over many prefixes; an object store is not scaled by adding "
               "instances.";
    if (ctx.is(c, KindTrait::SinglePrimary))
        return "Writes to " + name + " go to one primary, so more instances do not help them: "
               "cache the hot reads, send the other reads to read replicas, shard by key, or "
               "move this data to a store built for its write rate.";
    if (ctx.isMessageBroker(c))
        return "Add partitions to " + name + " (and consumers to match), or batch what is "
               "published to it.";
    if (ctx.isDataStore(c))
        return "Add shards to " + name + " (about " + count(needed) + " nodes for 70% "
               "utilisation) and check the key spreads the load evenly.";
    return "Add instances of " + name + " (about " + count(needed) + " for 70% utilisation), "
           "cache in front of it, or shed load before it.";
}
} // namespace

void saturatedComponent(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& r : ctx.report.components) {
        if (r.utilisation < 0.8) continue;
        const Component* c = ctx.component(r.id);
        if (!c || ctx.isClient(*c)) continue;
        const double instances = ctx.number(*c, "instances", 1),
                     perInstance = ctx.number(*c, "capacity_rps", 1);
        const double needed = std::ceil(r.offeredRps / (0.7 * perInstance));
        const Values values{{"name", ctx.name(c->id)},
                            {"utilisation", shareText(r.utilisation)},
                            {"load", rateText(r.offeredRps)},
                            {"capacity", rateText(instances * perInstance)},
                            {"instances", count(instances)},
                            {"per_instance", rateText(perInstance)},
                            {"failing", shareText(1 - 1 / r.utilisation)},
                            {"fix", fixFor(ctx, *c, needed)}};
        if (r.utilisation >= 1)
            emitVariant(out, "saturated-component", "overloaded", {c->id}, values,
                        Severity::Error);
        else
            emit(out, "saturated-component", {c->id}, values);
    }
}

} // namespace archlens::rules
