#pragma once
// The sizes and spacings every layout function works with. Kept apart from the functions so
// that the editor can hold one value and pass it to automatic layout, align and distribute
// alike, and all three agree on how big a box is.
#include "archlens/layout/box_sizes.h"

#include "archlens/model/document.h"

#include <cstddef>
#include <functional>
#include <utility>

namespace archlens {

/// Box sizes and gaps in document units (pixels at 100% zoom). Components are drawn at
/// nodeWidth x nodeHeight unless componentSize says otherwise; notes at noteWidth x noteHeight.
/// rankGap is the horizontal gap between layers of the automatic layout, nodeGap the vertical gap
/// between boxes of one layer. keepZonesTogether places the components of one zone side by side in
/// one region of the canvas (and the zones of one region next to each other). largeGraph is the
/// component count from which automatic layout trades some quality (fewer edge crossings removed)
/// for speed.
struct LayoutOptions {
    double nodeWidth = boxes::kComponentWidth;
    double nodeHeight = boxes::kComponentHeight;
    /// A component's box (width, height), when boxes differ: the canvas sizes each to fit
    /// its name, which only it can measure. Unset: every box is nodeWidth x nodeHeight.
    std::function<std::pair<double, double>(const Component&)> componentSize;
    std::pair<double, double> sizeOf(const Component& c) const {
        return componentSize ? componentSize(c) : std::pair{nodeWidth, nodeHeight};
    }
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
