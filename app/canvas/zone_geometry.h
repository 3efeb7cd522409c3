#pragma once
// How zones and regions are drawn, so that the drawing never says something false:
//
// - Every component placed in zones carries a row of chips inside its box, one per zone
//   (the zone's id in the zone's colour), so a component spread over three zones reads as
//   spread. A box too narrow for all of them ends with a "+N" chip.
// - A zone frame is drawn only around a group of components that each live in exactly that
//   one zone, and only where the frame meets no other box and no other zone's frame. Zone
//   frames are never nested.
// - A region frame is drawn only around all the components whose zones all lie in that
//   region, where it meets no box of anything else and no other region's frame; when one
//   frame cannot hold them all, the region gets none.
//
// Where no frame can be drawn truthfully none is: the chips carry the truth. One definition
// for the canvas, its hit testing, drops into zones, the critique overlay and the exporters.
#include "archlens/model/document.h"

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>
#include <string>
#include <vector>

namespace archlens {

/// The frame of one zone around a group of its components.
struct ZoneArea {
    int zone = -1;            ///< row in Document::zones
    QString label;            ///< the zone's id
    QRectF rect;              ///< including the label strip at the top
    std::vector<int> members; ///< rows in Document::components inside the frame
};

/// The frame of one region around a group of components whose zones all lie in it.
struct RegionArea {
    std::string region;
    QRectF rect;              ///< including the label strip at the top
    std::vector<int> members; ///< rows in Document::components inside the frame
};

/// A chip on a component's box: a zone's id in the zone's colour, or "+N" for the zones
/// that did not fit.
struct ZoneChip {
    int zone = -1; ///< row in Document::zones; -1 for the "+N" chip
    QString text;
    QRectF rect; ///< in document units
};

namespace geometry {
inline constexpr double kZonePadding = 16;
inline constexpr double kZoneLabel = 22;
inline constexpr double kRegionPadding = 12;

/// How much taller a box is for its row of zone chips (the box fits its name and the row).
inline constexpr double kZoneChipRow = 8;
inline constexpr double kZoneChipHeight = 13;
/// The chip row's distance from the bottom of the box: clear of the load bar under it.
inline constexpr double kZoneChipBottom = 7;
inline constexpr double kZoneChipGap = 3;
/// A chip's text is elided beyond this width.
inline constexpr double kZoneChipMaxWidth = 72;
QFont zoneChipFont();
/// The strip along the bottom of a box where its zone chips sit.
QRectF zoneChipRow(const QRectF& box);
/// The rows in Document::zones of the zones a component lists (unknown ids left out).
std::vector<int> zoneRows(const Document& doc, const Component& c);
/// The chips of a component whose box is `box`, left to right: as many as fit, then "+N".
std::vector<ZoneChip> zoneChips(const Document& doc, const Component& c, const QRectF& box);
/// The colour of the zone at `row`: a small palette, repeated, each light enough behind
/// white text (contrast at least 4.5:1) and dark enough to stand out on both themes' cards.
QColor zoneColour(int row);
/// The colour of the "+N" chip standing for the zones that did not fit.
QColor zoneOverflowColour();
/// The text colour on a zone chip.
QColor zoneChipText();
/// How many colours the palette has before it repeats.
int zoneColourCount();

/// The zone frames that are true (see above), from the components' boxes (one per
/// component, in document order, so a drag can pass moved boxes; a null box is ignored).
std::vector<ZoneArea> zoneAreas(const Document& doc, const std::vector<QRectF>& componentRects);
/// The region frames that are true (see above): each around all of a region's components
/// and the zone frames among them, or none for that region.
std::vector<RegionArea> regionAreas(const Document& doc, const std::vector<QRectF>& componentRects,
                                    const std::vector<ZoneArea>& zones);
} // namespace geometry

} // namespace archlens
