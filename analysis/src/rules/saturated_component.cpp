// A component at or above 80% utilisation at the current load.
#include "rule.h"

#include <cmath>

namespace archlens::rules {

void saturatedComponent(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& r : ctx.report.components) {
        if (r.utilisation < 0.8) continue;
        const Component* c = ctx.component(r.id);
        if (!c || ctx.isClient(*c)) continue;
        const double instances = ctx.number(*c, "instances", 1),
                     perInstance = ctx.number(*c, "capacity_rps", 1);
        const double needed = std::ceil(r.offeredRps / (0.7 * perInstance));
        emit(out, "saturated-component", {c->id},
             {{"name", ctx.name(c->id)},
              {"utilisation", percent(r.utilisation, 0)},
              {"load", count(r.offeredRps)},
              {"capacity", count(instances * perInstance)},
              {"instances", count(instances)},
              {"per_instance", count(perInstance)},
              {"needed", count(needed)},
              {"saturated",
               r.utilisation >= 1 ? " (it is past saturation: requests queue without bound)" : ""}},
             r.utilisation >= 1 ? std::optional<Severity>(Severity::Error) : std::nullopt);
    }
}

} // namespace archlens::rules
