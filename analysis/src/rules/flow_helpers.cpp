#include "flow_helpers.h"

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <set>

namespace archlens::rules {

void walkFlow(const Context& ctx, const Flow& flow, bool followAsync,
              const std::function<bool(const Connection&)>& visit) {
    // Breadth first over component indices (an id no component has is never expanded: it
    // has no connections out).
    const std::size_t n = ctx.doc.components.size();
    std::vector<char> seen(n, 0);
    std::deque<std::size_t> queue;
    const std::size_t entry = ctx.componentIndex(flow.entry);
    if (entry == n) return;
    seen[entry] = 1;
    queue.push_back(entry);
    while (!queue.empty()) {
        const std::size_t at = queue.front();
        queue.pop_front();
        for (size_t i : ctx.outgoingAt(at)) {
            const Connection& c = ctx.doc.connections[i];
            if (c.mode == ConnectionMode::Replication || !ctx.carries(i, flow)) continue;
            if (c.mode == ConnectionMode::Async && !followAsync) {
                visit(c); // the enqueue itself is part of the synchronous part
                continue;
            }
            if (!visit(c)) continue;
            const std::size_t to = ctx.to(i);
            if (to < n && !seen[to]) {
                seen[to] = 1;
                queue.push_back(to);
            }
        }
    }
}

std::string flowNames(const Context& ctx, const std::vector<std::string>& flowIds) {
    std::string out;
    for (const auto& id : flowIds) {
        if (!out.empty()) out += ", ";
        out += ctx.name(id);
    }
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

namespace {
std::vector<ZoneCause> findZoneCauses(const Context& ctx) {
    std::vector<ZoneCause> causes;
    const std::size_t n = ctx.doc.components.size();
    // What does not depend on the zone, asked once per component rather than per zone.
    std::vector<signed char> redundant(n, -1); // not a client, not external, redundant
    std::vector<char> needed(n);
    for (const auto& z : ctx.report.zones) {
        if (z.spofFor.empty()) continue;
        ZoneCause cause{z.id, z.spofFor, {}};
        // What the flows that fail with the zone need, gathered once, by component index:
        // a component is needed when its id is in one of their synchronous parts.
        std::fill(needed.begin(), needed.end(), 0);
        for (const auto& id : z.spofFor)
            if (const FlowResult* f = ctx.report.flow(id))
                for (std::size_t c :
                     ctx.syncPart(static_cast<std::size_t>(f - ctx.report.flows.data())))
                    needed[c] = 1;
        for (std::size_t i = 0; i < n; ++i) {
            if (!needed[ctx.idIndex(i)]) continue;
            const Component& c = ctx.doc.components[i];
            if (redundant[i] < 0)
                redundant[i] =
                    !ctx.isClient(c) && !ctx.flag(c, "external") && !withoutRedundancy(ctx, c);
            if (redundant[i] && lostWithZone(ctx, c, z.id)) cause.spread.push_back(c.id);
        }
        causes.push_back(std::move(cause));
    }
    return causes;
}
} // namespace

const std::vector<ZoneCause>& Context::zoneCauses() const {
    std::call_once(zoneCausesOnce_, [this] { zoneCauses_ = findZoneCauses(*this); });
    return zoneCauses_;
}

std::string namesOf(const Context& ctx, const std::vector<std::string>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i > 0) out += i + 1 == ids.size() ? " and " : ", ";
        out += ctx.name(ids[i]);
    }
    return out;
}

std::vector<LayerStack> readPathStacks(const Context& ctx,
                                       const std::function<bool(const Component&)>& isLayer,
                                       std::size_t minLayers) {
    std::vector<LayerStack> stacks;
    std::vector<char> layer(ctx.doc.components.size());
    for (std::size_t c = 0; c < layer.size(); ++c)
        layer[c] = isLayer(ctx.doc.components[c]);
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        const FlowResult& r = ctx.report.flows[f];
        const Flow* flow = ctx.flow(f);
        if (!flow || flow->op != "read") continue;
        std::vector<std::string> layers;
        for (std::size_t c = 0; c < layer.size(); ++c)
            if (layer[c] && ctx.inSyncPart(f, ctx.doc.components[c].id))
                layers.push_back(ctx.doc.components[c].id);
        if (layers.size() < minLayers) continue;
        auto it = std::find_if(stacks.begin(), stacks.end(),
                               [&](const LayerStack& s) { return s.layers == layers; });
        if (it == stacks.end())
            stacks.push_back({layers, {r.id}});
        else
            it->flows.push_back(r.id);
    }
    return stacks;
}

} // namespace archlens::rules
