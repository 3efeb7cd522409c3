#include "canvas_shapes.h"

#include "diagram_geometry.h"
#include "drag_plan.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace archlens {

int detailLevel(double zoom) {
    return int(std::ceil(std::log2(std::max(zoom, 1e-3))));
}

double detailPixel(double zoom) {
    return std::exp2(-detailLevel(zoom));
}

DiagramShapes canvasDiagramShapes(const SceneState& s, int parts, const QRectF& visible,
                                  const DragPlan* drag, ShapeOptions::DragPart part) {
    ShapeOptions o;
    o.pixel = detailPixel(s.zoom);
    o.visible = visible;
    o.selected = s.selected;
    o.dragOffset = s.dragOffset;
    // The areas hide the grid, as one opaque colour each.
    o.areaBackground = s.theme.background;
    o.labels = s.labelsReadable();
    o.compactLabels = s.labelsCompact();
    o.critique = s.critique;
    if (drag && (part == ShapeOptions::DragPart::Moving || part == ShapeOptions::DragPart::All)) {
        // Where the drag has everything now.
        o.boxes = &drag->boxes();
        o.curves = &drag->curves();
        o.zones = &drag->zones();
        o.regions = &drag->regions();
        o.givenShowDrag = true;
    } else if (s.index) {
        // The still part is where the index has it (its areas are not drawn: they follow
        // the moving boxes, and are drawn with the moving part).
        o.boxes = &s.index->boxes();
        o.curves = &s.index->curves();
        o.zones = &s.index->zones();
        o.regions = &s.index->regions();
        o.givenShowDrag = drag != nullptr;
    }
    if (drag) {
        o.dragPart = part;
        o.movingComponents = &drag->movingComponents();
        o.movingConnections = &drag->movingConnections();
    }
    o.parts = parts & ~ShapeOptions::Selection;
    DiagramShapes shapes;
    if (o.parts) shapes = diagramShapes(*s.doc, *s.catalogue, s.theme, o);
    if (parts & ShapeOptions::Selection) {
        o.pixel = 1 / s.zoom;
        o.parts = ShapeOptions::Selection;
        shapes.selection = std::move(diagramShapes(*s.doc, *s.catalogue, s.theme, o).selection);
    }
    return shapes;
}

ShapeLayer canvasGrid(const SceneState& s) {
    ShapeLayer layer;
    layer.boxes.push_back({QRectF(QPointF(), s.size), s.theme.background, QColor(), 0, 0});
    if (!s.showGrid) return layer;
    const double step = s.gridStep();
    const double majorStep = step * 8;
    auto line = [&](QPointF a, QPointF b, double at) {
        LineShape l;
        l.points = {a, b};
        l.colour = std::fmod(std::abs(at), majorStep) < 1e-6 ? s.theme.gridMajor : s.theme.grid;
        l.width = 1;
        layer.lines.push_back(std::move(l));
    };
    const QRectF view = s.view();
    for (double x = std::floor(view.left() / step) * step; x <= view.right(); x += step) {
        const double sx = std::round((x - s.origin.x()) * s.zoom) + 0.5;
        line({sx, 0}, {sx, s.size.height()}, x);
    }
    for (double y = std::floor(view.top() / step) * step; y <= view.bottom(); y += step) {
        const double sy = std::round((y - s.origin.y()) * s.zoom) + 0.5;
        line({0, sy}, {s.size.width(), sy}, y);
    }
    return layer;
}

ShapeLayer canvasOverlay(const SceneState& s) {
    ShapeLayer layer;
    const DiagramTheme& t = s.theme;
    auto boxOnScreen = [&](const QString& id) -> std::optional<QRectF> {
        const std::string key = id.toStdString();
        // Through the index when there is one: the hover handle is drawn at every frame.
        const Component* c = nullptr;
        if (s.index) {
            const int row = s.index->componentRow(key);
            if (row >= 0 && size_t(row) < s.doc->components.size())
                c = &s.doc->components[size_t(row)];
        } else {
            c = s.doc->component(key);
        }
        if (!c) return std::nullopt;
        QRectF r = geometry::componentRect(*c);
        if (!s.dragOffset.isNull() && s.selected && s.selected->contains(id))
            r.translate(s.dragOffset);
        return QRectF((r.topLeft() - s.origin) * s.zoom, (r.bottomRight() - s.origin) * s.zoom);
    };
    if (!s.rubberBand.isNull()) {
        layer.boxes.push_back({s.rubberBand, t.rubberBandFill, QColor(), 0, 0});
        // On pixel centres, so the one-pixel frame is crisp.
        layer.boxes.push_back(
            {s.rubberBand.adjusted(0.5, 0.5, -0.5, -0.5), QColor(), t.rubberBand, 1, 0});
    }
    // Guides: hairlines in the accent colour, on pixel centres so that they stay crisp.
    for (const QLineF& g : s.guides) {
        auto onScreen = [&](QPointF p) {
            const QPointF q = (p - s.origin) * s.zoom;
            return QPointF(std::round(q.x()) + 0.5, std::round(q.y()) + 0.5);
        };
        LineShape line;
        line.points = {onScreen(g.p1()), onScreen(g.p2())};
        line.colour = t.accent;
        line.width = 1;
        layer.lines.push_back(std::move(line));
    }
    if (!s.handleFor.isEmpty() && !s.connecting)
        if (auto box = boxOnScreen(s.handleFor)) {
            const QPointF h = geometry::handlePoint(*box);
            layer.discs.push_back({h, 7, t.cardFill});
            layer.discs.push_back({h, 5.5, t.accent});
        }
    if (!s.resizeGripFor.isEmpty() && s.resizing.isNull())
        if (auto box = boxOnScreen(s.resizeGripFor)) {
            const QRectF grip = geometry::resizeGrip(*box);
            layer.boxes.push_back({grip, t.accent, t.cardFill, 1, 0});
        }
    if (!s.resizing.isNull()) {
        layer.boxes.push_back(
            {s.resizing.adjusted(0.5, 0.5, -0.5, -0.5), QColor(), t.accent, 1.5, 0});
        layer.boxes.push_back({geometry::resizeGrip(s.resizing), t.accent, t.cardFill, 1, 0});
    }
    if (s.connecting) {
        if (!s.dropTarget.isEmpty())
            if (auto box = boxOnScreen(s.dropTarget))
                layer.boxes.push_back(
                    {box->adjusted(-1.5, -1.5, 1.5, 1.5), QColor(), t.accent, 3, 0});
        LineShape line;
        line.points = {s.connectFrom, s.connectTo};
        line.colour = t.accent;
        line.width = 2;
        layer.lines.push_back(std::move(line));
        layer.discs.push_back({s.connectTo, 4, t.accent});
    }
    return layer;
}

std::vector<const LabelShape*> labelsToDraw(const std::vector<LabelShape>& labels,
                                            const QRectF& view) {
    std::vector<const LabelShape*> out;
    const double limit = kMaxLabelCover * view.width() * view.height();
    double covered = 0;
    for (auto it = labels.rbegin(); it != labels.rend(); ++it) {
        if (!it->rect.intersects(view)) continue;
        const QRectF seen = it->rect.intersected(view);
        covered += seen.width() * seen.height();
        if (covered > limit) break;
        out.push_back(&*it);
    }
    return out;
}

} // namespace archlens
