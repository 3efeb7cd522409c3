// A store that confirms writes before any copy has them and fails over by itself: the
// replica it promotes can lack the writes users were just told succeeded. Often the right
// trade, but only once the candidate has said how much loss this data can take.
#include "data_helpers.h"

namespace archlens::rules {

void asyncReplicationLoss(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        if (!ctx.isDataStore(c) || ctx.prop(c, "replication") != "async") continue;
        // One copy has nothing to fail over to; by hand, someone can check before
        // promoting (manual-failover and single-point-of-failure speak for that case).
        if (ctx.count(c, "instances", 1) < 2 || ctx.prop(c, "failover") != "automatic") continue;
        const auto writes = accessesTo(ctx, c.id, "write");
        if (writes.empty()) continue;
        const int replicas = ctx.count(c, "instances", 1) - 1;
        double rate = 0;
        for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
            const auto& rates = ctx.rates(f);
            for (const auto& w : writes)
                if (w.flow == f) rate += rates[w.connection];
        }
        emit(out, "async-replication-loss", {c.id},
             {{"name", ctx.name(c.id)},
              {"replicas", replicas == 1 ? std::string("its replica")
                                         : "any of its " + count(replicas) + " replicas"},
              {"flows", flowNamesOf(ctx, writes)},
              {"rate", rateText(rate)}});
    }
}

} // namespace archlens::rules
