#pragma once
// Plots of the critique, drawn into a QCustomPlot from a Report. Pure functions of their
// inputs: each one clears the plot and rebuilds it, so a plot can be reused for another kind.
#include "archlens/analysis/report.h"
#include "archlens/model/document.h"
#include "archlens/model/practice_history.h"
#include "diagram_theme.h"

#include <QString>
#include <optional>

class QCustomPlot;

namespace archlens {

/// Names of the plottables, so callers and tests can find them again.
namespace plotnames {
inline constexpr const char* p50 = "p50";
inline constexpr const char* p99 = "p99";
inline constexpr const char* utilisation = "busiest utilisation";
inline constexpr const char* availability = "availability";
inline constexpr const char* componentUtilisation = "utilisation";
inline constexpr const char* saturated = "saturated";
inline constexpr const char* score = "score";
} // namespace plotnames

/// Each hop's own p50 and p99 along the flow's critical path, as grouped bars in ms.
void buildLatencyWaterfall(QCustomPlot& plot, const Report& report, const Document& doc,
                           const QString& flowId, const DiagramTheme& theme);

/// The flow's p50 and p99 against the traffic multiplier (log x), the busiest component's
/// utilisation on the right axis (0-100%), the saturation point and the current multiplier.
void buildLoadCurves(QCustomPlot& plot, const Report& report, const Document& doc,
                     const QString& flowId, double currentMultiplier, const DiagramTheme& theme);
/// As above from curves held apart from the report (the window adds a flow's curves to a
/// report it already shows). A flow whose curves are not worked out yet (NaN) gets a
/// placeholder saying so.
void buildLoadCurves(QCustomPlot& plot, const Report& report, const std::vector<CurvePoint>& curves,
                     const Document& doc, const QString& flowId, double currentMultiplier,
                     const DiagramTheme& theme);

/// Each flow's availability in nines (-log10(1 - a)) with the target as a line and the
/// downtime per month in the tick labels.
void buildAvailability(QCustomPlot& plot, const Report& report, const Document& doc,
                       std::optional<double> target, const DiagramTheme& theme);

/// The top N components by utilisation as horizontal bars (busiest on top), an 80% line,
/// saturated components (>= 100%) in red.
void buildUtilisation(QCustomPlot& plot, const Report& report, const Document& doc, int topN,
                      const DiagramTheme& theme);

/// The scores of finished practice sessions against when they finished (a date axis), in
/// the order they were recorded; sessions without a score are left out.
void buildScoreHistory(QCustomPlot& plot, const std::vector<PracticeRecord>& records,
                       const DiagramTheme& theme);

/// Nines of an availability, capped so that a perfect 1 stays drawable.
double availabilityNines(double availability);

} // namespace archlens
