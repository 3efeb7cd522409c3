// A write that can arrive twice (retried, or delivered at least once from a queue) at a
// callee that does not recognise the repeat. Judged on the connections each write flow
// takes, so a consumer is not blamed for a write that never passes through it.
#include "flow_helpers.h"

#include <map>
#include <set>

namespace archlens::rules {

namespace {

/// Whether a repeated write through this connection leaves the system (a payment, a
/// message sent by a provider): then the harm cannot be repaired inside the system. Looks
/// at the callee and, through synchronous calls of the same flow, what it calls.
bool reachesExternal(const Context& ctx, std::size_t flow, const std::string& id,
                     std::set<std::string>& seen) {
    if (!seen.insert(id).second) return false;
    const Component* c = ctx.component(id);
    if (c && ctx.flag(*c, "external") && !ctx.is(*c, KindTrait::Dns) &&
        !ctx.is(*c, KindTrait::Cdn))
        return true;
    for (size_t i : ctx.callsOf(flow, id, true)) {
        const Connection& next = ctx.doc.connections[i];
        if (next.mode == ConnectionMode::Sync && reachesExternal(ctx, flow, next.to, seen))
            return true;
    }
    return false;
}

/// Whether every call the consumer makes on this write flow recognises a repeat. The flow's
/// calls are those whose `ops` carry its writes, so each is a write unless it only sets a
/// cache entry again or publishes a message (judged where it is consumed).
bool consumerWritesIdempotently(const Context& ctx, std::size_t flow, const std::string& consumer) {
    const auto calls = ctx.callsOf(flow, consumer, true);
    if (calls.empty()) return false; // it writes itself: nothing says it recognises a repeat
    for (size_t i : calls) {
        const Connection& c = ctx.doc.connections[i];
        if (c.mode == ConnectionMode::Replication || ctx.flag(c, "idempotent")) continue;
        const Component* to = ctx.callee(c);
        if (to && (ctx.is(*to, KindTrait::Cache) ||
                   (c.mode == ConnectionMode::Async && ctx.isMessageBroker(*to))))
            continue;
        return false;
    }
    return true;
}

struct Repeat {
    std::vector<std::string> flows;
    bool external = false;
};

} // namespace

void missingIdempotency(const Context& ctx, std::vector<Finding>& out) {
    std::map<size_t, Repeat> repeats; // by connection, in document order
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        const Flow* flow = ctx.flow(f);
        if (!flow || flow->op != "write") continue;
        for (size_t i = 0; i < ctx.doc.connections.size(); ++i) {
            const Connection& c = ctx.doc.connections[i];
            if (ctx.part(f, i) == Context::Part::None || c.mode == ConnectionMode::Replication ||
                ctx.flag(c, "idempotent"))
                continue;
            const Component* from = ctx.caller(c);
            const bool retried = ctx.count(c, "retries", 0) > 0;
            if (!retried && !(from && ctx.isMessageBroker(*from))) continue;
            // A consumer whose every write on this flow is an idempotent call handles a
            // redelivered message safely: the repeat reaches only calls that recognise it.
            if (!retried && consumerWritesIdempotently(ctx, f, c.to)) continue;
            Repeat& r = repeats[i];
            r.flows.push_back(flow->id);
            std::set<std::string> seen;
            r.external = r.external || reachesExternal(ctx, f, c.to, seen);
        }
    }
    for (const auto& [i, r] : repeats) {
        const Connection& c = ctx.doc.connections[i];
        const Component* from = ctx.caller(c);
        const int retries = ctx.count(c, "retries", 0);
        // The harm decides the severity: a repeat that leaves the system (a second charge,
        // a second message) cannot be taken back; one inside it is a duplicate to clean up.
        const std::optional<Severity> severity = r.external ? Severity::Error : Severity::Warning;
        const std::string harm = r.external
                                     ? "the outside party acts twice, which cannot be taken back "
                                       "(a second charge, a second notification sent)"
                                     : "the write is applied twice (a duplicate record, or a "
                                       "count or balance changed twice)";
        const Values values{{"connection", ctx.describe(c)},
                            {"target", ctx.name(c.to)},
                            {"source", ctx.name(c.from)},
                            {"retries", std::to_string(retries)},
                            {"s", retries == 1 ? "" : "s"},
                            {"flows", flowNames(ctx, r.flows)},
                            {"harm", harm}};
        if (retries == 0 && from && ctx.isMessageBroker(*from))
            emitVariant(out, "missing-idempotency", "redelivery", {c.id}, values, severity);
        else
            emit(out, "missing-idempotency", {c.id}, values, severity);
    }
}

} // namespace archlens::rules
