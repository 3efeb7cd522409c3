#pragma once
// Where each part of a design sits on the canvas: boxes of components and notes, the
// frames and chips drawn for zones and regions (zone_geometry.h: zones have no position of
// their own in the file), and the curve of each connection. One definition shared by the canvas,
// its hit testing and the exporters, so that what is drawn, what is clicked and what is exported
// agree.
#include "archlens/layout/box_sizes.h"
#include "archlens/model/document.h"
#include "zone_geometry.h"

#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>
#include <vector>

namespace archlens {

/// A connection as a cubic Bézier from the edge of one box to the edge of the other.
struct ConnectionCurve {
    std::array<QPointF, 4> points;
    QPointF at(double t) const;
    /// Direction of travel at the end, unit length.
    QPointF endDirection() const;
    /// The curve as a polyline of `steps` segments, start to end.
    std::vector<QPointF> sampled(int steps) const;
};

namespace geometry {
// Box sizes are the layout library's (box_sizes.h), so that drawn and laid-out boxes agree.
inline constexpr double kComponentWidth = boxes::kComponentWidth;
inline constexpr double kComponentHeight = boxes::kComponentHeight;
inline constexpr double kNoteWidth = boxes::kNoteWidth;
inline constexpr double kNoteHeight = boxes::kNoteHeight;

/// A component's box: the size the person gave it, or one that fits its name and its row
/// of zone chips (see fittedComponentSize()).
QRectF componentRect(const Component& c);

// What a component's card holds, left to right: the category stripe and the icon
// (kNameLeft wide together), the name and kind, and an instance-count pill at the top
// right. A name too long for one line in the default width wraps onto a second line in a
// box kTwoLineHeight high; only a name too long for two lines widens the box, in grid
// steps up to kMaxFittedWidth (so designs drawn for default boxes keep their spacing), and
// is elided beyond that (hovering shows it whole).
inline constexpr double kNameLeft = 52;
inline constexpr double kNameRight = 8; ///< padding right of the name without a pill
inline constexpr double kTwoLineHeight = 74;
inline constexpr double kMaxFittedWidth = 264;
QFont componentNameFont();
/// The width of the "×3" pill (0 for a single instance).
double instancePillWidth(int instances);
/// A component's instance count as drawn (1 when not stated).
int drawnInstances(const Component& c);
/// The room for the name in a box `boxWidth` wide.
double nameRoom(double boxWidth, int instances);
/// The size a box takes to show the whole name, within the limits above, and its zone
/// chips (kZoneChipRow taller when it is placed in zones).
QSizeF fittedComponentSize(const Component& c);
/// The name as drawn in `room` pixels on at most `maxLines` lines: wrapped at spaces
/// (within a word when one is too long), the last line elided.
QStringList nameLines(const QString& name, double room, int maxLines);
/// Where the connection handle of a component box sits (the middle of its right side):
/// drawn there on hover, and grabbed there to start a connection.
inline QPointF handlePoint(const QRectF& box) {
    return {box.right(), box.center().y()};
}
/// The grip that resizes a selected box: a small square on its bottom-right corner, in
/// screen units of the rectangle it is given (the canvas draws it the same size at every
/// zoom).
inline QRectF resizeGrip(const QRectF& box) {
    return {box.right() - 4, box.bottom() - 4, 8, 8};
}
QRectF noteRect(const Note& n);
/// The zones a component's instances are spread over (its `zones` property).
std::vector<std::string> componentZones(const Component& c);
// zoneAreas(), regionAreas() and the zone chips: zone_geometry.h.
/// A lone connection's curve: from the middle of the side of one box that faces the other.
ConnectionCurve connectionCurve(const QRectF& from, const QRectF& to);
/// The connection's label (its `label` property), "" when it has none.
QString connectionLabel(const Connection& c);
/// Where a label reading `text` sits: a pill centred on the middle of the curve, elided
/// to at most kConnectionLabelWidth. Empty `text`: a null rectangle.
inline constexpr double kConnectionLabelWidth = 180;
inline constexpr double kConnectionLabelHeight = 18;
QFont connectionLabelFont();
QRectF connectionLabelRect(const ConnectionCurve& curve, const QString& text);
/// Where marks about a connection go (a critique badge, a route handle): the middle of
/// the curve, or just left of its label so they do not hide its words.
QPointF connectionMarker(const ConnectionCurve& curve, const Connection& c);
/// Every connection's curve, by row in Document::connections, from the components' boxes
/// (one per component, in document order, so that a drag can pass moved boxes). Where
/// several connections meet the same side of a box, their ends are spread evenly along
/// that side, ordered by where their other ends are, so that they neither pile up in the
/// middle nor cross. Nullopt for a connection with a missing end or to itself.
std::vector<std::optional<ConnectionCurve>> connectionCurves(const Document& doc,
                                                             const std::vector<QRectF>& boxes);
/// A connection's ends as rows in Document::components, the first component with each id
/// (-1: none has it), as connectionCurves() finds them.
struct ConnectionEnds {
    int from = -1;
    int to = -1;
    /// Whether the connection is drawn: both ends found, and not the same box.
    bool drawn() const { return from >= 0 && to >= 0 && from != to; }
};
/// Every connection's ends, by row.
std::vector<ConnectionEnds> connectionEnds(const Document& doc);
/// The curves connectionCurves() gives the connections in `rows`, written into `curves`
/// (the other rows are left as they are), spreading the ends of only the boxes those
/// connections meet: a drag moves a few boxes, and spreading the ends on every box again
/// costs milliseconds a frame at thousands of connections. `ends` holds every connection's
/// ends (connectionEnds), `meeting[b]` the rows of the connections that meet component b.
void updateConnectionCurves(const std::vector<ConnectionEnds>& ends,
                            const std::vector<std::vector<int>>& meeting,
                            const std::vector<QRectF>& boxes, const std::vector<int>& rows,
                            std::vector<std::optional<ConnectionCurve>>& curves);
/// Distance from a point to the curve (sampled), for hit testing.
double distanceToCurve(const ConnectionCurve& curve, QPointF p);
/// The rectangle enclosing components, notes and zone and region frames.
QRectF documentBounds(const Document& doc);
} // namespace geometry

} // namespace archlens
