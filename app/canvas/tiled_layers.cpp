#include "tiled_layers.h"

#include "diagram_index.h"

#include <QElapsedTimer>
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>

namespace archlens {

namespace {

/// A 64-bit digest of the values that make a tile's geometry. Two different contents give
/// the same digest with a chance of about 2^-64; then a tile would keep its old drawing
/// until its next change.
class Digest {
public:
    void add(std::uint64_t v) {
        // splitmix64's finaliser over the running value and the next word.
        h_ += v + 0x9E3779B97F4A7C15ull;
        h_ = (h_ ^ (h_ >> 30)) * 0xBF58476D1CE4E5B9ull;
        h_ = (h_ ^ (h_ >> 27)) * 0x94D049BB133111EBull;
        h_ ^= h_ >> 31;
    }
    void add(double d) {
        std::uint64_t v = 0;
        std::memcpy(&v, &d, sizeof v);
        add(v);
    }
    void add(bool b) { add(std::uint64_t(b ? 1 : 2)); }
    void add(const QColor& c) {
        add(c.isValid());
        add(std::uint64_t(c.rgba64()));
    }
    void add(QPointF p) {
        add(p.x());
        add(p.y());
    }
    void add(const QRectF& r) {
        add(r.topLeft());
        add(r.bottomRight());
    }
    /// Never 0, which stands for "unknown".
    std::uint64_t value() const { return h_ == 0 ? 1 : h_; }

private:
    std::uint64_t h_ = 0x6A09E667F3BCC909ull;
};

/// `view` grown on every side by `margin` times its width and height.
QRectF around(const QRectF& view, double margin) {
    const double dx = view.width() * margin, dy = view.height() * margin;
    return view.adjusted(-dx, -dy, dx, dy);
}

} // namespace

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
    bool sameKeys = tiles.size() == plans_.size();
    if (sameKeys) {
        size_t i = 0;
        for (const auto& [key, plan] : tiles)
            sameKeys = sameKeys && plans_[i++].key == key;
    }
    const bool same = deferred && sameKeys;
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
        filled_.resize(plans_.size(), 0); // new nodes hold nothing; reused ones what they held
        tileBytes_.resize(plans_.size(), 0);
    }
    // What each tile is made of; a tile whose nodes were made from the same stays as it is.
    // Nodes are reused by position, so their digests hold only while the tiles are the same.
    planDigests_.assign(plans_.size(), 0);
    for (size_t tile = 0; tile < plans_.size(); ++tile)
        planDigests_[tile] = digest(plans_[tile]);
    if (!sameKeys) nodeDigests_.assign(plans_.size(), 0);
    waiting_.assign(plans_.size(), 1);
    pendingCount_ = plans_.size();
    for (size_t tile = 0; tile < plans_.size(); ++tile)
        if (nodeDigests_[tile] == planDigests_[tile]) {
            waiting_[tile] = 0;
            --pendingCount_;
        }
    if (pendingCount_ == 0) {
        shapes_ = {};
        rules_.clear();
        return false;
    }
    if (!same) {
        // What changed near the screen now; further away, a node reused by position may
        // hold another tile's drawing, and a changed one is out of date: both let it go.
        const QRectF near = around(view, kNearMargin);
        for (size_t tile = 0; tile < plans_.size(); ++tile) {
            if (!waiting_[tile]) continue;
            if (plans_[tile].bounds.intersects(near))
                batch(tile);
            else if (filled_[tile])
                release(tile);
        }
        releaseOff(around(view, kKeepMargin));
        return false;
    }
    return batchPending(view, budgetNs);
}

std::uint64_t TiledLayers::digest(const Plan& plan) const {
    Digest d;
    for (size_t layer = 0; layer < parents_.size(); ++layer) {
        const ShapeLayer& shapes = shapes_[layer];
        const Plan::Part& part = plan.layers[layer];
        d.add(rules_[layer].pixel);
        d.add(rules_[layer].opaqueFills);
        d.add(std::uint64_t(part.boxes.size()));
        for (int i : part.boxes) {
            const BoxShape& b = shapes.boxes[size_t(i)];
            d.add(b.rect);
            d.add(b.fill);
            d.add(b.stroke);
            d.add(b.strokeWidth);
            d.add(b.radius);
        }
        d.add(std::uint64_t(part.lines.size()));
        for (int i : part.lines) {
            const LineShape& l = shapes.lines[size_t(i)];
            d.add(std::uint64_t(l.points.size()));
            for (const QPointF& p : l.points)
                d.add(p);
            d.add(l.cubic);
            d.add(l.colour);
            d.add(l.width);
            d.add(l.dash);
            d.add(l.gap);
        }
        d.add(std::uint64_t(part.triangles.size()));
        for (int i : part.triangles) {
            const TriangleShape& t = shapes.triangles[size_t(i)];
            for (const QPointF& p : t.points)
                d.add(p);
            d.add(t.fill);
        }
        d.add(std::uint64_t(part.discs.size()));
        for (int i : part.discs) {
            const DiscShape& c = shapes.discs[size_t(i)];
            d.add(c.centre);
            d.add(c.radius);
            d.add(c.fill);
        }
    }
    return d.value();
}

void TiledLayers::batch(size_t tile) {
    const Plan& plan = plans_[tile];
    long long bytes = 0;
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
        bytes += (long long)b.vertexBytes();
    }
    nodeDigests_[tile] = planDigests_[tile];
    filled_[tile] = 1;
    tileBytes_[tile] = bytes;
    ++batchedTiles_;
    if (waiting_[tile]) {
        waiting_[tile] = 0;
        --pendingCount_;
    }
    if (pendingCount_ == 0) { // nothing left to batch from them
        shapes_ = {};
        rules_.clear();
    }
}

void TiledLayers::release(size_t tile) {
    for (auto& nodes : nodes_)
        nodes[tile]->set(Batches());
    filled_[tile] = 0;
    tileBytes_[tile] = 0;
    nodeDigests_[tile] = 0;
    if (!waiting_[tile]) {
        waiting_[tile] = 1;
        ++pendingCount_;
    }
}

void TiledLayers::releaseOff(const QRectF& region) {
    // Without the shapes a released tile could not be batched again: every tile has its
    // geometry then (a design small enough, or zoomed out, to batch whole), and keeps it.
    if (shapes_.empty()) return;
    for (size_t tile = 0; tile < plans_.size(); ++tile)
        if (filled_[tile] && !plans_[tile].bounds.intersects(region)) release(tile);
}

long long TiledLayers::heldBytes() const {
    return std::accumulate(tileBytes_.begin(), tileBytes_.end(), 0LL);
}

size_t TiledLayers::filledTiles() const {
    return size_t(std::count(filled_.begin(), filled_.end(), char(1)));
}

bool TiledLayers::batchPending(const QRectF& view, qint64 budgetNs) {
    releaseOff(around(view, kKeepMargin));
    if (pendingCount_ == 0) return false;
    // A tile on screen with nothing drawn would be a hole: at once, whatever the budget.
    bool first = true;
    for (size_t tile = 0; tile < plans_.size() && pendingCount_ > 0; ++tile)
        if (waiting_[tile] && !filled_[tile] && plans_[tile].bounds.intersects(view)) {
            batch(tile);
            first = false;
        }
    QElapsedTimer clock;
    clock.start();
    // The tiles on screen (drawn at another level of detail), then those near it; at least
    // one tile per call, so that it ends.
    for (const QRectF& region : {view, around(view, kNearMargin)})
        for (size_t tile = 0; tile < plans_.size() && pendingCount_ > 0; ++tile) {
            if (!waiting_[tile] || !plans_[tile].bounds.intersects(region)) continue;
            if (!first && clock.nsecsElapsed() > budgetNs) return true;
            first = false;
            batch(tile);
        }
    return false;
}

void TiledLayers::cull(const QRectF& view) {
    for (const auto& nodes : nodes_)
        for (size_t tile = 0; tile < nodes.size() && tile < plans_.size(); ++tile)
            nodes[tile]->setBlocked(!plans_[tile].bounds.intersects(view));
}

} // namespace archlens
