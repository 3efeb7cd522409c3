// A cache filled on reads in front of a store that writes change, where no write ever
// touches the cache. Nothing then removes an entry whose record was updated or deleted, so
// readers get the old value until it expires: the TTL alone is the staleness promise, and a
// long one (or none) is a promise the candidate has to be able to defend.
#include "content_helpers.h"
#include "flow_helpers.h"

namespace archlens::rules {

namespace {
/// Up to a minute of staleness is a choice most read paths can live with unasked; past it,
/// an edit or a takedown that stays visible is something a user notices.
constexpr double kShortTtlSeconds = 60;
} // namespace

void cacheWithoutInvalidation(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        const auto found = uninvalidatedCache(ctx, c);
        if (!found) continue;
        std::string stores;
        for (const auto& id : found->stores)
            stores += (stores.empty() ? "" : ", ") + ctx.name(id);
        Values values{{"name", ctx.name(c.id)},
                      {"stores", stores},
                      {"readers", flowNames(ctx, found->readFlows)},
                      {"writers", flowNames(ctx, found->writeFlows)},
                      {"s_readers", found->readFlows.size() == 1 ? "s" : ""},
                      {"s_writers", found->writeFlows.size() == 1 ? "s" : ""}};
        if (!c.props.contains("ttl_s")) {
            // Without a TTL an entry outlives any number of changes: stale until evicted.
            emitVariant(out, "cache-without-invalidation", "no-ttl", {c.id}, values,
                        Severity::Warning);
            continue;
        }
        const double ttl = ctx.number(c, "ttl_s", 0);
        if (ttl <= kShortTtlSeconds) continue;
        values["ttl"] = durationInputText(ttl, "s");
        emit(out, "cache-without-invalidation", {c.id}, values);
    }
}

} // namespace archlens::rules
