// A flow that cannot complete without a third party.
#include "flow_helpers.h"

namespace archlens::rules {

void syncToExternal(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& f : ctx.report.flows) {
        for (const auto& id : f.syncComponents) {
            const Component* c = ctx.component(id);
            if (!c || c->kind != "external_service") continue;
            emit(out, "sync-to-external", {id},
                 {{"flow", ctx.name(f.id)},
                  {"callee", ctx.name(id)},
                  {"availability", percent(ctx.number(*c, "availability", 1), 2)}});
        }
    }
}

} // namespace archlens::rules
