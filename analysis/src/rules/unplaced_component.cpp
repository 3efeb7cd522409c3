// A component outside every zone in a design that has zones.
#include "rule.h"

namespace archlens::rules {

namespace {
bool onSomeFlow(const Context& ctx, const std::string& id) {
    for (const auto& f : ctx.report.flows) {
        for (const auto& c : f.syncComponents)
            if (c == id) return true;
        for (const auto& c : f.asyncComponents)
            if (c == id) return true;
    }
    return false;
}
} // namespace

void unplacedComponent(const Context& ctx, std::vector<Finding>& out) {
    if (ctx.doc.zones.empty()) return;
    for (const auto& c : ctx.doc.components) {
        if (ctx.isClient(c) || ctx.flag(c, "external") || ctx.prop(c, "zones").is_array()) continue;
        // A managed object store spreads over zones by itself, and where a component that
        // no flow reaches (monitoring, say) runs changes no figure: asking is noise.
        if (ctx.is(c, KindTrait::ObjectStore) || !onSomeFlow(ctx, c.id)) continue;
        emit(out, "unplaced-component", {c.id}, {{"name", ctx.name(c.id)}});
    }
}

} // namespace archlens::rules
