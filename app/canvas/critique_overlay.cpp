#include "critique_overlay.h"

#include "diagram_geometry.h"
#include "status_palette.h"

#include <algorithm>

namespace archlens {

namespace {

QColor withAlpha(QColor c, double alpha) {
    c.setAlphaF(float(alpha));
    return c;
}

} // namespace

QColor severityColour(Severity severity) {
    return StatusPalette::light().severity(severity);
}

QColor utilisationColour(double u) {
    return StatusPalette::light().utilisation(u);
}

QColor routeColour() {
    return QColor(0x2f, 0x6f, 0xde);
}

void CritiqueOverlay::showFlow(const Report* report, const Document& doc, const QString& flow,
                               bool route) {
    const FlowResult* f = report && !flow.isEmpty() ? report->flow(flow.toStdString()) : nullptr;
    if (!f) return;
    flowShown = true;
    routing = route;
    for (const auto& c : f->syncComponents)
        flowComponents.insert(QString::fromStdString(c));
    for (const auto& c : f->asyncComponents)
        flowComponents.insert(QString::fromStdString(c));
    for (const auto& c : f->syncConnections)
        flowConnections.insert(QString::fromStdString(c));
    for (const auto& c : f->tailConnections)
        flowTail.insert(QString::fromStdString(c));
    if (!route) return;
    for (const Connection& c : doc.connections) {
        const QString id = QString::fromStdString(c.id);
        if (c.mode == ConnectionMode::Replication || onRoute(id)) continue;
        if (flowComponents.contains(QString::fromStdString(c.from))) routeCandidates.insert(id);
    }
}

CritiqueOverlay CritiqueOverlay::build(const Report* report, const QStringList& failed,
                                       bool showLoad, const QStringList& highlight) {
    CritiqueOverlay o;
    o.failed = QSet<QString>(failed.begin(), failed.end());
    if (!report) {
        o.highlight = QSet<QString>(highlight.begin(), highlight.end());
        return o;
    }
    for (const Finding& f : report->findings) {
        if (f.acknowledged) continue; // an accepted trade-off is not flagged on the canvas
        for (const std::string& s : f.subjects) {
            const QString id = QString::fromStdString(s);
            auto it = o.badges.find(id);
            if (it == o.badges.end())
                o.badges.insert(id, f.severity);
            else if (int(f.severity) > int(*it))
                *it = f.severity;
        }
    }
    if (showLoad)
        for (const ComponentResult& c : report->components)
            o.utilisation.insert(QString::fromStdString(c.id), c.utilisation);
    if (!failed.isEmpty()) {
        for (const FlowResult& f : report->flows) {
            QSet<QString>& into = isBroken(f) ? o.broken : o.surviving;
            for (const std::string& c : f.syncConnections)
                into.insert(QString::fromStdString(c));
        }
        // A connection shared by a broken and a surviving flow is shown broken.
        o.surviving.subtract(o.broken);
    }
    for (const QString& id : highlight) {
        const FlowResult* flow = report->flow(id.toStdString());
        if (!flow) {
            o.highlight.insert(id);
            continue;
        }
        for (const std::string& c : flow->criticalPath)
            o.highlight.insert(QString::fromStdString(c));
        for (const HopContribution& h : flow->hops)
            if (!h.connection.empty()) o.highlight.insert(QString::fromStdString(h.connection));
    }
    return o;
}

ShapeLayer critiqueShapes(const CritiqueOverlay& o, const Document& doc,
                          const std::vector<QRectF>& boxes, QColor background,
                          const ShapeOptions* drawing) {
    ShapeLayer s;
    if (o.isEmpty() && o.broken.isEmpty() && o.surviving.isEmpty()) return s;
    const ShapeOptions everything; // no drag apart, nothing given
    const ShapeOptions& draw = drawing ? *drawing : everything;
    // The curves as the canvas draws them: the drawing's when it has them for these boxes
    // (a connection has one exactly when both its ends are drawn), else worked out once
    // a connection needs one.
    std::optional<std::vector<std::optional<ConnectionCurve>>> curves;
    const std::vector<std::optional<ConnectionCurve>>* given =
        draw.curves && draw.boxes == &boxes && draw.givenDrawn() &&
                draw.curves->size() == doc.connections.size()
            ? draw.curves
            : nullptr;
    QHash<QString, QRectF> boxOf;
    if (!given) {
        boxOf.reserve(int(doc.components.size()));
        for (size_t i = 0; i < doc.components.size() && i < boxes.size(); ++i)
            boxOf.insert(QString::fromStdString(doc.components[i].id), boxes[i]);
    }

    const StatusPalette& palette = StatusPalette::light();
    const QColor glow = palette.glow;
    const QColor red = palette.error;
    const QColor green = palette.ok;
    auto fill = [&](const QRectF& r, QColor colour) { s.boxes.push_back({r, colour, QColor(), 0, 0}); };
    // A badge sits on a disc of the background, a ring that sets it off what it overlaps.
    // Once the ring is under half a screen pixel nobody sees it, and zoomed out on a large
    // design it would double the critique's vertices: then the badge alone.
    const double pixel = drawing ? drawing->pixel : 1;
    auto badgeDiscs = [&](std::vector<DiscShape>& out, QPointF centre, double ring, double radius,
                          QColor colour) {
        if (ring - radius >= 0.5 * pixel) out.push_back({centre, ring, background});
        out.push_back({centre, radius, colour});
    };
    // A frame of width w just outside the rectangle.
    auto frame = [&](const QRectF& r, double w, QColor colour) {
        s.boxes.push_back({r.adjusted(-w / 2, -w / 2, w / 2, w / 2), QColor(), colour, w, 0});
    };
    auto path = [&](const std::vector<QPointF>& points, double w, QColor colour, double dash = 0,
                    double gap = 0) {
        LineShape line;
        line.points.append(points.data(), qsizetype(points.size()));
        line.colour = colour;
        line.width = w;
        line.dash = dash;
        line.gap = gap;
        s.lines.push_back(std::move(line));
    };

    // Connections: the path of the finding, then flows broken or surviving the failures.
    std::vector<DiscShape> connectionBadges, routeHandles;
    const QColor route = routeColour();
    for (size_t i = 0; i < doc.connections.size(); ++i) {
        if (!draw.lists(draw.movingConnections, i)) continue;
        if (given && !(*given)[i]) continue;
        const Connection& c = doc.connections[i];
        const QString id = QString::fromStdString(c.id);
        if (!given && (!boxOf.contains(QString::fromStdString(c.from)) ||
                       !boxOf.contains(QString::fromStdString(c.to))))
            continue;
        const bool lit = o.highlight.contains(id);
        const bool broken = o.broken.contains(id);
        const bool surviving = o.surviving.contains(id);
        const auto badge = o.badges.constFind(id);
        const bool onRoute = o.flowConnections.contains(id), onTail = o.flowTail.contains(id);
        const bool candidate = o.routeCandidates.contains(id);
        if (!lit && !broken && !surviving && badge == o.badges.cend() && !o.flowShown) continue;
        if (!given && !curves) curves = geometry::connectionCurves(doc, boxes);
        const auto& all = given ? *given : *curves;
        if (!all[i]) continue;
        const ConnectionCurve& curve = *all[i];
        if (o.flowShown) {
            // The route in the flow's colour, its asynchronous tail dashed; everything
            // else washed towards the background so the route stands out.
            const auto points = curve.sampled(24);
            if (onRoute || onTail) {
                path(points, 4, withAlpha(route, 0.75), onTail ? 10 : 0, onTail ? 6 : 0);
            } else {
                path(points, 4, withAlpha(background, candidate ? 0.35 : 0.7));
                if (candidate) path(points, 2, withAlpha(route, 0.45), 4, 4);
            }
            if (o.routing && (onRoute || onTail || candidate)) {
                // A handle at the middle: filled on the route, a ring off it.
                const QPointF mid = geometry::connectionMarker(curve, c);
                routeHandles.push_back({mid, 8, route});
                if (candidate) routeHandles.push_back({mid, 5.5, background});
            }
        }
        if (lit) path(curve.sampled(24), 12, withAlpha(glow, 0.45));
        if (broken) path(curve.sampled(24), 5, withAlpha(red, 0.8));
        if (surviving) path(curve.sampled(24), 5, withAlpha(green, 0.7));
        if (badge != o.badges.cend()) {
            const QPointF mid = geometry::connectionMarker(curve, c);
            badgeDiscs(connectionBadges, mid, 7.5, 6, severityColour(*badge));
        }
    }

    // Zones marked failed: the frames drawn for them red, with a faint red wash.
    std::vector<char> zoneFailed(doc.zones.size(), 0), zoneLit(doc.zones.size(), 0);
    bool anyZone = false;
    for (size_t z = 0; z < doc.zones.size(); ++z) {
        const QString id = QString::fromStdString(doc.zones[z].id);
        zoneFailed[z] = o.failed.contains(id);
        zoneLit[z] = o.highlight.contains(id);
        anyZone = anyZone || zoneFailed[z] || zoneLit[z];
    }
    if (anyZone && draw.dragPart != ShapeOptions::DragPart::Still)
        for (const ZoneArea& area : geometry::zoneAreas(doc, boxes)) {
            if (!zoneFailed[size_t(area.zone)]) continue;
            fill(area.rect, withAlpha(red, 0.10));
            frame(area.rect, 3, red);
        }

    for (size_t i = 0; i < doc.components.size() && i < boxes.size(); ++i) {
        if (!draw.lists(draw.movingComponents, i)) continue;
        const QString id = QString::fromStdString(doc.components[i].id);
        const QRectF box = boxes[i];
        if (o.flowShown) {
            if (o.flowComponents.contains(id))
                frame(box.adjusted(-2, -2, 2, 2), 3, withAlpha(route, 0.8));
            else
                fill(box, withAlpha(background, 0.6));
        }
        // The chips of failed zones are drawn failed, as failed components are (washed out,
        // framed and struck through in red); a zone looked at lights its chips and boxes.
        bool inLitZone = false;
        if (anyZone) {
            const Component& c = doc.components[i];
            const std::vector<ZoneChip> chips = geometry::zoneChips(doc, c, box);
            std::vector<int> hidden = geometry::zoneRows(doc, c);
            for (const ZoneChip& chip : chips)
                std::erase(hidden, chip.zone);
            for (int z : geometry::zoneRows(doc, c))
                inLitZone = inLitZone || zoneLit[size_t(z)];
            for (const ZoneChip& chip : chips) {
                bool down = false, lit = false;
                for (int z : chip.zone >= 0 ? std::vector<int>{chip.zone} : hidden) {
                    down = down || zoneFailed[size_t(z)];
                    lit = lit || zoneLit[size_t(z)];
                }
                if (lit) frame(chip.rect.adjusted(-2, -2, 2, 2), 3, withAlpha(glow, 0.8));
                if (!down) continue;
                fill(chip.rect, withAlpha(background, 0.55));
                frame(chip.rect, 1.5, red);
                path({chip.rect.bottomLeft() + QPointF(2, -2),
                      chip.rect.topRight() + QPointF(-2, 2)},
                     1.5, red);
            }
        }
        if (o.highlight.contains(id) || inLitZone)
            frame(box.adjusted(-3, -3, 3, 3), 5, withAlpha(glow, 0.6));
        const auto u = o.utilisation.constFind(id);
        if (u != o.utilisation.cend()) {
            const double shown = std::clamp(*u, 0.0, 1.0);
            // Under the zone chips (zone_geometry.h keeps them clear of it).
            const QRectF track(box.left() + 6, box.bottom() - 6, box.width() - 12, 4);
            fill(track, withAlpha(background, 0.9));
            fill(QRectF(track.topLeft(), QSizeF(track.width() * std::max(shown, 0.02), track.height())),
                 utilisationColour(*u));
            if (*u >= 1) frame(box, 3, red);
        }
        if (o.failed.contains(id)) {
            fill(box, withAlpha(background, 0.6));
            frame(box, 2.5, red);
            path({box.topLeft() + QPointF(10, 8), box.bottomRight() - QPointF(10, 8)}, 3, red);
            path({box.bottomLeft() + QPointF(10, -8), box.topRight() + QPointF(-10, 8)}, 3, red);
        }
        const auto badge = o.badges.constFind(id);
        if (badge != o.badges.cend()) {
            badgeDiscs(s.discs, box.topRight() + QPointF(-2, 2), 8.5, 7, severityColour(*badge));
        }
    }
    s.discs.insert(s.discs.begin(), connectionBadges.begin(), connectionBadges.end());
    s.discs.insert(s.discs.end(), routeHandles.begin(), routeHandles.end());
    return s;
}

} // namespace archlens
