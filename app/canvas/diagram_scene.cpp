#include "diagram_scene.h"

#include "drag_plan.h"
#include "label_painter.h"
#include "shape_batches.h"
#include "tiled_layers.h"

#include <QElapsedTimer>
#include <QQuickWindow>
#include <QSGSimpleTextureNode>
#include <QSGTransformNode>
#include <cmath>

namespace archlens {

namespace {

// QSGNode keeps its children in a linked list: childCount() and childAtIndex() walk it,
// so the labels' loops step from node to node instead.
void removeChildrenFrom(QSGNode* parent, QSGNode* first) {
    while (first) {
        QSGNode* next = first->nextSibling();
        parent->removeChildNode(first);
        delete first;
        first = next;
    }
}

/// How long a frame may spend turning tiles into geometry after the level of detail
/// changed; the tiles on screen come first, the others wait for later frames.
constexpr qint64 kTileBudgetNs = 5'000'000;

/// Labels are painted for at most this long per frame (and at least kMinLabelsPerFrame),
/// so that a zoom or a pan into a large design never stalls a frame: what is not painted
/// yet shows blurry (an older scale) or a frame later.
constexpr qint64 kLabelBudgetNs = 6'000'000;
constexpr int kMinLabelsPerFrame = 4;
/// The label pictures kept, in bytes: with Mesa's software OpenGL a texture is process
/// memory, and a design zoomed through at ten thousand components would otherwise keep
/// one per card. Beyond it the labels off screen are forgotten, and painted again when
/// they come back. Nor are more labels on screen painted beyond it: kMaxLabelCover keeps
/// them well under it, but zoomed out their pictures are larger than the screen shows.
constexpr qint64 kMaxLabelBytes = 48ll << 20;

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
    critique_ = new QSGNode;
    badges_ = new QSGNode;
    dragLines_ = new BatchNode;
    dragCards_ = new BatchNode;
    dragCritique_ = new BatchNode;
    world_->appendChildNode(areas_);
    world_->appendChildNode(areaLabels_);
    for (QSGNode* layer : layers_)
        world_->appendChildNode(layer);
    world_->appendChildNode(dragLines_);
    world_->appendChildNode(dragCards_);
    // Selection and critique over the labels: rings and badges sit on the cards' edges.
    for (QSGNode* n : {labels_, static_cast<QSGNode*>(selection_), static_cast<QSGNode*>(critique_),
                       static_cast<QSGNode*>(dragCritique_), badges_})
        world_->appendChildNode(n);

    overlay_ = new BatchNode;
    appendChildNode(overlay_);
    content_ = std::make_unique<TiledLayers>(std::vector<QSGNode*>(layers_.begin(), layers_.end()));
    critiqueTiles_ = std::make_unique<TiledLayers>(std::vector<QSGNode*>{critique_});
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
    // A drag draws what does not move once, when it starts, and then only what moves
    // (drag_plan.h): at thousands of components, drawing everything at every pointer move
    // cost tens of milliseconds a frame.
    const bool dragging = !s.dragOffset.isNull() && s.index && s.selected;
    bool dragRedrawn = false; // began, or ended, or began anew with another selection
    if (dragging && (!drag_ || dragRevision_ != s.documentRevision ||
                     dragSelection_ != s.selectionRevision || dragIndex_ != s.index.get())) {
        drag_ = std::make_unique<DragPlan>(*s.doc, *s.index, *s.selected);
        dragRevision_ = s.documentRevision;
        dragSelection_ = s.selectionRevision;
        dragIndex_ = s.index.get();
        dragRedrawn = true;
    } else if (!dragging && drag_) {
        drag_.reset();
        clearDragged();
        dragRedrawn = true;
    }
    // A frame drawn again with the drag where it was (labels still being painted) moves
    // nothing.
    const bool dragMoved = drag_ && (dragRedrawn || s.dragOffset != dragOffset_);
    if (dragMoved) drag_->place(*s.doc, *s.index, s.dragOffset);
    // An edit, the start or end of a drag or another theme is drawn everywhere at once; a
    // new level of detail alone (a zoom across a power of two) is drawn on screen first
    // (TiledLayers).
    const bool edited = s.documentRevision != documentRevision_ || s.theme.dark != dark_ ||
                        dragRedrawn || (!drag_ && s.dragOffset != dragOffset_);
    const bool contentStale = edited || detail != detail_;
    bool tilesPending = false;
    bool relisted = false;
    if (contentStale) {
        tilesPending = rebuildContent(s, !edited);
    } else if (s.labelsReadable() != readable_ || s.labelsCompact() != compact_) {
        relistLabels(s);
        relisted = true;
    }
    if (!contentStale) tilesPending = content_->batchPending(s.view(), kTileBudgetNs);
    if (contentStale || dragMoved || s.selectionRevision != selectionRevision_ ||
        s.zoom != selectionZoom_)
        rebuildSelection(s);
    const bool critiqueStale = contentStale || s.critiqueRevision != critiqueRevision_;
    if (critiqueStale)
        tilesPending |= rebuildCritique(s, !edited && s.critiqueRevision == critiqueRevision_);
    else
        tilesPending |= critiqueTiles_->batchPending(s.view(), kTileBudgetNs);
    if (drag_ && (dragMoved || critiqueStale || relisted)) rebuildDragged(s);
    critiqueRevision_ = s.critiqueRevision;
    documentRevision_ = s.documentRevision;
    selectionRevision_ = s.selectionRevision;
    dark_ = s.theme.dark;
    // A new level of detail re-uploads every tile on screen (DiagramView says what releasing
    // the renderer's cached resources then frees). Below releaseBytes_ of geometry on the
    // tiles that is little, and the next frame would still make its pipelines again.
    if (detail_ != detail && detail_ != -1000 &&
        content_->heldBytes() + critiqueTiles_->heldBytes() >= releaseBytes_)
        releaseDue_ = true;
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
    return syncLabels(s, window) || tilesPending;
}

void DiagramSceneNode::relistLabels(const SceneState& s) {
    DiagramShapes shapes = canvasDiagramShapes(s, ShapeOptions::Labels | ShapeOptions::Badges, {},
                                               drag_.get(), stillPart());
    if (drag_) {
        stillLabels_ = std::move(shapes.labels);
        stillBadges_ = std::move(shapes.badges);
        return; // the moving part's are added at every frame
    }
    areaLabelShapes_ = std::move(shapes.areaLabels);
    labelShapes_ = std::move(shapes.labels);
    badgeShapes_ = std::move(shapes.badges);
}

bool DiagramSceneNode::rebuildContent(const SceneState& s, bool deferred) {
    DiagramShapes shapes =
        canvasDiagramShapes(s, ShapeOptions::Content | ShapeOptions::Labels | ShapeOptions::Badges,
                            {}, drag_.get(), stillPart());
    const BatchRules rules{detailPixel(s.zoom), false};
    const BatchRules opaque{detailPixel(s.zoom), true};
    if (drag_) {
        // The areas and the labels follow the moving boxes: rebuildDragged draws them.
        stillLabels_ = std::move(shapes.labels);
        stillBadges_ = std::move(shapes.badges);
    } else {
        // Areas cover most of the screen: opaque batches.
        Batches areas;
        areas.addLayer(shapes.areas, opaque);
        areas_->set(areas);
        areaLabelShapes_ = std::move(shapes.areaLabels);
        labelShapes_ = std::move(shapes.labels);
        badgeShapes_ = std::move(shapes.badges);
    }

    // Connections and cards in tiles, culled while off screen. Card bodies are large:
    // opaque batches.
    static_assert(Connections == 0 && ArrowHeads == 1 && Cards == 2);
    std::vector<ShapeLayer> layers;
    layers.push_back(std::move(shapes.connections));
    layers.push_back(std::move(shapes.arrowHeads));
    layers.push_back(std::move(shapes.cards));
    return content_->set(std::move(layers), {rules, rules, opaque}, s.view(), deferred,
                         kTileBudgetNs);
}

void DiagramSceneNode::cull(const SceneState& s) {
    const QRectF view = s.view();
    content_->cull(view);
    critiqueTiles_->cull(view);
}

void DiagramSceneNode::rebuildSelection(const SceneState& s) {
    Batches batches;
    batches.addLayer(canvasDiagramShapes(s, ShapeOptions::Selection, {}, drag_.get()).selection,
                     BatchRules{1 / s.zoom, false});
    selection_->set(batches);
}

void DiagramSceneNode::rebuildDragged(const SceneState& s) {
    using Part = ShapeOptions::DragPart;
    DiagramShapes moving = canvasDiagramShapes(s,
                                               ShapeOptions::Content | ShapeOptions::Labels |
                                                   ShapeOptions::Badges | ShapeOptions::Critique,
                                               {}, drag_.get(), Part::Moving);
    const BatchRules rules{detailPixel(s.zoom), false};
    const BatchRules opaque{detailPixel(s.zoom), true};
    Batches areas;
    areas.addLayer(moving.areas, opaque);
    areas_->set(areas);
    areaLabelShapes_ = std::move(moving.areaLabels);
    // The moving part's labels over the still part's, as its cards are.
    labelShapes_ = stillLabels_;
    labelShapes_.insert(labelShapes_.end(), moving.labels.begin(), moving.labels.end());
    badgeShapes_ = stillBadges_;
    badgeShapes_.insert(badgeShapes_.end(), moving.badges.begin(), moving.badges.end());
    Batches lines, cards;
    lines.addLayer(moving.connections, rules);
    lines.addLayer(moving.arrowHeads, rules);
    cards.addLayer(moving.cards, opaque);
    dragLines_->set(lines);
    dragCards_->set(cards);
    Batches critique;
    critique.addLayer(moving.critique, rules);
    dragCritique_->set(critique);
}

void DiagramSceneNode::clearDragged() {
    for (BatchNode* node : {dragLines_, dragCards_, dragCritique_})
        node->set(Batches());
    stillLabels_ = {}; // and their room: a large design's are a megabyte
    stillBadges_ = {};
}

ShapeOptions::DragPart DiagramSceneNode::stillPart() const {
    return drag_ ? ShapeOptions::DragPart::Still : ShapeOptions::DragPart::All;
}

bool DiagramSceneNode::rebuildCritique(const SceneState& s, bool deferred) {
    // In tiles too: a large design's critique puts a badge on thousands of cards, and the
    // renderer should not walk them all at every frame.
    DiagramShapes shapes =
        canvasDiagramShapes(s, ShapeOptions::Critique, {}, drag_.get(), stillPart());
    std::vector<ShapeLayer> layers;
    layers.push_back(std::move(shapes.critique));
    return critiqueTiles_->set(std::move(layers), {BatchRules{detailPixel(s.zoom), false}},
                               s.view(), deferred, kTileBudgetNs);
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
    QElapsedTimer clock;
    clock.start();
    int painted = 0;
    bool pending = false;
    QSet<QString> shown;

    // Whether a label was left unpainted because the cache was full: once labels off screen
    // are forgotten, another frame paints it.
    bool starved = false;

    auto place = [&](QSGNode* parent, QSGNode*& next, const QRectF& rect, QSGTexture* texture) {
        QSGSimpleTextureNode* node;
        if (next) {
            node = static_cast<QSGSimpleTextureNode*>(next);
            next = next->nextSibling();
        } else {
            node = new QSGSimpleTextureNode;
            node->setFiltering(QSGTexture::Linear);
            parent->appendChildNode(node);
        }
        if (node->texture() != texture) node->setTexture(texture);
        if (node->rect() != rect) node->setRect(rect);
    };
    auto texture = [&](const LabelShape& label) -> QSGTexture* {
        const QString id = labelId(label, doc);
        shown.insert(id);
        auto it = labelCache_.find(id);
        // What the key depends on besides the document: the theme and the label's form.
        const quint64 checked =
            s.documentRevision * 4 + (s.theme.dark ? 2 : 0) + (label.compact ? 1 : 0);
        QString key;
        bool fresh = it != labelCache_.end() && it->checked == checked;
        if (!fresh) {
            key = labelKey(label, doc, s.theme);
            fresh = it != labelCache_.end() && it->key == key;
            if (fresh) it->checked = checked;
        }
        if (fresh && it->scale == scale) return it->texture;
        if (labelBytes_ > kMaxLabelBytes) {
            starved = true;
            return fresh ? it->texture : nullptr;
        }
        if (painted >= kMinLabelsPerFrame && clock.nsecsElapsed() > kLabelBudgetNs) {
            pending = true;
            return fresh ? it->texture : nullptr; // a blurry label beats none while painting
        }
        ++painted;
        if (key.isEmpty()) key = labelKey(label, doc, s.theme);
        const QImage image = painter_->image(labelContent(label, doc, *s.catalogue, s.theme),
                                             label.rect.size(), scale);
        QSGTexture* tex = window->createTextureFromImage(image, QQuickWindow::TextureCanUseAtlas);
        if (it == labelCache_.end()) it = labelCache_.insert(id, {});
        delete it->texture;
        labelBytes_ -= it->bytes;
        *it = {tex, scale, key, checked, image.sizeInBytes()};
        labelBytes_ += it->bytes;
        return tex;
    };

    const std::pair<QSGNode*, const std::vector<LabelShape>*> groups[] = {
        {areaLabels_, &areaLabelShapes_}, {labels_, &labelShapes_}, {badges_, &badgeShapes_}};
    std::vector<std::pair<const LabelShape*, QSGTexture*>> drawn;
    for (const auto& [parent, labels] : groups) {
        drawn.clear();
        // Painted from the top of the pile down, so that what a frame's budget or the
        // cache's leaves out is what lies under other cards; placed bottom to top.
        if (readable)
            for (const LabelShape* label : labelsToDraw(*labels, view))
                drawn.emplace_back(label, texture(*label));
        QSGNode* next = parent->firstChild();
        for (auto it = drawn.rbegin(); it != drawn.rend(); ++it)
            if (it->second) place(parent, next, it->first->rect, it->second);
        removeChildrenFrom(parent, next);
    }
    // Keep the cache bounded: forget labels off screen once it grows large.
    bool forgot = false;
    if (labelBytes_ > kMaxLabelBytes) {
        for (auto it = labelCache_.begin(); it != labelCache_.end();) {
            if (!shown.contains(it.key())) {
                delete it->texture;
                labelBytes_ -= it->bytes;
                it = labelCache_.erase(it);
                forgot = true;
            } else {
                ++it;
            }
        }
    }
    return pending || (starved && forgot);
}

} // namespace archlens
