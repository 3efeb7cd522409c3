#include "flow_helpers.h"

#include <algorithm>
#include <deque>
#include <unordered_set>

namespace archlens::rules {

void walkFlow(const Context& ctx, const Flow& flow, bool followAsync,
              const std::function<bool(const Connection&)>& visit) {
    std::deque<std::string> queue{flow.entry};
    std::unordered_set<std::string> seenComponents{flow.entry};
    while (!queue.empty()) {
        const std::string at = queue.front();
        queue.pop_front();
        for (size_t i : ctx.outgoing(at)) {
            const Connection& c = ctx.doc.connections[i];
            if (c.mode == ConnectionMode::Replication || !ctx.carries(c, flow)) continue;
            if (c.mode == ConnectionMode::Async && !followAsync) {
                visit(c); // the enqueue itself is part of the synchronous part
                continue;
            }
            if (!visit(c)) continue;
            if (seenComponents.insert(c.to).second) queue.push_back(c.to);
        }
    }
}

std::string flowNames(const Context& ctx, const std::vector<std::string>& flowIds) {
    std::string out;
    for (const auto& id : flowIds)
        out += (out.empty() ? "" : ", ") + ctx.name(id);
    return out;
}

bool withoutRedundancy(const Context& ctx, const Component& c) {
    const int instances = std::max(1, ctx.count(c, "instances", 1));
    const int needed = std::clamp(ctx.count(c, "min_healthy", 1), 1, instances);
    return ctx.prop(c, "failover") == "manual" || instances <= needed;
}

bool lostWithZone(const Context& ctx, const Component& c, const std::string& zone) {
    const Json& zones = ctx.prop(c, "zones");
    if (!zones.is_array() || zones.empty()) return false;
    const int instances = std::max(1, ctx.count(c, "instances", 1));
    const int needed = std::clamp(ctx.count(c, "min_healthy", 1), 1, instances);
    const auto inZone = [&](int i) { return zones[static_cast<size_t>(i) % zones.size()] == zone; };
    if (ctx.prop(c, "failover") == "manual") {
        for (int i = 0; i < needed; ++i)
            if (inZone(i)) return true; // an active instance is in it
        return false;
    }
    int survivors = 0;
    for (int i = 0; i < instances; ++i)
        survivors += inZone(i) ? 0 : 1;
    return survivors < needed;
}

std::vector<ZoneCause> zoneCauses(const Context& ctx) {
    std::vector<ZoneCause> causes;
    for (const auto& z : ctx.report.zones) {
        if (z.spofFor.empty()) continue;
        ZoneCause cause{z.id, z.spofFor, {}};
        // What the flows that fail with the zone need, gathered once.
        std::unordered_set<std::string> needed;
        for (const auto& id : z.spofFor)
            if (const FlowResult* f = ctx.report.flow(id))
                needed.insert(f->syncComponents.begin(), f->syncComponents.end());
        for (const auto& c : ctx.doc.components)
            if (needed.count(c.id) && !ctx.isClient(c) && !ctx.flag(c, "external") &&
                !withoutRedundancy(ctx, c) && lostWithZone(ctx, c, z.id))
                cause.spread.push_back(c.id);
        causes.push_back(std::move(cause));
    }
    return causes;
}

} // namespace archlens::rules
