// DocumentController: copy, cut, paste and duplicate. The clipboard holds a small design
// of its own (the copied components, notes, the connections between them and the zones
// they use), so a paste into another window or another run of the program works too.
// A paste lands beside what was copied, in free space (never on top of a box), and a
// component whose name is taken gets the next free number ("API" -> "API 2").
#include "document_controller.h"

#include "archlens/model/describe.h"
#include "archlens/model/document_io.h"
#include "count_text.h"
#include "diagram_geometry.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace archlens {

namespace {
const QString kMime = QStringLiteral("application/x-archlens-fragment");
constexpr double kPasteOffset = 24;
/// How many rings of grid steps around its preferred place a paste searches for free
/// space before it goes below everything instead.
constexpr int kPasteRings = 64;

/// Which of the offsets equally near the preferred place a paste takes first: right,
/// below, left, above, then the diagonals (below right first).
int directionRank(int i, int j) {
    if (j == 0) return i >= 0 ? 0 : 2;
    if (i == 0) return j > 0 ? 1 : 3;
    if (j > 0) return i > 0 ? 4 : 5;
    return i < 0 ? 6 : 7;
}

/// The name itself when no component has it; otherwise the next free number: "Shortener
/// API" -> "Shortener API 2", "API 2" -> "API 3".
std::string freshCopyName(const std::string& name, const std::unordered_set<std::string>& taken) {
    if (!taken.count(name)) return name;
    std::string base = name;
    long long n = 2;
    const size_t space = name.find_last_of(' ');
    if (space != std::string::npos && space > 0 && name.size() - space - 1 <= 9 &&
        name.size() > space + 1 &&
        std::all_of(name.begin() + long(space) + 1, name.end(),
                    [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); })) {
        base = name.substr(0, space);
        n = std::stoll(name.substr(space + 1)) + 1;
    }
    for (;; ++n)
        if (std::string next = base + " " + std::to_string(n); !taken.count(next)) return next;
}

/// What a copy holds, in a status line: "Shortener API" for one component, "1 note",
/// "2 components and 1 note".
QString fragmentText(const Document& fragment) {
    const auto components = qsizetype(fragment.components.size());
    const auto notes = qsizetype(fragment.notes.size());
    if (components == 1 && notes == 0)
        return QString::fromStdString(fragment.components.front().name);
    const QString c =
        countText(components, QObject::tr("%1 component"), QObject::tr("%1 components"));
    const QString n = countText(notes, QObject::tr("%1 note"), QObject::tr("%1 notes"));
    if (notes == 0) return c;
    if (components == 0) return n;
    return QObject::tr("%1 and %2").arg(c, n);
}

Document fragmentOf(const Document& doc, const QStringList& ids) {
    const std::unordered_set<std::string> chosen = [&] {
        std::unordered_set<std::string> s;
        for (const QString& id : ids)
            s.insert(id.toStdString());
        return s;
    }();
    Document out;
    std::unordered_set<std::string> zones;
    for (const auto& c : doc.components)
        if (chosen.count(c.id)) {
            out.components.push_back(c);
            for (const auto& z : geometry::componentZones(c))
                zones.insert(z);
        }
    for (const auto& z : doc.zones)
        if (zones.count(z.id)) out.zones.push_back(z);
    std::unordered_set<std::string> components;
    for (const auto& c : out.components)
        components.insert(c.id);
    for (const auto& c : doc.connections)
        if (chosen.count(c.id) || (components.count(c.from) && components.count(c.to))) {
            if (!components.count(c.from) || !components.count(c.to)) continue;
            Connection copy = c;
            copy.props.erase("flows"); // flows are not copied, so neither are references to them
            out.connections.push_back(std::move(copy));
        }
    for (const auto& n : doc.notes)
        if (chosen.count(n.id)) out.notes.push_back(n);
    return out;
}
} // namespace

void DocumentController::copySelection() {
    const Document fragment = fragmentOf(editor_.document(), selection_.ids());
    if (fragment.components.empty() && fragment.notes.empty()) return;
    const QByteArray data = QByteArray::fromStdString(writeDocument(fragment));
    auto* mime = new QMimeData;
    mime->setData(kMime, data);
    mime->setText(QString::fromUtf8(data));
    QGuiApplication::clipboard()->setMimeData(mime);
    pasteCount_ = 0;
    setStatus(tr("Copied %1").arg(fragmentText(fragment)));
}

void DocumentController::cutSelection() {
    copySelection();
    const QStringList ids = selection_.ids();
    if (!ids.isEmpty()) deleteElements(ids);
    pasteCount_ = -1; // a paste after a cut lands where the cut elements were, if still free
}

bool DocumentController::canPaste() const {
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    return mime &&
           (mime->hasFormat(kMime) || mime->text().trimmed().startsWith(QLatin1String("{")));
}

bool DocumentController::paste(qreal x, qreal y) {
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    if (!mime) return false;
    const QByteArray data = mime->hasFormat(kMime) ? mime->data(kMime) : mime->text().toUtf8();
    const bool atGiven = !qIsNaN(x) && !qIsNaN(y);
    return pasteJson(data, QPointF(atGiven ? x : 0, atGiven ? y : 0), atGiven);
}

bool DocumentController::duplicateSelection() {
    const Document fragment = fragmentOf(editor_.document(), selection_.ids());
    if (fragment.components.empty() && fragment.notes.empty()) return false;
    pasteCount_ = 0;
    return pasteJson(QByteArray::fromStdString(writeDocument(fragment)), {}, false);
}

bool DocumentController::pasteJson(const QByteArray& data, QPointF at, bool atGiven) {
    auto loaded = readDocument(data.toStdString(), editor_.catalogue());
    if (!loaded.ok()) return refuse("the clipboard does not hold ArchLens components");
    Document& fragment = *loaded.document;
    if (fragment.components.empty() && fragment.notes.empty()) return false;

    QRectF box;
    std::vector<QRectF> pieces;
    for (const auto& c : fragment.components)
        pieces.push_back(geometry::componentRect(c));
    for (const auto& n : fragment.notes)
        pieces.push_back(geometry::noteRect(n));
    for (const QRectF& r : pieces)
        box |= r;
    QPointF shift;
    if (atGiven) {
        shift = QPointF(snap(at.x() - box.width() / 2) - box.left(),
                        snap(at.y() - box.height() / 2) - box.top());
    } else {
        // Beside the original, else the free place nearest to it, searched in rings of
        // grid steps: a copy on top of a box hides it, and one far away is lost.
        std::vector<QRectF> boxes;
        for (const auto& c : editor_.document().components)
            boxes.push_back(geometry::componentRect(c));
        for (const auto& n : editor_.document().notes)
            boxes.push_back(geometry::noteRect(n));
        auto free = [&](QPointF at) {
            const QRectF area = box.translated(at).adjusted(-kGrid, -kGrid, kGrid, kGrid);
            for (const QRectF& b : boxes) {
                if (!area.intersects(b)) continue;
                for (const QRectF& r : pieces)
                    if (r.translated(at).adjusted(-kGrid, -kGrid, kGrid, kGrid).intersects(b))
                        return false;
            }
            return true;
        };
        const QPointF preferred = QPointF(kPasteOffset, kPasteOffset) * (pasteCount_ < 0 ? 0 : 1);
        pasteCount_ = 0;
        // The nearest free offset, ties going to the earlier direction; ring r holds the
        // offsets r steps away along x or y, none nearer than r steps, so the search stops
        // at the first ring that cannot beat the best found.
        std::optional<std::pair<int, int>> best; // squared distance in steps, direction
        for (int r = 0; r <= kPasteRings && (!best || r * r <= best->first); ++r)
            for (int i = -r; i <= r; ++i)
                for (int j = -r; j <= r; ++j) {
                    if (std::max(std::abs(i), std::abs(j)) != r) continue;
                    const std::pair<int, int> rank{i * i + j * j, directionRank(i, j)};
                    if (best && rank >= *best) continue;
                    const QPointF at = preferred + QPointF(i, j) * kGrid;
                    if (free(at)) {
                        best = rank;
                        shift = at;
                    }
                }
        if (!best) {
            // No room near it: below everything, where there always is.
            QRectF all;
            for (const QRectF& b : boxes)
                all |= b;
            shift = QPointF(preferred.x(), snap(all.bottom() + 3 * kGrid) - box.top());
        }
    }
    const Document& doc = editor_.document();
    std::unordered_map<std::string, std::string> renamed;
    std::unordered_set<std::string> names;
    for (const auto& c : doc.components)
        names.insert(c.name);
    std::unordered_set<std::string> taken;
    auto freshId = [&](const std::string& id, const std::string& prefix) {
        std::string next = id;
        for (int n = 2; doc.idInUse(next) || taken.count(next); ++n)
            next = prefix + std::to_string(n);
        taken.insert(next);
        renamed[id] = next;
        return next;
    };

    QStringList added;
    {
        Editor::Group group(editor_,
                            "Paste " + countOf(fragment.components.size() + fragment.notes.size(),
                                               "item", "items"));
        for (auto c : fragment.components) {
            c.id = freshId(c.id, c.id + "_");
            c.name = freshCopyName(c.name, names);
            names.insert(c.name);
            c.x += shift.x();
            c.y += shift.y();
            // Zones the target design lacks are dropped rather than invented.
            auto zones = geometry::componentZones(c);
            std::erase_if(
                zones, [&](const std::string& z) { return !doc.contains(ElementType::Zone, z); });
            if (zones.empty())
                c.props.erase("zones");
            else
                c.props["zones"] = zones;
            if (editor_.addComponent(c).ok()) added << QString::fromStdString(c.id);
        }
        for (auto c : fragment.connections) {
            c.id = freshId(c.id, "c");
            c.from = renamed[c.from];
            c.to = renamed[c.to];
            editor_.addConnection(c);
        }
        for (auto n : fragment.notes) {
            n.id = freshId(n.id, "note");
            n.x += shift.x();
            n.y += shift.y();
            if (editor_.addNote(n).ok()) added << QString::fromStdString(n.id);
        }
    }
    selection_.setIds(added);
    if (!added.isEmpty()) emit placed(added);
    // One pasted component is named, as its copy is ("Pasted Shortener API 2").
    const Component* single =
        added.size() == 1 ? editor_.document().component(added.front().toStdString()) : nullptr;
    setStatus(single ? tr("Pasted %1").arg(QString::fromStdString(single->name))
                     : tr("Pasted %1").arg(countText(added.size(), tr("%1 item"), tr("%1 items"))));
    return !added.isEmpty();
}

} // namespace archlens
