// A user's write is confirmed once one store has it, while the reads come from another
// copy filled later (a replica, or a store written in the background). Right after saving,
// the user can read the old data and think the save failed. Whether that matters depends on
// the product, so the candidate has to say which reads must see their own writes.
#include "data_helpers.h"

#include <algorithm>
#include <unordered_map>

namespace archlens::rules {

namespace {
/// A store whose copies are worth reasoning about: blobs are written once under a new key
/// and caches are the cache rules' business.
bool copyable(const Context& ctx, const Component& c) {
    return ctx.isDataStore(c) && !ctx.is(c, KindTrait::ObjectStore) && !ctx.is(c, KindTrait::Cache);
}
} // namespace

void staleReplicaRead(const Context& ctx, std::vector<Finding>& out) {
    // Each store's accesses, gathered once: the pairs below ask for them again and again.
    const std::size_t n = ctx.doc.components.size();
    std::vector<std::vector<StoreAccess>> writes(n), reads(n);
    std::vector<char> isCopyable(n, 0);
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < n; ++i) {
        const Component& c = ctx.doc.components[i];
        if (!copyable(ctx, c)) continue;
        isCopyable[i] = 1;
        index[c.id] = i;
        writes[i] = accessesTo(ctx, c.id, "write");
        reads[i] = accessesTo(ctx, c.id, "read");
    }
    std::vector<std::vector<std::size_t>> writtenBy(ctx.report.flows.size());
    for (std::size_t i = 0; i < n; ++i)
        for (const auto& w : writes[i])
            if (writtenBy[w.flow].empty() || writtenBy[w.flow].back() != i)
                writtenBy[w.flow].push_back(i);
    for (std::size_t ai = 0; ai < n; ++ai) {
        if (!isCopyable[ai]) continue;
        const Component& a = ctx.doc.components[ai];
        // The user-facing write flows that are confirmed once `a` has the write.
        std::vector<std::size_t> confirmed;
        for (const auto& w : writes[ai])
            if (w.part == Context::Part::Sync && userFacing(ctx, w.flow) &&
                std::find(confirmed.begin(), confirmed.end(), w.flow) == confirmed.end())
                confirmed.push_back(w.flow);
        if (confirmed.empty()) continue;
        // The only stores that can get a's writes later: those a copies to, and those the
        // confirmed flows write. Every other pair has nothing to say, and a design with
        // thousands of stores cannot afford to ask.
        std::vector<char> candidate(n, 0);
        for (std::size_t i : ctx.outgoing(a))
            if (auto it = index.find(ctx.doc.connections[i].to); it != index.end())
                candidate[it->second] = 1;
        for (std::size_t f : confirmed)
            for (std::size_t b : writtenBy[f])
                candidate[b] = 1;
        for (std::size_t bi = 0; bi < n; ++bi) {
            if (bi == ai || !candidate[bi]) continue;
            const Component& b = ctx.doc.components[bi];
            // How b gets a's writes later: a copy from a (replication or an asynchronous
            // connection), or the background part of the same write flow writing it.
            std::string how;
            for (std::size_t i : ctx.outgoing(a)) {
                const Connection& c = ctx.doc.connections[i];
                if (c.to == b.id && c.mode != ConnectionMode::Sync) how = "copy";
            }
            std::vector<std::size_t> writers;
            for (const auto& w : writes[bi]) {
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
            std::vector<StoreAccess> served;
            for (const auto& r : reads[bi]) {
                if (r.part != Context::Part::Sync || !userFacing(ctx, r.flow)) continue;
                if (std::any_of(reads[ai].begin(), reads[ai].end(), [&](const StoreAccess& x) {
                        return x.flow == r.flow && x.part == Context::Part::Sync;
                    }))
                    continue;
                served.push_back(r);
            }
            if (served.empty()) continue;
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
                         {"reads", flowNamesOf(ctx, served)}});
        }
    }
}

} // namespace archlens::rules
