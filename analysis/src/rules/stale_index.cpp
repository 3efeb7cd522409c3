// A search index or other secondary lookup store answers from a copy of the main data.
// If the design shows nothing that writes or feeds it, the copy never changes: new and
// edited records are missing from every answer it gives, and nobody notices until users
// complain that search does not find what they just saved.
#include "data_helpers.h"

#include <algorithm>

namespace archlens::rules {

namespace {
/// The kinds that hold an index of other data: the catalogue says so by citing the
/// guide's index-table or materialised-view sections for them.
bool isSecondaryIndex(const KindInfo& kind) {
    return std::any_of(
        kind.guideSections.begin(), kind.guideSections.end(),
        [](const std::string& s) { return s == "Index Table" || s == "Materialized View"; });
}

bool carriesWrites(const Connection& c) {
    auto ops = c.props.find("ops");
    if (ops == c.props.end() || !ops->is_array()) return true; // every op
    return std::find(ops->begin(), ops->end(), "write") != ops->end();
}
} // namespace

void staleIndex(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        const KindInfo* kind = ctx.kind(c);
        if (!kind || !ctx.isDataStore(c) || !isSecondaryIndex(*kind)) continue;
        const auto reads = accessesTo(ctx, c.id, "read");
        if (reads.empty() || !accessesTo(ctx, c.id, "write").empty()) continue;
        // Fed if anything could bring it changes: a copy, an asynchronous feed, or a
        // connection that may carry writes and that no read flow explains (a feed drawn
        // without a flow through it still shows the candidate thought of it).
        bool fed = false;
        for (std::size_t i : ctx.incoming(c)) {
            const Connection& conn = ctx.doc.connections[i];
            if (conn.mode != ConnectionMode::Sync) fed = true;
            const bool readPath =
                std::any_of(reads.begin(), reads.end(),
                            [&](const StoreAccess& r) { return r.connection == i; });
            if (!readPath && carriesWrites(conn)) fed = true;
        }
        if (fed) continue;
        emit(out, "stale-index", {c.id},
             {{"name", ctx.name(c.id)}, {"flows", flowNamesOf(ctx, reads)}});
    }
}

} // namespace archlens::rules
