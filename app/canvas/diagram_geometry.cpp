#include "diagram_geometry.h"

#include <QFont>
#include <QFontMetricsF>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace archlens {

QPointF ConnectionCurve::at(double t) const {
    const double u = 1 - t;
    return u * u * u * points[0] + 3 * u * u * t * points[1] + 3 * u * t * t * points[2] +
           t * t * t * points[3];
}

std::vector<QPointF> ConnectionCurve::sampled(int steps) const {
    std::vector<QPointF> pts;
    pts.reserve(size_t(steps) + 1);
    for (int i = 0; i <= steps; ++i)
        pts.push_back(at(double(i) / steps));
    return pts;
}

QPointF ConnectionCurve::endDirection() const {
    QPointF d = points[3] - points[2];
    if (d.isNull()) d = points[3] - points[0];
    const double len = std::hypot(d.x(), d.y());
    return len > 0 ? d / len : QPointF(1, 0);
}

namespace geometry {

QRectF componentRect(const Component& c) {
    if (c.width && c.height) return {c.x, c.y, *c.width, *c.height};
    const QSizeF fitted = fittedComponentSize(c);
    return {c.x, c.y, c.width.value_or(fitted.width()), c.height.value_or(fitted.height())};
}

QFont componentNameFont() {
    QFont f;
    f.setPixelSize(13);
    f.setBold(true);
    return f;
}

int drawnInstances(const Component& c) {
    if (auto it = c.props.find("instances"); it != c.props.end() && it->is_number_integer())
        return it->get<int>();
    return 1;
}

double instancePillWidth(int instances) {
    if (instances <= 1) return 0;
    // Every box with instances is sized on every rebuild, and shaping the text is most of
    // the cost of sizing it: the widths are kept per count and per thread (the render
    // thread sizes boxes too). The counts are few (at most 100,000).
    thread_local std::unordered_map<int, double> widths;
    if (auto it = widths.find(instances); it != widths.end()) return it->second;
    QFont font;
    font.setPixelSize(10);
    font.setBold(true);
    const double width =
        QFontMetricsF(font).horizontalAdvance(QStringLiteral("×%1").arg(instances)) + 8;
    widths.emplace(instances, width);
    return width;
}

double nameRoom(double boxWidth, int instances) {
    // The pill sits 6 px from the right edge and the name stops 4 px before it.
    const double right = instances > 1 ? instancePillWidth(instances) + 10 : kNameRight;
    return boxWidth - kNameLeft - right;
}

namespace {
/// The width of a name in the card's font. Boxes are sized on every rebuild and hit test,
/// thousands at a time, so widths are kept per name (looked up without copying the
/// string) and per thread, since the render thread sizes boxes too.
double nameAdvance(const std::string& name) {
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    thread_local std::unordered_map<std::string, double, Hash, std::equal_to<>> widths;
    if (auto it = widths.find(std::string_view(name)); it != widths.end()) return it->second;
    if (widths.size() > 200000) widths.clear();
    const double w =
        QFontMetricsF(componentNameFont()).horizontalAdvance(QString::fromStdString(name));
    widths.emplace(name, w);
    return w;
}

/// The narrowest width, from the default in steps of 8 up to kMaxFittedWidth, at which the
/// whole name fits on two lines. Kept per name and pill, like the advances above, since
/// the search measures the name several times.
double twoLineWidth(const std::string& name, int instances) {
    thread_local std::unordered_map<std::string, double> widths;
    std::string key = name;
    key.append(1, '\0').append(std::to_string(instances));
    if (auto it = widths.find(key); it != widths.end()) return it->second;
    if (widths.size() > 200000) widths.clear();
    const QString text = QString::fromStdString(name);
    const QChar ellipsis(0x2026);
    double width = kComponentWidth;
    for (; width < kMaxFittedWidth; width += 8) {
        const QStringList lines = nameLines(text, nameRoom(width, instances), 2);
        if (!lines.back().endsWith(ellipsis) || text.endsWith(ellipsis)) break;
    }
    widths.emplace(std::move(key), width);
    return width;
}
} // namespace

QSizeF fittedComponentSize(const Component& c) {
    // A box placed in zones is a little taller, for the row of zone chips under the name.
    // (Asked without copying the zones: boxes are sized thousands of times a frame.)
    const auto zones = c.props.find("zones");
    const bool zoned =
        zones != c.props.end() && zones->is_array() &&
        std::any_of(zones->begin(), zones->end(), [](const Json& z) { return z.is_string(); });
    const double chips = zoned ? kZoneChipRow : 0;
    if (c.name.size() <= 8) return {kComponentWidth, kComponentHeight + chips};
    const int instances = drawnInstances(c);
    const double needed =
        kComponentWidth - nameRoom(kComponentWidth, instances) + std::ceil(nameAdvance(c.name)) + 2;
    if (needed <= kComponentWidth) return {kComponentWidth, kComponentHeight + chips};
    return {twoLineWidth(c.name, instances), kTwoLineHeight + chips};
}

QStringList nameLines(const QString& name, double room, int maxLines) {
    const QFontMetricsF fm(componentNameFont());
    if (maxLines <= 1 || fm.horizontalAdvance(name) <= room)
        return {fm.elidedText(name, Qt::ElideRight, room)};
    // The longest start that fits, ending at a space when there is one.
    int cut = 0;
    for (int i = 1; i <= name.size(); ++i) {
        if (fm.horizontalAdvance(name.left(i)) > room) break;
        cut = i;
    }
    const int space = name.left(cut + 1).lastIndexOf(QLatin1Char(' '));
    if (space > 0) cut = space;
    if (cut <= 0) cut = 1;
    const QString rest = name.mid(cut).trimmed();
    QStringList lines{name.left(cut).trimmed()};
    if (!rest.isEmpty()) lines += nameLines(rest, room, maxLines - 1);
    return lines;
}

QRectF noteRect(const Note& n) {
    return {n.x, n.y, kNoteWidth, kNoteHeight};
}

std::vector<std::string> componentZones(const Component& c) {
    std::vector<std::string> out;
    auto it = c.props.find("zones");
    if (it == c.props.end() || !it->is_array()) return out;
    for (const auto& z : *it)
        if (z.is_string()) out.push_back(z.get<std::string>());
    return out;
}

namespace {
enum Side { Right, Left, Bottom, Top };

/// The side of `box` that faces `towards`.
Side sideFacing(const QRectF& box, QPointF towards) {
    const QPointF c = box.center();
    const double dx = (towards.x() - c.x()) / box.width();
    const double dy = (towards.y() - c.y()) / box.height();
    if (std::abs(dx) >= std::abs(dy)) return dx >= 0 ? Right : Left;
    return dy >= 0 ? Bottom : Top;
}

/// The point `t` of the way along a side (top to bottom, left to right), and the outward
/// normal there.
std::pair<QPointF, QPointF> pointOn(const QRectF& box, Side side, double t) {
    switch (side) {
    case Right:
        return {QPointF(box.right(), box.top() + t * box.height()), QPointF(1, 0)};
    case Left:
        return {QPointF(box.left(), box.top() + t * box.height()), QPointF(-1, 0)};
    case Bottom:
        return {QPointF(box.left() + t * box.width(), box.bottom()), QPointF(0, 1)};
    case Top:
        break;
    }
    return {QPointF(box.left() + t * box.width(), box.top()), QPointF(0, -1)};
}

/// One end of a connection: the box and side it meets, and where along that side the
/// other end lies (so that ends sorted by it do not cross).
struct End {
    int box;
    Side side;
    double key;
    int connection;
    bool start;
};

End endOn(int box, const QRectF& self, const QRectF& other, int connection, bool start) {
    const Side side = sideFacing(self, other.center());
    const double key = side == Left || side == Right ? other.center().y() : other.center().x();
    return {box, side, key, connection, start};
}

/// The order ends are spread in: by box and side, then where the other end lies, then
/// by connection, a start before an end.
bool endBefore(const End& x, const End& y) {
    if (x.box != y.box) return x.box < y.box;
    if (x.side != y.side) return x.side < y.side;
    if (x.key != y.key) return x.key < y.key;
    if (x.connection != y.connection) return x.connection < y.connection;
    return x.start > y.start;
}

/// Spreads sorted ends evenly along the side of the box each meets: `put(end, point)`
/// with the point and its outward normal.
template <typename Put>
void spreadEnds(const std::vector<End>& ends, const std::vector<QRectF>& boxes, Put put) {
    for (size_t first = 0; first < ends.size();) {
        size_t last = first;
        while (last < ends.size() && ends[last].box == ends[first].box &&
               ends[last].side == ends[first].side)
            ++last;
        const double n = double(last - first);
        for (size_t j = first; j < last; ++j)
            put(ends[j], pointOn(boxes[size_t(ends[j].box)], ends[j].side,
                                 (double(j - first) + 1) / (n + 1)));
        first = last;
    }
}

ConnectionCurve curveBetween(std::pair<QPointF, QPointF> from, std::pair<QPointF, QPointF> to) {
    const auto [a, na] = from;
    const auto [b, nb] = to;
    const double dist = std::hypot(b.x() - a.x(), b.y() - a.y());
    const double reach = std::clamp(dist * 0.4, 12.0, 160.0);
    return {{a, a + na * reach, b + nb * reach, b}};
}
} // namespace

ConnectionCurve connectionCurve(const QRectF& from, const QRectF& to) {
    return curveBetween(pointOn(from, sideFacing(from, to.center()), 0.5),
                        pointOn(to, sideFacing(to, from.center()), 0.5));
}

std::vector<ConnectionEnds> connectionEnds(const Document& doc) {
    std::unordered_map<std::string_view, int> row;
    row.reserve(doc.components.size());
    for (size_t i = 0; i < doc.components.size(); ++i)
        row.emplace(doc.components[i].id, int(i));
    std::vector<ConnectionEnds> out(doc.connections.size());
    for (size_t i = 0; i < doc.connections.size(); ++i) {
        const auto a = row.find(doc.connections[i].from);
        const auto b = row.find(doc.connections[i].to);
        out[i] = {a == row.end() ? -1 : a->second, b == row.end() ? -1 : b->second};
    }
    return out;
}

namespace {
/// Whether a connection is drawn between two of `boxes`.
bool drawnOn(const ConnectionEnds& e, const std::vector<QRectF>& boxes) {
    return e.drawn() && size_t(e.from) < boxes.size() && size_t(e.to) < boxes.size();
}
} // namespace

std::vector<std::optional<ConnectionCurve>> connectionCurves(const Document& doc,
                                                             const std::vector<QRectF>& boxes) {
    const std::vector<ConnectionEnds> rows = connectionEnds(doc);
    const size_t count = rows.size();
    std::vector<End> ends;
    ends.reserve(2 * count);
    for (size_t i = 0; i < count; ++i) {
        const ConnectionEnds& e = rows[i];
        if (!drawnOn(e, boxes)) continue;
        const QRectF& from = boxes[size_t(e.from)];
        const QRectF& to = boxes[size_t(e.to)];
        ends.push_back(endOn(e.from, from, to, int(i), true));
        ends.push_back(endOn(e.to, to, from, int(i), false));
    }
    std::sort(ends.begin(), ends.end(), endBefore);
    std::vector<std::array<std::pair<QPointF, QPointF>, 2>> at(count);
    spreadEnds(ends, boxes, [&](const End& e, std::pair<QPointF, QPointF> point) {
        at[size_t(e.connection)][e.start ? 0 : 1] = point;
    });
    std::vector<std::optional<ConnectionCurve>> out(count);
    for (size_t i = 0; i < count; ++i)
        if (drawnOn(rows[i], boxes)) out[i] = curveBetween(at[i][0], at[i][1]);
    return out;
}

void updateConnectionCurves(const std::vector<ConnectionEnds>& ends,
                            const std::vector<std::vector<int>>& meeting,
                            const std::vector<QRectF>& boxes, const std::vector<int>& rows,
                            std::vector<std::optional<ConnectionCurve>>& curves) {
    auto usable = [&](int c) { return drawnOn(ends[size_t(c)], boxes); };
    std::vector<int> spread;
    for (int c : rows)
        if (usable(c)) {
            spread.push_back(ends[size_t(c)].from);
            spread.push_back(ends[size_t(c)].to);
        }
    std::sort(spread.begin(), spread.end());
    spread.erase(std::unique(spread.begin(), spread.end()), spread.end());
    // Each box's ends as connectionCurves() spreads them.
    std::unordered_map<long long, std::pair<QPointF, QPointF>> at; // 2 * row + (0 start, 1 end)
    std::vector<End> list;
    for (int b : spread) {
        list.clear();
        for (int c : meeting[size_t(b)]) {
            if (!usable(c)) continue;
            const ConnectionEnds& e = ends[size_t(c)];
            const bool start = e.from == b;
            list.push_back(
                endOn(b, boxes[size_t(b)], boxes[size_t(start ? e.to : e.from)], c, start));
        }
        std::sort(list.begin(), list.end(), endBefore);
        spreadEnds(list, boxes, [&](const End& e, std::pair<QPointF, QPointF> point) {
            at[2ll * e.connection + (e.start ? 0 : 1)] = point;
        });
    }
    for (int c : rows) {
        if (!usable(c)) continue;
        curves[size_t(c)] = curveBetween(at[2ll * c], at[2ll * c + 1]);
    }
}

QString connectionLabel(const Connection& c) {
    const auto it = c.props.find("label");
    if (it == c.props.end() || !it->is_string()) return {};
    return QString::fromStdString(it->get<std::string>()).simplified();
}

QFont connectionLabelFont() {
    QFont f;
    f.setPixelSize(11);
    return f;
}

QRectF connectionLabelRect(const ConnectionCurve& curve, const QString& text) {
    if (text.isEmpty()) return {};
    // Measured once per text; a design has few labels, but each rebuild asks for all.
    const double w =
        std::min(kConnectionLabelWidth,
                 std::ceil(QFontMetricsF(connectionLabelFont()).horizontalAdvance(text)) + 16);
    const QPointF mid = curve.at(0.5);
    return QRectF(mid.x() - w / 2, mid.y() - kConnectionLabelHeight / 2, w, kConnectionLabelHeight);
}

QPointF connectionMarker(const ConnectionCurve& curve, const Connection& c) {
    const QRectF label = connectionLabelRect(curve, connectionLabel(c));
    if (label.isNull()) return curve.at(0.5);
    return QPointF(label.left() - 4, label.center().y());
}

double distanceToCurve(const ConnectionCurve& curve, QPointF p) {
    double best = 1e300;
    QPointF prev = curve.points[0];
    constexpr int kSteps = 16;
    for (int i = 1; i <= kSteps; ++i) {
        const QPointF next = curve.at(double(i) / kSteps);
        const QPointF d = next - prev;
        const double len2 = QPointF::dotProduct(d, d);
        const double t =
            len2 > 0 ? std::clamp(QPointF::dotProduct(p - prev, d) / len2, 0.0, 1.0) : 0.0;
        const QPointF q = prev + t * d;
        best = std::min(best, std::hypot(p.x() - q.x(), p.y() - q.y()));
        prev = next;
    }
    return best;
}

QRectF documentBounds(const Document& doc) {
    std::vector<QRectF> rects;
    rects.reserve(doc.components.size());
    QRectF r;
    for (const auto& c : doc.components) {
        rects.push_back(componentRect(c));
        r |= rects.back();
    }
    for (const auto& n : doc.notes)
        r |= noteRect(n);
    const auto zones = zoneAreas(doc, rects);
    for (const auto& z : zones)
        r |= z.rect;
    for (const auto& g : regionAreas(doc, rects, zones))
        r |= g.rect;
    return r;
}

} // namespace geometry
} // namespace archlens
