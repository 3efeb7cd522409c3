// A passive copy drawn next to the store (or service) it stands in for: no flow uses it
// today, and it only matters on the day the active side fails. Then it must carry all of
// the active side's traffic at once, at peak, and a standby sized as an afterthought
// (fewer or smaller instances, "it is only the backup") is overloaded the moment it takes
// over, turning a failover into a second outage. How far behind it runs is the other half
// of what the candidate must know about it.
#include "flow_helpers.h"

#include "archlens/analysis/display_format.h"

#include <algorithm>

namespace archlens::rules {

void undersizedStandby(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& conn : ctx.doc.connections) {
        if (conn.mode != ConnectionMode::Replication) continue;
        const Component* active = ctx.caller(conn);
        const Component* standby = ctx.callee(conn);
        const ComponentResult* a = ctx.result(conn.from);
        const ComponentResult* b = ctx.result(conn.to);
        if (!active || !standby || !a || !b || active == standby) continue;
        // A copy of another kind (a search index, a warehouse fed by change capture) serves
        // other reads and never takes over.
        if (active->kind != standby->kind) continue;
        // A copy that flows read or write is a replica in service, not a standby.
        if (a->offeredRps <= 0 || b->offeredRps > 0) continue;
        const int instances = std::max(1, ctx.count(*standby, "instances", 1));
        const double perInstance = ctx.number(*standby, "capacity_rps", 0);
        if (perInstance <= 0) continue;
        const double capacity = instances * perInstance;
        if (a->offeredRps <= capacity) continue;
        const Json& replication = ctx.prop(*active, "replication");
        const std::string lag =
            replication == "sync" ? "It is copied synchronously, so it holds every confirmed write."
            : replication == "async"
                ? "It is copied asynchronously, so it also lacks whatever " + ctx.name(active->id) +
                      " had not yet shipped when it failed."
                : "The design does not say whether the copy is synchronous, so how far "
                  "behind it runs is not known either.";
        int enough = instances;
        while (enough < 100000 && enough * perInstance < a->offeredRps)
            ++enough;
        emit(out, "undersized-standby", {standby->id, active->id},
             {{"standby", ctx.name(standby->id)},
              {"active", ctx.name(active->id)},
              {"load", rateText(a->offeredRps)},
              {"instances", count(instances)},
              {"per_instance", rateText(perInstance)},
              {"capacity", rateText(capacity)},
              {"after", shareText(a->offeredRps / capacity)},
              {"enough", count(enough)},
              {"lag", lag},
              {"lag_fix", replication == "sync"
                              ? ""
                              : "; and state how far behind " + ctx.name(active->id) +
                                    " it may run when it takes over"},
              {"lag_ask", replication == "sync"
                              ? "what happens to writes of " + ctx.name(active->id) +
                                    " while the standby cannot be reached?"
                              : "how many seconds of writes does it lack?"}});
    }
}

} // namespace archlens::rules
