// A circuit breaker on a call the request cannot do without. The breaker makes failure
// fast, but fast failure is still failure: while it is open every request that needs the
// call gets an error. It pays off when something else answers meanwhile (a cached or
// default answer, a second provider, work queued for later), and that has to be designed.
// Work taken from a durable queue already is "work queued for later": a consumer whose call
// fails leaves its message in the queue, to be delivered again once the circuit closes.
#include "rule.h"

#include <set>

namespace archlens::rules {

namespace {
/// A broker that keeps a message until a consumer has handled it: a durable queue or topic
/// with a dead-letter queue (so a message that never succeeds is set aside, not retried
/// forever or dropped), or a durable stream, whose consumer moves on only once it commits.
bool holdsUntilHandled(const Context& ctx, const Component& c) {
    if (!ctx.isMessageBroker(c) || !ctx.flag(c, "durable")) return false;
    return ctx.is(c, KindTrait::Stream) || ctx.flag(c, "dlq");
}

/// Whether, on the flow (index into report.flows), every way to the component starts at a
/// broker that holds its messages until handled and is synchronous from there on, so a
/// failure at the component goes back to the consumer, whose message waits and is delivered
/// again, and nothing waits for its result. A component the flow's entry calls
/// synchronously, or one reached through a fire-and-forget call or a broker that forgets,
/// is exposed: nothing replays its work.
bool onlyBehindDurableQueue(const Context& ctx, std::size_t flow, const std::string& id) {
    const Flow* f = ctx.flow(flow);
    const Component* entry = f ? ctx.component(f->entry) : nullptr;
    if (!entry) return false;
    // Exposure spreads from the entry along the flow's connections until nothing changes;
    // what is left unexposed is reached only from behind such brokers (cycles included).
    std::set<std::string> exposed;
    if (!holdsUntilHandled(ctx, *entry)) exposed.insert(entry->id);
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i) {
            const Connection& c = ctx.doc.connections[i];
            if (ctx.part(flow, i) == Context::Part::None || exposed.count(c.to)) continue;
            const Component* from = ctx.caller(c);
            if (from && holdsUntilHandled(ctx, *from)) continue; // consumed from the broker
            if (exposed.count(c.from) || c.mode != ConnectionMode::Sync) {
                exposed.insert(c.to);
                changed = true;
            }
        }
    }
    if (exposed.count(id)) return false;
    // A result that comes back to whoever handed the work over (a reply through the brokers)
    // is waited for: redelivering the message after the circuit closes answers no one.
    std::set<std::string> handsOver, seen{id};
    for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i) {
        const Component* to = ctx.callee(ctx.doc.connections[i]);
        if (ctx.part(flow, i) == Context::Part::Sync && to && ctx.isMessageBroker(*to))
            handsOver.insert(ctx.doc.connections[i].from);
    }
    for (std::vector<std::string> next{id}; !next.empty();) {
        const std::string at = next.back();
        next.pop_back();
        for (std::size_t i : ctx.outgoing(at)) {
            const std::string& to = ctx.doc.connections[i].to;
            if (ctx.part(flow, i) == Context::Part::None || !seen.insert(to).second) continue;
            if (handsOver.count(to)) return false;
            next.push_back(to);
        }
    }
    return true;
}
} // namespace

void breakerWithoutFallback(const Context& ctx, std::vector<Finding>& out) {
    for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i) {
        const Connection& c = ctx.doc.connections[i];
        if (c.mode != ConnectionMode::Sync || !ctx.flag(c, "circuit_breaker")) continue;
        // Optional calls and alternatives are fallbacks the diagram already shows.
        if (ctx.prop(c, "required") == false || !ctx.prop(c, "alternative").is_null()) continue;
        // Taken by some flow, and by at least one that has no queue to hold its work.
        bool taken = false, exposed = false;
        for (std::size_t f = 0; f < ctx.report.flows.size() && !exposed; ++f) {
            if (ctx.part(f, i) == Context::Part::None) continue;
            taken = true;
            exposed = !onlyBehindDurableQueue(ctx, f, c.from);
        }
        if (!taken || !exposed) continue;
        emitVariant(out, "breaker-without-fallback", ctx.userWaitsOn(i) ? "" : "background", {c.id},
                    {{"connection", ctx.describe(c)}, {"callee", ctx.name(c.to)}});
    }
}

} // namespace archlens::rules
