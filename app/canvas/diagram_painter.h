#pragma once
// Paints a design's shapes (diagram_shapes.h) with QPainter. Used where there is no GPU
// scene graph: the canvas on the software renderer (headless screenshots and UI tests)
// and the exporters (SVG, PDF, PNG). It decides nothing about how the design looks: it
// draws the same list the GPU canvas batches, so every picture of a design agrees.
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"
#include "diagram_shapes.h"
#include "diagram_theme.h"
#include "label_painter.h"

#include <QHash>
#include <QPainter>
#include <QSet>

namespace archlens {

/// How to paint a design (the exporters' view of ShapeOptions).
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

/// Paints one layer in its documented order (ShapeLayer), in the painter's coordinates.
void paintShapeLayer(QPainter& p, const ShapeLayer& layer);

class DiagramPainter {
public:
    DiagramPainter(const Document& doc, const Catalogue& catalogue, const DiagramTheme& theme);

    /// Lists the shapes for `options` and paints them, in document coordinates: the caller
    /// sets the painter's transform.
    void paint(QPainter& p, const PaintOptions& options);
    /// Paints shapes listed for this painter's document, bottom to top.
    void paint(QPainter& p, const DiagramShapes& shapes);

private:
    void paintLabels(QPainter& p, const std::vector<LabelShape>& labels);

    const Document& doc_;
    const Catalogue& catalogue_;
    const DiagramTheme& theme_;
    LabelPainter labels_;
};

} // namespace archlens
