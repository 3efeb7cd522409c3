#include "zone_geometry.h"

#include "diagram_geometry.h"

#include <QFontMetricsF>
#include <QMarginsF>
#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace archlens::geometry {

QFont zoneChipFont() {
    QFont f;
    f.setPixelSize(10);
    f.setBold(true);
    return f;
}

QRectF zoneChipRow(const QRectF& box) {
    return {box.left() + 8, box.bottom() - kZoneChipBottom - kZoneChipHeight, box.width() - 16,
            kZoneChipHeight};
}

std::vector<int> zoneRows(const Document& doc, const Component& c) {
    std::vector<int> out;
    auto it = c.props.find("zones");
    if (it == c.props.end() || !it->is_array()) return out;
    for (const auto& z : *it) {
        if (!z.is_string()) continue;
        const auto& id = z.get_ref<const std::string&>();
        for (size_t i = 0; i < doc.zones.size(); ++i)
            if (doc.zones[i].id == id) {
                if (std::find(out.begin(), out.end(), int(i)) == out.end()) out.push_back(int(i));
                break;
            }
    }
    return out;
}

std::vector<ZoneChip> zoneChips(const Document& doc, const Component& c, const QRectF& box) {
    const std::vector<int> rows = zoneRows(doc, c);
    std::vector<ZoneChip> out;
    if (rows.empty()) return out;
    const QRectF row = zoneChipRow(box);
    const QFontMetricsF fm(zoneChipFont());
    auto chipWidth = [&](const QString& text) {
        return std::min(kZoneChipMaxWidth, std::ceil(fm.horizontalAdvance(text)) + 8);
    };
    auto more = [](size_t n) { return QStringLiteral("+%1").arg(n); };
    double x = row.left();
    const size_t n = rows.size();
    for (size_t i = 0; i < n; ++i) {
        const QString id = QString::fromStdString(doc.zones[size_t(rows[i])].id);
        const double w = chipWidth(id);
        const double rest = i + 1 < n ? kZoneChipGap + chipWidth(more(n - i - 1)) : 0;
        if (x + w + rest <= row.right() + 0.01) {
            const QString text = fm.elidedText(id, Qt::ElideRight, kZoneChipMaxWidth - 8);
            out.push_back({rows[i], text, QRectF(x, row.top(), w, row.height())});
            x += w + kZoneChipGap;
            continue;
        }
        // The rest as one "+N" chip, giving up shown chips until it fits.
        size_t hidden = n - i;
        while (!out.empty() && x + chipWidth(more(hidden)) > row.right() + 0.01) {
            x = out.back().rect.left();
            out.pop_back();
            ++hidden;
        }
        out.push_back(
            {-1, more(hidden), QRectF(x, row.top(), chipWidth(more(hidden)), row.height())});
        break;
    }
    return out;
}

namespace {
// Each behind white text at a contrast of at least 4.5:1 (tests/app/test_zone_geometry.cpp
// holds them to it), and far enough apart in hue to tell six zones apart.
const QColor kZoneColours[] = {
    QColor(0x1f, 0x5f, 0xae), // blue
    QColor(0xb5, 0x47, 0x08), // orange
    QColor(0x23, 0x7a, 0x3b), // green
    QColor(0x7a, 0x3f, 0xb0), // purple
    QColor(0x0e, 0x74, 0x90), // teal
    QColor(0xb4, 0x23, 0x6c), // magenta
    QColor(0x6b, 0x6b, 0x00), // olive
    QColor(0x4f, 0x4f, 0xc9), // indigo
};
} // namespace

int zoneColourCount() {
    return int(std::size(kZoneColours));
}

QColor zoneColour(int row) {
    const int n = zoneColourCount();
    return kZoneColours[((row % n) + n) % n];
}

QColor zoneOverflowColour() {
    return QColor(0x5a, 0x62, 0x70);
}

QColor zoneChipText() {
    return Qt::white;
}

namespace {

/// One thing a frame encloses: a component's box, or a zone frame with its components.
struct Item {
    std::vector<int> rows;
    QRectF rect;
};

struct Group {
    QRectF bounds; ///< what the frame encloses
    QRectF frame;
    std::vector<int> rows;
};

/// The boxes by the cells of a uniform grid they overlap, so that the boxes a frame may
/// meet are found without testing every box: an edit of a design of thousands of
/// components works out its zones' frames several times, each test of a frame against
/// every box was most of an edit's time, and most frames meet a handful of cells.
class BoxGrid {
public:
    explicit BoxGrid(const std::vector<QRectF>& boxes) : boxes_(boxes) {
        QRectF all;
        size_t n = 0;
        for (const QRectF& b : boxes)
            if (!b.isNull()) {
                all |= b;
                ++n;
            }
        if (n == 0) return;
        origin_ = all.topLeft();
        // About one box per cell, and never more than kMaxCells cells.
        cell_ = std::max({64.0, std::sqrt(all.width() * all.height() / double(n)),
                          std::sqrt(all.width() * all.height() / kMaxCells)});
        cols_ = int(all.width() / cell_) + 1;
        rows_ = int(all.height() / cell_) + 1;
        cells_.resize(size_t(cols_) * size_t(rows_));
        first_.resize(boxes.size());
        for (size_t i = 0; i < boxes.size(); ++i) {
            if (boxes[i].isNull()) continue;
            const auto [x0, y0, x1, y1] = clamped(range(boxes[i]));
            first_[i] = {x0, y0};
            for (int y = y0; y <= y1; ++y)
                for (int x = x0; x <= x1; ++x)
                    cells_[size_t(y) * size_t(cols_) + size_t(x)].push_back(int(i));
        }
    }

    /// Calls `test(i)` once for every box that may meet `f` (every box that does among
    /// them), until a call says true; whether one did. `work` counts the cells visited and
    /// the calls.
    template <class Test> bool any(const QRectF& f, long long& work, Test&& test) const {
        if (cells_.empty()) return false;
        const auto [x0, y0, x1, y1] = clamped(range(f));
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
                ++work;
                for (int i : cells_[size_t(y) * size_t(cols_) + size_t(x)]) {
                    // A box in several cells is tested in the first of them the query covers.
                    const Cell& first = first_[size_t(i)];
                    if (std::max(first.x, x0) != x || std::max(first.y, y0) != y) continue;
                    ++work;
                    if (test(size_t(i))) return true;
                }
            }
        return false;
    }

private:
    static constexpr double kMaxCells = 1 << 20;

    struct Range {
        int x0, y0, x1, y1;
    };
    // The cells a rectangle overlaps, unclamped; far-off values are kept within int, and a
    // coordinate that is not a number gives an empty range.
    Range range(const QRectF& r) const {
        auto at = [this](double v, int empty) {
            return std::isnan(v) ? empty
                                 : int(std::clamp(std::floor(v / cell_), -1.0, double(1 << 30)));
        };
        return {at(r.left() - origin_.x(), 1 << 30), at(r.top() - origin_.y(), 1 << 30),
                at(r.right() - origin_.x(), -1), at(r.bottom() - origin_.y(), -1)};
    }
    // Within the grid; x0 > x1 or y0 > y1 when the rectangle misses it.
    Range clamped(Range r) const {
        return {std::max(r.x0, 0), std::max(r.y0, 0), std::min(r.x1, cols_ - 1),
                std::min(r.y1, rows_ - 1)};
    }

    struct Cell {
        int x = 0, y = 0;
    };

    const std::vector<QRectF>& boxes_;
    /// Each box's first cell (top left, within the grid), worked out once: every query
    /// needs it for every box it meets.
    std::vector<Cell> first_;
    QPointF origin_;
    double cell_ = 1;
    int cols_ = 0, rows_ = 0;
    std::vector<std::vector<int>> cells_;
};

/// Frames around groups of `items`, each its bounds grown by `grow`, that meet no box
/// outside the group (`inGroup` false), none of `obstacles`, and each of `enclosable`
/// either wholly or not at all. The whole set in one frame when it is clear; otherwise
/// (unless `wholeOnly`, which then gives none) items joined to the nearest group whose
/// frame stays clear, left to right, and an item whose own frame is not clear gets none. `budget`
/// caps the work (cells visited, boxes and frames tested) on huge designs: when it runs
/// out, no more frames are made.
std::vector<Group> clearGroups(std::vector<Item> items, const std::vector<QRectF>& boxes,
                               const BoxGrid& grid, const std::vector<char>& inGroup,
                               const QMarginsF& grow, const std::vector<QRectF>& obstacles,
                               const std::vector<QRectF>& enclosable, long long& budget,
                               bool wholeOnly = false) {
    std::vector<Group> groups;
    if (items.empty()) return groups;
    auto clear = [&](const QRectF& f, size_t self) {
        long long work = (long long)(obstacles.size() + enclosable.size() + groups.size());
        const bool meets =
            grid.any(f, work, [&](size_t i) { return !inGroup[i] && f.intersects(boxes[i]); });
        budget -= work;
        if (meets) return false;
        for (const QRectF& o : obstacles)
            if (f.intersects(o)) return false;
        for (const QRectF& e : enclosable)
            if (f.intersects(e) && !f.contains(e)) return false;
        for (size_t g = 0; g < groups.size(); ++g)
            if (g != self && f.intersects(groups[g].frame)) return false;
        return true;
    };
    constexpr size_t kNone = std::numeric_limits<size_t>::max();
    QRectF all;
    for (const Item& it : items)
        all |= it.rect;
    if (clear(all.marginsAdded(grow), kNone)) {
        Group g{all, all.marginsAdded(grow), {}};
        for (const Item& it : items)
            g.rows.insert(g.rows.end(), it.rows.begin(), it.rows.end());
        groups.push_back(std::move(g));
        return groups;
    }
    if (wholeOnly) return groups;
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return a.rect.left() != b.rect.left() ? a.rect.left() < b.rect.left()
                                              : a.rect.top() < b.rect.top();
    });
    for (const Item& it : items) {
        if (budget <= 0) break;
        budget -= (long long)groups.size(); // the groups put in order of distance
        // Nearest first, ties in the order the groups were made; each distance worked out
        // once (in the comparison it was worked out twice per comparison).
        std::vector<std::pair<double, size_t>> order(groups.size());
        for (size_t g = 0; g < order.size(); ++g) {
            const QPointF d = groups[g].bounds.center() - it.rect.center();
            order[g] = {std::hypot(d.x(), d.y()), g};
        }
        std::sort(order.begin(), order.end());
        bool placed = false;
        for (const auto& [distance, g] : order) {
            const QRectF merged = groups[g].bounds | it.rect;
            if (!clear(merged.marginsAdded(grow), g)) continue;
            groups[g].bounds = merged;
            groups[g].frame = merged.marginsAdded(grow);
            groups[g].rows.insert(groups[g].rows.end(), it.rows.begin(), it.rows.end());
            placed = true;
            break;
        }
        if (!placed && clear(it.rect.marginsAdded(grow), kNone))
            groups.push_back({it.rect, it.rect.marginsAdded(grow), it.rows});
    }
    for (Group& g : groups)
        std::sort(g.rows.begin(), g.rows.end());
    return groups;
}

/// About 2 million cells visited and boxes and frames tested, a few milliseconds: far
/// more than any design a person draws needs (a hundred components take thousands), and a
/// bound on a huge one, whose frames are worked out again at every edit.
constexpr long long kBudget = 2'000'000;

} // namespace

std::vector<ZoneArea> zoneAreas(const Document& doc, const std::vector<QRectF>& rects) {
    std::vector<ZoneArea> out;
    if (doc.zones.empty()) return out;
    const size_t count = std::min(doc.components.size(), rects.size());
    std::unordered_map<std::string, int> row;
    for (size_t i = 0; i < doc.zones.size(); ++i)
        row.emplace(doc.zones[i].id, int(i));
    // The components that live in exactly one zone, by zone.
    std::vector<std::vector<int>> single(doc.zones.size());
    for (size_t i = 0; i < count; ++i) {
        if (rects[i].isNull()) continue;
        const auto zones = componentZones(doc.components[i]);
        if (zones.size() != 1) continue;
        if (auto r = row.find(zones.front()); r != row.end())
            single[size_t(r->second)].push_back(int(i));
    }
    std::vector<QRectF> boxes(rects.begin(), rects.begin() + std::ptrdiff_t(count));
    const BoxGrid grid(boxes);
    const QMarginsF grow(kZonePadding, kZonePadding + kZoneLabel, kZonePadding, kZonePadding);
    std::vector<QRectF> drawn;
    long long budget = kBudget;
    for (size_t z = 0; z < doc.zones.size(); ++z) {
        if (single[z].empty()) continue;
        std::vector<char> inGroup(count, 0);
        std::vector<Item> items;
        for (int i : single[z]) {
            inGroup[size_t(i)] = 1;
            items.push_back({{i}, boxes[size_t(i)]});
        }
        for (Group& g :
             clearGroups(std::move(items), boxes, grid, inGroup, grow, drawn, {}, budget)) {
            drawn.push_back(g.frame);
            out.push_back(
                {int(z), QString::fromStdString(doc.zones[z].id), g.frame, std::move(g.rows)});
        }
    }
    return out;
}

std::vector<RegionArea> regionAreas(const Document& doc, const std::vector<QRectF>& rects,
                                    const std::vector<ZoneArea>& zoneFrames) {
    std::vector<RegionArea> out;
    const size_t count = std::min(doc.components.size(), rects.size());
    std::unordered_map<std::string, const Zone*> zoneById;
    std::vector<std::string> regions; // in order of first mention
    for (const Zone& z : doc.zones) {
        zoneById.emplace(z.id, &z);
        if (!z.region.empty() &&
            std::find(regions.begin(), regions.end(), z.region) == regions.end())
            regions.push_back(z.region);
    }
    if (regions.empty()) return out;
    // Each component's region: the one all its zones lie in ("" when none, or several).
    std::vector<std::string> regionOf(count);
    for (size_t i = 0; i < count; ++i) {
        if (rects[i].isNull()) continue;
        std::string region;
        bool one = true;
        const auto zones = componentZones(doc.components[i]);
        for (const auto& id : zones) {
            auto z = zoneById.find(id);
            if (z == zoneById.end() || z->second->region.empty() ||
                (!region.empty() && region != z->second->region)) {
                one = false;
                break;
            }
            region = z->second->region;
        }
        if (one) regionOf[i] = region;
    }
    std::vector<QRectF> boxes(rects.begin(), rects.begin() + std::ptrdiff_t(count));
    const BoxGrid grid(boxes);
    std::vector<QRectF> zoneRects;
    for (const ZoneArea& a : zoneFrames)
        zoneRects.push_back(a.rect);
    const QMarginsF grow(kRegionPadding, kRegionPadding + kZoneLabel, kRegionPadding,
                         kRegionPadding);
    std::vector<QRectF> drawn;
    long long budget = kBudget;
    for (const std::string& region : regions) {
        std::vector<char> inGroup(count, 0);
        for (size_t i = 0; i < count; ++i)
            inGroup[i] = !regionOf[i].empty() && regionOf[i] == region;
        // A zone frame of the region goes in whole, with its components; the others one by one.
        std::vector<Item> items;
        std::vector<char> taken(count, 0);
        for (const ZoneArea& a : zoneFrames) {
            if (doc.zones[size_t(a.zone)].region != region) continue;
            items.push_back({a.members, a.rect});
            for (int m : a.members)
                taken[size_t(m)] = 1;
        }
        for (size_t i = 0; i < count; ++i)
            if (inGroup[i] && !taken[i]) items.push_back({{int(i)}, boxes[i]});
        // All of the region in one frame, or no frame: a frame around part of it would
        // say the boxes left outside are somewhere else.
        for (Group& g : clearGroups(std::move(items), boxes, grid, inGroup, grow, drawn, zoneRects,
                                    budget, true)) {
            drawn.push_back(g.frame);
            out.push_back({region, g.frame, std::move(g.rows)});
        }
    }
    return out;
}

} // namespace archlens::geometry
