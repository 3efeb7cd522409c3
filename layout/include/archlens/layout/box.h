#pragma once
// Where a component or note sits and how big it is, for the functions that arrange boxes.
#include "archlens/layout/layout_options.h"
#include "archlens/model/editor.h"

#include <optional>
#include <string>

namespace archlens {

/// An axis-aligned rectangle: top-left corner and size, y downward.
struct Box {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    double right() const { return x + width; }
    double bottom() const { return y + height; }
    bool operator==(const Box&) const = default;
};

/// Whether two boxes share interior points (touching edges do not count).
bool overlaps(const Box& a, const Box& b);

/// A component or note and the box it covers.
struct PlacedBox {
    ElementRef ref;
    Box box;
};

/// The component or note with this id (components first, as ids are document-wide) and its
/// box, sized from the options; nullopt when no component or note has the id.
std::optional<PlacedBox> placedBox(const Document& doc, const std::string& id,
                                   const LayoutOptions& options = {});

} // namespace archlens
