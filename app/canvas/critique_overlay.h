#pragma once
// What the live critique adds on top of the diagram: a severity badge on every component
// and connection that a finding names, the utilisation of each component under the what-if
// traffic (a bar, and a red frame when saturated), the components and zones marked failed,
// the connections of flows that the failures break (red) or that survive them (green), and
// the elements of the finding being looked at (a glow along the offending path).
//
// CritiqueOverlay is the data, computed on the GUI thread from a report whenever it or the
// what-if changes; critiqueShapes() turns it into plain shapes (diagram_shapes.h) in
// document coordinates for the current box positions, so the GPU canvas and the software
// canvas draw the same thing.
#include "archlens/analysis/report.h"
#include "archlens/model/document.h"
#include "diagram_shapes.h"

#include <QColor>
#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>
#include <vector>

namespace archlens {

struct ComparisonOverlay;

struct CritiqueOverlay {
    /// Component and connection ids -> the worst open finding naming them.
    QHash<QString, Severity> badges;
    /// Component ids -> utilisation (offered / capacity); empty when load is not shown.
    QHash<QString, double> utilisation;
    QSet<QString> failed;    ///< components and zones marked failed in the what-if
    QSet<QString> broken;    ///< connections of flows that cannot be served
    QSet<QString> surviving; ///< connections of flows that still work despite the failures
    QSet<QString> highlight; ///< components and connections of the finding looked at
    /// The flow being looked at (selected, or being routed): the components it reaches and
    /// the connections it travels over, its synchronous part and its asynchronous tail.
    /// The rest of the design is dimmed while one is shown.
    bool flowShown = false;
    QSet<QString> flowComponents, flowConnections, flowTail;
    /// Route mode: connections the flow does not take that leave a component it reaches
    /// (a click adds them to its route); the taken ones get a handle to take them off.
    bool routing = false;
    QSet<QString> routeCandidates;
    /// A comparison with another design, drawn with the critique when set
    /// (comparison_overlay.h); owned by whoever holds the comparison.
    const ComparisonOverlay* comparison = nullptr;

    /// Whether the flow shown travels over connection `id` (synchronously or in its tail).
    bool onRoute(const QString& id) const {
        return flowConnections.contains(id) || flowTail.contains(id);
    }
    /// Whether route mode draws a handle on connection `id`: taken, or one it could take.
    bool hasRouteHandle(const QString& id) const {
        return onRoute(id) || routeCandidates.contains(id);
    }

    bool isEmpty() const {
        return badges.isEmpty() && utilisation.isEmpty() && failed.isEmpty() &&
               highlight.isEmpty() && !flowShown;
    }

    /// Builds the overlay. `highlight` holds the subjects of a finding: components and
    /// connections as they are, flows replaced by their critical path.
    static CritiqueOverlay build(const Report* report, const QStringList& failed,
                                 bool showLoad, const QStringList& highlight);
    /// Adds the route of `flow` as the report found it (nothing when the report does not
    /// know the flow); with `routing`, also the connections it could take in `doc`.
    void showFlow(const Report* report, const Document& doc, const QString& flow, bool routing);
};

// Whether a flow is broken is archlens::isBroken (analysis/report.h): one threshold for
// the canvas, the flows table, the reports and `check`.

/// The colour the critique uses for a severity, and for a utilisation level: the
/// StatusPalette's, whose marks are the same on both themes (the overlay is drawn without
/// knowing the theme).
QColor severityColour(Severity severity);
QColor utilisationColour(double utilisation);
/// The colour of a flow's route on the canvas.
QColor routeColour();

/// The shapes of an overlay for components at `boxes` (one per component, document order,
/// as the canvas draws them) and zone areas derived from them: washes and dimming as box
/// fills, frames as box outlines, the paths of flows as lines, badges as
/// discs (each on a disc of `background`, so it stands out from what it overlaps, unless
/// that ring would be under half a pixel of `drawing`).
/// `drawing`, when given, says what else the drawing has: the connections' curves for
/// those boxes (ShapeOptions::curves, when usable with them) and the part of a drag to
/// list (ShapeOptions::dragPart; failed zones go with the moving part, as zone frames
/// follow the moving boxes).
ShapeLayer critiqueShapes(const CritiqueOverlay& overlay, const Document& doc,
                          const std::vector<QRectF>& boxes, QColor background,
                          const ShapeOptions* drawing = nullptr);

} // namespace archlens
