#include "drag_plan.h"

#include <algorithm>

namespace archlens {

DragPlan::DragPlan(const Document& doc, const DiagramIndex& index, const QSet<QString>& selected)
    : movingComponents_(doc.components.size(), 0), movingConnections_(doc.connections.size(), 0),
      ends_(geometry::connectionEnds(doc)), meeting_(doc.components.size()) {
    // As the drawing finds them: the first component with a selected id moves, once.
    for (const QString& id : selected) {
        const int row = index.componentRow(id.toStdString());
        if (row >= 0 && size_t(row) < doc.components.size() && !movingComponents_[size_t(row)]) {
            movingComponents_[size_t(row)] = 1;
            components_.push_back(row);
        }
    }
    std::sort(components_.begin(), components_.end());
    for (size_t c = 0; c < ends_.size(); ++c) {
        const geometry::ConnectionEnds& e = ends_[c];
        if (!e.drawn()) continue;
        meeting_[size_t(e.from)].push_back(int(c));
        meeting_[size_t(e.to)].push_back(int(c));
    }
    // The components whose ends may move: the moving ones and their neighbours. Every
    // connection meeting one of them is drawn again; the others keep their curves.
    std::vector<char> near(doc.components.size(), 0);
    for (int b : components_) {
        near[size_t(b)] = 1;
        for (int c : meeting_[size_t(b)])
            near[size_t(ends_[size_t(c)].from)] = near[size_t(ends_[size_t(c)].to)] = 1;
    }
    for (size_t b = 0; b < near.size(); ++b)
        if (near[b])
            for (int c : meeting_[b])
                if (!movingConnections_[size_t(c)]) {
                    movingConnections_[size_t(c)] = 1;
                    connections_.push_back(c);
                }
    std::sort(connections_.begin(), connections_.end());
}

void DragPlan::place(const Document& doc, const DiagramIndex& index, QPointF offset) {
    const std::vector<QRectF>& at = index.boxes();
    if (!placed_) {
        boxes_ = at;
        curves_ = index.curves();
        placed_ = true;
    }
    for (int b : components_)
        if (size_t(b) < at.size()) boxes_[size_t(b)] = at[size_t(b)].translated(offset);
    geometry::updateConnectionCurves(ends_, meeting_, boxes_, connections_, curves_);
    // A zone's frame keeps clear of boxes outside it, so any moved box may change any
    // frame: all are found again (within a budget: zone_geometry.h).
    zones_ = geometry::zoneAreas(doc, boxes_);
    regions_ = geometry::regionAreas(doc, boxes_, zones_);
}

} // namespace archlens
