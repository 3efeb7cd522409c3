#pragma once
// Where everything of one revision of a document is drawn, worked out once, and which of it
// lies near a point or inside a rectangle. The canvas asks where the pointer is at every
// move, and at ten thousand components a scan of every box, curve and zone per move (each
// box sized from its name) costs milliseconds; the scene-graph tree needs the same boxes
// and curves for every rebuild. DiagramIndex holds them, with a grid over the document in
// squares of kTile (the tiles the scene cuts its heavy layers into): each square lists the
// components and connections that touch it, so a look-up reads one square's few entries.
// Immutable once built; the view builds one per document revision and shares it with the
// render thread.
#include "archlens/model/document.h"
#include "diagram_geometry.h"
#include "zone_geometry.h"

#include <QPointF>
#include <QRectF>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace archlens {

class DiagramIndex {
public:
    /// The side of the grid's squares, in document units: the scene's tile.
    static constexpr double kTile = 1536;

    /// Indexes `doc` as it is now; the index does not follow later edits.
    explicit DiagramIndex(const Document& doc);

    /// The components' boxes, by row in Document::components.
    const std::vector<QRectF>& boxes() const { return boxes_; }
    /// The connections' curves as drawn (ends spread along shared sides), by row.
    const std::vector<std::optional<ConnectionCurve>>& curves() const { return curves_; }
    /// The zone frames and the region frames (zone_geometry.h), from the boxes above:
    /// worked out here once per revision, since at thousands of components finding clear
    /// frames costs milliseconds, and the scene draws them from here too.
    const std::vector<ZoneArea>& zones() const { return zones_; }
    const std::vector<RegionArea>& regions() const { return regions_; }

    /// Row of the component with this id, or -1.
    int componentRow(const std::string& id) const;
    /// The topmost component (last in document order) whose box contains `p`, or -1.
    int componentAt(QPointF p) const;
    /// The topmost connection whose curve passes within `slop` of `p`, or -1.
    int connectionNear(QPointF p, double slop) const;
    /// Rows of the components whose boxes intersect `r`, in document order.
    std::vector<int> componentsIn(const QRectF& r) const;

private:
    using Cell = long long;
    static Cell cellOf(int x, int y) { return (Cell(x) << 32) ^ Cell(unsigned(y)); }
    /// Calls `on(cell)` for each grid square `r` touches.
    template <typename On> static void forCells(const QRectF& r, On on);

    std::vector<QRectF> boxes_;
    std::vector<std::optional<ConnectionCurve>> curves_;
    std::vector<QRectF> hulls_; ///< each curve's control polygon's bounds (null: no curve)
    std::vector<ZoneArea> zones_;
    std::vector<RegionArea> regions_;
    std::unordered_map<std::string, int> rows_;
    std::unordered_map<Cell, std::vector<int>> components_;
    std::unordered_map<Cell, std::vector<int>> connections_;
    /// Connections that cross too many squares to list in each: always looked at.
    std::vector<int> wide_;
};

} // namespace archlens
