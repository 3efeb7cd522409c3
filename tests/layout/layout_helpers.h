#pragma once
// Small builders and checks shared by the layout tests.
#include "archlens/layout/box.h"

#include <map>
#include <string>
#include <vector>

namespace archlens::test {

/// A component at (x, y), placed in the given zones.
inline Component component(const std::string& id, std::vector<std::string> zones = {}, double x = 0,
                           double y = 0) {
    Component c;
    c.id = id;
    c.kind = "app_service";
    c.name = id;
    c.x = x;
    c.y = y;
    if (!zones.empty()) c.props["zones"] = zones;
    return c;
}

inline Connection connection(const std::string& from, const std::string& to,
                             ConnectionMode mode = ConnectionMode::Sync) {
    Connection c;
    c.id = from + "->" + to;
    c.from = from;
    c.to = to;
    c.mode = mode;
    return c;
}

/// The laid-out box of each moved element, by id.
inline std::map<std::string, Box> boxesOf(const std::vector<Editor::Position>& positions,
                                          const LayoutOptions& options = {}) {
    std::map<std::string, Box> boxes;
    for (const auto& p : positions)
        boxes[p.ref.id] = {p.x, p.y, options.nodeWidth, options.nodeHeight};
    return boxes;
}

/// The first pair of overlapping boxes as "a/b", or empty when none overlap.
inline std::string firstOverlap(const std::map<std::string, Box>& boxes) {
    for (auto a = boxes.begin(); a != boxes.end(); ++a)
        for (auto b = std::next(a); b != boxes.end(); ++b)
            if (overlaps(a->second, b->second)) return a->first + "/" + b->first;
    return {};
}

} // namespace archlens::test
