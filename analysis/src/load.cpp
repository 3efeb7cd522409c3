#include "load.h"

#include <cmath>
#include <limits>
#include <unordered_map>

namespace archlens::detail {

MarginalAvailabilities::MarginalAvailabilities(const Graph& graph)
    : graph_(graph), cache_(graph.nodes.size(), std::numeric_limits<double>::quiet_NaN()) {}

double MarginalAvailabilities::operator()(int node) {
    if (std::isnan(cache_[node])) cache_[node] = marginalAvailability(graph_, node);
    return cache_[node];
}

double expectedAttempts(const Graph& g, const Edge& edge, MarginalAvailabilities& avail) {
    if (edge.retries <= 0) return 1;
    const Node& callee = g.nodes[edge.to];
    double inTime = 1;
    if (edge.timeout > 0 && callee.p99 > callee.p50 && callee.p50 > 0) {
        const double sigma = std::log(callee.p99 / callee.p50) / 2.3263478740408408;
        const double z = (std::log(edge.timeout) - std::log(callee.p50)) / sigma;
        inTime = 0.5 * std::erfc(-z / std::sqrt(2.0));
    } else if (edge.timeout > 0 && edge.timeout < callee.p50) {
        inTime = 0;
    }
    const double fail = 1 - avail(edge.to) * inTime;
    // 1 + p + p^2 + ... + p^retries
    double attempts = 0, term = 1;
    for (int i = 0; i <= edge.retries; ++i) {
        attempts += term;
        term *= fail;
    }
    return attempts;
}

namespace {

/// Each edge's expected attempts, worked out at the first flow that takes it: they depend on
/// the edge alone, and the flows of a dense design take the same edges (an erfc and three
/// logs each).
class Attempts {
public:
    Attempts(const Graph& g, MarginalAvailabilities& avail)
        : g_(g), avail_(avail), cache_(g.edges.size(), -1.0) {}
    double of(int edge) {
        double& a = cache_[static_cast<std::size_t>(edge)];
        if (a < 0) a = expectedAttempts(g_, g_.edges[static_cast<std::size_t>(edge)], avail_);
        return a;
    }

private:
    const Graph& g_;
    MarginalAvailabilities& avail_;
    std::vector<double> cache_;
};

// Rate through each kept edge of one node: calls x attempts, and for an `alternative`
// group the later members only carry what reaches them when the earlier ones are down.
template <class Visit>
void forEachCall(const Graph& g, const std::vector<LocalEdge>& kids, MarginalAvailabilities& avail,
                 Attempts& attempts, Visit visit) {
    for (std::size_t i = 0; i < kids.size(); ++i) {
        const Edge& e = g.edges[kids[i].edge];
        double weight = e.calls * attempts.of(kids[i].edge);
        if (e.alternative >= 0)
            for (std::size_t j = 0; j < i; ++j) {
                const Edge& earlier = g.edges[kids[j].edge];
                if (earlier.alternative == e.alternative) weight *= 1 - avail(earlier.to);
            }
        visit(kids[i], weight);
    }
}

} // namespace

std::vector<double> offeredLoad(const Graph& g, const std::vector<FlowStructure>& flows,
                                MarginalAvailabilities& avail) {
    std::vector<double> load(g.nodes.size(), 0.0);
    Attempts attempts(g, avail);
    for (const auto& s : flows) {
        if (s.sync.nodes.empty()) continue;
        const double rate = g.doc->flows[s.flow].rate_rps;
        // Top-down over the synchronous part (reverse post-order: callers first). An async
        // call loads its target (the enqueue) without going on from it.
        const std::size_t m = s.sync.nodes.size();
        std::vector<double> syncRate(m, 0.0), enqueued(m, 0.0);
        for (int root : s.sync.roots)
            syncRate[root] = rate;
        std::unordered_map<int, double> handedOver; // global node -> rate reaching it
        for (std::size_t i = m; i-- > 0;) {
            const double arriving = syncRate[i] + enqueued[i];
            load[s.sync.nodes[i]] += arriving;
            if (arriving > 0 && (enqueued[i] > 0 || g.nodes[s.sync.nodes[i]].queueKind))
                handedOver[s.sync.nodes[i]] += arriving;
            forEachCall(g, s.sync.kids[i], avail, attempts, [&](const LocalEdge& k, double w) {
                (s.sync.terminal(g, k) ? enqueued : syncRate)[k.target] += syncRate[i] * w;
            });
        }
        if (s.tail.nodes.empty()) continue;
        // The tail starts with what reached each hand-over point in the synchronous part
        // (already counted there), then adds what its consumers call.
        std::vector<double> tailRate(s.tail.nodes.size(), 0.0);
        std::vector<char> isRoot(s.tail.nodes.size(), 0);
        for (int root : s.tail.roots) {
            isRoot[root] = 1;
            auto it = handedOver.find(s.tail.nodes[root]);
            tailRate[root] = it == handedOver.end() ? 0.0 : it->second;
        }
        for (std::size_t i = s.tail.nodes.size(); i-- > 0;) {
            if (!isRoot[i]) load[s.tail.nodes[i]] += tailRate[i];
            forEachCall(g, s.tail.kids[i], avail, attempts, [&](const LocalEdge& k, double w) {
                tailRate[k.target] += tailRate[i] * w;
            });
        }
    }
    for (std::size_t n = 0; n < g.nodes.size(); ++n)
        if (g.nodes[n].entryKind) load[n] = 0;
    return load;
}

double utilisation(const Node& node, double offered) {
    if (node.entryKind) return 0;
    return offered / (node.instances * node.capacity);
}

} // namespace archlens::detail
