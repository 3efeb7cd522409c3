#include "comparison_overlay.h"

#include "diagram_geometry.h"
#include "status_palette.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace archlens {

namespace {

QColor withAlpha(QColor c, double alpha) {
    c.setAlphaF(float(alpha));
    return c;
}

/// Where a line from the middle of `from` towards the middle of `to` leaves `to`'s box
/// on its way in: the ghost's arrow ends at the box, not inside it.
QPointF edgePoint(const QRectF& from, const QRectF& to) {
    const QPointF a = from.center(), b = to.center();
    const QPointF d = b - a;
    double t = 1;
    if (d.x() != 0) t = std::min(t, std::abs((to.width() / 2) / d.x()));
    if (d.y() != 0) t = std::min(t, std::abs((to.height() / 2) / d.y()));
    return b - d * t;
}

} // namespace

ComparisonOverlay ComparisonOverlay::build(const DesignDiff& diff, const Document& before) {
    ComparisonOverlay o;
    for (const auto& e : diff.added)
        if (e.type == ElementType::Component || e.type == ElementType::Connection)
            o.added.insert(QString::fromStdString(e.id));
    for (const auto& c : diff.changed)
        if (c.element.type == ElementType::Component || c.element.type == ElementType::Connection)
            o.changed.insert(QString::fromStdString(c.element.id));
    for (const auto& e : diff.removed) {
        if (e.type == ElementType::Component) {
            if (const Component* c = before.component(e.id))
                o.ghostBoxes.push_back(geometry::componentRect(*c));
        } else if (e.type == ElementType::Connection) {
            const Connection* c = before.connection(e.id);
            const Component* from = c ? before.component(c->from) : nullptr;
            const Component* to = c ? before.component(c->to) : nullptr;
            if (!from || !to) continue;
            const QRectF a = geometry::componentRect(*from), b = geometry::componentRect(*to);
            o.ghostLines.push_back({edgePoint(b, a), edgePoint(a, b)});
        }
    }
    return o;
}

ComparisonColours ComparisonColours::of(const DiagramTheme& theme) {
    const StatusPalette& p = theme.dark ? StatusPalette::dark() : StatusPalette::light();
    return {p.ok, p.warning, p.error};
}

ShapeLayer comparisonShapes(const ComparisonOverlay& o, const Document& doc,
                            const std::vector<QRectF>& boxes, const DiagramTheme& theme) {
    ShapeLayer s;
    if (o.isEmpty()) return s;
    const ComparisonColours colours = ComparisonColours::of(theme);
    // Ghosts first, under the marks of the current design where they overlap: a faint red
    // box with a red outline, and dashed red lines for the connections that went.
    for (const QRectF& r : o.ghostBoxes)
        s.boxes.push_back(
            {r, withAlpha(colours.removed, 0.14), withAlpha(colours.removed, 0.7), 2, 0});
    for (const QLineF& l : o.ghostLines) {
        LineShape line;
        line.points = {l.p1(), l.p2()};
        line.colour = withAlpha(colours.removed, 0.7);
        line.width = 2.5;
        line.dash = 8;
        line.gap = 5;
        s.lines.push_back(std::move(line));
    }
    // Boxes: a light wash over the card and a solid frame just outside it.
    constexpr double kFrame = 4;
    for (size_t i = 0; i < doc.components.size() && i < boxes.size(); ++i) {
        const QString id = QString::fromStdString(doc.components[i].id);
        const bool added = o.added.contains(id);
        if (!added && !o.changed.contains(id)) continue;
        const QColor c = added ? colours.added : colours.changed;
        s.boxes.push_back({boxes[i], withAlpha(c, 0.12), QColor(), 0, 0});
        s.boxes.push_back(
            {boxes[i].adjusted(-kFrame / 2 - 1, -kFrame / 2 - 1, kFrame / 2 + 1, kFrame / 2 + 1),
             QColor(), c, kFrame, 0});
    }
    // Connections: traced along their curve as the canvas draws it.
    std::optional<std::vector<std::optional<ConnectionCurve>>> curves;
    for (size_t i = 0; i < doc.connections.size(); ++i) {
        const QString id = QString::fromStdString(doc.connections[i].id);
        const bool added = o.added.contains(id);
        if (!added && !o.changed.contains(id)) continue;
        if (!curves) curves = geometry::connectionCurves(doc, boxes);
        if (i >= curves->size() || !(*curves)[i]) continue;
        LineShape line;
        const auto points = (*curves)[i]->sampled(24);
        line.points.append(points.data(), qsizetype(points.size()));
        line.colour = withAlpha(added ? colours.added : colours.changed, 0.85);
        line.width = 5;
        s.lines.push_back(std::move(line));
    }
    return s;
}

} // namespace archlens
