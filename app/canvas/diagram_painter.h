#pragma once
// Paints a design with QPainter, looking like the canvas: zones and regions, connections
// with their line styles and arrowheads, component cards with icons and names, notes,
// and optionally the selection. Used where there is no GPU scene graph: the canvas on the
// software renderer (headless screenshots) and the exporters (SVG, PDF, PNG), so all of
// them draw from the same geometry (diagram_geometry.h) and colours (DiagramTheme).
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"
#include "diagram_theme.h"
#include "label_painter.h"

#include <QPainter>
#include <QSet>

namespace archlens {

struct PaintOptions {
    /// Only what intersects this document rectangle is painted; null paints everything.
    QRectF visible;
    /// Document units per screen pixel, for hairlines and dashes that keep their size.
    double pixel = 1;
    const QSet<QString>* selected = nullptr;
    /// Selected components and notes are painted moved by this much (a drag in progress).
    QPointF dragOffset;
    /// Text and icons; off when too small to read.
    bool labels = true;
    /// Names alone, larger, for small zoom levels.
    bool compact = false;
};

class DiagramPainter {
public:
    DiagramPainter(const Document& doc, const Catalogue& catalogue, const DiagramTheme& theme);

    /// Paints in document coordinates: the caller sets the painter's transform.
    void paint(QPainter& p, const PaintOptions& options);

private:
    QRectF boxOf(const Component& c, const PaintOptions& o) const;

    const Document& doc_;
    const Catalogue& catalogue_;
    const DiagramTheme& theme_;
    LabelPainter labels_;
};

} // namespace archlens
