// A component outside every zone in a design that has zones.
#include "rule.h"

namespace archlens::rules {

void unplacedComponent(const Context& ctx, std::vector<Finding>& out) {
    if (ctx.doc.zones.empty()) return;
    for (const auto& c : ctx.doc.components) {
        if (ctx.isClient(c) || ctx.flag(c, "external") || ctx.prop(c, "zones").is_array()) continue;
        emit(out, "unplaced-component", {c.id}, {{"name", ctx.name(c.id)}});
    }
}

} // namespace archlens::rules
