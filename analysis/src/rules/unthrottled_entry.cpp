// Traffic from clients (or a public component) that reaches application services without
// passing anything that rate-limits.
#include "flow_helpers.h"

#include <algorithm>
#include <vector>

namespace archlens::rules {

namespace {
bool throttles(const Context& ctx, const Component& c) {
    return ctx.is(c, KindTrait::RateLimiter) || ctx.flag(c, "rate_limit");
}
/// A component that asks a rate limiter beside the request path before passing a request
/// on (a gateway checking each request) protects what follows as much as one in line.
/// `intoLimiter`: per connection, whether it is a synchronous call to a rate limiter.
bool asksRateLimiter(const Context& ctx, const std::vector<char>& intoLimiter, std::size_t c,
                     const Flow& flow) {
    for (size_t i : ctx.outgoingAt(c))
        if (intoLimiter[i] && ctx.carries(i, flow)) return true;
    return false;
}
} // namespace

void unthrottledEntry(const Context& ctx, std::vector<Finding>& out) {
    // One finding per subject (the unthrottled entry point), naming every flow through it:
    // the fix is made once at that component, so one finding per flow only repeated it.
    struct Entry {
        std::vector<std::string> flows, entries, targets;
    };
    std::vector<std::pair<std::string, Entry>> bySubject; // in the order first found
    // Whether each component throttles by itself, on any flow: asked once.
    std::vector<signed char> throttlesItself(ctx.doc.components.size(), -1);
    std::vector<char> intoLimiter(ctx.doc.connections.size(), 0);
    for (std::size_t i = 0; i < intoLimiter.size(); ++i) {
        const Component* to = ctx.callee(ctx.doc.connections[i]);
        intoLimiter[i] = ctx.doc.connections[i].mode == ConnectionMode::Sync && to &&
                         ctx.is(*to, KindTrait::RateLimiter);
    }
    auto addOnce = [](std::vector<std::string>& list, const std::string& id) {
        if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
    };
    for (const auto& flow : ctx.doc.flows) {
        const Component* entry = ctx.component(flow.entry);
        if (!entry || !(ctx.isClient(*entry) || ctx.flag(*entry, "public"))) continue;
        std::string subject, target;
        // Whether each component is throttled on this flow, worked out at its first call.
        std::vector<signed char> throttled(ctx.doc.components.size(), -1);
        walkFlow(ctx, flow, false, [&](const Connection& c) {
            const std::size_t index = ctx.to(ctx.indexOf(c));
            if (index >= throttled.size()) return false;
            const Component* to = &ctx.doc.components[index];
            if (throttlesItself[index] < 0) throttlesItself[index] = throttles(ctx, *to) ? 1 : 0;
            if (throttled[index] < 0)
                throttled[index] =
                    throttlesItself[index] || asksRateLimiter(ctx, intoLimiter, index, flow);
            if (throttled[index]) return false; // this branch is throttled
            // DNS resolves names; the request itself goes elsewhere.
            if (ctx.is(*to, KindTrait::Dns)) return false;
            if (subject.empty() && !ctx.is(*to, KindTrait::Cdn)) subject = to->id;
            if (ctx.isApplication(*to) && target.empty()) target = to->id;
            return true;
        });
        if (target.empty()) continue;
        if (subject.empty()) subject = target;
        auto it = std::find_if(bySubject.begin(), bySubject.end(),
                               [&](const auto& s) { return s.first == subject; });
        if (it == bySubject.end()) it = bySubject.insert(bySubject.end(), {subject, Entry{}});
        addOnce(it->second.flows, flow.id);
        addOnce(it->second.entries, flow.entry);
        addOnce(it->second.targets, target);
    }
    for (const auto& [subject, e] : bySubject)
        emit(out, "unthrottled-entry", {subject},
             {{"flow", flowNames(ctx, e.flows)},
              {"entry", flowNames(ctx, e.entries)},
              {"target", flowNames(ctx, e.targets)},
              {"subject_name", ctx.name(subject)}});
}

} // namespace archlens::rules
