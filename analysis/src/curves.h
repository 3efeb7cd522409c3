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

/// Steps of progress the curves count for when any flow's latency is wanted: one per point
/// (a curve of kCurvePoints points counts its last twice).
inline constexpr int kCurveSteps = kCurvePoints + 1;

/// Curve points from 0.1x geometrically up to 1.2x the saturation multiplier (capped at
/// kMaxMultiplier), always including 1x. The latency is computed for the flows `wanted`
/// marks (every flow when it is empty); the others' are NaN. Points are computed on up to
/// `threads` threads (the numbers do not depend on it, nor on which other flows are
/// wanted). When any flow is wanted, `pointDone` is called kCurveSteps times, after each
/// point from the thread that computed it. When `cancelled` says true the pass stops at the
/// next point and returns no points (half a curve is no curve).
std::vector<CurvePoint> loadCurves(const Graph& graph, const std::vector<FlowStructure>& flows,
                                   const std::vector<double>& baseLoad,
                                   const std::vector<bool>& wanted = {}, unsigned threads = 1,
                                   const std::function<void()>& pointDone = {},
                                   const std::function<bool()>& cancelled = {});

} // namespace archlens::detail
