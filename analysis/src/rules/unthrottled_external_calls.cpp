// Background work calling a third party with no cap of its own. Nobody waits on a batch or
// a crawler, so nothing slows it down: it calls as fast as its workers run, and after an
// outage it drains the backlog faster still. The third party sees abuse and throttles or
// bans the whole account, and the user-facing calls on that account go down with it.
#include "flow_helpers.h"
#include "resilience_helpers.h"

#include <algorithm>

namespace archlens::rules {

namespace {
/// Below this a third party rarely notices; above it a cap is part of the design.
constexpr double kHighRate = 10;
} // namespace

void unthrottledExternalCalls(const Context& ctx, std::vector<Finding>& out) {
    for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i) {
        const Connection& c = ctx.doc.connections[i];
        if (c.mode == ConnectionMode::Replication) continue;
        if (!ctx.prop(c, "rate_limit_rps").is_null()) continue;
        const Component* from = ctx.caller(c);
        const Component* to = ctx.callee(c);
        // Name resolution and a CDN are built for any rate; an identity provider is asked
        // on behalf of users, not by a batch.
        if (!from || !to || ctx.isClient(*from) || ctx.flag(*from, "external") ||
            !ctx.isExternalService(*to))
            continue;
        double background = 0;
        std::vector<std::string> flows;
        for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
            const Context::Part part = ctx.part(f, i);
            const bool isBackground =
                part == Context::Part::Tail ||
                (part == Context::Part::Sync && ctx.report.flows[f].background);
            if (!isBackground) continue;
            background += ctx.rates(f)[i];
            flows.push_back(ctx.report.flows[f].id);
        }
        if (background < kHighRate) continue;
        // What the callers can send when they drain a backlog: every instance at capacity.
        const double burst = ctx.number(*from, "instances", 1) *
                             ctx.number(*from, "capacity_rps", 0) * ctx.number(c, "calls", 1);
        emit(out, "unthrottled-external-calls", {c.id},
             {{"connection", ctx.describe(c)},
              {"caller", ctx.name(from->id)},
              {"callee", ctx.name(to->id)},
              {"flows", flowNames(ctx, flows)},
              {"rate", rateText(background)},
              {"burst", rateText(std::max(burst, background))},
              {"instances", count(ctx.number(*from, "instances", 1))}});
    }
}

} // namespace archlens::rules
