// A call that can still be running after its caller gave up: along each flow's path, the
// callee's worst case (its calls' timeouts x attempts, plus backoff) against the deadline
// the caller gives it.
#include "flow_helpers.h"

#include <algorithm>
#include <cmath>
#include <limits>

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

/// A connection's figures that the worst cases need, read from its properties once: the
/// rule asks for them on every flow.
struct CallFigures {
    bool sync = false;
    bool hasTimeout = false;
    double timeout = 0;
    int retries = 0;
    double backoff = 0;
    bool parallel = false;
    double repeats = 1; ///< sequential repeats: calls rounded up, at least one
};

std::vector<CallFigures> callFigures(const Context& ctx) {
    std::vector<CallFigures> figures(ctx.doc.connections.size());
    for (std::size_t i = 0; i < figures.size(); ++i) {
        const Connection& c = ctx.doc.connections[i];
        CallFigures& f = figures[i];
        f.sync = c.mode == ConnectionMode::Sync;
        const Json& timeout = ctx.prop(c, "timeout_ms");
        f.hasTimeout = timeout.is_number();
        f.timeout = f.hasTimeout ? timeout.get<double>() : 0;
        f.retries = ctx.count(c, "retries", 0);
        f.backoff = backoffTotal(ctx, c, f.retries);
        f.parallel = ctx.flag(c, "parallel");
        f.repeats = std::max(1.0, std::ceil(ctx.number(c, "calls", 1)));
    }
    return figures;
}

/// Each component's own p99 (0 when it states none), by document index.
std::vector<double> ownP99s(const Context& ctx) {
    std::vector<double> p99(ctx.doc.components.size(), 0);
    for (std::size_t i = 0; i < p99.size(); ++i) {
        const Json& latency = ctx.prop(ctx.doc.components[i], "latency_ms");
        if (latency.is_object() && latency.contains("p99") && latency["p99"].is_number())
            p99[i] = latency["p99"].get<double>();
    }
    return p99;
}

/// Worst cases along one flow's synchronous part. A component whose calls all have a
/// bound answers within its own p99 plus those bounds; a leaf (a store, a third party) can
/// stall, and so can a call without a timeout to anything that can: that is what timeouts
/// are for. Memoised per component; a cycle is cut (call-cycle reports it).
class WorstCases {
public:
    WorstCases(const Context& ctx, const std::vector<CallFigures>& figures,
               const std::vector<double>& ownP99, std::size_t flow)
        : ctx_(ctx), figures_(figures), ownP99_(ownP99), flow_(flow),
          memo_(ctx.doc.components.size(), kUnknown) {}

    /// How long the component (index into doc.components) can take to answer on this flow.
    double of(std::size_t index) {
        if (index >= memo_.size()) return kForever;
        if (!std::isnan(memo_[index])) return memo_[index];
        memo_[index] = kForever; // a cycle back here: unbounded
        double sequential = 0, parallel = 0;
        bool calls = false;
        for (size_t i : ctx_.outgoingAt(index)) {
            if (ctx_.part(flow_, i) != Context::Part::Sync) continue;
            const CallFigures& f = figures_[i];
            if (!f.sync) continue; // an enqueue returns on acceptance
            calls = true;
            const double w = call(i);
            if (f.parallel)
                parallel = std::max(parallel, w);
            else
                sequential += w * f.repeats;
        }
        return memo_[index] = calls ? ownP99_[index] + sequential + parallel : kForever;
    }

    /// How long one connection can keep its caller waiting: every attempt cut at the
    /// timeout (or sooner, when the callee is bounded below it), plus the backoff pauses.
    double call(std::size_t connection) {
        const double below = of(ctx_.to(connection));
        const CallFigures& f = figures_[connection];
        if (!f.hasTimeout) return below * (f.retries + 1);
        return (f.retries + 1) * std::min(f.timeout, below) + f.backoff;
    }

private:
    static constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();
    const Context& ctx_;
    const std::vector<CallFigures>& figures_;
    const std::vector<double>& ownP99_;
    std::size_t flow_;
    std::vector<double> memo_;
};

struct Breach {
    const Connection* outer = nullptr;
    std::size_t outerIndex = 0;
    double worst = 0;
    std::vector<std::size_t> flows; ///< report flows, in order, each once
};

} // namespace

void timeoutBudget(const Context& ctx, std::vector<Finding>& out) {
    const std::vector<CallFigures> figures = callFigures(ctx);
    const std::vector<double> ownP99 = ownP99s(ctx);
    // Per inner connection, the tightest deadline it outlasts on any flow (none when
    // `outer` stays null).
    std::vector<Breach> breaches(ctx.doc.connections.size());
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        WorstCases worst(ctx, figures, ownP99, f);
        for (size_t o : ctx.flowCalls(f)) {
            const Connection& outer = ctx.doc.connections[o];
            const CallFigures& deadline = figures[o];
            if (ctx.part(f, o) != Context::Part::Sync || !deadline.sync || !deadline.hasTimeout)
                continue;
            // The callee's bounded calls that alone outlast the deadline: the fix is there.
            for (size_t i : ctx.outgoingAt(ctx.to(o))) {
                if (ctx.part(f, i) != Context::Part::Sync || !figures[i].sync ||
                    !figures[i].hasTimeout)
                    continue;
                const double w = worst.call(i);
                if (!(w >= deadline.timeout)) continue;
                Breach& b = breaches[i];
                if (!b.outer || deadline.timeout < figures[b.outerIndex].timeout) {
                    b.outer = &outer;
                    b.outerIndex = o;
                    b.worst = w;
                }
                // Flows come in order: this one is in the list only as its last.
                if (b.flows.empty() || b.flows.back() != f) b.flows.push_back(f);
            }
        }
    }
    // Each flow's name looked up once, and the first flow of its id (the same flow, unless
    // an invalid design repeats an id).
    std::vector<std::string> flowName(ctx.report.flows.size());
    std::vector<std::size_t> firstOfId(flowName.size());
    for (std::size_t f = 0; f < flowName.size(); ++f) {
        flowName[f] = ctx.name(ctx.report.flows[f].id);
        firstOfId[f] = f;
        for (std::size_t g = 0; g < f; ++g)
            if (ctx.report.flows[g].id == ctx.report.flows[f].id) {
                firstOfId[f] = g;
                break;
            }
    }
    std::vector<char> named(flowName.size());
    for (std::size_t i = 0; i < breaches.size(); ++i) {
        const Breach& b = breaches[i];
        if (!b.outer) continue;
        const Connection& inner = ctx.doc.connections[i];
        // Named once each (two flows of one id, in an invalid design, read as one), joined
        // as flowNames joins them.
        std::string flowList;
        for (std::size_t f : b.flows)
            if (!named[firstOfId[f]]) {
                named[firstOfId[f]] = 1;
                if (!flowList.empty()) flowList += ", ";
                flowList += flowName[f];
            }
        for (std::size_t f : b.flows)
            named[firstOfId[f]] = 0;
        const int retries = figures[i].retries;
        const double timeout = figures[i].timeout;
        std::string how = retries > 0 ? std::to_string(retries + 1) + " attempts × " +
                                            durationInputText(timeout, "ms")
                                      : "one attempt of " + durationInputText(timeout, "ms");
        if (const double pause = figures[i].backoff; pause > 0)
            how += " plus " + millisecondsText(pause) + " of backoff";
        emit(out, "timeout-budget", {inner.id},
             {{"connection", ctx.describe(inner)},
              {"worst", millisecondsText(b.worst)},
              {"how", how},
              {"outer", durationInputText(figures[b.outerIndex].timeout, "ms")},
              {"outer_connection", ctx.describe(*b.outer)},
              {"caller", ctx.endName(ctx.from(b.outerIndex), b.outer->from)},
              {"flows", flowList}});
    }
}

} // namespace archlens::rules
