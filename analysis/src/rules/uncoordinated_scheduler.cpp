// A scheduler run as several active instances with nothing to agree on which one fires: each
// instance keeps its own timer, so every job runs once per instance (the nightly billing
// charges twice, the digest goes out three times). Redundancy for a scheduler only works
// with a lease or an elected leader, held in a coordination service.
#include "resilience_helpers.h"

namespace archlens::rules {

void uncoordinatedScheduler(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.doc.components) {
        if (!ctx.is(s, KindTrait::Scheduler) || ctx.outgoing(s).empty()) continue;
        // Failover by hand keeps the standbys cold: one instance fires (and that one is a
        // single point of failure, another rule's finding).
        const Json& failover = ctx.prop(s, "failover");
        if (failover.is_string() && failover.get<std::string>() == "manual") continue;
        const int instances = ctx.count(s, "instances", 1);
        if (instances < 2) continue;
        if (talksToCoordination(ctx, s)) continue;
        std::vector<std::string> jobs;
        for (const auto& f : ctx.doc.flows)
            if (f.entry == s.id) jobs.push_back(f.id);
        std::string names;
        for (std::size_t i = 0; i < jobs.size(); ++i)
            names += (i == 0 ? "" : i + 1 == jobs.size() ? " and " : ", ") + ctx.name(jobs[i]);
        emitVariant(out, "uncoordinated-scheduler", jobs.empty() ? "" : "jobs", {s.id},
                    {{"name", ctx.name(s.id)}, {"instances", count(instances)}, {"jobs", names}});
    }
}

} // namespace archlens::rules
