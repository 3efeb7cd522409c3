#include "diagram_scene.h"

#include "label_painter.h"
#include "shape_batches.h"

#include <QQuickWindow>
#include <QSGSimpleTextureNode>
#include <QSGTransformNode>
#include <climits>
#include <cmath>
#include <map>

namespace archlens {

namespace {

/// The side of the square tiles that the heavy layers are cut into, in document units: at
/// 100% a view shows a handful of tiles, so the renderer never sees the rest.
constexpr double kTile = 1536;

/// What one tile holds of each heavy layer, and the rectangle it all fits in.
constexpr int kTiledLayers = 3; // DiagramSceneNode::kLayerCount

struct Tile {
    std::array<Batches, kTiledLayers> layers;
    QRectF bounds;
};
using TileKey = std::pair<int, int>;

/// Adds a layer's shapes to the tiles of their first points, in the layer's order.
void addTiled(std::map<TileKey, Tile>& tiles, int layer, const ShapeLayer& shapes,
              const BatchRules& rules) {
    // Shapes come in document order, so neighbours mostly share a tile: skip the look-up.
    TileKey lastKey{INT_MIN, INT_MIN};
    Tile* last = nullptr;
    auto tileAt = [&](QPointF p, const QRectF& covers) -> Batches& {
        const TileKey key{int(std::floor(p.x() / kTile)), int(std::floor(p.y() / kTile))};
        if (!last || key != lastKey) {
            last = &tiles[key];
            lastKey = key;
        }
        last->bounds |= covers;
        return last->layers[size_t(layer)];
    };
    auto grown = [](const QRectF& r, double by) { return r.adjusted(-by, -by, by, by); };
    for (const BoxShape& b : shapes.boxes)
        tileAt(b.rect.topLeft(), b.rect).addFill(b, rules);
    for (const BoxShape& b : shapes.boxes)
        tileAt(b.rect.topLeft(), grown(b.rect, b.strokeWidth)).addOutline(b, rules);
    for (const LineShape& l : shapes.lines) {
        if (l.points.isEmpty()) continue;
        QRectF hull(l.points.front(), QSizeF(0, 0));
        for (const QPointF& q : l.points)
            hull |= QRectF(q, QSizeF(0.01, 0.01));
        tileAt(l.points.front(), grown(hull, l.width)).addLine(l, rules);
    }
    for (const TriangleShape& t : shapes.triangles) {
        const auto [minX, maxX] = std::minmax({t.points[0].x(), t.points[1].x(), t.points[2].x()});
        const auto [minY, maxY] = std::minmax({t.points[0].y(), t.points[1].y(), t.points[2].y()});
        tileAt(t.points[0], QRectF(QPointF(minX, minY), QPointF(maxX, maxY))).addTriangle(t);
    }
    for (const DiscShape& d : shapes.discs)
        tileAt(d.centre,
               QRectF(d.centre, QSizeF()).adjusted(-d.radius, -d.radius, d.radius, d.radius))
            .addDisc(d, rules);
}

void removeChildrenFrom(QSGNode* parent, int keep) {
    while (parent->childCount() > keep) {
        QSGNode* last = parent->lastChild();
        parent->removeChildNode(last);
        delete last;
    }
}

constexpr int kLabelsPerFrame = 160;
constexpr int kMaxCachedLabels = 4000;

} // namespace

DiagramSceneNode::DiagramSceneNode() : painter_(std::make_unique<LabelPainter>()) {
    grid_ = new BatchNode;
    appendChildNode(grid_);

    world_ = new QSGTransformNode;
    appendChildNode(world_);
    areas_ = new BatchNode;
    areaLabels_ = new QSGNode;
    for (auto& layer : layers_)
        layer = new QSGNode;
    labels_ = new QSGNode;
    selection_ = new BatchNode;
    critique_ = new BatchNode;
    badges_ = new QSGNode;
    world_->appendChildNode(areas_);
    world_->appendChildNode(areaLabels_);
    for (QSGNode* layer : layers_)
        world_->appendChildNode(layer);
    // Selection and critique over the labels: rings and badges sit on the cards' edges.
    for (QSGNode* n :
         {labels_, static_cast<QSGNode*>(selection_), static_cast<QSGNode*>(critique_), badges_})
        world_->appendChildNode(n);

    overlay_ = new BatchNode;
    appendChildNode(overlay_);
}

DiagramSceneNode::~DiagramSceneNode() {
    // The texture nodes do not own their textures; the cache does.
    for (const Label& l : std::as_const(labelCache_))
        delete l.texture;
}

bool DiagramSceneNode::sync(const SceneState& s, QQuickWindow* window) {
    QMatrix4x4 m;
    m.scale(float(s.zoom), float(s.zoom));
    m.translate(float(-s.origin.x()), float(-s.origin.y()));
    world_->setMatrix(m);
    world_->markDirty(QSGNode::DirtyMatrix);

    const int detail = detailLevel(s.zoom);
    const bool contentStale = s.documentRevision != documentRevision_ || s.theme.dark != dark_ ||
                              detail != detail_ || s.dragOffset != dragOffset_ ||
                              (s.selectionRevision != selectionRevision_ && !s.dragOffset.isNull());
    if (contentStale)
        rebuildContent(s);
    else if (s.labelsReadable() != readable_ || s.labelsCompact() != compact_)
        relistLabels(s);
    if (contentStale || s.selectionRevision != selectionRevision_ || s.zoom != selectionZoom_)
        rebuildSelection(s);
    if (contentStale || s.critiqueRevision != critiqueRevision_) rebuildCritique(s);
    critiqueRevision_ = s.critiqueRevision;
    documentRevision_ = s.documentRevision;
    selectionRevision_ = s.selectionRevision;
    dark_ = s.theme.dark;
    detail_ = detail;
    readable_ = s.labelsReadable();
    compact_ = s.labelsCompact();
    dragOffset_ = s.dragOffset;
    selectionZoom_ = s.zoom;

    cull(s);
    rebuildGrid(s);
    Batches overlay;
    overlay.addLayer(canvasOverlay(s), BatchRules{1, false});
    overlay_->set(overlay);
    return syncLabels(s, window);
}

void DiagramSceneNode::relistLabels(const SceneState& s) {
    DiagramShapes shapes = canvasDiagramShapes(s, ShapeOptions::Labels | ShapeOptions::Badges);
    areaLabelShapes_ = std::move(shapes.areaLabels);
    labelShapes_ = std::move(shapes.labels);
    badgeShapes_ = std::move(shapes.badges);
}

void DiagramSceneNode::rebuildContent(const SceneState& s) {
    DiagramShapes shapes =
        canvasDiagramShapes(s, ShapeOptions::Content | ShapeOptions::Labels | ShapeOptions::Badges);
    const BatchRules rules{detailPixel(s.zoom), false};
    const BatchRules opaque{detailPixel(s.zoom), true};
    // Areas cover most of the screen: opaque batches.
    Batches areas;
    areas.addLayer(shapes.areas, opaque);
    areas_->set(areas);
    areaLabelShapes_ = std::move(shapes.areaLabels);
    labelShapes_ = std::move(shapes.labels);
    badgeShapes_ = std::move(shapes.badges);

    // Connections and cards go to the tile of their first point, and each tile remembers
    // the rectangle its contents cover, so a tile is culled only when all of it is off
    // screen. Card bodies are large: opaque batches.
    static_assert(kLayerCount == kTiledLayers);
    std::map<TileKey, Tile> tiles;
    addTiled(tiles, Connections, shapes.connections, rules);
    addTiled(tiles, ArrowHeads, shapes.arrowHeads, rules);
    addTiled(tiles, Cards, shapes.cards, opaque);

    // One child per tile under each layer, in the same order in every layer.
    tileBounds_.clear();
    for (const auto& [key, tile] : tiles)
        tileBounds_.push_back(tile.bounds);
    for (int layer = 0; layer < kLayerCount; ++layer) {
        QSGNode* parent = layers_[size_t(layer)];
        removeChildrenFrom(parent, int(tiles.size()));
        int i = 0;
        for (const auto& [key, tile] : tiles) {
            if (i >= parent->childCount()) parent->appendChildNode(new BatchNode);
            static_cast<BatchNode*>(parent->childAtIndex(i))->set(tile.layers[size_t(layer)]);
            ++i;
        }
    }
}

void DiagramSceneNode::cull(const SceneState& s) {
    const QRectF view = s.view();
    for (QSGNode* parent : layers_) {
        int i = 0;
        for (QSGNode* child = parent->firstChild(); child; child = child->nextSibling(), ++i)
            static_cast<BatchNode*>(child)->setBlocked(i >= int(tileBounds_.size()) ||
                                                       !tileBounds_[size_t(i)].intersects(view));
    }
}

void DiagramSceneNode::rebuildSelection(const SceneState& s) {
    Batches batches;
    batches.addLayer(canvasDiagramShapes(s, ShapeOptions::Selection).selection,
                     BatchRules{1 / s.zoom, false});
    selection_->set(batches);
}

void DiagramSceneNode::rebuildCritique(const SceneState& s) {
    Batches batches;
    batches.addLayer(canvasDiagramShapes(s, ShapeOptions::Critique).critique,
                     BatchRules{detailPixel(s.zoom), false});
    critique_->set(batches);
}

void DiagramSceneNode::rebuildGrid(const SceneState& s) {
    if (s.zoom == gridZoom_ && s.origin == gridOrigin_ && s.size == gridSize_ &&
        s.showGrid == gridShown_ && s.theme.dark == gridDark_ && grid_->childCount() > 0)
        return;
    gridDark_ = s.theme.dark;
    gridZoom_ = s.zoom;
    gridOrigin_ = s.origin;
    gridSize_ = s.size;
    gridShown_ = s.showGrid;
    Batches grid;
    grid.addLayer(canvasGrid(s), BatchRules{1, true});
    grid_->set(grid);
}

bool DiagramSceneNode::syncLabels(const SceneState& s, QQuickWindow* window) {
    const Document& doc = *s.doc;
    const QRectF view = s.view();
    // Labels are painted at a power-of-two scale at or above what the screen shows, so they
    // stay sharp until the zoom doubles.
    const double scale = std::clamp(std::exp2(std::ceil(std::log2(s.zoom * s.dpr))), 0.5, 4.0);
    const bool readable = s.labelsReadable();
    int budget = kLabelsPerFrame;
    bool pending = false;
    QSet<QString> shown;

    auto place = [&](QSGNode* parent, int& used, const QRectF& rect, QSGTexture* texture) {
        QSGSimpleTextureNode* node;
        if (used < parent->childCount()) {
            node = static_cast<QSGSimpleTextureNode*>(parent->childAtIndex(used));
        } else {
            node = new QSGSimpleTextureNode;
            node->setFiltering(QSGTexture::Linear);
            parent->appendChildNode(node);
        }
        if (node->texture() != texture) node->setTexture(texture);
        if (node->rect() != rect) node->setRect(rect);
        ++used;
    };
    auto texture = [&](const LabelShape& label) -> QSGTexture* {
        const QString id = labelId(label, doc);
        const QString key = labelKey(label, doc, s.theme);
        shown.insert(id);
        auto it = labelCache_.find(id);
        const bool fresh = it != labelCache_.end() && it->key == key;
        if (fresh && it->scale == scale) return it->texture;
        if (budget <= 0) {
            pending = true;
            return fresh ? it->texture : nullptr; // a blurry label beats none while painting
        }
        --budget;
        const QImage image = painter_->image(labelContent(label, doc, *s.catalogue, s.theme),
                                             label.rect.size(), scale);
        QSGTexture* tex = window->createTextureFromImage(image, QQuickWindow::TextureCanUseAtlas);
        if (it == labelCache_.end()) it = labelCache_.insert(id, {});
        delete it->texture;
        *it = {tex, scale, key};
        return tex;
    };

    const std::pair<QSGNode*, const std::vector<LabelShape>*> groups[] = {
        {areaLabels_, &areaLabelShapes_}, {labels_, &labelShapes_}, {badges_, &badgeShapes_}};
    for (const auto& [parent, labels] : groups) {
        int used = 0;
        if (readable)
            for (const LabelShape& label : *labels)
                if (label.rect.intersects(view))
                    if (QSGTexture* tex = texture(label)) place(parent, used, label.rect, tex);
        removeChildrenFrom(parent, used);
    }
    // Keep the cache bounded: forget labels off screen once it grows large.
    if (labelCache_.size() > kMaxCachedLabels) {
        for (auto it = labelCache_.begin(); it != labelCache_.end();) {
            if (!shown.contains(it.key())) {
                delete it->texture;
                it = labelCache_.erase(it);
            } else {
                ++it;
            }
        }
    }
    return pending;
}

} // namespace archlens
