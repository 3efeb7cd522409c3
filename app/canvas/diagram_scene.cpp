#include "diagram_scene.h"

#include "critique_overlay.h"
#include "diagram_geometry.h"
#include "label_painter.h"

#include <QQuickWindow>
#include <QSGFlatColorMaterial>
#include <QSGGeometryNode>
#include <QSGSimpleTextureNode>
#include <QSGTransformNode>
#include <QSGVertexColorMaterial>
#include <cmath>
#include <cstring>
#include <map>

namespace archlens {

namespace {

using Colored = QSGGeometry::ColoredPoint2D;
using Plain = QSGGeometry::Point2D;

/// Vertices of one batched layer of triangles, each with its colour (premultiplied, as
/// QSGVertexColorMaterial expects).
struct TriangleMesh {
    std::vector<Colored> v;
    void tri(QPointF a, QPointF b, QPointF c, QColor col) {
        const float alpha = float(col.alphaF());
        const auto r = uchar(col.red() * alpha), g = uchar(col.green() * alpha),
                   bl = uchar(col.blue() * alpha), al = uchar(col.alpha());
        for (QPointF p : {a, b, c})
            v.push_back({float(p.x()), float(p.y()), r, g, bl, al});
    }
    void quad(const QRectF& r, QColor col) {
        tri(r.topLeft(), r.topRight(), r.bottomRight(), col);
        tri(r.topLeft(), r.bottomRight(), r.bottomLeft(), col);
    }
    /// A frame of width w just outside `r`.
    void ring(const QRectF& r, double w, QColor col) {
        quad(QRectF(r.left() - w, r.top() - w, r.width() + 2 * w, w), col);
        quad(QRectF(r.left() - w, r.bottom(), r.width() + 2 * w, w), col);
        quad(QRectF(r.left() - w, r.top(), w, r.height()), col);
        quad(QRectF(r.right(), r.top(), w, r.height()), col);
    }
    /// A thick polyline as quads.
    void polyline(const std::vector<QPointF>& pts, double w, QColor col) {
        for (size_t i = 1; i < pts.size(); ++i) {
            QPointF d = pts[i] - pts[i - 1];
            const double len = std::hypot(d.x(), d.y());
            if (len <= 0) continue;
            const QPointF n(-d.y() / len * w / 2, d.x() / len * w / 2);
            tri(pts[i - 1] + n, pts[i] + n, pts[i] - n, col);
            tri(pts[i - 1] + n, pts[i] - n, pts[i - 1] - n, col);
        }
    }
    void disc(QPointF c, double radius, QColor col, int steps = 16) {
        for (int i = 0; i < steps; ++i) {
            const double a0 = 2 * M_PI * i / steps, a1 = 2 * M_PI * (i + 1) / steps;
            tri(c, c + radius * QPointF(std::cos(a0), std::sin(a0)),
                c + radius * QPointF(std::cos(a1), std::sin(a1)), col);
        }
    }
};

/// Vertices of one batched layer of one-pixel lines.
struct LineMesh {
    std::vector<Plain> v;
    void line(QPointF a, QPointF b) {
        v.push_back({float(a.x()), float(a.y())});
        v.push_back({float(b.x()), float(b.y())});
    }
    void rect(const QRectF& r) {
        line(r.topLeft(), r.topRight());
        line(r.topRight(), r.bottomRight());
        line(r.bottomRight(), r.bottomLeft());
        line(r.bottomLeft(), r.topLeft());
    }
    /// The polyline, dashed with `dash` on and `gap` off (gap 0: solid).
    void path(const std::vector<QPointF>& pts, double dash, double gap) {
        if (gap <= 0) {
            for (size_t i = 1; i < pts.size(); ++i)
                line(pts[i - 1], pts[i]);
            return;
        }
        bool on = true;
        double left = dash;
        for (size_t i = 1; i < pts.size(); ++i) {
            QPointF a = pts[i - 1];
            const QPointF b = pts[i];
            double seg = std::hypot(b.x() - a.x(), b.y() - a.y());
            while (seg > 0) {
                const double step = std::min(seg, left);
                const QPointF next = a + (b - a) * (step / seg);
                if (on) line(a, next);
                a = next;
                seg -= step;
                left -= step;
                if (left <= 1e-9) {
                    on = !on;
                    left = on ? dash : gap;
                }
            }
        }
    }
};

/// Vertices of one batch of triangles in one opaque colour. Opaque batches are drawn front
/// to back with depth testing, so large fills cost little even on a software rasteriser;
/// blended ones (vertex colours) are kept for what is small.
struct FlatMesh {
    std::vector<Plain> v;
    void quad(const QRectF& r) {
        for (QPointF p : {r.topLeft(), r.topRight(), r.bottomRight(), r.topLeft(), r.bottomRight(),
                          r.bottomLeft()})
            v.push_back({float(p.x()), float(p.y())});
    }
};

/// `top` drawn over `bottom`, as one opaque colour.
QColor over(QColor top, QColor bottom) {
    const double a = top.alphaF();
    return QColor::fromRgbF(float(top.redF() * a + bottom.redF() * (1 - a)),
                            float(top.greenF() * a + bottom.greenF() * (1 - a)),
                            float(top.blueF() * a + bottom.blueF() * (1 - a)));
}

QSGGeometryNode* flatNode() {
    auto* node = new QSGGeometryNode;
    auto* g = new QSGGeometry(QSGGeometry::defaultAttributes_Point2D(), 0);
    g->setDrawingMode(QSGGeometry::DrawTriangles);
    node->setGeometry(g);
    node->setMaterial(new QSGFlatColorMaterial);
    node->setFlags(QSGNode::OwnsGeometry | QSGNode::OwnsMaterial);
    return node;
}

QSGGeometryNode* trianglesNode() {
    auto* node = new QSGGeometryNode;
    auto* g = new QSGGeometry(QSGGeometry::defaultAttributes_ColoredPoint2D(), 0);
    g->setDrawingMode(QSGGeometry::DrawTriangles);
    node->setGeometry(g);
    node->setMaterial(new QSGVertexColorMaterial);
    node->setFlags(QSGNode::OwnsGeometry | QSGNode::OwnsMaterial);
    return node;
}

QSGGeometryNode* linesNode() {
    auto* node = new QSGGeometryNode;
    auto* g = new QSGGeometry(QSGGeometry::defaultAttributes_Point2D(), 0);
    g->setDrawingMode(QSGGeometry::DrawLines);
    g->setLineWidth(1);
    node->setGeometry(g);
    node->setMaterial(new QSGFlatColorMaterial);
    node->setFlags(QSGNode::OwnsGeometry | QSGNode::OwnsMaterial);
    return node;
}

void upload(QSGGeometryNode* node, const TriangleMesh& mesh) {
    QSGGeometry* g = node->geometry();
    g->allocate(int(mesh.v.size()));
    if (!mesh.v.empty())
        std::memcpy(g->vertexDataAsColoredPoint2D(), mesh.v.data(),
                    mesh.v.size() * sizeof(Colored));
    node->markDirty(QSGNode::DirtyGeometry);
}

void upload(QSGGeometryNode* node, const std::vector<Plain>& v, QColor color) {
    QSGGeometry* g = node->geometry();
    g->allocate(int(v.size()));
    if (!v.empty()) std::memcpy(g->vertexDataAsPoint2D(), v.data(), v.size() * sizeof(Plain));
    auto* m = static_cast<QSGFlatColorMaterial*>(node->material());
    if (m->color() != color) {
        m->setColor(color);
        node->markDirty(QSGNode::DirtyMaterial);
    }
    node->markDirty(QSGNode::DirtyGeometry);
}

void upload(QSGGeometryNode* node, const LineMesh& mesh, QColor color) {
    upload(node, mesh.v, color);
}

void upload(QSGGeometryNode* node, const FlatMesh& mesh, QColor color) {
    upload(node, mesh.v, color);
}

/// A node whose subtree the renderer skips while it is off screen.
class CullNode : public QSGNode {
public:
    bool isSubtreeBlocked() const override { return blocked_; }
    void setBlocked(bool blocked) {
        if (blocked == blocked_) return;
        blocked_ = blocked;
        markDirty(QSGNode::DirtySubtreeBlocked);
    }

private:
    bool blocked_ = false;
};

/// The side of the square tiles that the heavy layers are cut into, in document units: at
/// 100% a view shows a handful of tiles, so the renderer never sees the rest.
constexpr double kTile = 1536;

/// What one tile holds of each heavy layer, and the rectangle it all fits in.
struct TileMeshes {
    LineMesh solid, dashed, dotted, borders;
    TriangleMesh heads, stripes;
    FlatMesh fills, noteFills;
    QRectF bounds;
};

/// A power of two near the zoom: the level of detail curves and dashes are built for.
int detailLevel(double zoom) {
    return int(std::ceil(std::log2(std::max(zoom, 1e-3))));
}

QString componentKey(const Component& c, bool dark) {
    int instances = 1;
    if (auto it = c.props.find("instances"); it != c.props.end() && it->is_number_integer())
        instances = it->get<int>();
    return QString::fromStdString(c.name) + QChar(1) + QString::fromStdString(c.kind) + QChar(1) +
           QString::number(instances) + (dark ? QStringLiteral("d") : QStringLiteral("l"));
}

constexpr int kLabelsPerFrame = 160;
constexpr int kMaxCachedLabels = 4000;

} // namespace

DiagramSceneNode::DiagramSceneNode() : painter_(std::make_unique<LabelPainter>()) {
    grid_ = new QSGNode;
    background_ = flatNode();
    grid_->appendChildNode(background_);
    gridLines_ = linesNode();
    gridMajor_ = linesNode();
    grid_->appendChildNode(gridLines_);
    grid_->appendChildNode(gridMajor_);
    appendChildNode(grid_);

    world_ = new QSGTransformNode;
    appendChildNode(world_);
    areaFills_ = new QSGNode;
    areaBorders_ = linesNode();
    areaLabels_ = new QSGNode;
    for (auto& layer : layers_)
        layer = new QSGNode;
    selection_ = trianglesNode();
    labels_ = new QSGNode;
    for (QSGNode* n : {areaFills_, static_cast<QSGNode*>(areaBorders_), areaLabels_})
        world_->appendChildNode(n);
    for (QSGNode* layer : layers_)
        world_->appendChildNode(layer);
    world_->appendChildNode(selection_);
    world_->appendChildNode(labels_);
    critique_ = trianglesNode();
    world_->appendChildNode(critique_);

    overlay_ = new QSGNode;
    overlayFill_ = trianglesNode();
    overlayLines_ = linesNode();
    overlay_->appendChildNode(overlayFill_);
    overlay_->appendChildNode(overlayLines_);
    appendChildNode(overlay_);
}

DiagramSceneNode::~DiagramSceneNode() {
    // The texture nodes do not own their textures; the cache does.
    for (const Label& l : std::as_const(labelCache_))
        delete l.texture;
}

QRectF DiagramSceneNode::boxOf(const Component& c, const SceneState& s) const {
    QRectF r = geometry::componentRect(c);
    if (!s.dragOffset.isNull() && s.selected->contains(QString::fromStdString(c.id)))
        r.translate(s.dragOffset);
    return r;
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
    if (contentStale) rebuildContent(s);
    if (contentStale || s.selectionRevision != selectionRevision_ || s.zoom != selectionZoom_)
        rebuildSelection(s);
    if (contentStale || s.critiqueRevision != critiqueRevision_) rebuildCritique(s);
    critiqueRevision_ = s.critiqueRevision;
    documentRevision_ = s.documentRevision;
    selectionRevision_ = s.selectionRevision;
    dark_ = s.theme.dark;
    detail_ = detail;
    dragOffset_ = s.dragOffset;
    selectionZoom_ = s.zoom;

    cull(s);
    rebuildGrid(s);
    rebuildOverlay(s);
    return syncLabels(s, window);
}

void DiagramSceneNode::rebuildContent(const SceneState& s) {
    const Document& doc = *s.doc;
    const DiagramTheme& t = s.theme;
    // One screen pixel at this level of detail, in document units.
    const double px = std::exp2(-detailLevel(s.zoom));

    std::vector<QRectF> boxes;
    boxes.reserve(doc.components.size());
    QHash<QString, int> row;
    row.reserve(int(doc.components.size()));
    for (size_t i = 0; i < doc.components.size(); ++i) {
        boxes.push_back(boxOf(doc.components[i], s));
        row.insert(QString::fromStdString(doc.components[i].id), int(i));
    }

    // Zones and regions behind everything.
    // Opaque fills, one batch per shade: a region, then each level of zone nesting.
    std::map<QRgb, FlatMesh> areas;
    const QColor regionShade = over(t.regionFill, t.background);
    LineMesh areaLines;
    areaLabelRects_.clear();
    const auto zones = geometry::zoneAreas(doc, boxes);
    for (const auto& r : geometry::regionAreas(doc, zones)) {
        areas[regionShade.rgb()].quad(r.rect);
        areaLines.rect(r.rect);
        areaLabelRects_.push_back(
            {QString::fromStdString(r.region),
             QRectF(r.rect.left(), r.rect.top(), r.rect.width(), geometry::kZoneLabel)});
    }
    for (const auto& z : zones) {
        QColor shade = doc.zones[size_t(z.zone)].region.empty() ? t.background : regionShade;
        for (int d = 0; d <= std::min(z.depth, 4); ++d)
            shade = over(t.zoneFill, shade);
        areas[shade.rgb()].quad(z.rect);
        areaLines.rect(z.rect);
        areaLabelRects_.push_back(
            {z.label, QRectF(z.rect.left(), z.rect.top(), z.rect.width(), geometry::kZoneLabel)});
    }
    int used = 0;
    for (const auto& [rgb, mesh] : areas) {
        if (used >= areaFills_->childCount()) areaFills_->appendChildNode(flatNode());
        upload(static_cast<QSGGeometryNode*>(areaFills_->childAtIndex(used++)), mesh, QColor(rgb));
    }
    while (areaFills_->childCount() > used) {
        QSGNode* last = areaFills_->lastChild();
        areaFills_->removeChildNode(last);
        delete last;
    }
    upload(areaBorders_, areaLines, t.zoneBorder);

    // Connections and boxes go to the tile of their first point, and each tile remembers the
    // rectangle its contents cover, so a tile is culled only when all of it is off screen.
    std::map<std::pair<int, int>, TileMeshes> tiles;
    auto tileAt = [&](QPointF p) -> TileMeshes& {
        return tiles[{int(std::floor(p.x() / kTile)), int(std::floor(p.y() / kTile))}];
    };

    // Far out (a box under about 23 px wide) borders, stripes and arrowheads are too small
    // to see: boxes become solid blocks in their category's colour, which reads better at a
    // distance and leaves the renderer a quarter of the vertices.
    const bool far = detailLevel(s.zoom) <= -3;
    // Connections: curves sampled finely enough for this zoom, dashes sized in pixels.
    const int steps = s.zoom < 0.2 ? 1 : s.zoom < 0.6 ? 6 : 14;
    const double head = 9 * px;
    for (const auto& c : doc.connections) {
        const auto a = row.constFind(QString::fromStdString(c.from));
        const auto b = row.constFind(QString::fromStdString(c.to));
        if (a == row.cend() || b == row.cend() || *a == *b) continue;
        const ConnectionCurve curve =
            geometry::connectionCurve(boxes[size_t(*a)], boxes[size_t(*b)]);
        const auto pts = curve.sampled(steps);
        TileMeshes& tile = tileAt(curve.points[0]);
        for (const QPointF& q : curve.points)
            tile.bounds |= QRectF(q - QPointF(head, head), QSizeF(2 * head, 2 * head));
        QColor colour = t.connection;
        switch (c.mode) {
        case ConnectionMode::Sync:
            tile.solid.path(pts, 0, 0);
            break;
        case ConnectionMode::Async:
            tile.dashed.path(pts, 7 * px, 5 * px);
            colour = t.connectionAsync;
            break;
        case ConnectionMode::Replication:
            tile.dotted.path(pts, 2 * px, 4 * px);
            colour = t.connectionReplication;
            break;
        }
        if (far) continue;
        const QPointF tip = curve.points[3];
        const QPointF d = curve.endDirection();
        const QPointF n(-d.y(), d.x());
        tile.heads.tri(tip, tip - d * head + n * head * 0.45, tip - d * head - n * head * 0.45,
                       colour);
    }

    // Boxes: a card with a stripe in its category's colour; notes as yellow cards.
    for (size_t i = 0; i < doc.components.size(); ++i) {
        const QRectF& r = boxes[i];
        const KindInfo* kind = s.catalogue->kind(doc.components[i].kind);
        TileMeshes& tile = tileAt(r.topLeft());
        tile.bounds |= r;
        const QColor category = t.category(kind ? kind->category : std::string());
        if (far) {
            tile.stripes.quad(r, category);
            continue;
        }
        tile.fills.quad(r);
        tile.stripes.quad(QRectF(r.left(), r.top(), 4, r.height()), category);
        tile.borders.rect(r);
    }
    for (const auto& n : doc.notes) {
        QRectF r = geometry::noteRect(n);
        if (!s.dragOffset.isNull() && s.selected->contains(QString::fromStdString(n.id)))
            r.translate(s.dragOffset);
        TileMeshes& tile = tileAt(r.topLeft());
        tile.bounds |= r;
        tile.noteFills.quad(r);
        tile.borders.rect(r);
    }

    // One child per tile under each layer, in the same order in every layer.
    tileBounds_.clear();
    for (const auto& [key, tile] : tiles)
        tileBounds_.push_back(tile.bounds);
    for (int layer = 0; layer < kLayerCount; ++layer) {
        QSGNode* parent = layers_[layer];
        while (parent->childCount() > int(tiles.size())) {
            QSGNode* last = parent->lastChild();
            parent->removeChildNode(last);
            delete last;
        }
        int i = 0;
        for (const auto& [key, tile] : tiles) {
            if (i >= parent->childCount()) {
                auto* cull = new CullNode;
                cull->appendChildNode(layer == Arrows || layer == Stripes    ? trianglesNode()
                                      : layer == Fills || layer == NoteFills ? flatNode()
                                                                             : linesNode());
                parent->appendChildNode(cull);
            }
            auto* node = static_cast<QSGGeometryNode*>(parent->childAtIndex(i)->firstChild());
            switch (layer) {
            case SyncLines:
                upload(node, tile.solid, t.connection);
                break;
            case AsyncLines:
                upload(node, tile.dashed, t.connectionAsync);
                break;
            case ReplicationLines:
                upload(node, tile.dotted, t.connectionReplication);
                break;
            case Arrows:
                upload(node, tile.heads);
                break;
            case Fills:
                upload(node, tile.fills, t.cardFill);
                break;
            case NoteFills:
                upload(node, tile.noteFills, t.noteFill);
                break;
            case Stripes:
                upload(node, tile.stripes);
                break;
            case Borders:
                upload(node, tile.borders, t.cardBorder);
                break;
            }
            ++i;
        }
    }
}

void DiagramSceneNode::cull(const SceneState& s) {
    const QRectF view(s.origin, QSizeF(s.size.width() / s.zoom, s.size.height() / s.zoom));
    for (QSGNode* parent : layers_) {
        int i = 0;
        for (QSGNode* child = parent->firstChild(); child; child = child->nextSibling(), ++i)
            static_cast<CullNode*>(child)->setBlocked(i >= int(tileBounds_.size()) ||
                                                      !tileBounds_[size_t(i)].intersects(view));
    }
}

void DiagramSceneNode::rebuildSelection(const SceneState& s) {
    const Document& doc = *s.doc;
    TriangleMesh mesh;
    const double w = 2.5 / s.zoom;
    if (!s.selected->isEmpty()) {
        QHash<QString, QRectF> boxes;
        for (const auto& c : doc.components) {
            const QString id = QString::fromStdString(c.id);
            const QRectF r = boxOf(c, s);
            if (s.selected->contains(id)) mesh.ring(r, w, s.theme.accent);
            boxes.insert(id, r);
        }
        for (const auto& n : doc.notes)
            if (s.selected->contains(QString::fromStdString(n.id)))
                mesh.ring(geometry::noteRect(n).translated(s.dragOffset), w, s.theme.accent);
        for (const auto& c : doc.connections) {
            if (!s.selected->contains(QString::fromStdString(c.id))) continue;
            const auto a = boxes.constFind(QString::fromStdString(c.from));
            const auto b = boxes.constFind(QString::fromStdString(c.to));
            if (a == boxes.cend() || b == boxes.cend()) continue;
            const ConnectionCurve curve = geometry::connectionCurve(*a, *b);
            mesh.polyline(curve.sampled(24), w, s.theme.accent);
            // End handles for re-targeting.
            mesh.disc(curve.points[0], 4.5 / s.zoom, s.theme.accent);
            mesh.disc(curve.points[3], 4.5 / s.zoom, s.theme.accent);
        }
    }
    upload(selection_, mesh);
}

void DiagramSceneNode::rebuildCritique(const SceneState& s) {
    TriangleMesh mesh;
    if (s.critique) {
        std::vector<QRectF> boxes;
        boxes.reserve(s.doc->components.size());
        for (const auto& c : s.doc->components)
            boxes.push_back(boxOf(c, s));
        const CritiqueShapes shapes = critiqueShapes(*s.critique, *s.doc, boxes, s.theme.background);
        for (const auto& f : shapes.fills)
            mesh.quad(f.rect, f.colour);
        for (const auto& f : shapes.frames)
            mesh.ring(f.rect, f.width, f.colour);
        for (const auto& p : shapes.paths)
            mesh.polyline(p.points, p.width, p.colour);
        // Far out a badge is a few pixels: a square does, at an eighth of a disc's vertices
        // (a large design can carry thousands of badges).
        const bool far = !s.labelsReadable();
        for (const auto& d : shapes.discs) {
            if (far)
                mesh.quad(QRectF(d.centre - QPointF(d.radius, d.radius),
                                 QSizeF(2 * d.radius, 2 * d.radius)), d.colour);
            else
                mesh.disc(d.centre, d.radius, d.colour);
        }
    }
    upload(critique_, mesh);
}

void DiagramSceneNode::rebuildGrid(const SceneState& s) {
    if (s.zoom == gridZoom_ && s.origin == gridOrigin_ && s.size == gridSize_ &&
        s.showGrid == gridShown_ && s.theme.dark == gridDark_ &&
        background_->geometry()->vertexCount())
        return;
    gridDark_ = s.theme.dark;
    gridZoom_ = s.zoom;
    gridOrigin_ = s.origin;
    gridSize_ = s.size;
    gridShown_ = s.showGrid;
    FlatMesh background;
    background.quad(QRectF(QPointF(), s.size));
    upload(background_, background, s.theme.background);
    LineMesh minor, major;
    if (s.showGrid) {
        const double step = s.gridStep();
        const double majorStep = step * 8;
        const double x0 = std::floor(s.origin.x() / step) * step;
        const double y0 = std::floor(s.origin.y() / step) * step;
        const double x1 = s.origin.x() + s.size.width() / s.zoom;
        const double y1 = s.origin.y() + s.size.height() / s.zoom;
        for (double x = x0; x <= x1; x += step) {
            const double sx = std::round((x - s.origin.x()) * s.zoom) + 0.5;
            auto& mesh = std::fmod(std::abs(x), majorStep) < 1e-6 ? major : minor;
            mesh.line({sx, 0}, {sx, s.size.height()});
        }
        for (double y = y0; y <= y1; y += step) {
            const double sy = std::round((y - s.origin.y()) * s.zoom) + 0.5;
            auto& mesh = std::fmod(std::abs(y), majorStep) < 1e-6 ? major : minor;
            mesh.line({0, sy}, {s.size.width(), sy});
        }
    }
    upload(gridLines_, minor, s.theme.grid);
    upload(gridMajor_, major, s.theme.gridMajor);
}

void DiagramSceneNode::rebuildOverlay(const SceneState& s) {
    TriangleMesh fill;
    LineMesh lines;
    const Document& doc = *s.doc;
    auto toItem = [&](QPointF p) { return (p - s.origin) * s.zoom; };
    auto boxOnScreen = [&](const QString& id) -> std::optional<QRectF> {
        const std::string key = id.toStdString();
        for (const auto& c : doc.components)
            if (c.id == key) {
                const QRectF r = boxOf(c, s);
                return QRectF(toItem(r.topLeft()), toItem(r.bottomRight()));
            }
        return std::nullopt;
    };
    if (!s.rubberBand.isNull()) {
        fill.quad(s.rubberBand, s.theme.rubberBandFill);
        lines.rect(s.rubberBand.adjusted(0.5, 0.5, -0.5, -0.5));
    }
    if (!s.handleFor.isEmpty() && !s.connecting)
        if (auto box = boxOnScreen(s.handleFor)) {
            const QPointF h = handlePoint(*box);
            fill.disc(h, 7, s.theme.cardFill);
            fill.disc(h, 5.5, s.theme.accent);
        }
    if (s.connecting) {
        if (!s.dropTarget.isEmpty())
            if (auto box = boxOnScreen(s.dropTarget)) fill.ring(*box, 3, s.theme.accent);
        fill.polyline({s.connectFrom, s.connectTo}, 2, s.theme.accent);
        fill.disc(s.connectTo, 4, s.theme.accent);
    }
    upload(overlayFill_, fill);
    upload(overlayLines_, lines, s.theme.rubberBand);
}

bool DiagramSceneNode::syncLabels(const SceneState& s, QQuickWindow* window) {
    const Document& doc = *s.doc;
    const QRectF view(s.origin, QSizeF(s.size.width() / s.zoom, s.size.height() / s.zoom));
    // Labels are painted at a power-of-two scale at or above what the screen shows, so they
    // stay sharp until the zoom doubles.
    const double scale = std::clamp(std::exp2(std::ceil(std::log2(s.zoom * s.dpr))), 0.5, 4.0);
    const bool readable = s.labelsReadable();
    const bool compact = s.labelsCompact();
    const QString mode = compact ? QStringLiteral("c") : QStringLiteral("f");
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
    auto label = [&](const QString& id, const QString& key, auto paint) -> QSGTexture* {
        shown.insert(id);
        auto it = labelCache_.find(id);
        const bool fresh = it != labelCache_.end() && it->key == key;
        if (fresh && it->scale == scale) return it->texture;
        if (budget <= 0) {
            pending = true;
            return fresh ? it->texture : nullptr; // a blurry label beats none while painting
        }
        --budget;
        QImage image = paint();
        QSGTexture* texture =
            window->createTextureFromImage(image, QQuickWindow::TextureCanUseAtlas);
        if (it == labelCache_.end()) it = labelCache_.insert(id, {});
        delete it->texture;
        *it = {texture, scale, key};
        return texture;
    };

    int usedAreas = 0, usedItems = 0;
    if (readable) {
        for (const auto& a : areaLabelRects_) {
            if (!a.strip.intersects(view)) continue;
            const QString id = QStringLiteral("area:") + a.text + QString::number(a.strip.width());
            const QString key = a.text + (s.theme.dark ? "d" : "l") + mode;
            if (QSGTexture* tex = label(id, key, [&] {
                    return painter_->zoneLabelImage(a.text, a.strip.size(), s.theme, scale,
                                                    compact);
                }))
                place(areaLabels_, usedAreas, a.strip, tex);
        }
        for (const auto& c : doc.components) {
            const QRectF r = boxOf(c, s);
            if (!r.intersects(view)) continue;
            const QString id = QString::fromStdString(c.id);
            if (QSGTexture* tex = label(id, componentKey(c, s.theme.dark) + mode, [&] {
                    return painter_->componentImage(c, s.catalogue->kind(c.kind), s.theme, scale,
                                                    compact);
                }))
                place(labels_, usedItems, r, tex);
        }
        for (const auto& n : doc.notes) {
            QRectF r = geometry::noteRect(n);
            if (!s.dragOffset.isNull() && s.selected->contains(QString::fromStdString(n.id)))
                r.translate(s.dragOffset);
            if (!r.intersects(view)) continue;
            const QString key = QString::fromStdString(n.text) + (s.theme.dark ? "d" : "l");
            if (QSGTexture* tex = label(QString::fromStdString(n.id), key,
                                        [&] { return painter_->noteImage(n, s.theme, scale); }))
                place(labels_, usedItems, r, tex);
        }
    }
    for (auto [parent, used] : {std::pair{areaLabels_, usedAreas}, std::pair{labels_, usedItems}})
        while (parent->childCount() > used) {
            QSGNode* last = parent->lastChild();
            parent->removeChildNode(last);
            delete last;
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
