#pragma once
// What the live critique adds on top of the diagram: a severity badge on every component
// and connection that a finding names, the utilisation of each component under the what-if
// traffic (a bar, and a red frame when saturated), the components and zones marked failed,
// the connections of flows that the failures break (red) or that survive them (green), and
// the elements of the finding being looked at (a glow along the offending path).
//
// CritiqueOverlay is the data, computed on the GUI thread from a report whenever it or the
// what-if changes; critiqueShapes() turns it into plain shapes in document coordinates for
// the current box positions, so the GPU canvas, the software canvas and the exporters draw
// the same thing.
#include "archlens/analysis/report.h"
#include "archlens/model/document.h"

#include <QColor>
#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>
#include <vector>

class QPainter;

namespace archlens {

struct CritiqueOverlay {
    /// Component and connection ids -> the worst open finding naming them.
    QHash<QString, Severity> badges;
    /// Component ids -> utilisation (offered / capacity); empty when load is not shown.
    QHash<QString, double> utilisation;
    QSet<QString> failed;    ///< components and zones marked failed in the what-if
    QSet<QString> broken;    ///< connections of flows that cannot be served
    QSet<QString> surviving; ///< connections of flows that still work despite the failures
    QSet<QString> highlight; ///< components and connections of the finding looked at

    bool isEmpty() const {
        return badges.isEmpty() && utilisation.isEmpty() && failed.isEmpty() &&
               highlight.isEmpty();
    }

    /// Builds the overlay. `highlight` holds the subjects of a finding: components and
    /// connections as they are, flows replaced by their critical path.
    static CritiqueOverlay build(const Report* report, const QStringList& failed,
                                 bool showLoad, const QStringList& highlight);
};

// Whether a flow is broken is archlens::isBroken (analysis/report.h): one threshold for
// the canvas, the flows table, the reports and `check`.

/// The colour the critique uses for a severity, and for a utilisation level: the
/// StatusPalette's, whose marks are the same on both themes (the overlay is drawn without
/// knowing the theme).
QColor severityColour(Severity severity);
QColor utilisationColour(double utilisation);

struct CritiqueShapes {
    struct Fill {
        QRectF rect;
        QColor colour;
    };
    struct Frame {
        QRectF rect; ///< drawn just outside this rectangle
        double width;
        QColor colour;
    };
    struct Path {
        std::vector<QPointF> points;
        double width;
        QColor colour;
    };
    struct Disc {
        QPointF centre;
        double radius;
        QColor colour;
    };
    std::vector<Fill> fills;
    std::vector<Frame> frames;
    std::vector<Path> paths;
    std::vector<Disc> discs; ///< drawn last, in order
};

/// The shapes of an overlay for components at `boxes` (one per component, document order,
/// as the canvas draws them) and zone areas derived from them. `background` dims failed
/// components.
CritiqueShapes critiqueShapes(const CritiqueOverlay& overlay, const Document& doc,
                              const std::vector<QRectF>& boxes, QColor background);

/// Paints the shapes with QPainter, in document coordinates.
void paintCritique(QPainter& painter, const CritiqueShapes& shapes);

} // namespace archlens
