// A CDN whose expiry the design never states. Edge copies then live as long as whatever
// headers the origin happens to send (or the provider's default), and nothing says how a
// corrected file is pulled back from the edges: the first thing to settle about a CDN.
// Kept apart from cache-without-ttl because an edge cache has its own section and its own
// answer (purge by path or tag, versioned names), not an application's invalidation.
#include "rule.h"

namespace archlens::rules {

void cdnWithoutExpiry(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components)
        if (ctx.is(c, KindTrait::Cdn) && !ctx.is(c, KindTrait::Cache) && !c.props.contains("ttl_s"))
            emit(out, "cdn-without-expiry", {c.id}, {{"name", ctx.name(c.id)}});
}

} // namespace archlens::rules
