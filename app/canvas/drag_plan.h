#pragma once
// What a drag in progress changes on the canvas, worked out once when it starts, so that
// each of its frames redraws only that. The selected components and notes move. The
// connections that meet a moving component, or a component connected to one, get new
// curves: where several connections meet a side of a box their ends are spread along it,
// ordered by where their other ends lie, so a moving box reorders the ends on its
// neighbours too. Everything else stays as the revision's DiagramIndex has it, and the
// canvas keeps it drawn while the moving part is redrawn at every pointer move.
#include "archlens/model/document.h"
#include "diagram_geometry.h"
#include "diagram_index.h"
#include "zone_geometry.h"

#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <optional>
#include <vector>

namespace archlens {

class DragPlan {
public:
    /// The plan for dragging `selected` in `doc`, as `index` (of the same revision) draws it.
    DragPlan(const Document& doc, const DiagramIndex& index, const QSet<QString>& selected);

    /// Moves the moving components by `offset` from where `index` has them: boxes(),
    /// curves(), zones() and regions() are then what diagramShapes() would work out for the
    /// document with that drag, with the same numbers.
    void place(const Document& doc, const DiagramIndex& index, QPointF offset);

    /// By row, 1 for the components that move and the connections redrawn with them.
    const std::vector<char>& movingComponents() const { return movingComponents_; }
    const std::vector<char>& movingConnections() const { return movingConnections_; }

    const std::vector<QRectF>& boxes() const { return boxes_; }
    const std::vector<std::optional<ConnectionCurve>>& curves() const { return curves_; }
    const std::vector<ZoneArea>& zones() const { return zones_; }
    const std::vector<RegionArea>& regions() const { return regions_; }

private:
    std::vector<int> components_;  ///< rows that move
    std::vector<int> connections_; ///< rows whose curves are worked out again
    std::vector<char> movingComponents_, movingConnections_;
    std::vector<geometry::ConnectionEnds> ends_;
    std::vector<std::vector<int>> meeting_; ///< connections by component, for the curves
    std::vector<QRectF> boxes_;
    std::vector<std::optional<ConnectionCurve>> curves_;
    std::vector<ZoneArea> zones_;
    std::vector<RegionArea> regions_;
    bool placed_ = false;
};

} // namespace archlens
