// A store split into partitions by one field, asked on a user's path for records by another
// field. No partition can answer alone, so every such request goes to all of them and
// waits for the slowest: adding partitions adds no capacity for this read, and its latency
// is the worst partition's. Sharding only scales the lookups that carry the shard key; the
// others need their own index, and the candidate must say which.
#include "data_helpers.h"

#include "archlens/analysis/display_format.h"

#include <algorithm>
#include <cctype>

namespace archlens::rules {

namespace {
/// A field name as written, trimmed and lower case: "User ID " and "user id" are one field.
std::string field(const Json& value) {
    if (!value.is_string()) return {};
    std::string out;
    for (unsigned char ch : value.get<std::string>())
        out += static_cast<char>(std::tolower(ch));
    const auto first = out.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return out.substr(first, out.find_last_not_of(" \t") - first + 1);
}
} // namespace

void crossShardRead(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& store : ctx.doc.components) {
        if (!ctx.isDataStore(store)) continue;
        const std::string shardKey = field(ctx.prop(store, "shard_key"));
        if (shardKey.empty()) continue;
        for (std::size_t i : ctx.incoming(store)) {
            const Connection& conn = ctx.doc.connections[i];
            const std::string lookup = field(ctx.prop(conn, "lookup_key"));
            if (lookup.empty() || lookup == shardKey) continue;
            std::vector<std::string> flows;
            double rate = 0;
            for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
                if (!userFacing(ctx, f) || ctx.part(f, i) != Context::Part::Sync) continue;
                flows.push_back(ctx.report.flows[f].id);
                rate += ctx.rates(f)[i];
            }
            if (flows.empty()) continue;
            emit(out, "cross-shard-read", {store.id, conn.id},
                 {{"store", ctx.name(store.id)},
                  {"caller", ctx.name(conn.from)},
                  {"flows", flowNames(ctx, flows)},
                  {"rate", rateText(rate)},
                  {"shard_key", ctx.prop(store, "shard_key").get<std::string>()},
                  {"lookup", ctx.prop(conn, "lookup_key").get<std::string>()}});
        }
    }
}

} // namespace archlens::rules
