#include "archlens/layout/align.h"
#include "archlens/layout/box.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace archlens {

namespace {

/// The selection's boxes in selection order, unknown ids and repeats dropped.
std::vector<PlacedBox> selectedBoxes(const Document& doc, const std::vector<std::string>& ids,
                                     const LayoutOptions& options) {
    std::vector<PlacedBox> boxes;
    std::set<std::string> seen;
    for (const auto& id : ids) {
        if (!seen.insert(id).second) continue;
        if (auto placed = placedBox(doc, id, options)) boxes.push_back(std::move(*placed));
    }
    return boxes;
}

std::vector<Editor::Position> positionsOf(const std::vector<PlacedBox>& boxes) {
    std::vector<Editor::Position> out;
    out.reserve(boxes.size());
    for (const auto& b : boxes)
        out.push_back({b.ref, b.box.x, b.box.y});
    return out;
}

} // namespace

std::vector<Editor::Position> align(const Document& doc, const std::vector<std::string>& ids,
                                    AlignEdge edge, const LayoutOptions& options) {
    std::vector<PlacedBox> boxes = selectedBoxes(doc, ids, options);
    if (boxes.empty()) return {};
    double left = boxes.front().box.x, top = boxes.front().box.y;
    double right = boxes.front().box.right(), bottom = boxes.front().box.bottom();
    for (const auto& b : boxes) {
        left = std::min(left, b.box.x);
        top = std::min(top, b.box.y);
        right = std::max(right, b.box.right());
        bottom = std::max(bottom, b.box.bottom());
    }
    for (auto& b : boxes) {
        Box& box = b.box;
        switch (edge) {
        case AlignEdge::Left:
            box.x = left;
            break;
        case AlignEdge::HCenter:
            box.x = (left + right - box.width) / 2;
            break;
        case AlignEdge::Right:
            box.x = right - box.width;
            break;
        case AlignEdge::Top:
            box.y = top;
            break;
        case AlignEdge::VCenter:
            box.y = (top + bottom - box.height) / 2;
            break;
        case AlignEdge::Bottom:
            box.y = bottom - box.height;
            break;
        }
    }
    return positionsOf(boxes);
}

std::vector<Editor::Position> distribute(const Document& doc, const std::vector<std::string>& ids,
                                         Axis axis, const LayoutOptions& options) {
    std::vector<PlacedBox> boxes = selectedBoxes(doc, ids, options);
    if (boxes.size() < 3) return positionsOf(boxes);
    const bool horizontal = axis == Axis::Horizontal;
    double Box::*const lead = horizontal ? &Box::x : &Box::y;
    double Box::*const size = horizontal ? &Box::width : &Box::height;

    // Order by leading edge; stable so that boxes sharing one keep the selection's order.
    std::vector<size_t> order(boxes.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return boxes[a].box.*lead < boxes[b].box.*lead; });
    const Box& first = boxes[order.front()].box;
    const Box& last = boxes[order.back()].box;
    double occupied = 0;
    for (const auto& b : boxes)
        occupied += b.box.*size;
    // Boxes that overlap more than the span allows give a negative gap: they then overlap
    // evenly, which is still "equal gaps" and keeps first and last in place.
    const double span = last.*lead + last.*size - first.*lead;
    const double gap = (span - occupied) / static_cast<double>(boxes.size() - 1);
    double next = first.*lead + first.*size + gap;
    for (size_t k = 1; k + 1 < order.size(); ++k) {
        Box& box = boxes[order[k]].box;
        box.*lead = next;
        next += box.*size + gap;
    }
    return positionsOf(boxes);
}

} // namespace archlens
