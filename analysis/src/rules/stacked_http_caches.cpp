// Two HTTP caches with their own expiry on one read path (a CDN in front of a caching
// reverse proxy, or two CDNs). A response can then be served stale by either layer until
// both have expired, a purge must reach them inner layer first or the outer one refills
// from the stale inner copy, and nothing in the design says which layer owns the lifetime.
#include "flow_helpers.h"

#include <algorithm>
#include <set>

namespace archlens::rules {

namespace {
/// A layer that keeps HTTP responses: a CDN, or a proxy in front of the servers that was
/// given a TTL (without one, the proxy only forwards).
bool httpCache(const Context& ctx, const Component& c) {
    if (ctx.is(c, KindTrait::Cache)) return false; // an application's cache, not HTTP's
    return ctx.is(c, KindTrait::Cdn) ||
           (ctx.is(c, KindTrait::LoadBalancing) && c.props.contains("ttl_s"));
}
} // namespace

void stackedHttpCaches(const Context& ctx, std::vector<Finding>& out) {
    const auto stacks = readPathStacks(
        ctx, [&](const Component& c) { return httpCache(ctx, c); }, 2);
    for (const auto& [layers, flows] : stacks) {
        std::string names;
        for (std::size_t i = 0; i < layers.size(); ++i) {
            const Component* c = ctx.component(layers[i]);
            names +=
                (i == 0                   ? ""
                 : i + 1 == layers.size() ? " and "
                                          : ", ") +
                ctx.name(layers[i]) +
                (c->props.contains("ttl_s")
                     ? " (TTL " + durationInputText(ctx.number(*c, "ttl_s", 0), "s", true) + ")"
                     : " (TTL not stated)");
        }
        emit(out, "stacked-http-caches", layers,
             {{"flows", flowNames(ctx, flows)},
              {"layers", names},
              {"es", flows.size() == 1 ? "es" : ""}});
    }
}

} // namespace archlens::rules
