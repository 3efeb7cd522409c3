#include "tiled_layers.h"

#include "diagram_index.h"

#include <QElapsedTimer>
#include <algorithm>
#include <climits>
#include <cmath>
#include <map>

namespace archlens {

TiledLayers::TiledLayers(std::vector<QSGNode*> parents)
    : parents_(std::move(parents)), nodes_(parents_.size()) {}

bool TiledLayers::set(std::vector<ShapeLayer> layers, std::vector<BatchRules> rules,
                      const QRectF& view, bool deferred, qint64 budgetNs) {
    // Each shape to the tile of its first point; each tile remembers the rectangle its
    // contents cover, so that it is culled only when all of it is off screen.
    std::map<TileKey, Plan> tiles;
    for (size_t layer = 0; layer < layers.size() && layer < parents_.size(); ++layer) {
        const ShapeLayer& shapes = layers[layer];
        // Shapes come in document order, so neighbours mostly share a tile: skip the look-up.
        TileKey lastKey{INT_MIN, INT_MIN};
        Plan* last = nullptr;
        auto tileAt = [&](QPointF p, const QRectF& covers) -> Plan::Part& {
            const TileKey key{int(std::floor(p.x() / DiagramIndex::kTile)),
                              int(std::floor(p.y() / DiagramIndex::kTile))};
            if (!last || key != lastKey) {
                last = &tiles[key];
                last->key = key;
                last->layers.resize(parents_.size());
                lastKey = key;
            }
            last->bounds |= covers;
            return last->layers[layer];
        };
        auto grown = [](const QRectF& r, double by) { return r.adjusted(-by, -by, by, by); };
        for (size_t i = 0; i < shapes.boxes.size(); ++i) {
            const BoxShape& b = shapes.boxes[i];
            tileAt(b.rect.topLeft(), grown(b.rect, b.strokeWidth)).boxes.push_back(int(i));
        }
        for (size_t i = 0; i < shapes.lines.size(); ++i) {
            const LineShape& l = shapes.lines[i];
            if (l.points.isEmpty()) continue;
            QRectF hull(l.points.front(), QSizeF(0, 0));
            for (const QPointF& q : l.points)
                hull |= QRectF(q, QSizeF(0.01, 0.01));
            tileAt(l.points.front(), grown(hull, l.width)).lines.push_back(int(i));
        }
        for (size_t i = 0; i < shapes.triangles.size(); ++i) {
            const TriangleShape& t = shapes.triangles[i];
            const auto [minX, maxX] =
                std::minmax({t.points[0].x(), t.points[1].x(), t.points[2].x()});
            const auto [minY, maxY] =
                std::minmax({t.points[0].y(), t.points[1].y(), t.points[2].y()});
            tileAt(t.points[0], QRectF(QPointF(minX, minY), QPointF(maxX, maxY)))
                .triangles.push_back(int(i));
        }
        for (size_t i = 0; i < shapes.discs.size(); ++i) {
            const DiscShape& d = shapes.discs[i];
            tileAt(d.centre,
                   QRectF(d.centre, QSizeF()).adjusted(-d.radius, -d.radius, d.radius, d.radius))
                .discs.push_back(int(i));
        }
    }

    // The same tiles as before: their nodes still draw the same places (at the old level
    // of detail), so those off screen can wait.
    bool same = deferred && tiles.size() == plans_.size();
    if (same) {
        size_t i = 0;
        for (const auto& [key, plan] : tiles)
            same = same && plans_[i++].key == key;
    }
    plans_.clear();
    plans_.reserve(tiles.size());
    for (auto& [key, plan] : tiles)
        plans_.push_back(std::move(plan));
    shapes_ = std::move(layers);
    rules_ = std::move(rules);
    rules_.resize(parents_.size());
    shapes_.resize(parents_.size());
    if (!same) {
        // One child per tile under each layer, reusing the nodes there.
        for (size_t layer = 0; layer < parents_.size(); ++layer) {
            QSGNode* parent = parents_[layer];
            std::vector<BatchNode*>& nodes = nodes_[layer];
            while (nodes.size() > plans_.size()) {
                parent->removeChildNode(nodes.back());
                delete nodes.back();
                nodes.pop_back();
            }
            while (nodes.size() < plans_.size()) {
                nodes.push_back(new BatchNode);
                parent->appendChildNode(nodes.back());
            }
        }
    }
    waiting_.assign(plans_.size(), 1);
    pendingCount_ = plans_.size();
    if (!same) {
        for (size_t tile = 0; tile < plans_.size(); ++tile)
            batch(tile);
        return false;
    }
    return batchPending(view, budgetNs);
}

void TiledLayers::batch(size_t tile) {
    const Plan& plan = plans_[tile];
    for (size_t layer = 0; layer < parents_.size(); ++layer) {
        const ShapeLayer& shapes = shapes_[layer];
        const BatchRules& rules = rules_[layer];
        const Plan::Part& part = plan.layers[layer];
        // The layer's documented order within the tile: fills, outlines, lines,
        // triangles, discs.
        Batches b;
        for (int i : part.boxes)
            b.addFill(shapes.boxes[size_t(i)], rules);
        for (int i : part.boxes)
            b.addOutline(shapes.boxes[size_t(i)], rules);
        for (int i : part.lines)
            b.addLine(shapes.lines[size_t(i)], rules);
        for (int i : part.triangles)
            b.addTriangle(shapes.triangles[size_t(i)]);
        for (int i : part.discs)
            b.addDisc(shapes.discs[size_t(i)], rules);
        nodes_[layer][tile]->set(b);
    }
    if (waiting_[tile]) {
        waiting_[tile] = 0;
        --pendingCount_;
    }
    if (pendingCount_ == 0) { // nothing left to batch from them
        shapes_ = {};
        rules_.clear();
    }
}

bool TiledLayers::batchPending(const QRectF& view, qint64 budgetNs) {
    if (pendingCount_ == 0) return false;
    QElapsedTimer clock;
    clock.start();
    bool first = true;
    // The tiles on screen, then the others; at least one tile per call, so that it ends.
    for (const bool onScreen : {true, false})
        for (size_t tile = 0; tile < plans_.size() && pendingCount_ > 0; ++tile) {
            if (!waiting_[tile] || plans_[tile].bounds.intersects(view) != onScreen) continue;
            if (!first && clock.nsecsElapsed() > budgetNs) return true;
            first = false;
            batch(tile);
        }
    return pendingCount_ > 0;
}

void TiledLayers::cull(const QRectF& view) {
    for (const auto& nodes : nodes_)
        for (size_t tile = 0; tile < nodes.size() && tile < plans_.size(); ++tile)
            nodes[tile]->setBlocked(!plans_[tile].bounds.intersects(view));
}

} // namespace archlens
