#include "curves.h"

#include "latency.h"
#include "load.h"

#include <algorithm>
#include <cmath>

namespace archlens::detail {

namespace {

// The busiest component at multiplier 1: (utilisation, node), first in document order on ties.
std::pair<double, int> busiest(const Graph& g, const std::vector<double>& baseLoad) {
    std::pair<double, int> top{0.0, -1};
    for (std::size_t n = 0; n < g.nodes.size(); ++n) {
        const double u = utilisation(g.nodes[n], baseLoad[n]);
        if (u > top.first) top = {u, static_cast<int>(n)};
    }
    return top;
}

} // namespace

std::optional<Saturation> saturation(const Graph& g, const std::vector<double>& baseLoad) {
    const auto [u, node] = busiest(g, baseLoad);
    if (node < 0 || !(u > 0)) return std::nullopt;
    return Saturation{1.0 / u, g.nodes[node].component->id};
}

std::vector<CurvePoint> loadCurves(const Graph& g, const std::vector<FlowStructure>& flows,
                                   const std::vector<double>& baseLoad) {
    const auto [u1, node] = busiest(g, baseLoad);
    (void)node;
    const double first = 0.1;
    double last = u1 > 0 ? std::min(kMaxMultiplier, 1.2 / u1) : 10.0;
    last = std::max(last, 2 * first);
    std::vector<double> multipliers;
    const double ratio = std::pow(last / first, 1.0 / (kCurvePoints - 1));
    for (int i = 0; i < kCurvePoints; ++i)
        multipliers.push_back(i + 1 == kCurvePoints ? last : first * std::pow(ratio, i));
    if (last > 1 && std::none_of(multipliers.begin(), multipliers.end(),
                                 [](double m) { return std::abs(m - 1) < 1e-9; }))
        multipliers.push_back(1.0);
    std::sort(multipliers.begin(), multipliers.end());

    std::vector<CurvePoint> points;
    std::vector<double> util(g.nodes.size());
    for (double m : multipliers) {
        CurvePoint point;
        point.multiplier = m;
        for (std::size_t n = 0; n < g.nodes.size(); ++n) {
            util[n] = utilisation(g.nodes[n], baseLoad[n] * m);
            if (util[n] > point.maxUtilisation) {
                point.maxUtilisation = util[n];
                point.busiestComponent = g.nodes[n].component->id;
            }
        }
        for (const auto& s : flows) {
            const FlowLatency l = flowLatency(g, s, util, kCurveLatencyBins, false);
            point.flowLatency.emplace_back(l.p50, l.p99);
        }
        points.push_back(std::move(point));
    }
    return points;
}

} // namespace archlens::detail
