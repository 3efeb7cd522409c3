#include "diagram_shapes.h"

#include "comparison_overlay.h"
#include "critique_overlay.h"
#include "diagram_geometry.h"

#include <QByteArrayView>
#include <QFontMetricsF>
#include <algorithm>

namespace archlens {

namespace {

bool isSelected(const QSet<QString>* selected, const std::string& id) {
    return selected && !selected->isEmpty() && selected->contains(QString::fromStdString(id));
}

/// ShapeOptions::lists for a note: the selected ones move while a drag is in progress.
bool listsNote(const ShapeOptions& o, const Note& n) {
    return o.dragPart == ShapeOptions::DragPart::All ||
           o.listsIf(!o.dragOffset.isNull() && isSelected(o.selected, n.id));
}

QFont pixelFont(int pixels, bool bold) {
    QFont f;
    f.setPixelSize(pixels);
    f.setBold(bold);
    return f;
}

/// A run of text in `rect`, elided on the right when it does not fit.
TextShape elidedText(const QRectF& rect, const QString& text, const QFont& font, QColor colour,
                     int flags) {
    return {rect, QFontMetricsF(font).elidedText(text, Qt::ElideRight, rect.width()), font, colour,
            flags};
}

/// `top` drawn over `bottom`, as one opaque colour.
QColor over(QColor top, QColor bottom) {
    const double a = top.alphaF();
    return QColor::fromRgbF(float(top.redF() * a + bottom.redF() * (1 - a)),
                            float(top.greenF() * a + bottom.greenF() * (1 - a)),
                            float(top.blueF() * a + bottom.blueF() * (1 - a)));
}

/// Replaces the areas' translucent fills by what they show over `background` and the areas
/// containing them (listed before them: outer first).
void makeAreasOpaque(std::vector<BoxShape>& areas, QColor background) {
    for (size_t i = 0; i < areas.size(); ++i) {
        QColor beneath = background;
        for (size_t j = 0; j < i; ++j)
            if (areas[j].rect.contains(areas[i].rect)) beneath = areas[j].fill;
        areas[i].fill = over(areas[i].fill, beneath);
    }
}

/// The export badge: a disc in the severity's colour, with the count in white, centred
/// just outside the card's top-right corner, clear of the instance count inside the card.
constexpr double kBadgeDiameter = 20;

QRectF badgeRect(const QRectF& box) {
    return QRectF(box.right() - kBadgeDiameter * 0.4, box.top() - kBadgeDiameter * 0.6,
                  kBadgeDiameter, kBadgeDiameter)
        .adjusted(-1, -1, 1, 1); // room for the white ring
}

LabelContent componentContent(const Document& doc, const Component& c, const KindInfo* kind,
                              const DiagramTheme& theme, QSizeF size, bool compact) {
    LabelContent out;
    const QRectF box(QPointF(), size);
    // The zone chips along the bottom; the name, kind and icon in the room above them.
    const std::vector<ZoneChip> chips =
        compact ? std::vector<ZoneChip>() : geometry::zoneChips(doc, c, box);
    const double textHeight = chips.empty() ? size.height() : geometry::zoneChipRow(box).top() - 1;
    for (const ZoneChip& chip : chips) {
        out.boxes.push_back(
            {chip.rect,
             chip.zone >= 0 ? geometry::zoneColour(chip.zone) : geometry::zoneOverflowColour(),
             QColor(), 0, 3});
        out.texts.push_back({chip.rect, chip.text, geometry::zoneChipFont(),
                             geometry::zoneChipText(), Qt::AlignCenter});
    }
    const int vcentre = Qt::AlignLeft | Qt::AlignVCenter;
    if (compact) {
        out.texts.push_back(elidedText(box.adjusted(14, 2, -8, -2), QString::fromStdString(c.name),
                                       pixelFont(24, true), theme.cardText, vcentre));
        return out;
    }
    const double iconSize = 30;
    const QRectF iconRect(box.left() + 12, box.top() + (textHeight - iconSize) / 2, iconSize,
                          iconSize);
    if (kind && !kind->icon.empty())
        out.icons.push_back({iconRect, QStringLiteral(":/") + QString::fromStdString(kind->icon)});

    const double textLeft = geometry::kNameLeft;
    const int instances = geometry::drawnInstances(c);
    if (instances > 1) {
        const QFont font = pixelFont(10, true);
        const double w = geometry::instancePillWidth(instances);
        const QRectF pill(box.right() - w - 6, box.top() + 6, w, 15);
        out.boxes.push_back(
            {pill, theme.dark ? QColor(255, 255, 255, 28) : QColor(0, 0, 0, 16), QColor(), 0, 7});
        out.texts.push_back(
            {pill, QStringLiteral("×%1").arg(instances), font, theme.cardTextDim, Qt::AlignCenter});
    }
    // The name on as many lines as the box is high enough for (two in a box that grew for
    // a long name), the kind below it, the block centred vertically.
    const double room = geometry::nameRoom(size.width(), instances);
    constexpr double kLine = 17, kKind = 16, kGap = 3;
    const QStringList lines = geometry::nameLines(
        QString::fromStdString(c.name), room,
        size.height() - (chips.empty() ? 0 : geometry::kZoneChipRow) >= geometry::kTwoLineHeight - 4
            ? 2
            : 1);
    const double block = kLine * double(lines.size()) + kGap + kKind;
    double y = box.top() + std::max(2.0, (textHeight - block) / 2);
    for (const QString& line : lines) {
        out.texts.push_back({QRectF(textLeft, y, room, kLine), line, geometry::componentNameFont(),
                             theme.cardText, vcentre});
        y += kLine;
    }
    const QString kindText =
        kind ? QString::fromStdString(kind->label) : QString::fromStdString(c.kind);
    out.texts.push_back(elidedText(QRectF(textLeft, y + kGap, box.right() - 8 - textLeft, kKind),
                                   kindText, pixelFont(11, false), theme.cardTextDim, vcentre));
    return out;
}

/// Stroke widths and sizes that look the same at every zoom, in screen pixels.
constexpr double kLineWidth = 1.3;        ///< sync and async connections
constexpr double kReplicationWidth = 1.5; ///< dotted: a little heavier, or the dots vanish
constexpr double kHeadLength = 9;
constexpr double kSelectionWidth = 2.5;
constexpr double kEndHandle = 4.5;

void addContent(DiagramShapes& s, const Document& doc, const Catalogue& catalogue,
                const DiagramTheme& t, const ShapeOptions& o, const std::vector<QRectF>& boxes) {
    const double px = o.pixel;
    const bool far = px >= kFarPixel;
    const bool shapes = o.parts & ShapeOptions::Content;
    const bool labels = o.labels && (o.parts & ShapeOptions::Labels);
    const auto inView = [&](const QRectF& r) {
        return o.visible.isNull() || o.visible.intersects(r);
    };

    // Regions, then zones: only the frames that are true (zone_geometry.h), none nested
    // in another of its kind, so no fill washes over another zone's frame.
    // The given frames belong to the given boxes: used only when those are the boxes drawn.
    const bool givenAreas = o.zones && o.regions && o.boxes == &boxes;
    std::vector<ZoneArea> ownZones;
    std::vector<RegionArea> ownRegions;
    if (!givenAreas) {
        ownZones = geometry::zoneAreas(doc, boxes);
        ownRegions = geometry::regionAreas(doc, boxes, ownZones);
    }
    const auto& zones = givenAreas ? *o.zones : ownZones;
    const auto& regions = givenAreas ? *o.regions : ownRegions;
    auto area = [&](const QRectF& r, QColor fill, QColor border, const QString& label) {
        if (!inView(r)) return;
        if (shapes) s.areas.boxes.push_back({r, fill, border, px, 0});
        if (labels)
            s.areaLabels.push_back({QRectF(r.left(), r.top(), r.width(), geometry::kZoneLabel),
                                    LabelShape::Area, -1, o.compactLabels, label, 0, 0});
    };
    for (const auto& g : regions)
        area(g.rect, t.regionFill, t.regionBorder, QString::fromStdString(g.region));
    for (const ZoneArea& z : zones)
        area(z.rect, t.zoneFill, t.zoneBorder, z.label);
    if (o.areaBackground.isValid()) makeAreasOpaque(s.areas.boxes, o.areaBackground);
    if (!shapes && !labels) return;

    // Connections: the line in its mode's style, and an arrowhead at the callee.
    std::vector<std::optional<ConnectionCurve>> ownCurves;
    const bool given = o.curves && o.givenDrawn() && o.curves->size() == doc.connections.size();
    if (shapes && !given) ownCurves = geometry::connectionCurves(doc, boxes);
    const auto& curves = given ? *o.curves : ownCurves;
    const double head = kHeadLength * px;
    if (shapes) s.connections.lines.reserve(doc.connections.size());
    if (shapes && !far) s.arrowHeads.triangles.reserve(doc.connections.size());
    for (size_t i = 0; i < curves.size(); ++i) {
        const Connection& c = doc.connections[i];
        if (!curves[i] || !o.lists(o.movingConnections, i)) continue;
        const ConnectionCurve& curve = *curves[i];
        if (!o.visible.isNull()) {
            QRectF hull;
            for (const QPointF& q : curve.points)
                hull |= QRectF(q, QSizeF(0.01, 0.01));
            if (!inView(hull.adjusted(-head, -head, head, head))) continue;
        }
        LineShape line;
        line.points.append(curve.points.data(), 4);
        line.cubic = true;
        switch (c.mode) {
        case ConnectionMode::Sync:
            line.colour = t.connection;
            line.width = kLineWidth * px;
            break;
        case ConnectionMode::Async:
            line.colour = t.connectionAsync;
            line.width = kLineWidth * px;
            line.dash = 7 * px;
            line.gap = 5 * px;
            break;
        case ConnectionMode::Replication:
            line.colour = t.connectionReplication;
            line.width = kReplicationWidth * px;
            line.dash = 2 * px;
            line.gap = 4 * px;
            break;
        }
        if (!far) {
            const QPointF tip = curve.points[3], d = curve.endDirection(), n(-d.y(), d.x());
            s.arrowHeads.triangles.push_back(
                {{tip, tip - d * head + n * head * 0.45, tip - d * head - n * head * 0.45},
                 line.colour});
        }
        s.connections.lines.push_back(std::move(line));
    }

    // Connection labels: a pill on the middle of the curve, in the card label layer so
    // the GPU paints and caches them as it does names. Too small to read far out.
    if (labels && !o.compactLabels && !far) {
        const bool anyLabel = std::any_of(doc.connections.begin(), doc.connections.end(),
                                          [](const Connection& c) { return c.props.contains("label"); });
        // By reference where the curves are at hand: a drag lists its labels every frame.
        std::vector<std::optional<ConnectionCurve>> ownLabelCurves;
        if (anyLabel && !shapes && !given) ownLabelCurves = geometry::connectionCurves(doc, boxes);
        const auto& labelCurves = anyLabel && (shapes || given) ? curves : ownLabelCurves;
        for (size_t i = 0; i < labelCurves.size(); ++i) {
            if (!o.lists(o.movingConnections, i)) continue;
            const QString text = geometry::connectionLabel(doc.connections[i]);
            if (text.isEmpty() || !labelCurves[i]) continue;
            const QRectF r = geometry::connectionLabelRect(*labelCurves[i], text);
            if (inView(r))
                s.labels.push_back({r, LabelShape::ConnectionLabel, int(i), false, {}, 0, 0});
        }
    }

    // Cards: a body with a stripe in its category's colour on the left, under the border;
    // notes as yellow cards. Far out, a solid block in the category's colour.
    if (shapes) s.cards.boxes.reserve(2 * doc.components.size() + doc.notes.size());
    for (size_t i = 0; i < doc.components.size(); ++i) {
        const QRectF& r = boxes[i];
        if (!inView(r) || !o.lists(o.movingComponents, i)) continue;
        if (labels)
            s.labels.push_back({r, LabelShape::Component, int(i), o.compactLabels, {}, 0, 0});
        if (!shapes) continue;
        const KindInfo* kind = catalogue.kind(doc.components[i].kind);
        const QColor category = t.category(kind ? kind->category : std::string());
        if (far) {
            s.cards.boxes.push_back({r, category, QColor(), 0, 0});
        } else {
            s.cards.boxes.push_back({r, t.cardFill, t.cardBorder, px, 0});
            s.cards.boxes.push_back(
                {QRectF(r.left(), r.top(), 4, r.height()), category, QColor(), 0, 0});
        }
    }
    for (size_t i = 0; i < doc.notes.size(); ++i) {
        if (!listsNote(o, doc.notes[i])) continue;
        QRectF r = geometry::noteRect(doc.notes[i]);
        if (isSelected(o.selected, doc.notes[i].id)) r.translate(o.dragOffset);
        if (!inView(r)) continue;
        if (shapes) s.cards.boxes.push_back({r, t.noteFill, t.noteBorder, px, 0});
        if (labels) s.labels.push_back({r, LabelShape::Note, int(i), false, {}, 0, 0});
    }
}

void addSelection(DiagramShapes& s, const Document& doc, const DiagramTheme& t,
                  const ShapeOptions& o, const std::vector<QRectF>& boxes) {
    if (!o.selected || o.selected->isEmpty()) return;
    const double w = kSelectionWidth * o.pixel;
    // A ring just outside the box, so the card's own border stays visible inside it.
    auto ring = [&](const QRectF& r) {
        s.selection.boxes.push_back(
            {r.adjusted(-w / 2, -w / 2, w / 2, w / 2), QColor(), t.accent, w, 0});
    };
    for (size_t i = 0; i < doc.components.size(); ++i)
        if (isSelected(o.selected, doc.components[i].id)) ring(boxes[i]);
    for (const auto& n : doc.notes)
        if (isSelected(o.selected, n.id)) ring(geometry::noteRect(n).translated(o.dragOffset));
    // A selected zone: a ring around each of its chips, and a dashed frame around each box
    // placed in it (the frames alone would miss the boxes it shares with other zones).
    std::vector<char> zoneSelected(doc.zones.size(), 0);
    bool anyZone = false;
    for (size_t z = 0; z < doc.zones.size(); ++z)
        anyZone = (zoneSelected[z] = isSelected(o.selected, doc.zones[z].id)) || anyZone;
    for (size_t i = 0; anyZone && i < doc.components.size() && i < boxes.size(); ++i) {
        const std::vector<int> rows = geometry::zoneRows(doc, doc.components[i]);
        if (std::none_of(rows.begin(), rows.end(), [&](int z) { return zoneSelected[size_t(z)]; }))
            continue;
        const auto chips = geometry::zoneChips(doc, doc.components[i], boxes[i]);
        for (const ZoneChip& chip : chips) {
            // "+N" stands for the rows no chip shows.
            const bool hiddenSelected =
                chip.zone < 0 && std::any_of(rows.begin(), rows.end(), [&](int z) {
                    return zoneSelected[size_t(z)] &&
                           std::none_of(chips.begin(), chips.end(),
                                        [&](const ZoneChip& shown) { return shown.zone == z; });
                });
            if (hiddenSelected || (chip.zone >= 0 && zoneSelected[size_t(chip.zone)]))
                ring(chip.rect);
        }
        const QRectF r = boxes[i].adjusted(-3 * w, -3 * w, 3 * w, 3 * w);
        LineShape frame;
        frame.points = {r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft(), r.topLeft()};
        frame.colour = t.accent;
        frame.width = w * 0.6;
        frame.dash = 6 * o.pixel;
        frame.gap = 4 * o.pixel;
        s.selection.lines.push_back(std::move(frame));
    }
    // The curves only when a connection is selected: this list is rebuilt at every zoom step.
    const bool anyConnection =
        std::any_of(doc.connections.begin(), doc.connections.end(),
                    [&](const Connection& c) { return isSelected(o.selected, c.id); });
    const bool given = o.curves && o.givenDrawn() && o.curves->size() == doc.connections.size();
    // By reference when given: a drag lists the selection at every frame.
    std::vector<std::optional<ConnectionCurve>> ownCurves;
    if (anyConnection && !given) ownCurves = geometry::connectionCurves(doc, boxes);
    const auto& curves = anyConnection && given ? *o.curves : ownCurves;
    for (size_t i = 0; i < curves.size(); ++i) {
        const Connection& c = doc.connections[i];
        if (!isSelected(o.selected, c.id) || !curves[i]) continue;
        const ConnectionCurve& curve = *curves[i];
        LineShape line;
        line.points.append(curve.points.data(), 4);
        line.cubic = true;
        line.colour = t.accent;
        line.width = w;
        s.selection.lines.push_back(std::move(line));
        // Handles at both ends, for re-targeting.
        s.selection.discs.push_back({curve.points[0], kEndHandle * o.pixel, t.accent});
        s.selection.discs.push_back({curve.points[3], kEndHandle * o.pixel, t.accent});
    }
}

} // namespace

std::vector<QRectF> componentBoxes(const Document& doc, const QSet<QString>* selected,
                                   QPointF dragOffset) {
    std::vector<QRectF> boxes;
    boxes.reserve(doc.components.size());
    const bool dragging = !dragOffset.isNull();
    for (const auto& c : doc.components) {
        QRectF r = geometry::componentRect(c);
        if (dragging && isSelected(selected, c.id)) r.translate(dragOffset);
        boxes.push_back(r);
    }
    return boxes;
}

DiagramShapes diagramShapes(const Document& doc, const Catalogue& catalogue,
                            const DiagramTheme& theme, const ShapeOptions& o) {
    DiagramShapes s;
    // The selection alone needs no boxes when nothing is selected: it is rebuilt at every
    // zoom step, and sizing ten thousand boxes for nothing costs milliseconds.
    if (o.parts == ShapeOptions::Selection && (!o.selected || o.selected->isEmpty())) return s;
    std::vector<QRectF> ownBoxes;
    const bool given = o.boxes && o.givenDrawn() && o.boxes->size() == doc.components.size();
    if (!given) ownBoxes = componentBoxes(doc, o.selected, o.dragOffset);
    const std::vector<QRectF>& boxes = given ? *o.boxes : ownBoxes;
    if (o.parts & (ShapeOptions::Content | ShapeOptions::Labels))
        addContent(s, doc, catalogue, theme, o, boxes);
    if (o.parts & ShapeOptions::Selection) addSelection(s, doc, theme, o, boxes);
    if ((o.parts & ShapeOptions::Critique) && o.critique) {
        s.critique = critiqueShapes(*o.critique, doc, boxes, theme.background, &o);
        // The comparison stays where the drag began (its marks are of another design).
        if (o.critique->comparison && o.dragPart != ShapeOptions::DragPart::Moving) {
            // In the critique's layer: a batched layer draws fills, then outlines, then
            // lines, so the comparison's frames sit with the critique's.
            ShapeLayer c = comparisonShapes(*o.critique->comparison, doc, boxes, theme);
            auto append = [](auto& to, auto& from) {
                to.insert(to.end(), from.begin(), from.end());
            };
            append(s.critique.boxes, c.boxes);
            append(s.critique.lines, c.lines);
            append(s.critique.triangles, c.triangles);
            append(s.critique.discs, c.discs);
        }
    }
    if ((o.parts & ShapeOptions::Badges) && o.badges) {
        for (size_t i = 0; i < doc.components.size(); ++i) {
            const auto badge = o.badges->constFind(QString::fromStdString(doc.components[i].id));
            if (badge == o.badges->cend() || badge->count <= 0) continue;
            const QRectF r = badgeRect(boxes[i]);
            if (!o.visible.isNull() && !o.visible.intersects(r)) continue;
            s.badges.push_back(
                {r, LabelShape::Badge, int(i), false, {}, badge->severity, badge->count});
        }
    }
    return s;
}

LabelContent labelContent(const LabelShape& label, const Document& doc, const Catalogue& catalogue,
                          const DiagramTheme& theme) {
    const QSizeF size = label.rect.size();
    switch (label.kind) {
    case LabelShape::Component: {
        if (label.row < 0 || size_t(label.row) >= doc.components.size()) return {};
        const Component& c = doc.components[size_t(label.row)];
        return componentContent(doc, c, catalogue.kind(c.kind), theme, size, label.compact);
    }
    case LabelShape::Note: {
        if (label.row < 0 || size_t(label.row) >= doc.notes.size()) return {};
        LabelContent out;
        out.texts.push_back({QRectF(QPointF(), size).adjusted(8, 6, -8, -6),
                             QString::fromStdString(doc.notes[size_t(label.row)].text),
                             pixelFont(12, false), theme.noteText,
                             Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap});
        return out;
    }
    case LabelShape::Area: {
        LabelContent out;
        out.texts.push_back(elidedText(QRectF(QPointF(), size).adjusted(8, 0, -8, 0), label.text,
                                       pixelFont(label.compact ? 19 : 12, true), theme.zoneText,
                                       Qt::AlignLeft | Qt::AlignVCenter));
        return out;
    }
    case LabelShape::ConnectionLabel: {
        if (label.row < 0 || size_t(label.row) >= doc.connections.size()) return {};
        const Connection& c = doc.connections[size_t(label.row)];
        const QRectF pill = QRectF(QPointF(), size).adjusted(0.5, 0.5, -0.5, -0.5);
        LabelContent out;
        out.boxes.push_back({pill, theme.background, theme.connection, 1, pill.height() / 2});
        out.texts.push_back(elidedText(pill.adjusted(7, 0, -7, 0), geometry::connectionLabel(c),
                                       geometry::connectionLabelFont(), theme.cardText,
                                       Qt::AlignCenter));
        return out;
    }
    case LabelShape::Badge: {
        // The theme's severity colour; the count in white, so the badge reads in print and
        // on both themes.
        const QColor colour = theme.status.severity(Severity(std::clamp(label.severity, 0, 2)));
        const QRectF disc(1, 1, kBadgeDiameter, kBadgeDiameter);
        LabelContent out;
        out.boxes.push_back({disc, colour, Qt::white, 1.5, kBadgeDiameter / 2});
        out.texts.push_back(
            {disc, QString::number(label.count), pixelFont(11, true), Qt::white, Qt::AlignCenter});
        return out;
    }
    }
    return {};
}

QString labelKey(const LabelShape& label, const Document& doc, const DiagramTheme& theme) {
    const QString mode = (theme.dark ? QStringLiteral("d") : QStringLiteral("l")) +
                         (label.compact ? QStringLiteral("c") : QStringLiteral("f"));
    switch (label.kind) {
    case LabelShape::Component: {
        if (label.row < 0 || size_t(label.row) >= doc.components.size()) return {};
        const Component& c = doc.components[size_t(label.row)];
        QString zones; // the chips: which zones, and the colours their rows give them
        for (int z : geometry::zoneRows(doc, c))
            zones += QString::fromStdString(doc.zones[size_t(z)].id) + QChar('@') +
                     QString::number(z) + QChar(2);
        return QString::fromStdString(c.name) + QChar(1) + QString::fromStdString(c.kind) +
               QChar(1) + QString::number(geometry::drawnInstances(c)) + QChar(1) +
               QString::number(label.rect.width()) + QChar('x') +
               QString::number(label.rect.height()) + QChar(1) + zones + mode;
    }
    case LabelShape::Note:
        if (label.row < 0 || size_t(label.row) >= doc.notes.size()) return {};
        return QString::fromStdString(doc.notes[size_t(label.row)].text) + mode;
    case LabelShape::Area:
        return label.text + mode; // the width is part of labelId()
    case LabelShape::ConnectionLabel:
        if (label.row < 0 || size_t(label.row) >= doc.connections.size()) return {};
        return geometry::connectionLabel(doc.connections[size_t(label.row)]) + mode;
    case LabelShape::Badge:
        return QString::number(label.severity) + QChar(1) + QString::number(label.count) + mode;
    }
    return {};
}

QString labelId(const LabelShape& label, const Document& doc) {
    switch (label.kind) {
    case LabelShape::Component:
        if (label.row >= 0 && size_t(label.row) < doc.components.size())
            return QString::fromStdString(doc.components[size_t(label.row)].id);
        break;
    case LabelShape::Note:
        if (label.row >= 0 && size_t(label.row) < doc.notes.size())
            return QString::fromStdString(doc.notes[size_t(label.row)].id);
        break;
    case LabelShape::Area:
        // Not the position: a strip that moves with a drag keeps its picture.
        return QStringLiteral("area:") + label.text + QString::number(label.rect.width());
    case LabelShape::ConnectionLabel:
        if (label.row >= 0 && size_t(label.row) < doc.connections.size())
            return QStringLiteral("label:") +
                   QString::fromStdString(doc.connections[size_t(label.row)].id);
        break;
    case LabelShape::Badge:
        if (label.row >= 0 && size_t(label.row) < doc.components.size())
            return QStringLiteral("badge:") +
                   QString::fromStdString(doc.components[size_t(label.row)].id);
        break;
    }
    return {};
}

} // namespace archlens
