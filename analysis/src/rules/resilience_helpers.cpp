#include "resilience_helpers.h"

#include <algorithm>
#include <functional>

namespace archlens::rules {

namespace {
/// 100 writes for one request is a follower fan-out, not a loop over a few items.
constexpr double kFanOutCalls = 100;
} // namespace

bool kindCovers(const Context& ctx, const Component& c, const std::string& section) {
    const KindInfo* k = ctx.kind(c);
    return k && std::find(k->guideSections.begin(), k->guideSections.end(), section) !=
                    k->guideSections.end();
}

double p99Of(const Context& ctx, const Component& c) {
    const Json& latency = ctx.prop(c, "latency_ms");
    if (latency.is_object() && latency.contains("p99") && latency["p99"].is_number())
        return latency["p99"].get<double>();
    return 0;
}

bool isWriteFanOut(const Context& ctx, const Connection& c) {
    if (ctx.number(c, "calls", 1) < kFanOutCalls) return false;
    const Component* to = ctx.callee(c);
    if (!to || !(ctx.isDataStore(*to) || ctx.isMessageBroker(*to))) return false;
    // Only where a write flow takes it: reading a hundred rows is chatty I/O, not fan-out.
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        const Flow* flow = ctx.flow(f);
        if (!flow || flow->op != "write") continue;
        for (std::size_t i : ctx.outgoing(c.from))
            if (&ctx.doc.connections[i] == &c && ctx.part(f, i) != Context::Part::None) return true;
    }
    return false;
}

bool talksToCoordination(const Context& ctx, const Component& c) {
    for (const auto* list : {&ctx.outgoing(c), &ctx.incoming(c)})
        for (std::size_t i : *list) {
            const Connection& conn = ctx.doc.connections[i];
            const Component* other = ctx.component(conn.from == c.id ? conn.to : conn.from);
            if (other && ctx.is(*other, KindTrait::Coordination)) return true;
        }
    return false;
}

} // namespace archlens::rules
