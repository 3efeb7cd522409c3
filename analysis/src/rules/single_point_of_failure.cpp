// A component or zone whose failure alone fails a flow (from the availability pass's cut
// sets).
#include "flow_helpers.h"

namespace archlens::rules {

void singlePointOfFailure(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& result : ctx.report.components) {
        if (result.spofFor.empty()) continue;
        const Component* c = ctx.component(result.id);
        // A third party's outage is judged by sync-to-external and no-circuit-breaker: telling
        // a candidate to run more instances of someone else's service would be nonsense.
        if (!c || ctx.isClient(*c) || ctx.flag(*c, "external")) continue;
        const int instances = ctx.count(*c, "instances", 1);
        std::string detail =
            instances == 1 ? "one instance" : std::to_string(instances) + " instances";
        if (instances > 1 && ctx.prop(*c, "failover") == "manual") detail += ", failover by hand";
        const bool many = result.spofFor.size() > 1;
        emit(out, "single-point-of-failure", {c->id},
             {{"name", ctx.name(c->id)},
              {"flows", flowNames(ctx, result.spofFor)},
              {"s", many ? "" : "s"},
              {"flow_word", many ? "these flows" : "that flow"},
              {"detail", detail}});
    }
    for (const auto& zone : ctx.report.zones) {
        if (zone.spofFor.empty()) continue;
        const bool many = zone.spofFor.size() > 1;
        emit(out, "single-point-of-failure", {zone.id},
             {{"name", "Zone " + zone.id},
              {"flows", flowNames(ctx, zone.spofFor)},
              {"s", many ? "" : "s"},
              {"flow_word", many ? "these flows" : "that flow"},
              {"detail", "something they need runs only in this zone"}});
    }
}

} // namespace archlens::rules
