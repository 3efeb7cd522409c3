// Servers run in several regions but call a store that lives in one of them on the user's
// path. The far region's requests each cross between regions, and the store's region
// going down stops every region: the second region buys neither latency nor availability
// for these flows. single-region only speaks when everything sits in one region, and
// shared-failure-domain only about one zone, so neither says this. With read replicas in
// the far regions the reads stay local, but the writes still have a single home region and
// nothing drawn moves them when it fails: the same cause, said for that design.
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
        for (std::size_t i : ctx.incoming(store)) {
            const Connection& conn = ctx.doc.connections[i];
            const Component* from = ctx.caller(conn);
            if (!from || !ctx.isApplication(*from) || conn.mode != ConnectionMode::Sync) continue;
            // Only the far callers' flows cross between regions: the message names those.
            std::set<std::string> farOfCaller;
            for (const auto& r : regionsOf(ctx, *from))
                if (!home.count(r)) farOfCaller.insert(r);
            bool userPath = false;
            for (std::size_t f = 0; f < ctx.report.flows.size(); ++f)
                if (userFacing(ctx, f) && ctx.part(f, i) == Context::Part::Sync) {
                    userPath = true;
                    if (!farOfCaller.empty() && std::find(flows.begin(), flows.end(),
                                                          ctx.report.flows[f].id) == flows.end())
                        flows.push_back(ctx.report.flows[f].id);
                }
            if (!userPath) continue;
            far.insert(farOfCaller.begin(), farOfCaller.end());
            const bool away = !farOfCaller.empty();
            if (away && std::find(callers.begin(), callers.end(), from->id) == callers.end())
                callers.push_back(from->id);
        }
        if (far.empty()) continue;
        // Copies of the store kept in the far regions: reads can stay local there, but
        // writes still have one home, and the design shows nothing that moves them.
        std::vector<std::string> replicas;
        for (std::size_t i : ctx.outgoing(store)) {
            const Connection& conn = ctx.doc.connections[i];
            const Component* copy = ctx.callee(conn);
            if (conn.mode != ConnectionMode::Replication || !copy || !ctx.isDataStore(*copy))
                continue;
            for (const auto& r : regionsOf(ctx, *copy))
                if (far.count(r) &&
                    std::find(replicas.begin(), replicas.end(), copy->id) == replicas.end())
                    replicas.push_back(copy->id);
        }
        const std::string names = namesOf(ctx, callers);
        std::vector<std::string> subjects{store.id};
        subjects.insert(subjects.end(), callers.begin(), callers.end());
        emitVariant(out, "cross-region-data", replicas.empty() ? "" : "replica", subjects,
                    {{"store", ctx.name(store.id)},
                     {"callers", names},
                     {"far", joined(far)},
                     {"home", joined(home)},
                     {"flows", flowNames(ctx, flows)},
                     {"replicas", namesOf(ctx, replicas)}});
    }
}

} // namespace archlens::rules
