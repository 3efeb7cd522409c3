// A user's write is confirmed once one store has it, while the reads come from another
// copy filled later (a replica, or a store written in the background). Right after saving,
// the user can read the old data and think the save failed. Whether that matters depends on
// the product, so the candidate has to say which reads must see their own writes.
#include "data_helpers.h"

#include <algorithm>

namespace archlens::rules {

namespace {
/// A store whose copies are worth reasoning about: blobs are written once under a new key
/// and caches are the cache rules' business.
bool copyable(const Context& ctx, const Component& c) {
    return ctx.isDataStore(c) && !ctx.is(c, KindTrait::ObjectStore) && !ctx.is(c, KindTrait::Cache);
}
} // namespace

void staleReplicaRead(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& a : ctx.doc.components) {
        if (!copyable(ctx, a)) continue;
        // The user-facing write flows that are confirmed once `a` has the write.
        std::vector<std::size_t> confirmed;
        for (const auto& w : accessesTo(ctx, a.id, "write"))
            if (w.part == Context::Part::Sync && userFacing(ctx, w.flow) &&
                std::find(confirmed.begin(), confirmed.end(), w.flow) == confirmed.end())
                confirmed.push_back(w.flow);
        if (confirmed.empty()) continue;
        for (const auto& b : ctx.doc.components) {
            if (&b == &a || !copyable(ctx, b)) continue;
            // How b gets a's writes later: a copy from a (replication or an asynchronous
            // connection), or the background part of the same write flow writing it.
            std::string how;
            for (std::size_t i : ctx.outgoing(a.id)) {
                const Connection& c = ctx.doc.connections[i];
                if (c.to == b.id && c.mode != ConnectionMode::Sync) how = "copy";
            }
            std::vector<std::size_t> writers;
            for (const auto& w : accessesTo(ctx, b.id, "write")) {
                if (std::find(confirmed.begin(), confirmed.end(), w.flow) == confirmed.end())
                    continue;
                // Written in the sync part too: the flow waits for b as well.
                if (w.part == Context::Part::Sync) {
                    writers.clear();
                    break;
                }
                writers.push_back(w.flow);
            }
            if (how.empty() && !writers.empty()) how = "tail";
            if (how.empty()) continue;
            // The user-facing reads served from b without looking at a.
            std::vector<StoreAccess> reads;
            for (const auto& r : accessesTo(ctx, b.id, "read")) {
                if (r.part != Context::Part::Sync || !userFacing(ctx, r.flow)) continue;
                const auto fromA = accessesTo(ctx, a.id, "read");
                if (std::any_of(fromA.begin(), fromA.end(), [&](const StoreAccess& x) {
                        return x.flow == r.flow && x.part == Context::Part::Sync;
                    }))
                    continue;
                reads.push_back(r);
            }
            if (reads.empty()) continue;
            std::vector<std::string> writeIds;
            const auto& flows = how == "copy" ? confirmed : writers;
            for (std::size_t f : flows)
                if (std::find(writeIds.begin(), writeIds.end(), ctx.report.flows[f].id) ==
                    writeIds.end())
                    writeIds.push_back(ctx.report.flows[f].id);
            emitVariant(out, "stale-replica-read", how == "copy" ? "" : "background", {a.id, b.id},
                        {{"primary", ctx.name(a.id)},
                         {"copy", ctx.name(b.id)},
                         {"writes", flowNames(ctx, writeIds)},
                         {"reads", flowNamesOf(ctx, reads)}});
        }
    }
}

} // namespace archlens::rules
