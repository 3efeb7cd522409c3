// One user action that has to go through four or more services, each of which does nothing
// but read or write its own store: services cut along tables (users, orders, order lines,
// prices) rather than along what the business does. Every action then needs several of them
// at once, so they are deployed, versioned and failed together without the independence the
// split was meant to buy; the joins a database did in one query become network calls; and a
// change to one business rule touches several teams. A service that owns a capability also
// does something besides storing rows (it calls others, publishes events, runs its rules
// against several stores), which shows on the diagram as more than one kind of connection.
#include "flow_helpers.h"

#include "archlens/analysis/display_format.h"

#include <algorithm>
#include <set>

namespace archlens::rules {

namespace {
constexpr std::size_t kManyEntityServices = 4;

/// A service whose every connection out goes to one store of its own, which no other service
/// reaches: a wrapper around that store.
bool entityService(const Context& ctx, const Component& s) {
    if (!ctx.isApplication(s)) return false;
    std::string store;
    for (std::size_t i : ctx.outgoing(s)) {
        const Component* to = ctx.callee(ctx.doc.connections[i]);
        if (!to || !ctx.isDataStore(*to) || ctx.is(*to, KindTrait::Cache) ||
            ctx.is(*to, KindTrait::ObjectStore))
            return false;
        if (!store.empty() && store != to->id) return false;
        store = to->id;
    }
    if (store.empty()) return false;
    for (std::size_t i : ctx.incoming(store)) {
        const Component* from = ctx.caller(ctx.doc.connections[i]);
        if (from && from->id != s.id && ctx.doc.connections[i].mode != ConnectionMode::Replication)
            return false;
    }
    return true;
}
} // namespace

void entityServices(const Context& ctx, std::vector<Finding>& out) {
    // Whether a component wraps one store depends on the design alone: asked once each.
    std::vector<char> wraps(ctx.doc.components.size());
    for (std::size_t c = 0; c < wraps.size(); ++c)
        wraps[c] = entityService(ctx, ctx.doc.components[c]);
    std::set<std::vector<std::string>> reported;
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        const FlowResult& fr = ctx.report.flows[f];
        const Flow* flow = ctx.flow(f);
        if (!flow || fr.background) continue;
        std::vector<std::string> services; // document order
        for (std::size_t c = 0; c < wraps.size(); ++c)
            if (wraps[c] && ctx.inSyncPart(f, ctx.doc.components[c].id))
                services.push_back(ctx.doc.components[c].id);
        if (services.size() < kManyEntityServices || !reported.insert(services).second) continue;
        emit(out, "entity-services", services,
             {{"flow", ctx.name(fr.id)},
              {"rate", rateText(flow->rate_rps)},
              {"count", count(static_cast<double>(services.size()))},
              {"services", namesOf(ctx, services)}});
        out.back().flow = fr.id;
    }
}

} // namespace archlens::rules
