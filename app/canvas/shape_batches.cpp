#include "shape_batches.h"

#include "diagram_geometry.h"

#include <QSGFlatColorMaterial>
#include <QSGGeometryNode>
#include <QSGVertexColorMaterial>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace archlens {

TriangleMesh::Premultiplied::Premultiplied(QColor col) {
    const float alpha = float(col.alphaF());
    r = uchar(col.red() * alpha);
    g = uchar(col.green() * alpha);
    b = uchar(col.blue() * alpha);
    a = uchar(col.alpha());
}

void TriangleMesh::tri(QPointF a, QPointF b, QPointF c, Premultiplied col) {
    for (QPointF p : {a, b, c})
        v.push_back({float(p.x()), float(p.y()), col.r, col.g, col.b, col.a});
}

void TriangleMesh::quad(const QRectF& r, QColor colour) {
    const Premultiplied col(colour);
    tri(r.topLeft(), r.topRight(), r.bottomRight(), col);
    tri(r.topLeft(), r.bottomRight(), r.bottomLeft(), col);
}

void TriangleMesh::frame(const QRectF& r, double w, QColor col) {
    const QRectF o = r.adjusted(-w / 2, -w / 2, w / 2, w / 2);
    quad(QRectF(o.left(), o.top(), o.width(), w), col);
    quad(QRectF(o.left(), o.bottom() - w, o.width(), w), col);
    quad(QRectF(o.left(), o.top() + w, w, o.height() - 2 * w), col);
    quad(QRectF(o.right() - w, o.top() + w, w, o.height() - 2 * w), col);
}

void TriangleMesh::polyline(const std::vector<QPointF>& pts, double w, QColor colour) {
    const Premultiplied col(colour);
    for (size_t i = 1; i < pts.size(); ++i) {
        const QPointF d = pts[i] - pts[i - 1];
        const double len = std::hypot(d.x(), d.y());
        if (len <= 0) continue;
        const QPointF n(-d.y() / len * w / 2, d.x() / len * w / 2);
        tri(pts[i - 1] + n, pts[i] + n, pts[i] - n, col);
        tri(pts[i - 1] + n, pts[i] - n, pts[i - 1] - n, col);
    }
}

void TriangleMesh::disc(QPointF c, double radius, QColor colour) {
    // The unit circle once: a large design carries thousands of badges.
    static const auto circle = [] {
        std::array<QPointF, kDiscSteps + 1> out;
        for (int i = 0; i <= kDiscSteps; ++i)
            out[size_t(i)] = {std::cos(2 * M_PI * i / kDiscSteps),
                              std::sin(2 * M_PI * i / kDiscSteps)};
        return out;
    }();
    const Premultiplied col(colour);
    for (size_t i = 0; i < size_t(kDiscSteps); ++i)
        tri(c, c + radius * circle[i], c + radius * circle[i + 1], col);
}

void LineMesh::line(QPointF a, QPointF b) {
    v.push_back({float(a.x()), float(a.y())});
    v.push_back({float(b.x()), float(b.y())});
}

void LineMesh::rect(const QRectF& r) {
    line(r.topLeft(), r.topRight());
    line(r.topRight(), r.bottomRight());
    line(r.bottomRight(), r.bottomLeft());
    line(r.bottomLeft(), r.topLeft());
}

namespace {

/// Calls `on(a, b)` for each dash of the polyline (each segment when solid).
template <class On>
void forEachDash(const std::vector<QPointF>& pts, double dash, double gap, On on) {
    if (gap <= 0 || dash <= 0) {
        for (size_t i = 1; i < pts.size(); ++i)
            on(pts[i - 1], pts[i]);
        return;
    }
    bool drawing = true;
    double left = dash;
    for (size_t i = 1; i < pts.size(); ++i) {
        QPointF a = pts[i - 1];
        const QPointF b = pts[i];
        double seg = std::hypot(b.x() - a.x(), b.y() - a.y());
        while (seg > 0) {
            const double step = std::min(seg, left);
            const QPointF next = a + (b - a) * (step / seg);
            if (drawing) on(a, next);
            a = next;
            seg -= step;
            left -= step;
            if (left <= 1e-9) {
                drawing = !drawing;
                left = drawing ? dash : gap;
            }
        }
    }
}

} // namespace

void LineMesh::path(const std::vector<QPointF>& pts, double dash, double gap) {
    forEachDash(pts, dash, gap, [this](QPointF a, QPointF b) { line(a, b); });
}

void FlatMesh::quad(const QRectF& r) {
    for (QPointF p :
         {r.topLeft(), r.topRight(), r.bottomRight(), r.topLeft(), r.bottomRight(), r.bottomLeft()})
        v.push_back({float(p.x()), float(p.y())});
}

void flattenLine(const LineShape& line, double tolerance, std::vector<QPointF>& out) {
    out.assign(line.points.begin(), line.points.end());
    if (!line.cubic || line.points.isEmpty()) return;
    out.resize(1);
    for (qsizetype i = 1; i + 2 < line.points.size(); i += 3) {
        const ConnectionCurve curve{
            {line.points[i - 1], line.points[i], line.points[i + 1], line.points[i + 2]}};
        // Wang's bound: n equal steps keep a cubic within 3/4 · M / n² of its chords, M the
        // largest second difference of the control points. A straight connection gets one
        // step, a tight S-bend at 100% about twenty.
        const auto& p = curve.points;
        const QPointF d1 = p[0] - 2 * p[1] + p[2], d2 = p[1] - 2 * p[2] + p[3];
        const double m = std::max(std::hypot(d1.x(), d1.y()), std::hypot(d2.x(), d2.y()));
        const int steps = std::clamp(int(std::ceil(std::sqrt(0.75 * m / tolerance))), 1, 32);
        for (int k = 1; k <= steps; ++k)
            out.push_back(curve.at(double(k) / steps));
    }
}

LineMesh& Batches::linesIn(QColor colour) {
    const QRgb rgba = colour.rgba();
    if (!lastLines_ || lastColour_ != rgba) {
        lastLines_ = &lines[rgba];
        lastColour_ = rgba;
    }
    return *lastLines_;
}

void Batches::addFill(const BoxShape& box, const BatchRules& rules) {
    if (!box.fill.isValid() || box.fill.alpha() == 0) return;
    const double pixels = box.rect.width() * box.rect.height() / (rules.pixel * rules.pixel);
    if (rules.opaqueFills && box.fill.alpha() == 255 && pixels >= kFlatFillPixels) {
        if (fills.empty() || fills.back().first != box.fill.rgb())
            fills.push_back({box.fill.rgb(), {}});
        fills.back().second.quad(box.rect);
    } else
        blended.quad(box.rect, box.fill);
}

void Batches::addOutline(const BoxShape& box, const BatchRules& rules) {
    if (box.strokeWidth <= 0) return;
    if (box.strokeWidth <= kHairlinePixels * rules.pixel)
        linesIn(box.stroke).rect(box.rect);
    else
        blended.frame(box.rect, box.strokeWidth, box.stroke);
}

void Batches::addLine(const LineShape& line, const BatchRules& rules) {
    if (line.points.size() < 2) return;
    flattenLine(line, kFlatnessPixels * rules.pixel, points_);
    const std::vector<QPointF>& pts = points_;
    if (line.width <= kHairlinePixels * rules.pixel) {
        linesIn(line.colour).path(pts, line.dash, line.gap);
    } else if (line.gap > 0) {
        forEachDash(pts, line.dash, line.gap, [&](QPointF a, QPointF b) {
            blended.polyline({a, b}, line.width, line.colour);
        });
    } else {
        blended.polyline(pts, line.width, line.colour);
    }
}

void Batches::addTriangle(const TriangleShape& t) {
    blended.tri(t.points[0], t.points[1], t.points[2], t.fill);
}

void Batches::addDisc(const DiscShape& d, const BatchRules& rules) {
    // A disc a few pixels across is a square to the eye, at an eighth of the vertices (a
    // large design zoomed out can carry thousands of badges).
    if (d.radius < 2.5 * rules.pixel)
        blended.quad(
            QRectF(d.centre - QPointF(d.radius, d.radius), QSizeF(2 * d.radius, 2 * d.radius)),
            d.fill);
    else
        blended.disc(d.centre, d.radius, d.fill);
}

void Batches::addLayer(const ShapeLayer& layer, const BatchRules& rules) {
    for (const BoxShape& b : layer.boxes)
        addFill(b, rules);
    for (const BoxShape& b : layer.boxes)
        addOutline(b, rules);
    for (const LineShape& l : layer.lines)
        addLine(l, rules);
    for (const TriangleShape& t : layer.triangles)
        addTriangle(t);
    for (const DiscShape& d : layer.discs)
        addDisc(d, rules);
}

size_t Batches::vertexBytes() const {
    size_t bytes = blended.v.size() * sizeof(QSGGeometry::ColoredPoint2D);
    for (const auto& [rgb, mesh] : fills)
        bytes += mesh.v.size() * sizeof(QSGGeometry::Point2D);
    for (const auto& [rgba, mesh] : lines)
        bytes += mesh.v.size() * sizeof(QSGGeometry::Point2D);
    return bytes;
}

namespace {

enum class BatchKind { Flat, Blended, Lines };

class BatchGeometryNode : public QSGGeometryNode {
public:
    explicit BatchGeometryNode(BatchKind kind) : kind(kind) {
        const bool coloured = kind == BatchKind::Blended;
        auto* g = new QSGGeometry(coloured ? QSGGeometry::defaultAttributes_ColoredPoint2D()
                                           : QSGGeometry::defaultAttributes_Point2D(),
                                  0);
        g->setDrawingMode(kind == BatchKind::Lines ? QSGGeometry::DrawLines
                                                   : QSGGeometry::DrawTriangles);
        if (kind == BatchKind::Lines) g->setLineWidth(1);
        // Written once per set() and then drawn frame after frame: the renderer may keep
        // it uploaded instead of treating it as data that changes every frame, which with
        // Mesa's software OpenGL costs a copy of every batch in process memory.
        g->setVertexDataPattern(QSGGeometry::StaticPattern);
        setGeometry(g);
        if (coloured)
            setMaterial(new QSGVertexColorMaterial);
        else
            setMaterial(new QSGFlatColorMaterial);
        setFlags(QSGNode::OwnsGeometry | QSGNode::OwnsMaterial);
    }
    const BatchKind kind;

    void upload(const void* data, size_t count, size_t vertexSize) {
        QSGGeometry* g = geometry();
        g->allocate(int(count));
        if (count) std::memcpy(g->vertexData(), data, count * vertexSize);
        markDirty(QSGNode::DirtyGeometry);
    }
    void setColour(QColor colour) {
        auto* m = static_cast<QSGFlatColorMaterial*>(material());
        if (m->color() == colour) return;
        m->setColor(colour);
        markDirty(QSGNode::DirtyMaterial);
    }
};

} // namespace

void BatchNode::set(const Batches& b) {
    std::vector<BatchKind> kinds;
    for (size_t i = 0; i < b.fills.size(); ++i)
        kinds.push_back(BatchKind::Flat);
    if (!b.blended.v.empty()) kinds.push_back(BatchKind::Blended);
    for (size_t i = 0; i < b.lines.size(); ++i)
        kinds.push_back(BatchKind::Lines);
    // Reuse the children when they are of the same kinds, as after most edits.
    bool same = childCount() == int(kinds.size());
    int i = 0;
    for (QSGNode* child = firstChild(); same && child; child = child->nextSibling(), ++i)
        same = static_cast<BatchGeometryNode*>(child)->kind == kinds[size_t(i)];
    if (!same) {
        while (QSGNode* child = firstChild()) {
            removeChildNode(child);
            delete child;
        }
        for (BatchKind kind : kinds)
            appendChildNode(new BatchGeometryNode(kind));
    }
    auto* node = static_cast<BatchGeometryNode*>(firstChild());
    for (const auto& [rgb, mesh] : b.fills) {
        node->upload(mesh.v.data(), mesh.v.size(), sizeof(QSGGeometry::Point2D));
        node->setColour(QColor::fromRgb(rgb));
        node = static_cast<BatchGeometryNode*>(node->nextSibling());
    }
    if (!b.blended.v.empty()) {
        node->upload(b.blended.v.data(), b.blended.v.size(), sizeof(QSGGeometry::ColoredPoint2D));
        node = static_cast<BatchGeometryNode*>(node->nextSibling());
    }
    for (const auto& [rgba, mesh] : b.lines) {
        node->upload(mesh.v.data(), mesh.v.size(), sizeof(QSGGeometry::Point2D));
        node->setColour(QColor::fromRgba(rgba));
        node = static_cast<BatchGeometryNode*>(node->nextSibling());
    }
}

void BatchNode::setBlocked(bool blocked) {
    if (blocked == blocked_) return;
    blocked_ = blocked;
    markDirty(QSGNode::DirtySubtreeBlocked);
}

} // namespace archlens
