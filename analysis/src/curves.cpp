#include "curves.h"

#include "latency.h"
#include "load.h"
#include "parallel.h"

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
                                   const std::vector<double>& baseLoad,
                                   const std::vector<bool>& wanted, unsigned threads,
                                   const std::function<void()>& pointDone,
                                   const std::function<bool()>& cancelled) {
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

    std::vector<std::size_t> computed; // the flows whose latency is wanted, in order
    for (std::size_t f = 0; f < flows.size(); ++f)
        if (wanted.empty() || (f < wanted.size() && wanted[f])) computed.push_back(f);
    SubtreeIds subtrees;
    std::vector<CurveFlow> shared;
    shared.reserve(computed.size());
    for (std::size_t f : computed)
        shared.push_back(curveFlow(g, flows[f], subtrees));

    // Point by point, each point on one thread: its utilisations, every component's queueing
    // figures at them, then every wanted flow. The flows share their subtrees within a point
    // (curveLatencies), and each thread has its own service-time grids.
    std::vector<CurvePoint> points(multipliers.size());
    std::vector<ServiceTimeCache> caches(std::max(1u, threads));
    parallelFor(
        points.size(), threads,
        [&](std::size_t p, unsigned worker) {
            CurvePoint& point = points[p];
            point.multiplier = multipliers[p];
            std::vector<double> util(g.nodes.size());
            for (std::size_t n = 0; n < g.nodes.size(); ++n) {
                util[n] = utilisation(g.nodes[n], baseLoad[n] * multipliers[p]);
                if (util[n] > point.maxUtilisation) {
                    point.maxUtilisation = util[n];
                    point.busiestComponent = g.nodes[n].component->id;
                }
            }
            point.flowLatency.assign(flows.size(), {std::nan(""), std::nan("")});
            if (computed.empty()) return;
            const auto latencies = curveLatencies(g, shared, subtrees.size(), util,
                                                  queueFigures(g, util), caches[worker]);
            for (std::size_t i = 0; i < computed.size(); ++i)
                point.flowLatency[computed[i]] = latencies[i];
            if (pointDone) pointDone();
        },
        cancelled);
    if (cancelled && cancelled()) return {};
    // A curve of fewer points still counts as kCurveSteps.
    if (pointDone && !computed.empty())
        for (std::size_t p = points.size(); p < static_cast<std::size_t>(kCurveSteps); ++p)
            pointDone();
    return points;
}

} // namespace archlens::detail
