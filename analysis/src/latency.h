#pragma once
// Pass 5: latency distributions per flow (synchronous part and asynchronous tail), from
// per-component log-normal service times, network hops by placement and M/M/c queueing.
#include "archlens/analysis/distribution.h"
#include "archlens/analysis/report.h"
#include "flow_structure.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace archlens::detail {

/// Bins of a flow's latency grid; the grid's step adapts to each flow's range.
inline constexpr std::size_t kLatencyBins = 256;
/// Bins of the grids behind the load curves: a plot needs less and there are many points.
inline constexpr std::size_t kCurveLatencyBins = 48;
/// Queueing delay when a component is saturated (utilisation >= 1): the queue grows
/// without bound, so the wait is taken as this cap, at least 10 service times.
inline constexpr double kSaturatedWaitMs = 10000;

struct FlowLatency {
    double p50 = 0, p99 = 0;
    double asyncP50 = 0, asyncP99 = 0;
    /// P(a request of the synchronous part gives up): every attempt of some required call
    /// was cut by its timeout or failed below it, or a saturated component could not take
    /// it (it serves 1/rho of what it is offered).
    double failed = 0;
    std::vector<int> criticalPath;     ///< global node indices, entry first
    std::vector<HopContribution> hops; ///< along the critical path
    Distribution sync;                 ///< the whole distribution of the synchronous part
};

/// Service-time grids (the log-normal of each component's `latency_ms`, discretised) kept
/// across calls of flowLatency: the load curves compute the same flow at many multipliers,
/// and a component's service time does not depend on the load, only on the grid. A grid
/// step is only ever reused exactly, so flowLatency rounds steps up to a power of
/// 2^(1/kStepsPerOctave) when given a cache; the service times cost one discretisation per
/// component and step instead of one per component, step, multiplier and pass.
/// Not thread-safe; clear() it to bound memory (the curves clear it after each flow).
class ServiceTimeCache {
public:
    static constexpr int kStepsPerOctave = 8;
    /// The smallest quantised step at or above `step`, and its index.
    static std::pair<double, int> quantise(double step);
    /// The node's service time on the grid of quantised step index `stepIndex`.
    const Distribution& serviceTime(const Node& node, int nodeIndex, int stepIndex, double step,
                                    std::size_t bins);
    void clear() { grids_.clear(); }

private:
    std::unordered_map<std::uint64_t, Distribution> grids_;
};

/// Each component's queueing at one set of utilisations (global index): the M/M/c chance of
/// waiting and mean wait given a wait (the cap when saturated), and a high quantile of its
/// whole step (service and wait) for sizing grids. Worked out once for all the flows that
/// use these utilisations rather than once per flow, node and grid.
struct QueueFigures {
    double waitProbability = 0;
    double waitMean = 0;
    double high = 0;
};
std::vector<QueueFigures> queueFigures(const Graph& graph, const std::vector<double>& utilisation);

/// The p50 and p99 of a flow's synchronous part on the curves' grid (kCurveLatencyBins,
/// steps quantised through `cache`): the figures flowLatency gives with these bins and a
/// cache, without the tail and the critical path, which the curves do not show.
std::pair<double, double> curveLatency(const Graph& graph, const FlowStructure& structure,
                                       const std::vector<double>& utilisation,
                                       const std::vector<QueueFigures>& queueing,
                                       ServiceTimeCache& cache);

/// Latency of one flow given every component's utilisation (global index).
/// `bins` sets the grid's resolution; `detail` whether to trace the critical path.
/// With a `cache`, grid steps are quantised (see ServiceTimeCache) and service times reused.
/// `queueing`, when given, is queueFigures(graph, utilisation), shared between flows.
FlowLatency flowLatency(const Graph& graph, const FlowStructure& structure,
                        const std::vector<double>& utilisation, std::size_t bins = kLatencyBins,
                        bool detail = true, ServiceTimeCache* cache = nullptr,
                        const std::vector<QueueFigures>* queueing = nullptr);

} // namespace archlens::detail
