// A balancer told to take turns (round robin) in front of long-lived WebSocket connections.
// Turns even out requests that end quickly; a connection that stays open for hours keeps
// loading the instance it first landed on, so after a scale-out, a restart or a deploy the
// old instances hold almost every connection and the new ones sit idle. What the balancer
// must count is the connections still open, not the ones it has handed out.
#include "flow_helpers.h"

#include <algorithm>

namespace archlens::rules {

namespace {
bool blindToLoad(const std::string& algorithm) {
    return algorithm == "round_robin" || algorithm == "weighted_round_robin";
}

bool longLived(const Context& ctx, const Connection& c) {
    const Json& protocol = ctx.prop(c, "protocol");
    return protocol.is_string() && protocol.get<std::string>() == "websocket";
}
} // namespace

void connectionBlindBalancing(const Context& ctx, std::vector<Finding>& out) {
    const auto& connections = ctx.doc.connections;
    for (const auto& lb : ctx.doc.components) {
        if (!ctx.is(lb, KindTrait::LoadBalancing)) continue;
        const Json& algorithm = ctx.prop(lb, "algorithm");
        if (!algorithm.is_string() || !blindToLoad(algorithm.get<std::string>())) continue;
        // The long-lived connections it balances: opened to it, or held through it to the
        // instances behind it; only those some flow takes.
        std::vector<std::size_t> held;
        auto taken = [&](std::size_t i) {
            for (std::size_t f = 0; f < ctx.report.flows.size(); ++f)
                if (ctx.part(f, i) != Context::Part::None) return true;
            return false;
        };
        for (std::size_t i : ctx.incoming(lb))
            if (longLived(ctx, connections[i]) && taken(i)) held.push_back(i);
        for (std::size_t i : ctx.outgoing(lb))
            if (longLived(ctx, connections[i]) && taken(i)) held.push_back(i);
        if (held.empty()) continue;
        std::vector<std::string> flows, backends;
        for (std::size_t f = 0; f < ctx.report.flows.size(); ++f)
            if (std::any_of(held.begin(), held.end(),
                            [&](std::size_t i) { return ctx.part(f, i) != Context::Part::None; }))
                flows.push_back(ctx.report.flows[f].id);
        // The instances that hold the connections: what those flows reach through it.
        for (std::size_t i : ctx.outgoing(lb)) {
            const Connection& c = connections[i];
            const bool held = std::any_of(flows.begin(), flows.end(), [&](const auto& id) {
                for (std::size_t f = 0; f < ctx.report.flows.size(); ++f)
                    if (ctx.report.flows[f].id == id && ctx.part(f, i) != Context::Part::None)
                        return true;
                return false;
            });
            if (c.mode == ConnectionMode::Replication || !held) continue;
            if (std::find(backends.begin(), backends.end(), c.to) == backends.end())
                backends.push_back(c.to);
        }
        if (backends.empty()) continue;
        int instances = 0;
        for (const auto& id : backends)
            if (const Component* b = ctx.component(id)) instances += ctx.count(*b, "instances", 1);
        std::vector<std::string> subjects{lb.id};
        for (std::size_t i : held)
            subjects.push_back(connections[i].id);
        emit(out, "connection-blind-balancing", subjects,
             {{"name", ctx.name(lb.id)},
              {"algorithm", algorithm == "round_robin" ? "round robin" : "weighted round robin"},
              {"flows", flowNames(ctx, flows)},
              {"backends", namesOf(ctx, backends)},
              {"instances", count(double(instances))}});
    }
}

} // namespace archlens::rules
