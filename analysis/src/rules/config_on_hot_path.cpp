// A user-facing request that waits on the configuration store. Configuration changes a
// few times a day but is read on every request, so each request pays a round trip for
// nothing, the store takes the whole front-door traffic, and when it is down every
// request fails although the last known configuration would have served them all.
// A call that only writes the store is how an operator changes the configuration, not a
// read on anyone's hot path, so it is left alone even when a user-facing flow carries it.
#include "flow_helpers.h"
#include "resilience_helpers.h"

#include <algorithm>

namespace archlens::rules {

namespace {
/// Below this share of requests the configuration is cached and the call is a refresh.
constexpr double kMostRequests = 0.5;

/// Whether the connection's ops name writes and nothing else (absent ops carry every op).
bool onlyWrites(const Connection& c) {
    auto ops = c.props.find("ops");
    if (ops == c.props.end() || !ops->is_array() || ops->empty()) return false;
    return std::all_of(ops->begin(), ops->end(), [](const Json& op) { return op == "write"; });
}
} // namespace

void configOnHotPath(const Context& ctx, std::vector<Finding>& out) {
    for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i) {
        const Connection& c = ctx.doc.connections[i];
        const Component* to = ctx.callee(c);
        if (c.mode != ConnectionMode::Sync || !to ||
            !kindCovers(ctx, *to, "External Config Store") ||
            ctx.number(c, "calls", 1) < kMostRequests || onlyWrites(c))
            continue;
        double rate = 0;
        std::vector<std::string> flows;
        for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
            if (ctx.report.flows[f].background || ctx.part(f, i) != Context::Part::Sync) continue;
            flows.push_back(ctx.report.flows[f].id);
            rate += ctx.rates(f)[i];
        }
        if (flows.empty()) continue;
        const ComponentResult* r = ctx.result(to->id);
        emit(out, "config-on-hot-path", {c.id},
             {{"connection", ctx.describe(c)},
              {"caller", ctx.name(c.from)},
              {"store", ctx.name(to->id)},
              {"flows", flowNames(ctx, flows)},
              {"rate", rateText(rate)},
              {"p99", durationInputText(p99Of(ctx, *to), "ms", true)},
              {"availability", availabilityPercent(r ? r->availability : 1)},
              {"required", ctx.prop(c, "required") == false
                               ? "it is optional, so an outage only costs the wait"
                               : "the call is required, so its outage is theirs"}});
    }
}

} // namespace archlens::rules
