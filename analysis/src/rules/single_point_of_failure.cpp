// A component or zone whose failure alone fails a flow (from the availability pass's cut
// sets), reported once per cause: a component with no redundancy of its own, or a zone
// that holds every instance of redundant components.
#include "flow_helpers.h"

namespace archlens::rules {

namespace {

/// What makes this kind of component survive the loss of one copy; "add instances" is not
/// the answer for every kind.
std::string fixFor(const Context& ctx, const Component& c) {
    const std::string name = ctx.name(c.id);
    if (ctx.isMessageBroker(c))
        return "Run " + name + " on a replicated broker spread over two or more zones "
               "(a replication factor of 3, or a managed queue), so losing one broker loses no "
               "messages and stops nothing.";
    if (ctx.is(c, KindTrait::Cache))
        return "Run " + name + " as a replicated cluster over two or more zones, or let "
               "callers fall back to the store when it is down (make the call optional).";
    if (ctx.isDataStore(c))
        return "Keep a synchronous standby of " + name + " in another zone with automatic "
               "failover (a managed database offers this), so a primary failure costs seconds, "
               "not an outage.";
    if (ctx.is(c, KindTrait::LoadBalancing))
        return "Run " + name + " as a redundant pair in different zones (or use a managed "
               "one that spans zones), with health checks on what it routes to.";
    return "Run at least two instances of " + name + " in different zones behind a load "
           "balancer with health checks, so one instance or one zone can fail.";
}

} // namespace

void singlePointOfFailure(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& result : ctx.report.components) {
        if (result.spofFor.empty()) continue;
        const Component* c = ctx.component(result.id);
        // A third party's outage is judged by sync-to-external and no-circuit-breaker: telling
        // a candidate to run more instances of someone else's service would be nonsense. A
        // managed object store spreads its copies over zones by itself; its published
        // figure already counts in the flow's availability.
        if (!c || ctx.isClient(*c) || ctx.flag(*c, "external") ||
            ctx.is(*c, KindTrait::ObjectStore))
            continue;
        const int instances = ctx.count(*c, "instances", 1);
        const bool many = result.spofFor.size() > 1;
        Values values{{"name", ctx.name(c->id)},
                      {"flows", flowNames(ctx, result.spofFor)},
                      {"s", many ? "" : "s"},
                      {"flow_word", many ? "these flows" : "that flow"},
                      {"instances", std::to_string(instances)},
                      {"detail", instances == 1 ? "one instance"
                                                : std::to_string(instances) + " instances"},
                      {"fix", fixFor(ctx, *c)}};
        if (instances > 1 && ctx.prop(*c, "failover") == "manual")
            // A store's standby is promoted (and may lose acknowledged writes); a service's
            // spare instance is simply switched to: different fixes, different questions.
            emitVariant(out, "single-point-of-failure",
                        ctx.isDataStore(*c) ? "manual" : "manual-service", {c->id}, values);
        else if (ctx.is(*c, KindTrait::RateLimiter) ||
                 (ctx.flag(*c, "auth") && ctx.outgoing(*c).empty()))
            // A rate limiter, or an auth service that calls nothing further, is asked beside
            // the request path on every request: whether the flow survives its loss is a
            // decision (fail open or closed), not only a matter of copies.
            emitVariant(out, "single-point-of-failure", "side-call", {c->id}, values);
        else
            emit(out, "single-point-of-failure", {c->id}, values);
    }
    for (const auto& cause : ctx.zoneCauses()) {
        if (cause.spread.empty()) continue; // its components' own findings explain it
        std::vector<std::string> subjects{cause.zone};
        subjects.insert(subjects.end(), cause.spread.begin(), cause.spread.end());
        const bool many = cause.flows.size() > 1, several = cause.spread.size() > 1;
        emitVariant(out, "single-point-of-failure", "zone", subjects,
                    {{"zone", cause.zone},
                     {"names", flowNames(ctx, cause.spread)},
                     {"have", several ? "have" : "has"},
                     {"flows", flowNames(ctx, cause.flows)},
                     {"s", many ? "" : "s"},
                     {"flow_word", many ? "these flows" : "that flow"}});
    }
}

} // namespace archlens::rules
