#pragma once
// Align and distribute a selection of components and notes. Like automatic layout they only
// compute positions; the editor applies them with Editor::move as one undoable step.
#include "archlens/layout/layout_options.h"
#include "archlens/model/editor.h"

#include <string>
#include <vector>

namespace archlens {

enum class AlignEdge { Left, HCenter, Right, Top, VCenter, Bottom };
enum class Axis { Horizontal, Vertical };

/// Lines up the selected boxes on one edge or centre line of their common bounding box: Left
/// moves every box's left edge to the leftmost left edge, HCenter every box's centre to the
/// bounding box's centre, and so on. Returns one position per selected component or note, in
/// selection order, unmoved ones included; ids that name neither, and repeats, are skipped.
/// Positions are exact (not snapped), so boxes of different sizes centre exactly.
std::vector<Editor::Position> align(const Document& doc, const std::vector<std::string>& ids,
                                    AlignEdge edge, const LayoutOptions& options = {});

/// Spreads the selected boxes so that the gaps between neighbours along the axis are equal.
/// Boxes are ordered by their left (top) edge, ties by selection order; the first and the last
/// stay put and the others keep their position on the other axis. With fewer than three boxes
/// nothing moves. Returns one position per selected component or note, in that order; ids
/// that name neither, and repeats, are skipped.
std::vector<Editor::Position> distribute(const Document& doc, const std::vector<std::string>& ids,
                                         Axis axis, const LayoutOptions& options = {});

} // namespace archlens
