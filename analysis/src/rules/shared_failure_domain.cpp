// Redundant instances that all live in one zone share its fate.
#include "rule.h"

namespace archlens::rules {

void sharedFailureDomain(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        const int instances = ctx.count(c, "instances", 1);
        const Json& zones = ctx.prop(c, "zones");
        if (instances < 2 || !zones.is_array() || zones.size() != 1 || ctx.flag(c, "external"))
            continue;
        emit(out, "shared-failure-domain", {c.id, zones[0].get<std::string>()},
             {{"name", ctx.name(c.id)},
              {"instances", std::to_string(instances)},
              {"zone", zones[0].get<std::string>()}});
    }
}

} // namespace archlens::rules
