#pragma once
// Pass 6: latency and utilisation against a traffic multiplier, and the saturation point.
#include "archlens/analysis/report.h"
#include "flow_structure.h"

#include <functional>
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
/// kMaxMultiplier), always including 1x. The latency is computed for the flows `wanted`
/// marks (every flow when it is empty); the others' are NaN. Flows are computed on up to
/// `threads` threads (the numbers do not depend on it, nor on which other flows are
/// wanted). `flowDone`, when given, is called after each wanted flow's points, from the
/// thread that computed them. When `cancelled` says true the pass stops at the next flow
/// and returns no points (half a curve is no curve).
std::vector<CurvePoint> loadCurves(const Graph& graph, const std::vector<FlowStructure>& flows,
                                   const std::vector<double>& baseLoad,
                                   const std::vector<bool>& wanted = {}, unsigned threads = 1,
                                   const std::function<void()>& flowDone = {},
                                   const std::function<bool()>& cancelled = {});

} // namespace archlens::detail
