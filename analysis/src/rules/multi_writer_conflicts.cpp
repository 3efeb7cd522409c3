// A store that takes writes in more than one place (several primaries, or a leaderless
// store spread over regions) lets two writers change one record before either sees the
// other. Something must then decide what the record holds; if the design does not say
// what, the answer is usually "whichever landed last", and a user's change silently goes.
#include "data_helpers.h"

#include <algorithm>

namespace archlens::rules {

void multiWriterConflicts(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        const KindInfo* kind = ctx.kind(c);
        // Only the kinds that can state a resolution: caches and object stores are not
        // where records are merged.
        if (!kind || !ctx.isDataStore(c) ||
            std::find(kind->properties.begin(), kind->properties.end(), "conflict_resolution") ==
                kind->properties.end())
            continue;
        if (ctx.prop(c, "conflict_resolution").is_string()) continue;
        const Json& replication = ctx.prop(c, "replication");
        const std::set<std::string> regions = regionsOf(ctx, c);
        const bool multiPrimary = replication == "multi_primary";
        // A store without one primary spread over regions takes writes in each of them,
        // unless every write waits for the other regions (strong-cross-region's case).
        const bool leaderlessAcrossRegions =
            !ctx.is(c, KindTrait::SinglePrimary) && regions.size() >= 2 && replication != "sync";
        if (!multiPrimary && !leaderlessAcrossRegions) continue;
        const std::string variant = multiPrimary ? "" : "regions";
        const auto writes = accessesTo(ctx, c.id, "write");
        if (writes.empty()) continue;
        emitVariant(out, "multi-writer-conflicts", variant, {c.id},
                    {{"name", ctx.name(c.id)},
                     {"flows", flowNamesOf(ctx, writes)},
                     {"regions", joined(regions)},
                     {"instances", count(ctx.count(c, "instances", 1))}});
    }
}

} // namespace archlens::rules
