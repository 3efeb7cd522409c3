// Every write to a single-primary store lands on one machine, however many replicas it
// has. The load model spreads a component's load over all its instances, so a store with
// replicas looks comfortable (saturated-component stays quiet) while its primary cannot
// take the writes: the fix is sharding or another store, never more replicas.
#include "data_helpers.h"

#include <cmath>

namespace archlens::rules {

namespace {
constexpr double kBusy = 0.8;
}

void singlePrimaryWriteLimit(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        if (!ctx.isDataStore(c) || !ctx.is(c, KindTrait::SinglePrimary)) continue;
        // A store that is busy as a whole is saturated-component's finding, whose fix for
        // a single primary already says that replicas do not take writes.
        const ComponentResult* r = ctx.report.component(c.id);
        if (!r || r->utilisation >= kBusy) continue;
        const auto writes = accessesTo(ctx, c.id, "write");
        if (writes.empty()) continue;
        double rate = 0;
        for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
            bool writesHere = false;
            for (const auto& w : writes)
                writesHere = writesHere || w.flow == f;
            if (!writesHere) continue;
            const auto rates = connectionRates(ctx, f);
            for (const auto& w : writes)
                if (w.flow == f) rate += rates[w.connection];
        }
        const double perInstance = ctx.number(c, "capacity_rps", 1);
        const double share = rate / perInstance;
        if (share < kBusy) continue;
        const Values values{{"name", ctx.name(c.id)},
                            {"flows", flowNamesOf(ctx, writes)},
                            {"writes", rateText(rate)},
                            {"per_instance", rateText(perInstance)},
                            {"share", shareText(share)},
                            {"instances", count(ctx.count(c, "instances", 1))},
                            {"utilisation", shareText(r->utilisation)},
                            {"shards", count(std::ceil(rate / (0.7 * perInstance)))}};
        emit(out, "single-primary-write-limit", {c.id}, values,
             share >= 1 ? Severity::Error : Severity::Warning);
    }
}

} // namespace archlens::rules
