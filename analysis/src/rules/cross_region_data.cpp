// Servers run in several regions but call a store that lives in one of them on the user's
// path. The far region's requests each cross between regions, and the store's region
// going down stops every region: the second region buys neither latency nor availability
// for these flows. single-region only speaks when everything sits in one region, and
// shared-failure-domain only about one zone, so neither says this.
#include "data_helpers.h"

#include <algorithm>

namespace archlens::rules {

void crossRegionData(const Context& ctx, std::vector<Finding>& out) {
    std::set<std::string> serverRegions;
    for (const auto& c : ctx.doc.components)
        if (ctx.isApplication(c)) {
            const auto r = regionsOf(ctx, c);
            serverRegions.insert(r.begin(), r.end());
        }
    if (serverRegions.size() < 2) return;
    for (const auto& store : ctx.doc.components) {
        // Object storage is reached through a CDN or signed URLs, and replicated by the
        // provider; a cache in one region is a latency question of its own.
        if (!ctx.isDataStore(store) || ctx.is(store, KindTrait::ObjectStore) ||
            ctx.is(store, KindTrait::Cache))
            continue;
        const std::set<std::string> home = regionsOf(ctx, store);
        if (home.empty()) continue;
        std::set<std::string> far;
        std::vector<std::string> callers, flows;
        for (std::size_t i : ctx.incoming(store.id)) {
            const Connection& conn = ctx.doc.connections[i];
            const Component* from = ctx.component(conn.from);
            if (!from || !ctx.isApplication(*from) || conn.mode != ConnectionMode::Sync) continue;
            bool userPath = false;
            for (std::size_t f = 0; f < ctx.report.flows.size(); ++f)
                if (userFacing(ctx, f) && ctx.part(f, i) == Context::Part::Sync) {
                    userPath = true;
                    if (std::find(flows.begin(), flows.end(), ctx.report.flows[f].id) ==
                        flows.end())
                        flows.push_back(ctx.report.flows[f].id);
                }
            if (!userPath) continue;
            bool away = false;
            for (const auto& r : regionsOf(ctx, *from))
                if (!home.count(r)) {
                    far.insert(r);
                    away = true;
                }
            if (away && std::find(callers.begin(), callers.end(), from->id) == callers.end())
                callers.push_back(from->id);
        }
        if (far.empty()) continue;
        const std::string names = namesOf(ctx, callers);
        std::vector<std::string> subjects{store.id};
        subjects.insert(subjects.end(), callers.begin(), callers.end());
        emit(out, "cross-region-data", subjects,
             {{"store", ctx.name(store.id)},
              {"callers", names},
              {"far", joined(far)},
              {"home", joined(home)},
              {"flows", flowNames(ctx, flows)}});
    }
}

} // namespace archlens::rules
