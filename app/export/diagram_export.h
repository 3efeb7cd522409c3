#pragma once
// The diagram as a file: SVG and PDF as vectors, PNG at a chosen scale, Mermaid and draw.io
// as text for other tools. The pictures are drawn by DiagramPainter, the canvas's own
// QPainter renderer, so an exported diagram looks like the canvas (icons, names, zones,
// connection styles, arrowheads), and the critique reports embed the same picture.
#include "archlens/analysis/report.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"
#include "diagram_painter.h"
#include "export_file.h"

#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QRectF>
#include <QStringList>

class QPainter;

namespace archlens {

/// How to draw a diagram for export. The defaults give the whole design on the light
/// theme's background, without badges.
struct DiagramRenderOptions {
    /// Ids to export (components, notes, connections, zones); empty exports everything.
    /// A zone's id stands for the components placed in it; connections come along when
    /// both their ends do.
    QStringList selection;
    /// Pure white behind the diagram instead of the theme's background (for print).
    bool whiteBackground = false;
    /// The dark theme's colours instead of the light theme's.
    bool dark = false;
    /// Severity badges on components from this report's findings; null draws none.
    const Report* badges = nullptr;
};

/// The part of `doc` that `ids` selects (see DiagramRenderOptions::selection), keeping
/// file order. Ids that name nothing are listed in `unknown` when it is given. An empty
/// list returns the document unchanged.
Document selectDiagram(const Document& doc, const QStringList& ids, QStringList* unknown = nullptr);

/// The badge of each component that a finding names (directly, or through a connection
/// that calls it): the worst severity of those findings and how many there are.
QHash<QString, SeverityBadge> severityBadges(const Document& doc, const Report& report);

/// The document rectangle an export shows: everything drawn, with a margin for badges and
/// arrowheads. A design with nothing on it gives a small empty area, never a null rect.
QRectF diagramExportBounds(const Document& doc);

/// Paints the (already selected) document scaled to fit `target`, centred, over the
/// background the options ask for. The one drawing routine behind every picture export.
void paintDiagram(QPainter& painter, const Document& doc, const Catalogue& catalogue,
                  const DiagramRenderOptions& options, const QRectF& target);

/// The diagram as an image of the export bounds times `scale` (1, 2, 4...), pixel for
/// document unit at scale 1. Needs a QGuiApplication (fonts).
QImage renderDiagramImage(const Document& doc, const Catalogue& catalogue,
                          const DiagramRenderOptions& options, double scale = 1);
/// The diagram as an SVG document (title and a description naming every component).
QByteArray renderDiagramSvg(const Document& doc, const Catalogue& catalogue,
                            const DiagramRenderOptions& options);
/// The diagram on one PDF page: the smallest of A4, A3, A2, A1, A0 on which it stays
/// readable, in the orientation of its shape, scaled to fit inside 10 mm margins.
QByteArray renderDiagramPdf(const Document& doc, const Catalogue& catalogue,
                            const DiagramRenderOptions& options);

/// Any diagram format: selects, renders and returns the file's bytes (PNG at `scale`).
/// Returns an empty array and sets `error` when the selection names unknown ids or the
/// picture cannot be produced.
QByteArray exportDiagram(const Document& doc, const Catalogue& catalogue, DiagramFormat format,
                         const DiagramRenderOptions& options, double scale, QString* error);

} // namespace archlens
