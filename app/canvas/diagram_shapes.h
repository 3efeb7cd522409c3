#pragma once
// The drawing of a design as a plain list of shapes: boxes, lines, arrowheads, discs, and
// the pictures inside cards and zone strips (icons and text runs). Every rule of how a
// design looks (which colour a connection mode has, how wide a border is, where the
// category stripe sits, how far a selection ring stands off, what a card shows when zoomed
// far out) lives in the functions that list shapes (here; critiqueShapes() for the
// critique; canvas_shapes.h for the canvas's grid and overlays) and nowhere else. The GPU
// canvas (DiagramSceneNode) turns the list into batched scene-graph geometry; the software
// canvas and the exporters (DiagramPainter) paint it with QPainter. Neither decides what
// to draw, so the two cannot drift apart unnoticed, and a test can compare their pictures.
//
// Coordinates are document units unless a function says otherwise. Sizes that should look
// the same at every zoom (hairlines, dashes, arrowheads, selection rings) are given in
// document units for the screen pixel size the list was made for (ShapeOptions::pixel).
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"
#include "diagram_geometry.h"
#include "diagram_theme.h"
#include "zone_geometry.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QVarLengthArray>
#include <array>
#include <optional>
#include <vector>

namespace archlens {

struct CritiqueOverlay;

/// What the critique says about one component, for a badge on its card in an export: the
/// worst severity among the findings naming it (0 info, 1 warning, 2 error) and how many
/// there are.
struct SeverityBadge {
    int severity = 0;
    int count = 0;
};

/// A rectangle, filled and/or outlined. The outline is centred on the rectangle's edge, as
/// QPainter draws it. No fill: an invalid or fully transparent `fill`; no outline:
/// `strokeWidth` 0. `radius` rounds the corners; only label pictures use it (the canvas's
/// batched layers have square corners).
struct BoxShape {
    QRectF rect;
    QColor fill;
    QColor stroke;
    double strokeWidth = 0;
    double radius = 0;
};

/// A line through `points`; with `cubic`, a cubic Bézier instead (start, two control
/// points, end, and three more points per further segment), which the GPU cuts into
/// segments within a fraction of a pixel of it and QPainter draws exactly. `dash` on and `gap` off,
/// in document units from the start (gap 0: solid). Ends are flat: a line stops where its points
/// do.
struct LineShape {
    QVarLengthArray<QPointF, 4> points;
    bool cubic = false;
    QColor colour;
    double width = 1;
    double dash = 0, gap = 0;
};

/// A filled triangle (arrowheads).
struct TriangleShape {
    std::array<QPointF, 3> points;
    QColor fill;
};

/// A filled circle (badges, connection end handles).
struct DiscShape {
    QPointF centre;
    double radius = 0;
    QColor fill;
};

/// One run of text, already elided to fit: drawn into `rect` with `flags` (alignment,
/// word wrap) in `font` and `colour`.
struct TextShape {
    QRectF rect;
    QString text;
    QFont font;
    QColor colour;
    int flags = 0;
};

/// An icon from the application's resources (":/icons/...svg"), scaled into `rect`.
struct IconShape {
    QRectF rect;
    QString resource;
};

/// Shapes drawn together, in this order: every box's fill, every box's outline, the
/// lines, the triangles, the discs; within each kind, in list order. Batching renderers
/// draw a layer this way, so the painter does too.
struct ShapeLayer {
    std::vector<BoxShape> boxes;
    std::vector<LineShape> lines;
    std::vector<TriangleShape> triangles;
    std::vector<DiscShape> discs;

    bool empty() const {
        return boxes.empty() && lines.empty() && triangles.empty() && discs.empty();
    }
    void clear() { *this = {}; }
};

/// A picture inside a rectangle: a component's icon, name, kind and instance count, a
/// note's text, a zone's label, a connection's label, an export's severity badge. Only where and
/// what is listed; its content (labelContent()) is worked out when it is drawn, because laying out
/// text for thousands of cards that are off screen would stall every edit. The GPU caches
/// the picture as a texture under labelKey().
struct LabelShape {
    enum Kind { Component, Note, Area, Badge, ConnectionLabel };
    QRectF rect;
    Kind kind = Component;
    /// Component, Note, ConnectionLabel: the element's row in the document; Badge: the
    /// component's.
    int row = -1;
    bool compact = false; ///< name alone, larger, for zoom levels where more is unreadable
    QString text;         ///< Area: the label
    int severity = 0;     ///< Badge: 0 info, 1 warning, 2 error
    int count = 0;        ///< Badge: how many findings
};

/// What a label shows, relative to the label rectangle's top-left corner, in the order
/// drawn: boxes, icons, texts.
struct LabelContent {
    std::vector<BoxShape> boxes;
    std::vector<IconShape> icons;
    std::vector<TextShape> texts;
};

/// The whole drawing, bottom to top in field order.
struct DiagramShapes {
    ShapeLayer areas;                   ///< regions, then zones outer to inner: fill and frame
    std::vector<LabelShape> areaLabels; ///< the label strip at the top of each area
    ShapeLayer connections;             ///< lines
    ShapeLayer arrowHeads;              ///< triangles
    /// Component and note bodies, each component's category stripe right after its body
    /// (so the stripe lies on the fill and under the border); far out, solid blocks.
    ShapeLayer cards;
    std::vector<LabelShape> labels; ///< cards' contents
    ShapeLayer selection;           ///< rings, selected connections, their end handles
    ShapeLayer critique;            ///< see critiqueShapes() (critique_overlay.h)
    std::vector<LabelShape> badges; ///< exports' severity badges
};

/// What varies between drawings of one design.
struct ShapeOptions {
    /// Document units per screen pixel: 1 for exports, 1/zoom on the canvas (the GPU uses
    /// a power of two near it, so that it rebuilds only when the zoom doubles or halves).
    double pixel = 1;
    /// Only what intersects this rectangle is listed; null lists everything.
    QRectF visible;
    const QSet<QString>* selected = nullptr;
    /// Selected components and notes are drawn moved by this much (a drag in progress).
    QPointF dragOffset;
    /// When valid, areas are listed in the opaque colours their translucent fills show over
    /// this background (and over the areas containing them), so that they hide the canvas
    /// grid and the GPU can draw them as cheap opaque fills. Exports leave it invalid:
    /// their areas stay translucent over whatever page colour they are drawn on.
    QColor areaBackground;
    bool labels = true;         ///< off when too small to read
    bool compactLabels = false; ///< names alone, larger
    /// The critique drawn over the design; null draws none.
    const CritiqueOverlay* critique = nullptr;
    /// Exports' severity badges by component id; null draws none.
    const QHash<QString, SeverityBadge>* badges = nullptr;
    /// Content: areas, connections, arrowheads, cards; Labels: areaLabels and labels.
    enum Part { Content = 1, Labels = 2, Selection = 4, Critique = 8, Badges = 16, All = 31 };
    /// Which fields to fill: the canvas rebuilds the selection without the content, and
    /// the labels alone when the zoom crosses a threshold of readability.
    int parts = All;
    /// The components' boxes and the connections' curves (one per row), when the caller
    /// has them already (the canvas keeps them per document revision in a DiagramIndex):
    /// used only while nothing is dragged, since a drag moves boxes. Null: worked out here.
    const std::vector<QRectF>* boxes = nullptr;
    const std::vector<std::optional<ConnectionCurve>>* curves = nullptr;
    /// The zone and region frames of those boxes (from the same DiagramIndex), used when
    /// the boxes are; null: worked out here.
    const std::vector<ZoneArea>* zones = nullptr;
    const std::vector<RegionArea>* regions = nullptr;
    /// The given boxes and curves already show the drag in progress: used with it too.
    bool givenShowDrag = false;
    /// A drag drawn in two parts, so that each of its frames redraws only what moves
    /// (drag_plan.h): by row, 1 for the components and connections of the moving part
    /// (null: none), and which part to list. Selected notes move with a drag. Areas and
    /// their labels are listed with either part.
    enum class DragPart { All, Still, Moving };
    DragPart dragPart = DragPart::All;
    const std::vector<char>* movingComponents = nullptr;
    const std::vector<char>* movingConnections = nullptr;

    /// Whether a row of `moving` (movingComponents or movingConnections) is in the part
    /// listed; without a mask every row is still.
    bool lists(const std::vector<char>* moving, size_t row) const {
        return dragPart == DragPart::All ||
               listsIf(moving && row < moving->size() && (*moving)[row]);
    }
    /// Whether an element that `moves` (or not) is in the part listed.
    bool listsIf(bool moves) const {
        return dragPart == DragPart::All || moves == (dragPart == DragPart::Moving);
    }
    /// Whether the given boxes and curves are the ones to draw.
    bool givenDrawn() const { return dragOffset.isNull() || givenShowDrag; }
};

/// The shapes of `doc` drawn in `theme`.
DiagramShapes diagramShapes(const Document& doc, const Catalogue& catalogue,
                            const DiagramTheme& theme, const ShapeOptions& options);

/// From this many document units per pixel on (zoomed out to 1/8 or further) cards are
/// solid blocks in their category's colour, without borders, stripes or arrowheads: at
/// that size they read better so, and the GPU gets a quarter of the vertices.
inline constexpr double kFarPixel = 8;

/// The boxes of the components, one per component in document order, as drawn (moved by
/// a drag in progress).
std::vector<QRectF> componentBoxes(const Document& doc, const QSet<QString>* selected,
                                   QPointF dragOffset);

/// What a label shows. Empty when its row no longer exists.
LabelContent labelContent(const LabelShape& label, const Document& doc, const Catalogue& catalogue,
                          const DiagramTheme& theme);

/// Identifies a label's content: equal keys, equal pictures. The GPU keeps a label's
/// texture while its key stays the same.
QString labelKey(const LabelShape& label, const Document& doc, const DiagramTheme& theme);
/// Identifies the label's subject (the element, or the zone strip), for that cache.
QString labelId(const LabelShape& label, const Document& doc);

} // namespace archlens
