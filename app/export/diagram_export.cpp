#include "diagram_export.h"

#include "diagram_geometry.h"
#include "diagram_theme.h"
#include "drawio_export.h"
#include "mermaid_export.h"
#include "xml_text.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSet>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace archlens {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

/// Room around the drawing for the badges (they overhang the cards) and for breathing.
constexpr double kMargin = 24;

} // namespace

Document selectDiagram(const Document& doc, const QStringList& ids, QStringList* unknown) {
    if (ids.isEmpty()) return doc;
    QSet<QString> wanted(ids.begin(), ids.end());
    // A zone stands for the components placed in it.
    for (const auto& z : doc.zones) {
        if (!wanted.contains(q(z.id))) continue;
        for (const auto& c : doc.components) {
            const auto zones = geometry::componentZones(c);
            if (std::find(zones.begin(), zones.end(), z.id) != zones.end()) wanted.insert(q(c.id));
        }
    }
    if (unknown) {
        for (const QString& id : ids)
            if (!doc.idInUse(id.toStdString())) unknown->append(id);
    }
    Document out;
    out.title = doc.title;
    out.requirements = doc.requirements;
    out.hasRequirements = doc.hasRequirements;
    out.zones = doc.zones; // drawn only around the components kept
    for (const auto& c : doc.components)
        if (wanted.contains(q(c.id))) out.components.push_back(c);
    std::unordered_set<std::string> kept;
    for (const auto& c : out.components)
        kept.insert(c.id);
    for (const auto& c : doc.connections)
        if (kept.count(c.from) && kept.count(c.to)) out.connections.push_back(c);
    for (const auto& n : doc.notes)
        if (wanted.contains(q(n.id))) out.notes.push_back(n);
    for (const auto& f : doc.flows)
        if (kept.count(f.entry)) out.flows.push_back(f);
    return out;
}

QHash<QString, SeverityBadge> severityBadges(const Document& doc, const Report& report) {
    QHash<QString, SeverityBadge> out;
    // By id: a large design's findings name tens of thousands of subjects.
    std::unordered_set<std::string_view> components;
    for (const auto& c : doc.components)
        components.insert(c.id);
    std::unordered_map<std::string_view, const Connection*> connections;
    for (const auto& c : doc.connections)
        connections.try_emplace(c.id, &c);
    for (const auto& f : report.findings) {
        if (f.acknowledged) continue; // accepted trade-offs carry no badge
        // A finding about a connection is shown on the component it calls (the write that
        // is not idempotent, the call without a timeout lands there); one badge count per
        // finding and component, however many of its subjects lead there.
        QSet<QString> shownOn;
        for (const auto& s : f.subjects) {
            if (components.count(s))
                shownOn.insert(q(s));
            else if (const auto c = connections.find(s); c != connections.end())
                shownOn.insert(q(c->second->to));
        }
        for (const QString& id : shownOn) {
            SeverityBadge& b = out[id];
            b.severity = std::max(b.severity, int(f.severity));
            ++b.count;
        }
    }
    return out;
}

QRectF diagramExportBounds(const Document& doc) {
    const QRectF r = geometry::documentBounds(doc);
    if (r.isNull() || r.isEmpty()) return QRectF(0, 0, 320, 200);
    return r.adjusted(-kMargin, -kMargin, kMargin, kMargin);
}

void paintDiagram(QPainter& p, const Document& doc, const Catalogue& catalogue,
                  const DiagramRenderOptions& options, const QRectF& target) {
    const DiagramTheme theme = options.dark ? DiagramTheme::darkTheme() : DiagramTheme::light();
    const QRectF bounds = diagramExportBounds(doc);
    p.save();
    p.fillRect(target, options.whiteBackground ? QColor(Qt::white) : theme.background);
    const double k = std::min(target.width() / bounds.width(), target.height() / bounds.height());
    const QPointF offset(target.left() + (target.width() - bounds.width() * k) / 2,
                         target.top() + (target.height() - bounds.height() * k) / 2);
    p.translate(offset);
    p.scale(k, k);
    p.translate(-bounds.topLeft());
    QHash<QString, SeverityBadge> badges;
    PaintOptions paint;
    if (options.badges) {
        badges = severityBadges(doc, *options.badges);
        paint.badges = &badges;
    }
    DiagramPainter(doc, catalogue, theme).paint(p, paint);
    p.restore();
}

QImage renderDiagramImage(const Document& doc, const Catalogue& catalogue,
                          const DiagramRenderOptions& options, double scale) {
    const QRectF bounds = diagramExportBounds(doc);
    const QSize size(int(std::ceil(bounds.width() * scale)), int(std::ceil(bounds.height() * scale)));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) return image; // too large to allocate: the caller reports it
    image.fill(Qt::transparent);
    // 96 dpi times the scale, so viewers show a 2x export at its intended physical size.
    const int dpm = int(std::lround(96 / 0.0254 * scale));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    QPainter p(&image);
    paintDiagram(p, doc, catalogue, options, QRectF(QPointF(0, 0), QSizeF(size)));
    p.end();
    return image;
}

QByteArray renderDiagramSvg(const Document& doc, const Catalogue& catalogue,
                            const DiagramRenderOptions& options) {
    const QRectF bounds = diagramExportBounds(doc);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setResolution(96);
    svg.setSize(bounds.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), bounds.size()));
    // Qt 6.4 writes the title and description into the SVG as they are (the text items it
    // does escape): escape them here, or a name with "&" or "<" breaks or injects markup.
    svg.setTitle(xmlSafe(q(doc.title)).toHtmlEscaped());
    // Long names are elided on the cards; the description keeps every one in full, for
    // search and screen readers.
    QStringList names;
    for (const auto& c : doc.components)
        names << q(c.name.empty() ? c.id : c.name);
    svg.setDescription(
        xmlSafe(QStringLiteral("Components: ") + names.join(QStringLiteral("; "))).toHtmlEscaped());
    QPainter p(&svg);
    paintDiagram(p, doc, catalogue, options, QRectF(QPointF(0, 0), bounds.size()));
    p.end();
    // The text items too are escaped but never filtered: a control character in any name,
    // id or zone drawn would make the file unreadable to every XML parser. Filtering the
    // whole file catches every text the painter draws, whichever path it takes.
    return xmlSafeUtf8(bytes);
}

QByteArray renderDiagramPdf(const Document& doc, const Catalogue& catalogue,
                            const DiagramRenderOptions& options) {
    const QRectF bounds = diagramExportBounds(doc);
    const bool landscape = bounds.width() > bounds.height();
    const QMarginsF margins(10, 10, 10, 10);
    // One document unit is a pixel at 96 dpi, 0.75 pt. Below 0.55 of that the card text
    // (about 13 px) falls under 5.5 pt and stops being readable on paper: try a larger sheet.
    const QPageSize::PageSizeId sizes[] = {QPageSize::A4, QPageSize::A3, QPageSize::A2,
                                           QPageSize::A1, QPageSize::A0};
    QPageLayout layout;
    for (QPageSize::PageSizeId id : sizes) {
        layout = QPageLayout(QPageSize(id), landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                             margins, QPageLayout::Millimeter);
        const QRectF paint = layout.paintRect(QPageLayout::Point);
        const double k = std::min(paint.width() / bounds.width(), paint.height() / bounds.height());
        if (k >= 0.55 * 0.75) break;
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setCreator(QStringLiteral("ArchLens"));
    pdf.setTitle(xmlSafe(q(doc.title))); // it goes into the PDF's XMP metadata, an XML packet
    pdf.setPageLayout(layout);
    QPainter p(&pdf);
    const QRect target = pdf.pageLayout().paintRectPixels(pdf.resolution());
    // The background covers the whole sheet, margins included, as on screen.
    if (!options.whiteBackground) {
        const DiagramTheme theme = options.dark ? DiagramTheme::darkTheme() : DiagramTheme::light();
        p.fillRect(QRectF(pdf.pageLayout().fullRectPixels(pdf.resolution())).translated(-target.topLeft()),
                   theme.background);
    }
    // Never enlarge a small design past its 1:1 size on paper: it would look clumsy.
    const double unit = pdf.resolution() / 96.0;
    QRectF area(QPointF(0, 0), target.size());
    const double fit = std::min(area.width() / bounds.width(), area.height() / bounds.height());
    if (fit > unit) {
        area = QRectF(QPointF(0, 0), bounds.size() * unit);
        area.moveCenter(QRectF(QPointF(0, 0), target.size()).center());
    }
    paintDiagram(p, doc, catalogue, options, area);
    p.end();
    return bytes;
}

QByteArray exportDiagram(const Document& doc, const Catalogue& catalogue, DiagramFormat format,
                         const DiagramRenderOptions& options, double scale, QString* error) {
    QStringList unknown;
    const Document part = selectDiagram(doc, options.selection, &unknown);
    if (!unknown.isEmpty()) {
        if (error) *error = QStringLiteral("unknown id: %1").arg(unknown.join(QStringLiteral(", ")));
        return {};
    }
    if (!options.selection.isEmpty() && part.components.empty() && part.notes.empty()) {
        if (error) *error = QStringLiteral("the selection holds no component or note");
        return {};
    }
    switch (format) {
    case DiagramFormat::Svg: return renderDiagramSvg(part, catalogue, options);
    case DiagramFormat::Pdf: return renderDiagramPdf(part, catalogue, options);
    case DiagramFormat::Mermaid: return toMermaid(part, catalogue);
    case DiagramFormat::Drawio: return toDrawio(part, catalogue);
    case DiagramFormat::Png: {
        if (!(scale > 0 && scale <= 8)) {
            if (error) *error = QStringLiteral("scale must be between 0 and 8, got %1").arg(scale);
            return {};
        }
        const QImage image = renderDiagramImage(part, catalogue, options, scale);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        if (image.isNull() || !image.save(&buffer, "PNG")) {
            if (error) *error = QStringLiteral("the image is too large to render at scale %1").arg(scale);
            return {};
        }
        return bytes;
    }
    }
    return {};
}

} // namespace archlens
