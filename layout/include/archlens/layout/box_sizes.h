#pragma once
// The sizes of the boxes a design is drawn with, and the grid positions snap to. One
// definition for the canvas, its hit testing, the exporters and automatic layout, so that a
// laid-out box is exactly as big as the drawn one and laid-out positions line up with boxes
// a person dragged. Here, in the Qt-free layout library, because it is the lowest layer that
// knows the diagram has a geometry at all (the model only knows positions).

namespace archlens::boxes {

/// A component's box, in document units (pixels at 100% zoom).
inline constexpr double kComponentWidth = 184;
inline constexpr double kComponentHeight = 56;
/// A note's box.
inline constexpr double kNoteWidth = 200;
inline constexpr double kNoteHeight = 64;
/// The grid a drag, a nudge and automatic layout snap positions to.
inline constexpr int kGrid = 8;

} // namespace archlens::boxes
