#pragma once
// What the live canvas draws around a design, as shapes (diagram_shapes.h) in item
// coordinates: the background and the grid under it, and over it the rubber band, the
// hover handle for starting a connection, the connection being dragged and the box it
// would attach to. SceneState describes one frame of the canvas; both canvases (GPU and
// software) draw a frame from it with these functions and diagramShapes(), so the grid
// and the overlays look the same on both.
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"
#include "diagram_index.h"
#include "diagram_shapes.h"
#include "diagram_theme.h"

#include <QLineF>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QSizeF>
#include <QString>
#include <memory>
#include <vector>

namespace archlens {

struct CritiqueOverlay;
class DragPlan;

/// What to draw in one frame. Built by the view while the GUI thread is blocked, so the
/// pointers into the document are safe to read during the sync.
struct SceneState {
    const Document* doc = nullptr;
    const Catalogue* catalogue = nullptr;
    const QSet<QString>* selected = nullptr;
    DiagramTheme theme;
    double zoom = 1;
    QPointF origin; ///< document point at the item's top-left corner
    QSizeF size;    ///< item size in pixels
    double dpr = 1; ///< device pixel ratio
    bool showGrid = true;
    double grid = 8;
    /// A drag in progress: the selected components and notes are drawn moved by this much.
    QPointF dragOffset;
    /// Overlays, in item coordinates.
    QRectF rubberBand;
    bool connecting = false;
    QPointF connectFrom, connectTo;
    QString handleFor;  ///< component showing its connection handle
    QString dropTarget; ///< component a connection being dragged would attach to
    QString resizeGripFor; ///< component showing its resize grip (bottom-right corner)
    QRectF resizing;       ///< the box being resized, as it would be on release
    /// Alignment guides of a move in progress (alignment_guides.h), in document coordinates.
    std::vector<QLineF> guides;
    /// What the critique adds (badges, load, failures, the finding looked at); may be null.
    const CritiqueOverlay* critique = nullptr;
    /// Where the document's boxes and curves are, with a grid for look-ups by place,
    /// worked out once per document revision by the view; may be null (worked out then).
    std::shared_ptr<const DiagramIndex> index;
    /// Counters that say what changed since the last frame.
    quint64 documentRevision = 0;
    quint64 selectionRevision = 0;
    quint64 critiqueRevision = 0;

    /// Below kLabelZoom a 13 px name is under about 6 px on screen: cards show their name
    /// alone, larger; below kCompactZoom even that is unreadable and no label is painted.
    static constexpr double kLabelZoom = 0.42;
    static constexpr double kCompactZoom = 0.16;
    bool labelsReadable() const { return zoom >= kCompactZoom; }
    bool labelsCompact() const { return zoom < kLabelZoom; }
    /// The finest multiple of the snapping grid whose lines are at least 12 px apart.
    double gridStep() const {
        double step = grid;
        while (step * zoom < 12)
            step *= 2;
        return step;
    }
    /// The document rectangle the item shows.
    QRectF view() const { return {origin, QSizeF(size.width() / zoom, size.height() / zoom)}; }
};

/// The level of detail a zoom is drawn at: the power of two at or above it. Hairlines,
/// dashes and arrowheads are sized for its pixel, so that the GPU rebuilds them only when
/// the zoom doubles or halves (in between they shrink or grow a little with the zoom).
int detailLevel(double zoom);
/// Document units per screen pixel at that level (at most the true pixel size).
double detailPixel(double zoom);

/// The frame's design as shapes: the `parts` (ShapeOptions::Part) asked for, of what
/// intersects `visible` (null: everything). Content and critique are sized for the level
/// of detail; the selection for the exact zoom, as it is rebuilt at every zoom step.
/// `drag`, the plan of the drag in progress (of this frame's revision and selection),
/// gives the boxes and curves, and `part` which of its parts to list.
DiagramShapes canvasDiagramShapes(const SceneState& s, int parts, const QRectF& visible = {},
                                  const DragPlan* drag = nullptr,
                                  ShapeOptions::DragPart part = ShapeOptions::DragPart::All);

/// The background and the grid, in item coordinates: every gridStep() a hairline, every
/// eighth one darker, each on a pixel's centre so that it stays crisp.
ShapeLayer canvasGrid(const SceneState& s);

/// The rubber band, the hover handle, the connection being dragged and its drop target,
/// and the alignment guides of a move, in item coordinates.
ShapeLayer canvasOverlay(const SceneState& s);

/// How much of the view the labels of one layer may cover, summed, in views. Labels that
/// do not overlap cover at most one; beyond two the cards lie in piles (a design whose
/// file gives no places puts them all on one spot), and what lies under the top of a pile
/// cannot be seen. On the GPU each label drawn costs a texture and, overlapping others, a
/// draw call with a vertex buffer of its own: a gigabyte with Mesa at 10,000 cards.
inline constexpr double kMaxLabelCover = 2;

/// The labels of `labels` (listed bottom to top, as drawn) that a frame draws over `view`,
/// from the top down: those that intersect it, until their parts on screen add up to
/// kMaxLabelCover views.
std::vector<const LabelShape*> labelsToDraw(const std::vector<LabelShape>& labels,
                                            const QRectF& view);

} // namespace archlens
