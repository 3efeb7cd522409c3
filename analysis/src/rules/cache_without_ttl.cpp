// A cache whose expiry the design never states. The catalogue's default TTL is only a
// placeholder for the numbers, so the rule asks for the candidate's own choice. A cache
// that is also never invalidated on writes is cache-without-invalidation's finding, which
// names both gaps (one finding per cause).
#include "content_helpers.h"

namespace archlens::rules {

void cacheWithoutTtl(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components)
        if (ctx.is(c, KindTrait::Cache) && !c.props.contains("ttl_s") &&
            !uninvalidatedCache(ctx, c))
            emit(out, "cache-without-ttl", {c.id}, {{"name", ctx.name(c.id)}});
}

} // namespace archlens::rules
