// A cache in front of a store that would be far from busy and fast enough without it. Every
// cache layer costs something: a second copy to keep fresh, an invalidation path for every
// write, a cold start after a restart, and one more component to size and run. A layer earns
// that when it takes load the store could not carry or latency the target cannot afford;
// here the store could serve every lookup itself at a twentieth of its capacity, well inside the
// flow's latency target, so the cache looks added by habit. The candidate may have a reason
// (a traffic forecast, a cost per query): the finding asks for it.
#include "flow_helpers.h"
#include "resilience_helpers.h"

#include "archlens/analysis/display_format.h"

#include <algorithm>
#include <map>

namespace archlens::rules {

namespace {
/// Below this share of its capacity, with every lookup sent to it, a store needs no help: it
/// could take a tenfold surge of those reads and still be under half busy. (A cache also
/// absorbs surges, so a store merely below its capacity is not enough.)
constexpr double kIdleShare = 0.05;
/// A store whose p99 is within this share of the flow's target needs no help with latency.
constexpr double kFastShare = 0.25;

struct Fronted {
    double lookups = 0; ///< req/s into the cache on the flows where it fronts the store
    double misses = 0;  ///< req/s the store gets on those flows from the same callers
    double target = 0;  ///< tightest p99 target of those flows, ms
    std::vector<std::string> flows;
};
} // namespace

void cacheSavesLittle(const Context& ctx, std::vector<Finding>& out) {
    std::map<std::pair<std::string, std::string>, Fronted> pairs; // (cache, store)
    std::vector<std::pair<std::string, std::string>> order;
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        const FlowResult& fr = ctx.report.flows[f];
        const Flow* flow = ctx.doc.flow(fr.id);
        if (!flow || fr.background || flow->op != "read") continue;
        const double target = flow->p99_ms                  ? *flow->p99_ms
                              : ctx.doc.requirements.p99_ms ? *ctx.doc.requirements.p99_ms
                                                            : 0;
        if (target <= 0) continue; // without a target, latency cannot be ruled out as the reason
        const std::vector<double> rates = connectionRates(ctx, f);
        for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i) {
            const Connection& lookup = ctx.doc.connections[i];
            const Component* cache = ctx.component(lookup.to);
            if (ctx.part(f, i) != Context::Part::Sync || !cache ||
                !ctx.is(*cache, KindTrait::Cache))
                continue;
            // The store behind it: read through the cache, or read by the same caller on a miss.
            std::vector<std::size_t> behind;
            for (std::size_t j : ctx.callsOf(f, cache->id))
                behind.push_back(j);
            for (std::size_t j : ctx.callsOf(f, lookup.from))
                if (j != i) behind.push_back(j);
            for (std::size_t j : behind) {
                const Connection& read = ctx.doc.connections[j];
                const Component* store = ctx.component(read.to);
                if (!store || !ctx.isDataStore(*store) || ctx.is(*store, KindTrait::Cache) ||
                    ctx.is(*store, KindTrait::ObjectStore) || ctx.number(read, "calls", 1) >= 1)
                    continue; // only a store read on misses (calls below 1) is fronted
                auto key = std::make_pair(cache->id, store->id);
                if (!pairs.count(key)) order.push_back(key);
                Fronted& p = pairs[key];
                p.lookups += rates[i];
                p.misses += rates[j];
                p.target = p.target == 0 ? target : std::min(p.target, target);
                if (std::find(p.flows.begin(), p.flows.end(), fr.id) == p.flows.end())
                    p.flows.push_back(fr.id);
            }
        }
    }
    for (const auto& key : order) {
        const Fronted& p = pairs[key];
        const Component* cache = ctx.component(key.first);
        const Component* store = ctx.component(key.second);
        const double capacity =
            ctx.count(*store, "instances", 1) * ctx.number(*store, "capacity_rps", 0);
        if (capacity <= 0 || p.lookups <= 0) continue;
        double offered = 0;
        for (const auto& c : ctx.report.components)
            if (c.id == store->id) offered = c.offeredRps;
        const double without = offered - p.misses + p.lookups;
        const double share = without / capacity;
        const double storeP99 = p99Of(ctx, *store);
        if (share >= kIdleShare || storeP99 <= 0 || storeP99 > kFastShare * p.target) continue;
        emit(out, "cache-saves-little", {cache->id, store->id},
             {{"cache", ctx.name(cache->id)},
              {"store", ctx.name(store->id)},
              {"flows", flowNames(ctx, p.flows)},
              {"lookups", rateText(p.lookups)},
              {"without", rateText(without)},
              {"share", shareText(share)},
              {"store_p99", millisecondsText(storeP99)},
              {"target", millisecondsText(p.target)}});
    }
}

} // namespace archlens::rules
