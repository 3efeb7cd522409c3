// Application instances that keep state, so they are not interchangeable.
#include "rule.h"

namespace archlens::rules {

void statefulService(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        if (!ctx.is(c, KindTrait::Server) || !ctx.flag(c, "stateful")) continue;
        const double instances = ctx.number(c, "instances", 1);
        if (instances < 2) continue;
        emit(out, "stateful-service", {c.id},
             {{"name", ctx.name(c.id)}, {"instances", count(instances)}});
    }
}

} // namespace archlens::rules
