// A call that can still be running after its caller gave up: along each flow's path, the
// callee's worst case (its calls' timeouts x attempts, plus backoff) against the deadline
// the caller gives it.
#include "flow_helpers.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace archlens::rules {

namespace {

constexpr double kForever = std::numeric_limits<double>::infinity();
/// The pause before the first retry when a backoff is set; exponential backoff doubles it
/// each time. The format has no field for it, so a common default is assumed.
constexpr double kBackoffBaseMs = 50;

double backoffTotal(const Context& ctx, const Connection& c, int retries) {
    const Json& backoff = ctx.prop(c, "backoff");
    if (retries <= 0 || !backoff.is_string() || backoff == "none") return 0;
    if (backoff == "fixed") return kBackoffBaseMs * retries;
    return kBackoffBaseMs * (std::pow(2.0, retries) - 1); // 50 + 100 + 200 ...
}

/// Worst cases along one flow's synchronous part. A component whose calls all have a
/// bound answers within its own p99 plus those bounds; a leaf (a store, a third party) can
/// stall, and so can a call without a timeout to anything that can: that is what timeouts
/// are for. Memoised per component; a cycle is cut (call-cycle reports it).
class WorstCases {
public:
    WorstCases(const Context& ctx, std::size_t flow) : ctx_(ctx), flow_(flow) {}

    /// How long the component can take to answer on this flow.
    double of(const std::string& id) {
        if (auto it = memo_.find(id); it != memo_.end()) return it->second;
        memo_[id] = kForever; // a cycle back here: unbounded
        double sequential = 0, parallel = 0;
        bool calls = false;
        for (size_t i : ctx_.callsOf(flow_, id)) {
            const Connection& c = ctx_.doc.connections[i];
            if (c.mode != ConnectionMode::Sync) continue; // an enqueue returns on acceptance
            calls = true;
            const double w = call(c);
            if (ctx_.flag(c, "parallel"))
                parallel = std::max(parallel, w);
            else
                sequential += w * std::max(1.0, std::ceil(ctx_.number(c, "calls", 1)));
        }
        double own = kForever;
        if (calls)
            if (const Component* comp = ctx_.component(id)) {
                const Json& latency = ctx_.prop(*comp, "latency_ms");
                own = latency.is_object() && latency.contains("p99") && latency["p99"].is_number()
                          ? latency["p99"].get<double>()
                          : 0;
                own += sequential + parallel;
            }
        return memo_[id] = own;
    }

    /// How long one connection can keep its caller waiting: every attempt cut at the
    /// timeout (or sooner, when the callee is bounded below it), plus the backoff pauses.
    double call(const Connection& c) {
        const double below = of(c.to);
        const Json& timeout = ctx_.prop(c, "timeout_ms");
        const int retries = ctx_.count(c, "retries", 0);
        if (!timeout.is_number()) return below * (retries + 1);
        return (retries + 1) * std::min(timeout.get<double>(), below) +
               backoffTotal(ctx_, c, retries);
    }

private:
    const Context& ctx_;
    std::size_t flow_;
    std::map<std::string, double> memo_;
};

struct Breach {
    const Connection* outer = nullptr;
    double worst = 0;
    std::vector<std::string> flows;
};

} // namespace

void timeoutBudget(const Context& ctx, std::vector<Finding>& out) {
    // Per inner connection, the tightest deadline it outlasts on any flow.
    std::map<size_t, Breach> breaches;
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        WorstCases worst(ctx, f);
        for (size_t o = 0; o < ctx.doc.connections.size(); ++o) {
            const Connection& outer = ctx.doc.connections[o];
            const Json& deadline = ctx.prop(outer, "timeout_ms");
            if (ctx.part(f, o) != Context::Part::Sync || outer.mode != ConnectionMode::Sync ||
                !deadline.is_number())
                continue;
            // The callee's bounded calls that alone outlast the deadline: the fix is there.
            for (size_t i : ctx.callsOf(f, outer.to)) {
                const Connection& inner = ctx.doc.connections[i];
                if (inner.mode != ConnectionMode::Sync || !ctx.prop(inner, "timeout_ms").is_number())
                    continue;
                const double w = worst.call(inner);
                if (!(w >= deadline.get<double>())) continue;
                Breach& b = breaches[i];
                if (!b.outer || deadline.get<double>() < ctx.number(*b.outer, "timeout_ms")) {
                    b.outer = &outer;
                    b.worst = w;
                }
                if (std::find(b.flows.begin(), b.flows.end(), ctx.report.flows[f].id) ==
                    b.flows.end())
                    b.flows.push_back(ctx.report.flows[f].id);
            }
        }
    }
    for (const auto& [i, b] : breaches) {
        const Connection& inner = ctx.doc.connections[i];
        const int retries = ctx.count(inner, "retries", 0);
        const double timeout = ctx.number(inner, "timeout_ms");
        std::string how = retries > 0 ? std::to_string(retries + 1) + " attempts × " +
                                            durationInputText(timeout, "ms")
                                      : "one attempt of " + durationInputText(timeout, "ms");
        if (const double pause = backoffTotal(ctx, inner, retries); pause > 0)
            how += " plus " + millisecondsText(pause) + " of backoff";
        emit(out, "timeout-budget", {inner.id},
             {{"connection", ctx.describe(inner)},
              {"worst", millisecondsText(b.worst)},
              {"how", how},
              {"outer", durationInputText(ctx.number(*b.outer, "timeout_ms"), "ms")},
              {"outer_connection", ctx.describe(*b.outer)},
              {"caller", ctx.name(b.outer->from)},
              {"flows", flowNames(ctx, b.flows)}});
    }
}

} // namespace archlens::rules
