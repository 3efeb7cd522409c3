#include "alignment_guides.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace archlens {

namespace {
constexpr double kSame = 0.01; ///< lines this close (document units) are one line

std::array<double, 3> xLines(const QRectF& r) {
    return {r.left(), r.center().x(), r.right()};
}
std::array<double, 3> yLines(const QRectF& r) {
    return {r.top(), r.center().y(), r.bottom()};
}
} // namespace

AlignmentSnapper::AlignmentSnapper(const std::vector<QRectF>& others) {
    xs_.reserve(3 * others.size());
    ys_.reserve(3 * others.size());
    for (const QRectF& r : others) {
        const auto x = xLines(r), y = yLines(r);
        for (int i = 0; i < 3; ++i) {
            xs_.push_back({x[size_t(i)], r.top(), r.bottom(), i == 1});
            ys_.push_back({y[size_t(i)], r.left(), r.right(), i == 1});
        }
    }
    auto byAt = [](const Line& a, const Line& b) { return a.at < b.at; };
    std::sort(xs_.begin(), xs_.end(), byAt);
    std::sort(ys_.begin(), ys_.end(), byAt);
}

std::optional<double> AlignmentSnapper::nearest(const std::vector<Line>& lines,
                                                const std::array<double, 3>& moving, double reach) {
    std::optional<double> best;
    for (int i = 0; i < 3; ++i) {
        const double m = moving[size_t(i)];
        auto it = std::lower_bound(lines.begin(), lines.end(), m - reach,
                                   [](const Line& l, double v) { return l.at < v; });
        for (; it != lines.end() && it->at <= m + reach; ++it) {
            if (it->centre != (i == 1)) continue;
            const double d = it->at - m;
            if (!best || std::abs(d) < std::abs(*best)) best = d;
        }
    }
    return best;
}

AlignmentSnapper::Shift AlignmentSnapper::snap(const QRectF& moving, double reach) const {
    return {nearest(xs_, xLines(moving), reach), nearest(ys_, yLines(moving), reach)};
}

std::vector<QLineF> AlignmentSnapper::guides(const QRectF& moving) const {
    std::vector<QLineF> out;
    auto along = [&](const std::vector<Line>& lines, const std::array<double, 3>& at, double from,
                     double to, bool vertical) {
        for (int i = 0; i < 3; ++i) {
            const double m = at[size_t(i)];
            auto it = std::lower_bound(lines.begin(), lines.end(), m - kSame,
                                       [](const Line& l, double v) { return l.at < v; });
            double lo = from, hi = to;
            bool met = false;
            for (; it != lines.end() && it->at <= m + kSame; ++it) {
                if (it->centre != (i == 1)) continue;
                met = true;
                lo = std::min(lo, it->from);
                hi = std::max(hi, it->to);
            }
            if (met) out.push_back(vertical ? QLineF(m, lo, m, hi) : QLineF(lo, m, hi, m));
        }
    };
    along(xs_, xLines(moving), moving.top(), moving.bottom(), true);
    along(ys_, yLines(moving), moving.left(), moving.right(), false);
    return out;
}

} // namespace archlens
