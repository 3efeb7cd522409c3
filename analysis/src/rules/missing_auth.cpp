// A client flow that changes data (op write) and reaches application services without
// anything authenticating it. Reads are left alone: a public read (a redirect, a static
// page, a product listing) is legitimately anonymous, and the format cannot tell a private
// read from a public one, so flagging every read would mostly be noise (README "Rules").
#include "flow_helpers.h"

namespace archlens::rules {

void missingAuth(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& flow : ctx.doc.flows) {
        if (flow.op != "write") continue; // the only other op is read

        const Component* entry = ctx.component(flow.entry);
        if (!entry || !ctx.isClient(*entry)) continue;
        bool authenticated = false;
        std::string subject, target;
        walkFlow(ctx, flow, false, [&](const Connection& c) {
            const Component* to = ctx.callee(c);
            if (!to) return false;
            if (ctx.flag(*to, "auth") || ctx.is(*to, KindTrait::Identity)) authenticated = true;
            if (ctx.is(*to, KindTrait::Dns) || ctx.is(*to, KindTrait::Cdn)) return false;
            if (subject.empty()) subject = to->id;
            if (target.empty() && ctx.isApplication(*to)) target = to->id;
            return true;
        });
        if (authenticated || target.empty()) continue;
        emit(out, "missing-auth", {subject},
             {{"flow", ctx.name(flow.id)},
              {"entry", ctx.name(flow.entry)},
              {"target", ctx.name(target)},
              {"subject_name", ctx.name(subject)}});
    }
}

} // namespace archlens::rules
