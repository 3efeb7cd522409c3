// Writes the design stores, sent over UDP. A datagram can be dropped, duplicated or
// reordered and neither side is told, so a write can vanish with no error for anyone to
// retry on; reliability then has to be rebuilt by hand (sequence numbers, acknowledgements,
// resends, de-duplication), which is what TCP already gives. Reads, and writes that end
// nowhere durable (samples superseded by the next one), may well be worth the trade.
#include "flow_helpers.h"

#include <algorithm>
#include <set>

namespace archlens::rules {

void writeOverUdp(const Context& ctx, std::vector<Finding>& out) {
    const auto& connections = ctx.doc.connections;
    // One finding per set of flows: a write drawn as UDP on every hop of its way in is one
    // choice, named once with all its hops.
    struct Group {
        std::vector<std::string> flows, stores, hops;
        double rate = 0;
        bool userFacing = false;
    };
    std::vector<Group> groups;
    for (std::size_t i = 0; i < connections.size(); ++i) {
        const Connection& c = connections[i];
        const Json& protocol = ctx.prop(c, "protocol");
        if (!protocol.is_string() || protocol.get<std::string>() != "udp") continue;
        Group g;
        for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
            const FlowResult& r = ctx.report.flows[f];
            const Flow* flow = ctx.doc.flow(r.id);
            if (!flow || flow->op != "write" || ctx.part(f, i) == Context::Part::None) continue;
            // Where the write is kept: a durable store or broker the flow reaches through
            // this connection (a DNS lookup over UDP beside the path carries no write).
            std::vector<std::string> kept, todo{c.to};
            std::set<std::string> seen{c.to};
            while (!todo.empty()) {
                const std::string at = todo.back();
                todo.pop_back();
                const Component* s = ctx.component(at);
                if (s && (ctx.isDataStore(*s) || ctx.isMessageBroker(*s)) &&
                    ctx.flag(*s, "durable"))
                    kept.push_back(at);
                for (std::size_t k : ctx.callsOf(f, at, true))
                    if (seen.insert(connections[k].to).second) todo.push_back(connections[k].to);
            }
            if (kept.empty()) continue;
            g.flows.push_back(r.id);
            g.rate += ctx.rates(f)[i];
            g.userFacing = g.userFacing || !r.background;
            for (const auto& id : kept)
                if (std::find(g.stores.begin(), g.stores.end(), id) == g.stores.end())
                    g.stores.push_back(id);
        }
        if (g.flows.empty()) continue;
        auto same = std::find_if(groups.begin(), groups.end(),
                                 [&](const Group& o) { return o.flows == g.flows; });
        if (same != groups.end()) {
            same->hops.push_back(c.id);
            continue;
        }
        g.hops.push_back(c.id);
        groups.push_back(std::move(g));
    }
    for (const auto& g : groups) {
        std::string hops;
        for (std::size_t k = 0; k < g.hops.size(); ++k) {
            const Connection* c = nullptr;
            for (const auto& each : connections)
                if (each.id == g.hops[k]) c = &each;
            hops += (k == 0 ? "" : k + 1 == g.hops.size() ? " and " : ", ") + ctx.describe(*c);
        }
        // Background senders (agents, jobs) often accept losing a sample; the candidate
        // must say so. Users' writes that are stored are expected to land.
        emit(out, "write-over-udp", g.hops,
             {{"flows", flowNames(ctx, g.flows)},
              {"connection", hops},
              {"rate", rateText(g.rate)},
              {"stores", namesOf(ctx, g.stores)},
              {"s", g.flows.size() == 1 ? "s" : ""}},
             g.userFacing ? Severity::Warning : Severity::Info);
    }
}

} // namespace archlens::rules
