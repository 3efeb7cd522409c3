// A store that keeps its copies in other regions in step on every write, although no user
// waits for any of its writes: they all reach it in the background. Its
// readers already see it behind the source, so the synchronous copy buys them nothing; it
// still costs a cross-region round trip per write and stops updates while the regions
// cannot talk. Picking one consistency for all data, instead of deciding per kind of data
// what readers need, is the mistake this shows.
#include "data_helpers.h"

#include "../graph.h"

#include "archlens/analysis/display_format.h"

namespace archlens::rules {

void blanketConsistency(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        if (!ctx.isDataStore(c) || ctx.prop(c, "replication") != "sync") continue;
        const std::set<std::string> regions = regionsOf(ctx, c);
        if (regions.size() < 2) continue;
        const auto writes = accessesTo(ctx, c.id, "write");
        if (writes.empty()) continue;
        // A user's request that waits for the write wants it in step: strong-cross-region
        // weighs that cost. Here no user waits for any write: they come from background
        // work, the tail behind a queue, or a hand-over the caller does not wait on.
        bool waited = false;
        for (const auto& w : writes)
            if (w.part == Context::Part::Sync && userFacing(ctx, w.flow) &&
                ctx.doc.connections[w.connection].mode == ConnectionMode::Sync)
                waited = true;
        if (waited) continue;
        double rate = 0;
        for (const auto& w : writes)
            rate += ctx.rates(w.flow)[w.connection];
        emit(out, "blanket-consistency", {c.id},
             {{"name", ctx.name(c.id)},
              {"regions", joined(regions)},
              {"flows", flowNamesOf(ctx, writes)},
              {"rate", rateText(rate)},
              {"rtt", millisecondsText(detail::kCrossRegionHopMs)}});
    }
}

} // namespace archlens::rules
