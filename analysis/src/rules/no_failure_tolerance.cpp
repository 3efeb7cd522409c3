// min_healthy equal to instances: redundancy in name only.
#include "rule.h"

namespace archlens::rules {

void noFailureTolerance(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        const double instances = ctx.number(c, "instances", 1),
                     minHealthy = ctx.number(c, "min_healthy", 1);
        if (instances < 2 || minHealthy < instances) continue;
        emit(out, "no-failure-tolerance", {c.id},
             {{"name", ctx.name(c.id)},
              {"instances", count(instances)},
              {"min_healthy", count(minHealthy)}});
    }
}

} // namespace archlens::rules
