// Synchronous calls that come back around to a component already waiting.
#include "rule.h"

namespace archlens::rules {

void callCycle(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& f : ctx.report.flows) {
        if (f.cycle.empty()) continue;
        std::string cycle;
        for (const auto& id : f.cycle)
            cycle += (cycle.empty() ? "" : " → ") + ctx.name(id);
        emit(out, "call-cycle", f.cycle, {{"flow", ctx.name(f.id)}, {"cycle", cycle}});
        out.back().flow = f.id;
    }
}

} // namespace archlens::rules
