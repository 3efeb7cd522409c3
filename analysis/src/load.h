#pragma once
// Pass 2: offered load per component from every flow's rate, the `calls` multipliers along
// the way and the expected number of attempts of retried calls.
#include "flow_structure.h"

#include <vector>

namespace archlens::detail {

/// Component availabilities (zones averaged in), computed on first use and kept.
class MarginalAvailabilities {
public:
    explicit MarginalAvailabilities(const Graph& graph);
    double operator()(int node);

private:
    const Graph& graph_;
    std::vector<double> cache_;
};

/// Expected attempts of one call: an attempt fails when the callee is down or its own
/// service time exceeds the timeout; each failure is retried up to `retries` times.
double expectedAttempts(const Graph& graph, const Edge& edge, MarginalAvailabilities& avail);

/// Requests/s offered to every component (global index) at multiplier 1. Entry clients get 0.
std::vector<double> offeredLoad(const Graph& graph, const std::vector<FlowStructure>& flows,
                                MarginalAvailabilities& avail);

/// offered / (instances x capacity_rps); 0 for entry clients.
double utilisation(const Node& node, double offered);

} // namespace archlens::detail
