#pragma once
// The sizes and spacings every layout function works with. Kept apart from the functions so
// that the editor can hold one value and pass it to automatic layout, align and distribute
// alike, and all three agree on how big a box is.
#include "archlens/layout/box_sizes.h"

#include <cstddef>

namespace archlens {

/// Box sizes and gaps in document units (pixels at 100% zoom). Components are drawn at a fixed
/// nodeWidth x nodeHeight; notes at noteWidth x noteHeight. rankGap is the horizontal gap
/// between layers of the automatic layout, nodeGap the vertical gap between boxes of one layer.
/// keepZonesTogether places the components of one zone side by side in one region of the
/// canvas (and the zones of one region next to each other). largeGraph is the component count
/// from which automatic layout trades some quality (fewer edge crossings removed) for speed.
struct LayoutOptions {
    double nodeWidth = boxes::kComponentWidth;
    double nodeHeight = boxes::kComponentHeight;
    double noteWidth = boxes::kNoteWidth;
    double noteHeight = boxes::kNoteHeight;
    double rankGap = 80;
    double nodeGap = 40;
    bool keepZonesTogether = true;
    std::size_t largeGraph = 5000;
};

/// The grid every automatic position lies on, so that laid-out boxes line up with hand-placed
/// ones snapped by the canvas.
inline constexpr double kLayoutGrid = boxes::kGrid;

} // namespace archlens
