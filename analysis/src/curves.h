#pragma once
// Pass 6: latency and utilisation against a traffic multiplier, and the saturation point.
#include "archlens/analysis/report.h"
#include "flow_structure.h"

#include <optional>
#include <vector>

namespace archlens::detail {

/// Most points of a curve; fewer when the range is short.
inline constexpr int kCurvePoints = 12;
/// Largest multiplier a curve goes to.
inline constexpr double kMaxMultiplier = 1000;

/// Where the first component reaches utilisation 1, from the load at multiplier 1 (load is
/// linear in the multiplier). Nothing when no component carries load.
std::optional<Saturation> saturation(const Graph& graph, const std::vector<double>& baseLoad);

/// Curve points from 0.1x geometrically up to 1.2x the saturation multiplier (capped at
/// kMaxMultiplier), always including 1x.
std::vector<CurvePoint> loadCurves(const Graph& graph, const std::vector<FlowStructure>& flows,
                                   const std::vector<double>& baseLoad);

} // namespace archlens::detail
