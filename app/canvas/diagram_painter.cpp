#include "diagram_painter.h"

#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace archlens {

namespace {

bool hasFill(const BoxShape& b) {
    return b.fill.isValid() && b.fill.alpha() > 0;
}

QPainterPath linePath(const LineShape& line) {
    QPainterPath path(line.points.front());
    if (line.cubic) {
        for (qsizetype i = 1; i + 2 < line.points.size(); i += 3)
            path.cubicTo(line.points[i], line.points[i + 1], line.points[i + 2]);
    } else {
        for (qsizetype i = 1; i < line.points.size(); ++i)
            path.lineTo(line.points[i]);
    }
    return path;
}

} // namespace

void paintShapeLayer(QPainter& p, const ShapeLayer& layer) {
    if (layer.empty()) return;
    // No line thinner than a device pixel: sized for a level of detail a little above the
    // zoom, a hairline would fade to a grey shadow where the GPU draws it one pixel wide.
    const double devicePixel = 1 / std::sqrt(std::abs(p.worldTransform().determinant()));
    const auto strokeWidth = [&](double w) { return std::max(w, devicePixel); };
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    for (const BoxShape& b : layer.boxes)
        if (hasFill(b)) p.fillRect(b.rect, b.fill);
    p.setBrush(Qt::NoBrush);
    for (const BoxShape& b : layer.boxes) {
        if (b.strokeWidth <= 0) continue;
        p.setPen(QPen(b.stroke, strokeWidth(b.strokeWidth), Qt::SolidLine, Qt::SquareCap,
                      Qt::MiterJoin));
        p.drawRect(b.rect);
    }
    for (const LineShape& line : layer.lines) {
        if (line.points.size() < 2) continue;
        const double width = strokeWidth(line.width);
        QPen pen(line.colour, width, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
        // QPen measures dashes in line widths; the shapes give them in document units.
        if (line.gap > 0) pen.setDashPattern({line.dash / width, line.gap / width});
        p.setPen(pen);
        p.drawPath(linePath(line));
    }
    p.setPen(Qt::NoPen);
    for (const TriangleShape& t : layer.triangles) {
        p.setBrush(t.fill);
        p.drawPolygon(t.points.data(), 3);
    }
    for (const DiscShape& d : layer.discs) {
        p.setBrush(d.fill);
        p.drawEllipse(d.centre, d.radius, d.radius);
    }
    p.restore();
}

DiagramPainter::DiagramPainter(const Document& doc, const Catalogue& catalogue,
                               const DiagramTheme& theme)
    : doc_(doc), catalogue_(catalogue), theme_(theme) {}

void DiagramPainter::paint(QPainter& p, const PaintOptions& o) {
    ShapeOptions options;
    options.pixel = o.pixel;
    options.visible = o.visible;
    options.selected = o.selected;
    options.dragOffset = o.dragOffset;
    options.labels = o.labels;
    options.compactLabels = o.compact;
    options.badges = o.badges;
    paint(p, diagramShapes(doc_, catalogue_, theme_, options));
}

void DiagramPainter::paint(QPainter& p, const DiagramShapes& s) {
    paintShapeLayer(p, s.areas);
    paintLabels(p, s.areaLabels);
    paintShapeLayer(p, s.connections);
    paintShapeLayer(p, s.arrowHeads);
    paintShapeLayer(p, s.cards);
    paintLabels(p, s.labels);
    paintShapeLayer(p, s.selection);
    paintShapeLayer(p, s.critique);
    paintLabels(p, s.badges);
}

void DiagramPainter::paintLabels(QPainter& p, const std::vector<LabelShape>& labels) {
    for (const LabelShape& label : labels)
        labels_.paint(p, labelContent(label, doc_, catalogue_, theme_), label.rect.topLeft());
}

} // namespace archlens
