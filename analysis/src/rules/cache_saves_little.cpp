// A cache in front of a store that would be far from busy and fast enough without it. Every
// cache layer costs something: a second copy to keep fresh, an invalidation path for every
// write, a cold start after a restart, and one more component to size and run. A layer earns
// that when it takes load the store could not carry or latency the target cannot afford;
// here the store could serve every lookup itself at a twentieth of its capacity, well inside the
// flow's latency target, so the cache looks added by habit. The candidate may have a reason
// (a traffic forecast, a cost per query): the finding asks for it. The same question, put
// without numbers, for a read that passes three or more caching layers (a CDN, a caching
// proxy, a shared cache, a local one): each has its own copy, its own expiry and its own
// invalidation, and the design says what none of them saves.
#include "flow_helpers.h"
#include "resilience_helpers.h"

#include "archlens/analysis/display_format.h"

#include <algorithm>
#include <map>
#include <set>

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

/// This many caching layers on one read path ask what each of them saves.
constexpr std::size_t kManyLayers = 3;

/// A layer that keeps copies of what a read returns: a CDN, a proxy given a TTL, a cache.
bool cachingLayer(const Context& ctx, const Component& c) {
    return ctx.is(c, KindTrait::Cache) || ctx.is(c, KindTrait::Cdn) ||
           (ctx.is(c, KindTrait::LoadBalancing) && c.props.contains("ttl_s"));
}

/// Three or more caching layers on one read path, with an application cache among them (two
/// or more HTTP layers alone are stacked-http-caches' finding). Returns the caches reported.
std::set<std::string> layeredCaches(const Context& ctx, std::vector<Finding>& out) {
    std::set<std::string> reported;
    const auto stacks = readPathStacks(
        ctx, [&](const Component& c) { return cachingLayer(ctx, c); }, kManyLayers);
    for (const auto& [layers, flows] : stacks) {
        // An application cache among them; HTTP layers alone are stacked-http-caches'.
        if (std::none_of(layers.begin(), layers.end(), [&](const std::string& id) {
                return ctx.is(*ctx.component(id), KindTrait::Cache);
            }))
            continue;
        std::string names;
        for (std::size_t i = 0; i < layers.size(); ++i) {
            const Component* c = ctx.component(layers[i]);
            const Json& ttl = ctx.prop(*c, "ttl_s");
            names +=
                (i == 0                   ? ""
                 : i + 1 == layers.size() ? " and "
                                          : ", ") +
                ctx.name(c->id) +
                (ttl.is_number() ? " (TTL " + durationInputText(ttl.get<double>(), "s", true) + ")"
                                 : " (TTL not stated)");
            reported.insert(c->id);
        }
        emitVariant(out, "cache-saves-little", "layers", layers,
                    {{"flows", flowNames(ctx, flows)},
                     {"es", flows.size() == 1 ? "es" : ""},
                     {"count", count(static_cast<double>(layers.size()))},
                     {"layers", names}});
    }
    return reported;
}
} // namespace

void cacheSavesLittle(const Context& ctx, std::vector<Finding>& out) {
    const std::set<std::string> layered = layeredCaches(ctx, out);
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
        const std::vector<double>& rates = ctx.rates(f);
        for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i) {
            const Connection& lookup = ctx.doc.connections[i];
            const Component* cache = ctx.callee(lookup);
            if (ctx.part(f, i) != Context::Part::Sync || !cache ||
                !ctx.is(*cache, KindTrait::Cache))
                continue;
            // The store behind it: read through the cache, or read by the same caller on a miss.
            std::vector<std::size_t> behind;
            for (std::size_t j : ctx.callsOf(f, *cache))
                behind.push_back(j);
            for (std::size_t j : ctx.callsOf(f, lookup.from))
                if (j != i) behind.push_back(j);
            for (std::size_t j : behind) {
                const Connection& read = ctx.doc.connections[j];
                const Component* store = ctx.callee(read);
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
        if (layered.count(cache->id)) continue; // its layers' finding asks already
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
              {"target", durationInputText(p.target, "ms")}});
    }
}

} // namespace archlens::rules
