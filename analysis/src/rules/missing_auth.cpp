// A client flow that changes data (op write) and reaches application services without
// anything authenticating it. Reads are left alone: a public read (a redirect, a static
// page, a product listing) is legitimately anonymous, and the format cannot tell a private
// read from a public one, so flagging every read would mostly be noise (README "Rules").
#include "flow_helpers.h"

namespace archlens::rules {

void missingAuth(const Context& ctx, std::vector<Finding>& out) {
    // What the walk asks of each component it reaches, read once for all the write flows.
    enum : char { kPlain = 0, kAuthenticates = 1, kEdge = 2, kApplication = 4 };
    std::vector<char> traits(ctx.doc.components.size(), kPlain);
    for (std::size_t i = 0; i < traits.size(); ++i) {
        const Component& c = ctx.doc.components[i];
        if (ctx.flag(c, "auth") || ctx.is(c, KindTrait::Identity)) traits[i] |= kAuthenticates;
        if (ctx.is(c, KindTrait::Dns) || ctx.is(c, KindTrait::Cdn)) traits[i] |= kEdge;
        if (ctx.isApplication(c)) traits[i] |= kApplication;
    }
    for (const auto& flow : ctx.doc.flows) {
        if (flow.op != "write") continue; // the only other op is read

        const Component* entry = ctx.component(flow.entry);
        if (!entry || !ctx.isClient(*entry)) continue;
        bool authenticated = false;
        std::string subject, target;
        walkFlow(ctx, flow, false, [&](const Connection& c) {
            // Once something authenticates the flow there is nothing to report: the walk
            // need go no further.
            if (authenticated) return false;
            const std::size_t to = ctx.to(ctx.indexOf(c));
            if (to >= traits.size()) return false;
            if (traits[to] & kAuthenticates) authenticated = true;
            if (traits[to] & kEdge) return false;
            if (subject.empty()) subject = ctx.doc.components[to].id;
            if (target.empty() && (traits[to] & kApplication)) target = ctx.doc.components[to].id;
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
