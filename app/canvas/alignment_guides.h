#pragma once
// Snapping a dragged selection to the boxes around it, as draw.io does: when the left edge,
// the centre or the right edge of what is being moved (the top, the middle or the bottom)
// comes within a few pixels of the same line of another box, the selection jumps onto it
// and a thin guide is drawn across both. Edges meet edges (left to left, but also left to
// right, so that boxes can be set side by side) and centres meet centres.
//
// The boxes are gathered once when a drag starts (those on screen), sorted by each line,
// so that every pointer move looks only at the lines within reach: a drag stays fast
// however many components the design has.
#include <QLineF>
#include <QRectF>
#include <array>
#include <optional>
#include <vector>

namespace archlens {

class AlignmentSnapper {
public:
    AlignmentSnapper() = default;
    /// The boxes the moving selection may line up with, in document coordinates.
    explicit AlignmentSnapper(const std::vector<QRectF>& others);

    /// How far to move `moving` along each axis so that one of its lines meets another
    /// box's, the nearest within `reach`; nullopt for an axis with nothing within reach.
    struct Shift {
        std::optional<double> dx, dy;
    };
    Shift snap(const QRectF& moving, double reach) const;

    /// The guides to draw for `moving` where it is: one line for each of its lines that
    /// meets other boxes' lines, across it and all of those boxes.
    std::vector<QLineF> guides(const QRectF& moving) const;

    bool empty() const { return xs_.empty(); }

private:
    struct Line {
        double at = 0;           ///< x of a vertical line, y of a horizontal one
        double from = 0, to = 0; ///< the box's extent along the line
        bool centre = false;
    };
    static std::optional<double> nearest(const std::vector<Line>& lines,
                                         const std::array<double, 3>& moving, double reach);
    std::vector<Line> xs_, ys_; ///< sorted by `at`
};

} // namespace archlens
