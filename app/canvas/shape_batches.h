#pragma once
// Shapes (diagram_shapes.h) as Qt Quick scene-graph geometry, batched for a renderer that
// may be Mesa's software rasteriser: a layer becomes a few geometry nodes however many
// shapes it holds. The drawing rules are the shapes'; what is decided here is only how to
// draw them fast: large opaque fills as flat-colour nodes, which the renderer draws front
// to back with depth testing (large fills cost little that way, but each colour is a draw
// call); outlines and lines no wider than kHairlinePixels as one-pixel GL lines, one node
// per colour; everything else as triangles with per-vertex colours, in the layer's order.
#include "diagram_shapes.h"

#include <QRectF>
#include <QSGGeometry>
#include <QSGNode>
#include <array>
#include <map>
#include <vector>

namespace archlens {

/// Lines and outlines up to this many screen pixels wide are drawn one pixel wide.
inline constexpr double kHairlinePixels = 1.6;

/// Opaque fills covering at least this many screen pixels go to flat-colour nodes.
inline constexpr double kFlatFillPixels = 256;

/// Curves are cut into straight segments that stray at most this many pixels from them.
inline constexpr double kFlatnessPixels = 1.0;

/// How a layer's shapes are turned into geometry.
struct BatchRules {
    double pixel = 1;         ///< document units per screen pixel the geometry is built for
    bool opaqueFills = false; ///< large opaque fills as flat-colour nodes (kFlatFillPixels)
};

/// Vertices with a colour each (premultiplied, as QSGVertexColorMaterial expects).
struct TriangleMesh {
    std::vector<QSGGeometry::ColoredPoint2D> v;
    /// A colour as the vertices hold it.
    struct Premultiplied {
        uchar r, g, b, a;
        explicit Premultiplied(QColor c);
    };
    void tri(QPointF a, QPointF b, QPointF c, Premultiplied col);
    void tri(QPointF a, QPointF b, QPointF c, QColor col) { tri(a, b, c, Premultiplied(col)); }
    void quad(const QRectF& r, QColor col);
    /// An outline of width w centred on the edge of `r`.
    void frame(const QRectF& r, double w, QColor col);
    /// A thick polyline as one quad per segment.
    void polyline(const std::vector<QPointF>& pts, double w, QColor col);
    static constexpr int kDiscSteps = 16;
    void disc(QPointF c, double radius, QColor col);
};

/// Vertices of one-pixel lines, in pairs.
struct LineMesh {
    std::vector<QSGGeometry::Point2D> v;
    void line(QPointF a, QPointF b);
    void rect(const QRectF& r);
    /// The polyline, dashed with `dash` on and `gap` off (gap 0: solid).
    void path(const std::vector<QPointF>& pts, double dash, double gap);
};

/// Triangles of one opaque colour.
struct FlatMesh {
    std::vector<QSGGeometry::Point2D> v;
    void quad(const QRectF& r);
};

/// What one batch node draws, and the rectangle it covers.
struct Batches {
    /// Opaque fills, a node per run of one colour: in list order, since an area nested in
    /// another has another colour and must cover it.
    std::vector<std::pair<QRgb, FlatMesh>> fills;
    TriangleMesh blended; ///< everything else with an area, in order
    /// One-pixel lines by colour (with alpha): sync, async and replication lines each make
    /// one node however they alternate, at the price of no stacking order between colours.
    std::map<QRgb, LineMesh> lines;
    QRectF bounds;

    void addFill(const BoxShape& box, const BatchRules& rules);
    void addOutline(const BoxShape& box, const BatchRules& rules);
    void addLine(const LineShape& line, const BatchRules& rules);
    void addTriangle(const TriangleShape& triangle);
    void addDisc(const DiscShape& disc, const BatchRules& rules);
    /// The whole layer, in its documented order.
    void addLayer(const ShapeLayer& layer, const BatchRules& rules);
    /// The bytes of all the vertices.
    size_t vertexBytes() const;

private:
    LineMesh& linesIn(QColor colour);
    LineMesh* lastLines_ = nullptr; ///< lines come in runs of one colour: skip the look-up
    QRgb lastColour_ = 0;
    std::vector<QPointF> points_; ///< scratch, so that a line costs no allocation
};

/// The curve or polyline of a line shape as points (into `out`, replacing what it held),
/// each curve cut into as few equal steps of its parameter as keep it within `tolerance`
/// (document units) of the true curve.
void flattenLine(const LineShape& line, double tolerance, std::vector<QPointF>& out);

/// Parent of the geometry nodes of one Batches, bottom to top: fills, blended triangles,
/// lines. The heavy layers have one per tile, and block it while the tile is off screen.
class BatchNode : public QSGNode {
public:
    /// Replaces what the node draws, reusing its geometry nodes where it can.
    void set(const Batches& batches);
    bool isSubtreeBlocked() const override { return blocked_; }
    void setBlocked(bool blocked);

private:
    bool blocked_ = false;
};

} // namespace archlens
