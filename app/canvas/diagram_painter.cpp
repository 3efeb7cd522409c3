#include "diagram_painter.h"

#include "diagram_geometry.h"

#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace archlens {

DiagramPainter::DiagramPainter(const Document& doc, const Catalogue& catalogue,
                               const DiagramTheme& theme)
    : doc_(doc), catalogue_(catalogue), theme_(theme) {}

QRectF DiagramPainter::boxOf(const Component& c, const PaintOptions& o) const {
    QRectF r = geometry::componentRect(c);
    if (o.selected && !o.dragOffset.isNull() && o.selected->contains(QString::fromStdString(c.id)))
        r.translate(o.dragOffset);
    return r;
}

void DiagramPainter::paint(QPainter& p, const PaintOptions& o) {
    const auto inView = [&](const QRectF& r) {
        return o.visible.isNull() || o.visible.intersects(r);
    };
    const auto selected = [&](const std::string& id) {
        return o.selected && o.selected->contains(QString::fromStdString(id));
    };
    std::vector<QRectF> boxes;
    boxes.reserve(doc_.components.size());
    std::unordered_map<std::string, size_t> row;
    for (size_t i = 0; i < doc_.components.size(); ++i) {
        boxes.push_back(boxOf(doc_.components[i], o));
        row.emplace(doc_.components[i].id, i);
    }
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    const double hair = o.pixel;

    // Regions and zones behind everything.
    const auto zones = geometry::zoneAreas(doc_, boxes);
    auto area = [&](const QRectF& r, QColor fill, QColor border, const QString& label) {
        if (!inView(r)) return;
        p.setPen(QPen(border, hair));
        p.setBrush(fill);
        p.drawRect(r);
        if (o.labels)
            labels_.paintZoneLabel(p, QRectF(r.left(), r.top(), r.width(), geometry::kZoneLabel),
                                   label, theme_, o.compact);
    };
    for (const auto& g : geometry::regionAreas(doc_, zones))
        area(g.rect, theme_.regionFill, theme_.regionBorder, QString::fromStdString(g.region));
    for (const auto& z : zones)
        area(z.rect, theme_.zoneFill, theme_.zoneBorder, z.label);

    // Connections.
    for (const auto& c : doc_.connections) {
        const auto a = row.find(c.from), b = row.find(c.to);
        if (a == row.end() || b == row.end() || a->second == b->second) continue;
        const ConnectionCurve curve = geometry::connectionCurve(boxes[a->second], boxes[b->second]);
        QRectF hull;
        for (const QPointF& q : curve.points)
            hull |= QRectF(q, QSizeF(0.01, 0.01));
        if (!inView(hull.adjusted(-10, -10, 10, 10))) continue;
        QColor colour = theme_.connection;
        QPen pen(colour, 1.3 * hair);
        if (c.mode == ConnectionMode::Async) {
            colour = theme_.connectionAsync;
            pen = QPen(colour, 1.3 * hair, Qt::DashLine);
        } else if (c.mode == ConnectionMode::Replication) {
            colour = theme_.connectionReplication;
            pen = QPen(colour, 1.5 * hair, Qt::DotLine);
        }
        if (selected(c.id)) pen = QPen(theme_.accent, 2.5 * hair);
        QPainterPath path(curve.points[0]);
        path.cubicTo(curve.points[1], curve.points[2], curve.points[3]);
        p.setBrush(Qt::NoBrush);
        p.setPen(pen);
        p.drawPath(path);
        const double head = 9 * hair;
        const QPointF tip = curve.points[3], d = curve.endDirection(), n(-d.y(), d.x());
        p.setPen(Qt::NoPen);
        p.setBrush(selected(c.id) ? theme_.accent : colour);
        p.drawPolygon(
            QPolygonF({tip, tip - d * head + n * head * 0.45, tip - d * head - n * head * 0.45}));
    }

    // Component cards.
    for (size_t i = 0; i < doc_.components.size(); ++i) {
        const QRectF& r = boxes[i];
        if (!inView(r)) continue;
        const Component& c = doc_.components[i];
        const KindInfo* kind = catalogue_.kind(c.kind);
        p.setPen(QPen(theme_.cardBorder, hair));
        p.setBrush(theme_.cardFill);
        p.drawRect(r);
        p.fillRect(QRectF(r.left(), r.top(), 4, r.height()),
                   theme_.category(kind ? kind->category : std::string()));
        if (o.labels) labels_.paintComponent(p, r, c, kind, theme_, o.compact);
        if (selected(c.id)) {
            p.setPen(QPen(theme_.accent, 2.5 * hair));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r.adjusted(-1.25 * hair, -1.25 * hair, 1.25 * hair, 1.25 * hair));
        }
        if (o.badges) {
            const auto badge = o.badges->constFind(QString::fromStdString(c.id));
            if (badge != o.badges->constEnd() && badge->count > 0) paintBadge(p, r, *badge);
        }
    }
    for (const auto& n : doc_.notes) {
        QRectF r = geometry::noteRect(n);
        if (selected(n.id)) r.translate(o.dragOffset);
        if (!inView(r)) continue;
        p.setPen(QPen(theme_.noteBorder, hair));
        p.setBrush(theme_.noteFill);
        p.drawRect(r);
        if (o.labels) labels_.paintNote(p, r, n, theme_);
        if (selected(n.id)) {
            p.setPen(QPen(theme_.accent, 2.5 * hair));
            p.setBrush(Qt::NoBrush);
            p.drawRect(r);
        }
    }
    p.restore();
}

void DiagramPainter::paintBadge(QPainter& p, const QRectF& box, const SeverityBadge& badge) {
    // The count in white, so the badge reads in print and on both themes.
    const QColor colour = theme_.status.severity(Severity(std::clamp(badge.severity, 0, 2)));
    const double d = 20;
    // Centred just outside the top-right corner, clear of the instance count inside the card.
    const QRectF circle(box.right() - d * 0.4, box.top() - d * 0.6, d, d);
    p.save();
    p.setPen(QPen(Qt::white, 1.5));
    p.setBrush(colour);
    p.drawEllipse(circle);
    QFont f = p.font();
    f.setPixelSize(11);
    f.setBold(true);
    p.setFont(f);
    p.setPen(Qt::white);
    p.drawText(circle, Qt::AlignCenter, QString::number(badge.count));
    p.restore();
}

} // namespace archlens
