// One write copied into a hundred places or more (a post pushed to every follower's
// timeline). The average fan-out looks affordable, but followers are skewed: one account
// with millions of followers turns one post into millions of writes at once, a burst on
// the same shards and queue partitions that no average capacity plan covers.
#include "flow_helpers.h"
#include "resilience_helpers.h"

namespace archlens::rules {

void fanOutOnWrite(const Context& ctx, std::vector<Finding>& out) {
    for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i) {
        const Connection& c = ctx.doc.connections[i];
        if (!isWriteFanOut(ctx, c)) continue;
        double writes = 0, posts = 0;
        std::vector<std::string> flows;
        for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
            const Flow* flow = ctx.flow(f);
            if (!flow || flow->op != "write" || ctx.part(f, i) == Context::Part::None) continue;
            flows.push_back(flow->id);
            posts += flow->rate_rps;
            writes += ctx.rates(f)[i];
        }
        const double calls = ctx.number(c, "calls", 1);
        emit(out, "fan-out-on-write", {c.id},
             {{"connection", ctx.describe(c)},
              {"flows", flowNames(ctx, flows)},
              {"calls", count(calls)},
              {"callee", ctx.name(c.to)},
              {"posts", rateText(posts)},
              {"writes", rateText(writes)}});
    }
}

} // namespace archlens::rules
