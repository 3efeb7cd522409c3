// Every write to a single-primary store lands on one machine, however many replicas it
// has. The load model spreads a component's load over all its instances, so a store with
// replicas looks comfortable (saturated-component stays quiet) while its primary cannot
// take the writes: the fix is sharding or another store, never more replicas. A sharded
// store has one primary per shard, and the writes spread over those primaries; the rule
// then asks whether one shard's primary can take its part.
#include "data_helpers.h"

#include <algorithm>
#include <cmath>

namespace archlens::rules {

namespace {
constexpr double kBusy = 0.8;

/// How many primaries share the store's writes. A store partitioned by a key (its
/// shard_key) has one per shard: its `shards`, at most one per instance (several logical
/// shards on one machine share its primary), or, with no count given, every instance
/// leading a part of the data, as the catalogue's help on `shards` says. An unpartitioned
/// store has one.
int primariesOf(const Context& ctx, const Component& c) {
    const int instances = std::max(1, ctx.count(c, "instances", 1));
    const Json& shards = ctx.prop(c, "shards");
    if (shards.is_number()) return std::clamp(ctx.count(c, "shards", 1), 1, instances);
    const Json& key = ctx.prop(c, "shard_key");
    const bool partitioned =
        key.is_string() && key.get<std::string>().find_first_not_of(" \t") != std::string::npos;
    return partitioned ? instances : 1;
}
} // namespace

void singlePrimaryWriteLimit(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        if (!ctx.isDataStore(c) || !ctx.is(c, KindTrait::SinglePrimary)) continue;
        // A store that is busy as a whole is saturated-component's finding, whose fix for
        // a single primary already says that replicas do not take writes.
        const ComponentResult* r = ctx.result(c.id);
        if (!r || r->utilisation >= kBusy) continue;
        const auto writes = accessesTo(ctx, c.id, "write");
        if (writes.empty()) continue;
        double rate = 0;
        for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
            bool writesHere = false;
            for (const auto& w : writes)
                writesHere = writesHere || w.flow == f;
            if (!writesHere) continue;
            const auto& rates = ctx.rates(f);
            for (const auto& w : writes)
                if (w.flow == f) rate += rates[w.connection];
        }
        // Even spread is the best the shards can do: a skewed key is a question of its own.
        const int primaries = primariesOf(ctx, c);
        const double perPrimary = rate / primaries;
        const double perInstance = ctx.number(c, "capacity_rps", 1);
        const double share = perPrimary / perInstance;
        if (share < kBusy) continue;
        const Values values{{"name", ctx.name(c.id)},
                            {"flows", flowNamesOf(ctx, writes)},
                            {"writes", rateText(rate)},
                            {"per_primary", rateText(perPrimary)},
                            {"primaries", count(primaries)},
                            {"per_instance", rateText(perInstance)},
                            {"share", shareText(share)},
                            {"instances", count(ctx.count(c, "instances", 1))},
                            {"utilisation", shareText(r->utilisation)},
                            {"shards", count(std::ceil(rate / (0.7 * perInstance)))}};
        emitVariant(out, "single-primary-write-limit", primaries > 1 ? "sharded" : "", {c.id},
                    values, share >= 1 ? Severity::Error : Severity::Warning);
    }
}

} // namespace archlens::rules
