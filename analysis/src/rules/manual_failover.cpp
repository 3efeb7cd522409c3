// Replicas that only help once a person promotes one. Where that makes the component a
// single point of failure of a flow, single-point-of-failure reports it (one finding per
// cause); this rule covers the rest, such as a manual store behind an alternative path.
#include "flow_helpers.h"

namespace archlens::rules {

void manualFailover(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        const int instances = ctx.count(c, "instances", 1);
        if (instances < 2 || ctx.prop(c, "failover") != "manual") continue;
        if (const ComponentResult* r = ctx.result(c.id); r && !r->spofFor.empty()) continue;
        std::vector<std::string> flows;
        for (const auto& f : ctx.report.flows)
            for (const auto& id : f.syncComponents)
                if (id == c.id) flows.push_back(f.id);
        if (flows.empty()) continue;
        emit(out, "manual-failover", {c.id},
             {{"name", ctx.name(c.id)},
              {"instances", std::to_string(instances)},
              {"flows", flowNames(ctx, flows)}});
    }
}

} // namespace archlens::rules
