// A gateway or backend-for-frontend that builds one response by calling three or more
// backends one after another, each required. The user waits for the sum of their
// latencies and the response fails whenever any one of them fails, although the calls
// rarely depend on each other: in parallel, with a deadline each and the optional parts
// allowed to drop out, the same backends give a faster and more available response.
#include "flow_helpers.h"
#include "resilience_helpers.h"

#include <set>

namespace archlens::rules {

namespace {
constexpr std::size_t kManyBackends = 3;
} // namespace

void sequentialAggregation(const Context& ctx, std::vector<Finding>& out) {
    std::set<std::string> reported; // one finding per gateway and set of calls
    // Which components aggregate, asked once rather than on every flow through them.
    std::vector<char> aggregates(ctx.doc.components.size());
    for (std::size_t c = 0; c < aggregates.size(); ++c)
        aggregates[c] = kindCovers(ctx, ctx.doc.components[c], "Gateway Aggregation") ||
                        kindCovers(ctx, ctx.doc.components[c], "Backends for Frontend");
    for (std::size_t fi = 0; fi < ctx.report.flows.size(); ++fi) {
        const FlowResult& f = ctx.report.flows[fi];
        if (f.background) continue; // nobody waits on the sum
        for (const std::size_t at : ctx.syncPart(fi)) {
            if (!aggregates[at]) continue;
            const Component* gw = &ctx.doc.components[at];
            std::vector<std::string> subjects{gw->id}, backends;
            std::set<std::string> callees;
            double together = 1;
            int withoutTimeout = 0;
            for (std::size_t i : ctx.outgoingAt(at)) {
                if (ctx.part(fi, i) != Context::Part::Sync) continue; // callsOf(fi, gw->id)
                const Connection& c = ctx.doc.connections[i];
                const Component* to = ctx.callee(c);
                // Side calls (a rate limiter, an identity check, a cache) are not parts of
                // the response; parallel, optional and alternative calls are already the fix.
                if (c.mode != ConnectionMode::Sync || !to ||
                    !(ctx.isApplication(*to) || ctx.isExternalService(*to)) ||
                    ctx.flag(c, "parallel") || ctx.prop(c, "required") == false ||
                    !ctx.prop(c, "alternative").is_null() || !callees.insert(c.to).second)
                    continue;
                subjects.push_back(c.id);
                backends.push_back(c.to);
                if (const ComponentResult* r = ctx.result(c.to)) together *= r->availability;
                if (ctx.prop(c, "timeout_ms").is_null()) ++withoutTimeout;
            }
            if (backends.size() < kManyBackends) continue;
            std::string key;
            for (const auto& s : subjects)
                key += s + "|";
            if (!reported.insert(key).second) continue;
            emit(out, "sequential-aggregation", subjects,
                 {{"name", ctx.name(gw->id)},
                  {"flow", ctx.name(f.id)},
                  {"count", count(static_cast<double>(backends.size()))},
                  {"backends", flowNames(ctx, backends)},
                  {"p99", millisecondsText(f.p99_ms)},
                  {"together", availabilityPercent(together)},
                  {"deadlines",
                   withoutTimeout == 0 ? "Each call has a timeout, but the "
                                         "timeouts add up as well"
                   : withoutTimeout == 1
                       ? "One of these calls has no timeout at all"
                       : count(withoutTimeout) + " of these calls have no timeout at all"}});
            out.back().flow = f.id;
        }
    }
}

} // namespace archlens::rules
