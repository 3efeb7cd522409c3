#include "resilience_helpers.h"

#include <algorithm>
#include <functional>

namespace archlens::rules {

namespace {
/// 100 writes for one request is a follower fan-out, not a loop over a few items.
constexpr double kFanOutCalls = 100;
} // namespace

std::vector<double> flowRates(const Context& ctx, std::size_t flow) {
    std::vector<double> rates(ctx.doc.components.size(), 0.0);
    if (flow >= ctx.report.flows.size()) return rates;
    const Flow* f = ctx.doc.flow(ctx.report.flows[flow].id);
    if (!f) return rates;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < ctx.doc.components.size(); ++i)
        index[ctx.doc.components[i].id] = i;
    // rate(x) = sum over the flow's connections into x of rate(caller) x calls; the
    // analysis drops the connection closing a cycle, so the flow's connections form a DAG.
    std::vector<int> state(rates.size(), 0); // 0 not done, 1 in progress, 2 done
    std::function<double(std::size_t)> rate = [&](std::size_t node) -> double {
        if (state[node] == 2) return rates[node];
        if (state[node] == 1) return 0;
        state[node] = 1;
        const std::string& id = ctx.doc.components[node].id;
        double sum = id == f->entry ? f->rate_rps : 0;
        for (std::size_t ci : ctx.incoming(id)) {
            if (ctx.part(flow, ci) == Context::Part::None) continue;
            const Connection& c = ctx.doc.connections[ci];
            auto it = index.find(c.from);
            if (it == index.end()) continue;
            sum += rate(it->second) * ctx.number(c, "calls", 1);
        }
        state[node] = 2;
        return rates[node] = sum;
    };
    for (std::size_t i = 0; i < rates.size(); ++i)
        rate(i);
    return rates;
}

double rateOver(const Context& ctx, const std::vector<double>& rates, const Connection& c) {
    for (std::size_t i = 0; i < ctx.doc.components.size(); ++i)
        if (ctx.doc.components[i].id == c.from) return rates[i] * ctx.number(c, "calls", 1);
    return 0;
}

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
    const Component* to = ctx.component(c.to);
    if (!to || !(ctx.isDataStore(*to) || ctx.isMessageBroker(*to))) return false;
    // Only where a write flow takes it: reading a hundred rows is chatty I/O, not fan-out.
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        const Flow* flow = ctx.doc.flow(ctx.report.flows[f].id);
        if (!flow || flow->op != "write") continue;
        for (std::size_t i : ctx.outgoing(c.from))
            if (&ctx.doc.connections[i] == &c && ctx.part(f, i) != Context::Part::None) return true;
    }
    return false;
}

} // namespace archlens::rules
