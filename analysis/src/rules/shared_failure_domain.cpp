// Redundant instances that all live in one zone share its fate. Where that zone is then a
// single point of failure of a flow, single-point-of-failure reports the zone and names
// the component (one finding per cause); this rule covers the rest.
#include "flow_helpers.h"

#include <string_view>
#include <unordered_set>

namespace archlens::rules {

void sharedFailureDomain(const Context& ctx, std::vector<Finding>& out) {
    // The components single-point-of-failure names with their zone, by id: a large design
    // can have thousands, and most of its components are asked about.
    std::unordered_set<std::string_view> withZone;
    for (const ZoneCause& z : ctx.zoneCauses())
        withZone.insert(z.spread.begin(), z.spread.end());
    auto reportedWithZone = [&](const std::string& id) { return withZone.count(id) > 0; };
    for (const auto& c : ctx.doc.components) {
        const int instances = ctx.count(c, "instances", 1);
        const Json& zones = ctx.prop(c, "zones");
        if (instances < 2 || !zones.is_array() || zones.size() != 1 || ctx.flag(c, "external") ||
            reportedWithZone(c.id))
            continue;
        // Failover by hand already makes it a single point of failure: that finding is
        // the cause to fix first, and it names the component.
        if (const ComponentResult* r = ctx.result(c.id); r && !r->spofFor.empty()) continue;
        emit(out, "shared-failure-domain", {c.id, zones[0].get<std::string>()},
             {{"name", ctx.name(c.id)},
              {"instances", std::to_string(instances)},
              {"zone", zones[0].get<std::string>()}});
    }
}

} // namespace archlens::rules
