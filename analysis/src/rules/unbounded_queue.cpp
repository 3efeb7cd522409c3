// A queue with no maximum depth gives no back pressure.
#include "rule.h"

namespace archlens::rules {

void unboundedQueue(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        if (!ctx.is(c, KindTrait::Queue) || ctx.prop(c, "max_depth").is_number()) continue;
        emit(out, "unbounded-queue", {c.id}, {{"name", ctx.name(c.id)}});
    }
}

} // namespace archlens::rules
