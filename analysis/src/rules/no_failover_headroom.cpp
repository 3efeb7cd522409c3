// A redundant component that is fine at full strength but cannot carry today's load once it
// loses its largest zone (or, in one zone, one instance). Redundancy is bought for exactly
// that moment: if the survivors are then overloaded, the failover turns a partial outage
// into a full one, and queues and retries make it worse.
#include "flow_helpers.h"
#include "resilience_helpers.h"

#include <algorithm>
#include <map>

namespace archlens::rules {

void noFailoverHeadroom(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& r : ctx.report.components) {
        // Already too busy at full strength: saturated-component says so.
        if (r.offeredRps <= 0 || r.utilisation >= 0.8) continue;
        const Component* c = ctx.component(r.id);
        // Managed object storage and serverless functions scale by themselves; a third
        // party's capacity is not the designer's to plan; no redundancy at all is
        // single-point-of-failure's finding.
        if (!c || ctx.isClient(*c) || ctx.flag(*c, "external") ||
            ctx.is(*c, KindTrait::ObjectStore) || ctx.is(*c, KindTrait::Serverless) ||
            withoutRedundancy(ctx, *c))
            continue;
        const int instances = std::max(1, ctx.count(*c, "instances", 1));
        const int needed = std::clamp(ctx.count(*c, "min_healthy", 1), 1, instances);
        const double perInstance = ctx.number(*c, "capacity_rps", 0);
        if (perInstance <= 0) continue;
        // Instances go round-robin over the listed zones; the largest zone is the worst loss.
        const Json& zones = ctx.prop(*c, "zones");
        std::string zone;
        int lost = 1;
        if (zones.is_array() && zones.size() >= 2) {
            std::map<std::string, int> perZone;
            for (int i = 0; i < instances; ++i)
                if (zones[static_cast<std::size_t>(i) % zones.size()].is_string())
                    ++perZone[zones[static_cast<std::size_t>(i) % zones.size()].get<std::string>()];
            lost = 0;
            for (const auto& z : zones) // first largest in the listed order
                if (z.is_string() && perZone[z.get<std::string>()] > lost) {
                    lost = perZone[z.get<std::string>()];
                    zone = z.get<std::string>();
                }
        }
        const int remaining = instances - lost;
        // Fewer survivors than it needs: the loss stops it outright, which the zone and
        // redundancy rules report.
        if (remaining < needed || remaining < 1) continue;
        const double left = remaining * perInstance;
        if (r.offeredRps <= left) continue;
        // The fewest instances whose survivors of the same loss carry today's load.
        const int zoneCount = zone.empty() ? 0 : static_cast<int>(zones.size());
        int enough = instances;
        while (enough < 100000 &&
               (enough - (zoneCount ? (enough + zoneCount - 1) / zoneCount : 1)) * perInstance <
                   r.offeredRps)
            ++enough;
        const std::string loss = zone.empty() ? "one instance"
                                              : "zone " + zone + " (" + count(lost) + " of its " +
                                                    count(instances) + " instances)";
        emit(out, "no-failover-headroom", {c->id},
             {{"name", ctx.name(c->id)},
              {"load", rateText(r.offeredRps)},
              {"utilisation", shareText(r.utilisation)},
              {"instances", count(instances)},
              {"per_instance", rateText(perInstance)},
              {"loss", loss},
              {"remaining", count(remaining)},
              {"left", rateText(left)},
              {"after", shareText(r.offeredRps / left)},
              {"enough", count(enough)}});
    }
}

} // namespace archlens::rules
