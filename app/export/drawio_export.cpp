#include "drawio_export.h"

#include "diagram_geometry.h"
#include "diagram_theme.h"
#include "xml_text.h"

#include <QXmlStreamWriter>
#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace archlens {

namespace {

/// Every text of the design passes here on its way into the file: QXmlStreamWriter escapes
/// markup but lets through the control characters XML forbids.
QString q(const std::string& s) {
    return xmlSafe(QString::fromStdString(s));
}

/// The id of a design element's cell. Ids are any text: one that XML cannot hold as it is
/// would become ambiguous once filtered ("a\x01", "a\x02"), and the edges refer to cells by
/// id, so such an element is named by its place instead. "#" cannot follow the prefix
/// otherwise (that is always "-"), so the two forms never collide.
QString cellId(const char* prefix, const std::string& id, size_t index) {
    const QString text = QString::fromStdString(id);
    if (xmlSafe(text) == text) return QLatin1String(prefix) + QLatin1Char('-') + text;
    return QLatin1String(prefix) + QLatin1Char('#') + QString::number(index + 1);
}

/// A colour as draw.io reads it: opaque. The theme's zone and region fills are translucent
/// (so nested zones darken); draw.io would drop the alpha and paint them solid, so they are
/// blended over white here, which is how they look on the light canvas.
QString opaque(const QColor& c) {
    const double a = c.alphaF();
    const auto mix = [a](int v) { return int(std::lround(v * a + 255 * (1 - a))); };
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue())).name();
}

QString num(double v) {
    return QString::number(v, 'f', 1);
}

/// Where `point` lies on `box` as draw.io's fixed connection points give it: 0..1 across
/// and down ("exitX=1;exitY=0.25" is a quarter of the way down the right side).
QString anchor(const char* end, const QRectF& box, QPointF point) {
    const auto share = [](double v) {
        return QString::number(std::round(std::clamp(v, 0.0, 1.0) * 10000) / 10000, 'g', 6);
    };
    return QStringLiteral("%1X=%2;%1Y=%3;%1Dx=0;%1Dy=0;%1Perimeter=0;")
        .arg(QLatin1String(end), share((point.x() - box.left()) / box.width()),
             share((point.y() - box.top()) / box.height()));
}

void geometry(QXmlStreamWriter& xml, const QRectF& r) {
    xml.writeStartElement(QStringLiteral("mxGeometry"));
    xml.writeAttribute(QStringLiteral("x"), num(r.x()));
    xml.writeAttribute(QStringLiteral("y"), num(r.y()));
    xml.writeAttribute(QStringLiteral("width"), num(r.width()));
    xml.writeAttribute(QStringLiteral("height"), num(r.height()));
    xml.writeAttribute(QStringLiteral("as"), QStringLiteral("geometry"));
    xml.writeEndElement();
}

void vertex(QXmlStreamWriter& xml, const QString& id, const QString& value, const QString& style,
            const QRectF& r) {
    xml.writeStartElement(QStringLiteral("mxCell"));
    xml.writeAttribute(QStringLiteral("id"), id);
    xml.writeAttribute(QStringLiteral("value"), value);
    xml.writeAttribute(QStringLiteral("style"), style);
    xml.writeAttribute(QStringLiteral("vertex"), QStringLiteral("1"));
    xml.writeAttribute(QStringLiteral("parent"), QStringLiteral("1"));
    geometry(xml, r);
    xml.writeEndElement();
}

} // namespace

QByteArray toDrawio(const Document& doc, const Catalogue& catalogue) {
    const DiagramTheme theme = DiagramTheme::light();
    std::vector<QRectF> boxes;
    for (const auto& c : doc.components)
        boxes.push_back(geometry::componentRect(c));
    const auto zones = geometry::zoneAreas(doc, boxes);
    const auto regions = geometry::regionAreas(doc, boxes, zones);

    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("mxfile"));
    xml.writeAttribute(QStringLiteral("host"), QStringLiteral("ArchLens"));
    xml.writeStartElement(QStringLiteral("diagram"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("archlens"));
    xml.writeAttribute(QStringLiteral("name"), doc.title.empty() ? QStringLiteral("Design") : q(doc.title));
    xml.writeStartElement(QStringLiteral("mxGraphModel"));
    xml.writeAttribute(QStringLiteral("grid"), QStringLiteral("1"));
    xml.writeAttribute(QStringLiteral("gridSize"), QString::number(boxes::kGrid));
    xml.writeAttribute(QStringLiteral("arrows"), QStringLiteral("1"));
    xml.writeStartElement(QStringLiteral("root"));
    xml.writeStartElement(QStringLiteral("mxCell"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("0"));
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("mxCell"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("1"));
    xml.writeAttribute(QStringLiteral("parent"), QStringLiteral("0"));
    xml.writeEndElement();

    // Frames first, so draw.io stacks them behind the components.
    const QString frame = QStringLiteral(
        "rounded=0;whiteSpace=wrap;html=0;verticalAlign=top;align=left;spacingLeft=8;"
        "fillColor=%1;strokeColor=%2;fontColor=%3;");
    int regionNo = 0;
    for (const auto& g : regions)
        vertex(xml, QStringLiteral("region-%1").arg(++regionNo), q(g.region),
               frame.arg(opaque(theme.regionFill), opaque(theme.regionBorder), opaque(theme.zoneText)),
               g.rect);
    // A zone may have several frames (groups apart from each other): the second is "/2".
    std::unordered_map<int, int> framesOf;
    for (const auto& z : zones) {
        const int n = ++framesOf[z.zone];
        vertex(xml,
               cellId("zone", doc.zones[size_t(z.zone)].id, size_t(z.zone)) +
                   (n > 1 ? QStringLiteral("/%1").arg(n) : QString()),
               xmlSafe(z.label),
               frame.arg(opaque(theme.zoneFill), opaque(theme.zoneBorder), opaque(theme.zoneText)),
               z.rect);
    }

    // Each component, and on it a chip per zone it is placed in (as on the canvas), its
    // name and kind kept above the chips.
    for (size_t i = 0; i < doc.components.size(); ++i) {
        const Component& c = doc.components[i];
        const KindInfo* kind = catalogue.kind(c.kind);
        QString value = q(c.name.empty() ? c.id : c.name);
        if (kind) value += QLatin1Char('\n') + q(kind->label);
        const QColor stripe = theme.category(kind ? kind->category : std::string());
        const std::vector<ZoneChip> chips = geometry::zoneChips(doc, c, boxes[i]);
        const QString cell = cellId("component", c.id, i);
        vertex(xml, cell, value,
               QStringLiteral("rounded=0;whiteSpace=wrap;html=0;fillColor=%1;strokeColor=%2;"
                              "fontColor=%3;strokeWidth=1;shadow=0;")
                       .arg(opaque(theme.cardFill), opaque(stripe), opaque(theme.cardText)) +
                   (chips.empty()
                        ? QString()
                        : QStringLiteral("spacingBottom=%1;")
                              .arg(boxes[i].bottom() - geometry::zoneChipRow(boxes[i]).top())),
               boxes[i]);
        for (size_t k = 0; k < chips.size(); ++k) {
            const ZoneChip& chip = chips[k];
            const QColor fill =
                chip.zone >= 0 ? geometry::zoneColour(chip.zone) : geometry::zoneOverflowColour();
            vertex(xml, QStringLiteral("%1/chip-%2").arg(cell).arg(k + 1), xmlSafe(chip.text),
                   QStringLiteral("rounded=1;arcSize=20;whiteSpace=nowrap;html=0;fillColor=%1;"
                                  "strokeColor=none;fontColor=%2;fontSize=9;fontStyle=1;"
                                  "spacing=0;")
                       .arg(fill.name(), geometry::zoneChipText().name()),
                   chip.rect);
        }
    }
    for (size_t i = 0; i < doc.notes.size(); ++i) {
        const Note& n = doc.notes[i];
        vertex(xml, cellId("note", n.id, i), q(n.text),
               QStringLiteral("shape=note;whiteSpace=wrap;html=0;align=left;verticalAlign=top;"
                              "spacingLeft=6;fillColor=%1;strokeColor=%2;fontColor=%3;")
                   .arg(opaque(theme.noteFill), opaque(theme.noteBorder), opaque(theme.noteText)),
               geometry::noteRect(n));
    }

    std::unordered_map<std::string, QString> componentCell;
    std::unordered_map<std::string, size_t> componentRow;
    for (size_t i = 0; i < doc.components.size(); ++i) {
        componentCell.emplace(doc.components[i].id, cellId("component", doc.components[i].id, i));
        componentRow.emplace(doc.components[i].id, i);
    }
    // The ends as the canvas draws them: several arrows on one side of a box spread along
    // it, so draw.io gets each end's place rather than attaching all at the side's middle.
    const auto curves = geometry::connectionCurves(doc, boxes);
    for (size_t i = 0; i < doc.connections.size(); ++i) {
        const Connection& c = doc.connections[i];
        const auto from = componentCell.find(c.from), to = componentCell.find(c.to);
        if (from == componentCell.end() || to == componentCell.end()) continue;
        QString style = QStringLiteral("edgeStyle=orthogonalEdgeStyle;curved=1;html=0;endArrow=block;"
                                       "endFill=1;strokeColor=%1;");
        if (c.mode == ConnectionMode::Async)
            style = style.arg(opaque(theme.connectionAsync)) + QStringLiteral("dashed=1;");
        else if (c.mode == ConnectionMode::Replication)
            style = style.arg(opaque(theme.connectionReplication)) +
                    QStringLiteral("dashed=1;dashPattern=1 3;strokeWidth=2;");
        else
            style = style.arg(opaque(theme.connection));
        if (const auto& curve = curves[i])
            style += anchor("exit", boxes[componentRow.at(c.from)], curve->points[0]) +
                     anchor("entry", boxes[componentRow.at(c.to)], curve->points[3]);
        xml.writeStartElement(QStringLiteral("mxCell"));
        xml.writeAttribute(QStringLiteral("id"), cellId("connection", c.id, i));
        // The connection's label (protocol, what is sent) rides on the edge, as on the canvas.
        xml.writeAttribute(QStringLiteral("value"), geometry::connectionLabel(c));
        xml.writeAttribute(QStringLiteral("style"), style);
        xml.writeAttribute(QStringLiteral("edge"), QStringLiteral("1"));
        xml.writeAttribute(QStringLiteral("parent"), QStringLiteral("1"));
        xml.writeAttribute(QStringLiteral("source"), from->second);
        xml.writeAttribute(QStringLiteral("target"), to->second);
        xml.writeStartElement(QStringLiteral("mxGeometry"));
        xml.writeAttribute(QStringLiteral("relative"), QStringLiteral("1"));
        xml.writeAttribute(QStringLiteral("as"), QStringLiteral("geometry"));
        xml.writeEndElement();
        xml.writeEndElement();
    }
    xml.writeEndElement(); // root
    xml.writeEndElement(); // mxGraphModel
    xml.writeEndElement(); // diagram
    xml.writeEndElement(); // mxfile
    xml.writeEndDocument();
    return bytes;
}

} // namespace archlens
