// A design with nothing that watches it.
#include "rule.h"

namespace archlens::rules {

void noMonitoring(const Context& ctx, std::vector<Finding>& out) {
    if (ctx.doc.components.size() < 3) return; // a fragment, not a system
    for (const auto& c : ctx.doc.components)
        if (ctx.is(c, KindTrait::Monitoring)) return;
    emit(out, "no-monitoring", {}, {});
}

} // namespace archlens::rules
