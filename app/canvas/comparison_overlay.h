#pragma once
// What a comparison with another design (archlens/analysis/diff.h) adds on top of the
// diagram: the components and connections the current design adds, framed and traced in
// green, the ones it changes in amber, and the components and connections it removed drawn
// as red ghosts where they were in the other design. Ghosts are only shapes: they are not
// part of the document, cannot be selected and take no clicks.
//
// ComparisonOverlay is the data, built from a diff whenever it changes; comparisonShapes()
// turns it into plain shapes (diagram_shapes.h) in document coordinates, drawn in the
// critique's layer, so the GPU canvas and the software canvas draw the same thing.
#include "archlens/analysis/diff.h"
#include "archlens/model/document.h"
#include "diagram_shapes.h"
#include "diagram_theme.h"

#include <QColor>
#include <QLineF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <vector>

namespace archlens {

struct ComparisonOverlay {
    /// Components and connections of the current design, by id.
    QSet<QString> added;
    QSet<QString> changed;
    /// Components of the other design that the current one no longer has, where they were.
    std::vector<QRectF> ghostBoxes;
    /// Connections the current design no longer has, from the middle of their caller's box
    /// to the edge of their callee's, as they were in the other design.
    std::vector<QLineF> ghostLines;

    bool isEmpty() const {
        return added.isEmpty() && changed.isEmpty() && ghostBoxes.empty() && ghostLines.empty();
    }
    /// The overlay of `diff`, whose "before" side is `before`.
    static ComparisonOverlay build(const DesignDiff& diff, const Document& before);
};

/// The colours of a comparison in a theme: what the current design adds, changes and
/// removed (the status palette's ok, warning and error marks of that theme).
struct ComparisonColours {
    QColor added, changed, removed;
    static ComparisonColours of(const DiagramTheme& theme);
};

/// The shapes of a comparison for components at `boxes` (one per component, document
/// order, as the canvas draws them): a wash and a frame just outside each added or changed
/// box, a trace along each added or changed connection, and the ghosts of what was removed.
ShapeLayer comparisonShapes(const ComparisonOverlay& overlay, const Document& doc,
                            const std::vector<QRectF>& boxes, const DiagramTheme& theme);

} // namespace archlens
