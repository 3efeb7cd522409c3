// A balancer declared layer 4 that the flows expect to send different requests to different
// services. At layer 4 it sees only addresses, ports and connections, never a path, host or
// header, so it cannot know that one request is an upload and the next a feed read: the
// routing the diagram relies on has no box that can do it.
#include "flow_helpers.h"

#include <algorithm>
#include <set>

namespace archlens::rules {

void l4PathRouting(const Context& ctx, std::vector<Finding>& out) {
    const auto& connections = ctx.doc.connections;
    for (const auto& lb : ctx.doc.components) {
        if (!ctx.is(lb, KindTrait::LoadBalancing)) continue;
        const Json& layer = ctx.prop(lb, "layer");
        if (!layer.is_string() || layer.get<std::string>() != "l4") continue;
        // Per callee, the flows that take the balancer to it (document order).
        std::vector<std::pair<std::string, std::set<std::string>>> routes;
        std::vector<std::string> via;
        bool httpLike = false;
        for (std::size_t i : ctx.outgoing(lb)) {
            const Connection& c = connections[i];
            if (c.mode == ConnectionMode::Replication) continue;
            std::set<std::string> flows;
            for (std::size_t f = 0; f < ctx.report.flows.size(); ++f)
                if (ctx.part(f, i) != Context::Part::None) flows.insert(ctx.report.flows[f].id);
            if (flows.empty()) continue;
            // Raw TCP or UDP services behind one balancer are told apart by port, which
            // layer 4 does see.
            const Json& protocol = ctx.prop(c, "protocol");
            if (!protocol.is_string() || (protocol != "tcp" && protocol != "udp")) httpLike = true;
            via.push_back(c.id);
            auto it = std::find_if(routes.begin(), routes.end(),
                                   [&](const auto& r) { return r.first == c.to; });
            if (it == routes.end())
                routes.push_back({c.to, flows});
            else
                it->second.insert(flows.begin(), flows.end());
        }
        if (routes.size() < 2 || !httpLike) continue;
        // Every flow going to every callee is fan-out or a spare, not routing by request.
        const bool routing = std::any_of(routes.begin(), routes.end(), [&](const auto& r) {
            return r.second != routes.front().second;
        });
        if (!routing) continue;
        std::string described;
        std::vector<std::string> services;
        for (std::size_t i = 0; i < routes.size(); ++i) {
            const auto& [callee, flows] = routes[i];
            services.push_back(callee);
            std::vector<std::string> ordered; // flows in report order
            for (const auto& r : ctx.report.flows)
                if (flows.count(r.id)) ordered.push_back(r.id);
            described += (i == 0                   ? ""
                          : i + 1 == routes.size() ? " and "
                                                   : ", ") +
                         flowNames(ctx, ordered) + " to " + ctx.name(callee);
        }
        std::string choices; // "A, B or C"
        for (std::size_t i = 0; i < services.size(); ++i)
            choices += (i == 0                     ? ""
                        : i + 1 == services.size() ? " or "
                                                   : ", ") +
                       ctx.name(services[i]);
        std::vector<std::string> subjects{lb.id};
        subjects.insert(subjects.end(), via.begin(), via.end());
        emit(out, "l4-path-routing", subjects,
             {{"name", ctx.name(lb.id)},
              {"routes", described},
              {"services", namesOf(ctx, services)},
              {"choices", choices},
              {"count", count(double(routes.size()))}});
    }
}

} // namespace archlens::rules
