// A component that no flow reaches.
#include "flow_helpers.h"

namespace archlens::rules {

void unusedComponent(const Context& ctx, std::vector<Finding>& out) {
    // Without flows (or before the flow pass ran) nothing is "on" one.
    if (ctx.doc.flows.empty() || ctx.report.flows.empty()) return;
    for (const auto& c : ctx.doc.components) {
        if (ctx.isClient(c) || c.kind == "monitoring" || onFlow(ctx, c.id)) continue;
        bool isEntry = false;
        for (const auto& f : ctx.doc.flows)
            isEntry = isEntry || f.entry == c.id;
        if (!isEntry) emit(out, "unused-component", {c.id}, {{"name", ctx.name(c.id)}});
    }
}

} // namespace archlens::rules
