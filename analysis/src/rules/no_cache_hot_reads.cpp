// A busy read flow that leans on a disk-backed store with no cache anywhere on its way.
#include "flow_helpers.h"

namespace archlens::rules {

namespace {
constexpr double kHotReadsPerSecond = 1000;
/// A store that answers in a millisecond or less is memory-fast already (an in-memory
/// key-value store, sorted sets, a geo index): a cache in front of it saves nothing.
constexpr double kMemoryFastP50Ms = 1;
/// Below this utilisation the store carries the reads comfortably; a cache is then an
/// optimisation to discuss, not a red flag...
constexpr double kBusy = 0.5;
/// ...unless every one of this many reads a second reaches the store: one step from a
/// scaling cliff that a cache of the hot items would push back tenfold.
constexpr double kVeryHotReadsPerSecond = 10000;
} // namespace

void noCacheHotReads(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& flow : ctx.doc.flows) {
        if (flow.op != "read" || flow.rate_rps < kHotReadsPerSecond) continue;
        bool cached = false;
        const Component* busiest = nullptr;
        double busiestLoad = -1;
        walkFlow(ctx, flow, false, [&](const Connection& c) {
            const Component* to = ctx.callee(c);
            if (!to) return false;
            // A DNS answer's TTL caches an address, not the data the flow reads.
            if (ctx.is(*to, KindTrait::Cache) || ctx.is(*to, KindTrait::Cdn) ||
                (ctx.prop(*to, "ttl_s").is_number() && !ctx.is(*to, KindTrait::Dns)))
                cached = true;
            if (!ctx.isDataStore(*to) || ctx.is(*to, KindTrait::Cache) ||
                ctx.is(*to, KindTrait::ObjectStore))
                return true;
            const Json& latency = ctx.prop(*to, "latency_ms");
            if (latency.is_object() && latency.contains("p50") && latency["p50"].is_number() &&
                latency["p50"].get<double>() <= kMemoryFastP50Ms)
                return true;
            // The store the reads lean on hardest is the one to name, not the first met.
            const ComponentResult* r = ctx.result(to->id);
            const double load = r ? r->offeredRps : 0;
            if (load > busiestLoad) {
                busiest = to;
                busiestLoad = load;
            }
            return true;
        });
        if (cached || !busiest) continue;
        if (const ComponentResult* r = ctx.result(busiest->id);
            r && r->utilisation < kBusy && flow.rate_rps < kVeryHotReadsPerSecond)
            continue;
        emit(out, "no-cache-hot-reads", {busiest->id},
             {{"flow", ctx.name(flow.id)},
              {"store", ctx.name(busiest->id)},
              {"rate", rateText(flow.rate_rps)}});
    }
}

} // namespace archlens::rules
