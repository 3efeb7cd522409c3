// A flow that cannot complete without a third party.
#include "flow_helpers.h"

namespace archlens::rules {

void syncToExternal(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& f : ctx.report.flows) {
        for (const auto& id : f.syncComponents) {
            const Component* c = ctx.component(id);
            if (!c || !ctx.isExternalService(*c)) continue;
            const Flow* flow = ctx.doc.flow(f.id);
            const Values values{
                {"flow", ctx.name(f.id)},
                {"callee", ctx.name(id)},
                {"availability", availabilityInputText(ctx.number(*c, "availability", 1))}};
            // A write that needs the third party's answer (an authorisation, a charge)
            // cannot be made optional; a second provider or an accept-now, confirm-later
            // flow is the answer.
            if (flow && flow->op == "write")
                emitVariant(out, "sync-to-external", "write", {id}, values);
            else
                emit(out, "sync-to-external", {id}, values);
        }
    }
}

} // namespace archlens::rules
