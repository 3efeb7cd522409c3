#pragma once
// Passes 3 and 4: flow availability (k-of-n components, zones as common causes,
// `alternative` groups as OR, degradable calls ignored) and single points of failure.
#include "flow_structure.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace archlens::detail {

/// P(component up | its zones' states), tabulated per component over the 2^zones states of
/// its own zones on first use, so every flow and every zone state reuses it.
class UpTables {
public:
    explicit UpTables(const Graph& graph);
    /// `localZonesUp`: bit i = whether the node's i-th zone is up.
    double up(int node, uint32_t localZonesUp);
    /// The node's whole table, indexed by `localZonesUp`; null for a node of more than 16
    /// zones, which has none (up() works its figure out each time).
    const double* table(int node);

private:
    const Graph& graph_;
    std::vector<std::vector<double>> tables_;
};

struct FlowAvailability {
    double availability = 1;
    std::string method = "exact";
    std::optional<std::pair<double, double>> interval; ///< Monte Carlo only
    std::vector<int> componentSpofs;                   ///< global node indices
    std::vector<int> zoneSpofs;                        ///< zone indices
};

/// Number of Monte Carlo samples of the fall-back.
inline constexpr int kMonteCarloSamples = 200000;

/// Availability and single points of failure of one flow's required synchronous part.
FlowAvailability flowAvailability(const Graph& graph, const FlowStructure& structure,
                                  UpTables& tables, uint64_t seed);

} // namespace archlens::detail
