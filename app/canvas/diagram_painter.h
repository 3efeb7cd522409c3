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

#include <QHash>
#include <QPainter>
#include <QSet>

namespace archlens {

/// What the critique says about one component, for a badge on its card: the worst
/// severity among the findings naming it (0 info, 1 warning, 2 error) and how many there are.
struct SeverityBadge {
    int severity = 0;
    int count = 0;
};

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
    /// Severity badges by component id, drawn on the top-right corner of each card named
    /// here; null draws none (the canvas shows findings its own way).
    const QHash<QString, SeverityBadge>* badges = nullptr;
};

class DiagramPainter {
public:
    DiagramPainter(const Document& doc, const Catalogue& catalogue, const DiagramTheme& theme);

    /// Paints in document coordinates: the caller sets the painter's transform.
    void paint(QPainter& p, const PaintOptions& options);

private:
    QRectF boxOf(const Component& c, const PaintOptions& o) const;
    void paintBadge(QPainter& p, const QRectF& box, const SeverityBadge& badge);

    const Document& doc_;
    const Catalogue& catalogue_;
    const DiagramTheme& theme_;
    LabelPainter labels_;
};

} // namespace archlens
