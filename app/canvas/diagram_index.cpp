#include "diagram_index.h"

#include <algorithm>
#include <cmath>

namespace archlens {

namespace {
/// A connection whose bounds cross more squares than this goes on the always-looked-at
/// list instead: a few long connections must not fill every square of a large design.
constexpr long kMaxCellsPerConnection = 64;
/// Squares are numbered within this range either way (the model limits coordinates far
/// below it); anything beyond is clamped onto the edge squares.
constexpr double kMaxCell = 1 << 20;

int cellIndex(double v) {
    return int(std::clamp(std::floor(v / DiagramIndex::kTile), -kMaxCell, kMaxCell));
}
} // namespace

template <typename On> void DiagramIndex::forCells(const QRectF& r, On on) {
    const int x0 = cellIndex(r.left()), x1 = cellIndex(r.right());
    const int y0 = cellIndex(r.top()), y1 = cellIndex(r.bottom());
    for (int x = x0; x <= x1; ++x)
        for (int y = y0; y <= y1; ++y)
            on(cellOf(x, y));
}

DiagramIndex::DiagramIndex(const Document& doc) {
    boxes_.reserve(doc.components.size());
    rows_.reserve(doc.components.size());
    for (size_t i = 0; i < doc.components.size(); ++i) {
        boxes_.push_back(geometry::componentRect(doc.components[i]));
        rows_.emplace(doc.components[i].id, int(i));
        forCells(boxes_.back(), [&](Cell c) { components_[c].push_back(int(i)); });
    }
    curves_ = geometry::connectionCurves(doc, boxes_);
    hulls_.resize(curves_.size());
    for (size_t i = 0; i < curves_.size(); ++i) {
        if (!curves_[i]) continue;
        QRectF hull(curves_[i]->points[0], QSizeF(0, 0));
        for (const QPointF& q : curves_[i]->points)
            hull |= QRectF(q, QSizeF(0.01, 0.01));
        hulls_[i] = hull;
        const long across = long(cellIndex(hull.right()) - cellIndex(hull.left()) + 1) *
                            long(cellIndex(hull.bottom()) - cellIndex(hull.top()) + 1);
        if (across > kMaxCellsPerConnection)
            wide_.push_back(int(i));
        else
            forCells(hull, [&](Cell c) { connections_[c].push_back(int(i)); });
    }
    zones_ = geometry::zoneAreas(doc, boxes_);
    regions_ = geometry::regionAreas(doc, boxes_, zones_);
}

int DiagramIndex::componentRow(const std::string& id) const {
    const auto it = rows_.find(id);
    return it == rows_.end() ? -1 : it->second;
}

int DiagramIndex::componentAt(QPointF p) const {
    const auto it = components_.find(cellOf(cellIndex(p.x()), cellIndex(p.y())));
    if (it == components_.end()) return -1;
    // Rows were added in document order: the last one that contains the point is on top.
    for (auto row = it->second.rbegin(); row != it->second.rend(); ++row)
        if (boxes_[size_t(*row)].contains(p)) return *row;
    return -1;
}

int DiagramIndex::connectionNear(QPointF p, double slop) const {
    const QRectF probe(p.x() - slop, p.y() - slop, 2 * slop, 2 * slop);
    int best = -1;
    auto consider = [&](int row) {
        if (row <= best || !curves_[size_t(row)] || !hulls_[size_t(row)].intersects(probe)) return;
        if (geometry::distanceToCurve(*curves_[size_t(row)], p) <= slop) best = row;
    };
    // The probe is small: it touches at most four squares.
    forCells(probe, [&](Cell c) {
        if (const auto it = connections_.find(c); it != connections_.end())
            for (int row : it->second)
                consider(row);
    });
    for (int row : wide_)
        consider(row);
    return best;
}

std::vector<int> DiagramIndex::componentsIn(const QRectF& r) const {
    std::vector<int> out;
    auto take = [&](const std::vector<int>& rows) {
        for (int row : rows)
            if (r.intersects(boxes_[size_t(row)])) out.push_back(row);
    };
    // A rectangle larger than the design (zoomed far out) crosses more squares than the
    // grid holds: then every listed square is looked at instead.
    const double across = (double(cellIndex(r.right())) - cellIndex(r.left()) + 1) *
                          (double(cellIndex(r.bottom())) - cellIndex(r.top()) + 1);
    if (across > double(components_.size())) {
        for (const auto& [cell, rows] : components_)
            take(rows);
    } else {
        forCells(r, [&](Cell c) {
            if (const auto it = components_.find(c); it != components_.end()) take(it->second);
        });
    }
    // A box across a square's edge is listed in each square it touches.
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace archlens
