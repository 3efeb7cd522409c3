#pragma once
// Pass 5: latency distributions per flow (synchronous part and asynchronous tail), from
// per-component log-normal service times, network hops by placement and M/M/c queueing.
#include "archlens/analysis/distribution.h"
#include "archlens/analysis/report.h"
#include "flow_structure.h"

#include <string>
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
    std::vector<int> criticalPath;     ///< global node indices, entry first
    std::vector<HopContribution> hops; ///< along the critical path
    Distribution sync;                 ///< the whole distribution of the synchronous part
};

/// Latency of one flow given every component's utilisation (global index).
/// `bins` sets the grid's resolution; `detail` whether to trace the critical path.
FlowLatency flowLatency(const Graph& graph, const FlowStructure& structure,
                        const std::vector<double>& utilisation, std::size_t bins = kLatencyBins,
                        bool detail = true);

} // namespace archlens::detail
