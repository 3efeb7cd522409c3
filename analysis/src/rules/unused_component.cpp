// A component that no flow reaches (and no copy keeps as a standby).
#include "rule.h"

#include <unordered_set>

namespace archlens::rules {

void unusedComponent(const Context& ctx, std::vector<Finding>& out) {
    // Without flows (or before the flow pass ran) nothing is "on" one.
    if (ctx.doc.flows.empty() || ctx.report.flows.empty()) return;
    // One set of everything some flow touches, rather than a search of every flow per
    // component.
    std::unordered_set<std::string> used;
    for (const auto& f : ctx.doc.flows)
        used.insert(f.entry);
    for (const auto& f : ctx.report.flows) {
        used.insert(f.syncComponents.begin(), f.syncComponents.end());
        used.insert(f.asyncComponents.begin(), f.asyncComponents.end());
    }
    // A copy kept by replication is not idle: it is a standby, waiting for a failover
    // (undersized-standby checks it can carry the load then).
    for (const auto& conn : ctx.doc.connections)
        if (conn.mode == ConnectionMode::Replication) used.insert(conn.to);
    for (const auto& c : ctx.doc.components)
        if (!ctx.isClient(c) && !ctx.is(c, KindTrait::Monitoring) && !used.count(c.id))
            emit(out, "unused-component", {c.id}, {{"name", ctx.name(c.id)}});
}

} // namespace archlens::rules
