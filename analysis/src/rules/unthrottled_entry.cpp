// Traffic from clients (or a public component) that reaches application services without
// passing anything that rate-limits.
#include "flow_helpers.h"

namespace archlens::rules {

namespace {
bool throttles(const Context& ctx, const Component& c) {
    return c.kind == "rate_limiter" || ctx.flag(c, "rate_limit");
}
bool isApplication(const Context& ctx, const Component& c) {
    return ctx.isKind(c, {"app_service", "web_server", "bff", "serverless_function"});
}
} // namespace

void unthrottledEntry(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& flow : ctx.doc.flows) {
        const Component* entry = ctx.component(flow.entry);
        if (!entry || !(ctx.isClient(*entry) || ctx.flag(*entry, "public"))) continue;
        std::string subject, target;
        walkFlow(ctx, flow, false, [&](const Connection& c) {
            const Component* to = ctx.component(c.to);
            if (!to || throttles(ctx, *to)) return false; // this branch is throttled
            if (to->kind == "dns") return false; // resolves names; the request goes elsewhere
            if (subject.empty() && to->kind != "cdn") subject = to->id;
            if (isApplication(ctx, *to) && target.empty()) target = to->id;
            return true;
        });
        if (target.empty()) continue;
        if (subject.empty()) subject = target;
        emit(out, "unthrottled-entry", {subject},
             {{"flow", ctx.name(flow.id)},
              {"entry", ctx.name(flow.entry)},
              {"target", ctx.name(target)},
              {"subject_name", ctx.name(subject)}});
    }
}

} // namespace archlens::rules
