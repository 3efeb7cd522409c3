// DocumentController: the edits a person makes on the canvas and in the inspector. Each
// public edit is one undo step (a macro where it takes several model commands).
#include "document_controller.h"

#include "count_text.h"
#include "diagram_geometry.h"
#include "json_variant.h"

#include "archlens/model/describe.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_set>

namespace archlens {

namespace {
/// The kind's label, numbered when another component already has that name.
std::string freshName(const Document& doc, const std::string& label) {
    std::unordered_set<std::string> names;
    for (const auto& c : doc.components)
        names.insert(c.name);
    if (!names.count(label)) return label;
    for (int n = 2;; ++n)
        if (std::string name = label + " " + std::to_string(n); !names.count(name)) return name;
}

} // namespace

std::vector<ZoneArea>
DocumentController::zoneAreasWithout(const std::vector<std::string>& ignore) const {
    const Document& doc = editor_.document();
    const std::unordered_set<std::string> skip(ignore.begin(), ignore.end());
    std::vector<QRectF> rects;
    rects.reserve(doc.components.size());
    for (const auto& c : doc.components)
        rects.push_back(skip.count(c.id) ? QRectF() : geometry::componentRect(c));
    return geometry::zoneAreas(doc, rects);
}

std::vector<std::string> DocumentController::zonesAt(QPointF point,
                                                     std::vector<ZoneArea> areas) const {
    const Document& doc = editor_.document();
    std::erase_if(areas, [&](const ZoneArea& a) { return !a.rect.contains(point); });
    std::sort(areas.begin(), areas.end(), [](const ZoneArea& a, const ZoneArea& b) {
        return a.rect.width() * a.rect.height() < b.rect.width() * b.rect.height();
    });
    std::vector<std::string> out;
    for (const auto& a : areas)
        out.push_back(doc.zones[size_t(a.zone)].id);
    return out;
}

QString DocumentController::addComponent(const QString& kindId, qreal x, qreal y) {
    const KindInfo* kind = editor_.catalogue().kind(kindId.toStdString());
    if (!kind) return refuse("there is no component kind \"" + kindId.toStdString() + "\""), "";
    Component c;
    c.kind = kind->id;
    c.name = freshName(editor_.document(), kind->label);
    const QSizeF size = geometry::fittedComponentSize(c); // as wide as its name needs
    c.x = snap(x - size.width() / 2);
    c.y = snap(y - size.height() / 2);
    const auto zones = zonesAt(QPointF(x, y), zoneAreasWithout({}));
    if (!zones.empty()) c.props["zones"] = Json::array({zones.front()});
    const EditResult r = editor_.addComponent(std::move(c));
    if (!r.ok()) return refuse(r.error), "";
    const QString id = QString::fromStdString(r.id);
    selection_.select(id);
    setStatus(tr("Added %1").arg(QString::fromStdString(kind->label)));
    return id;
}

QString DocumentController::addNote(qreal x, qreal y, const QString& text) {
    Note n;
    n.text = text.isEmpty() ? tr("Note").toStdString() : text.toStdString();
    n.x = snap(x - geometry::kNoteWidth / 2);
    n.y = snap(y - geometry::kNoteHeight / 2);
    const EditResult r = editor_.addNote(std::move(n));
    if (!r.ok()) return refuse(r.error), "";
    selection_.select(QString::fromStdString(r.id));
    return QString::fromStdString(r.id);
}

QString DocumentController::addZone(const QString& region) {
    Zone z;
    z.id = editor_.document().uniqueId("az");
    z.region = region.toStdString();
    const EditResult r = editor_.addZone(std::move(z));
    if (!r.ok()) return refuse(r.error), "";
    return QString::fromStdString(r.id);
}

QString DocumentController::addFlow(const QString& entry) {
    const Document& doc = editor_.document();
    Flow f;
    f.entry = entry.toStdString();
    if (f.entry.empty()) {
        // A client is where requests usually enter; otherwise the first component.
        const Catalogue& catalogue = editor_.catalogue();
        auto it = std::find_if(doc.components.begin(), doc.components.end(), [&](const auto& c) {
            return catalogue.is(c.kind, KindTrait::Client);
        });
        if (it == doc.components.end()) it = doc.components.begin();
        if (it == doc.components.end())
            return refuse("add a component first: a flow enters at one"), "";
        f.entry = it->id;
    }
    f.id = doc.uniqueId("flow");
    f.name = tr("New flow").toStdString();
    const EditResult r = editor_.addFlow(std::move(f));
    if (!r.ok()) return refuse(r.error), "";
    return QString::fromStdString(r.id);
}

QString DocumentController::connectComponents(const QString& from, const QString& to) {
    if (from == to) return refuse("a component cannot call itself"), "";
    const Document& doc = editor_.document();
    for (int row : index_.connectionsOf(from.toStdString())) {
        const Connection& c = doc.connections[size_t(row)];
        if (c.from == from.toStdString() && c.to == to.toStdString())
            return refuse("these two components are already connected"), "";
    }
    Connection c;
    c.from = from.toStdString();
    c.to = to.toStdString();
    const EditResult r = editor_.addConnection(std::move(c));
    if (!r.ok()) return refuse(r.error), "";
    const QString id = QString::fromStdString(r.id);
    selection_.select(id);
    // Said in the status line like other additions, so it does not keep showing the last.
    setStatus(tr("Connected %1 \u2192 %2")
                  .arg(QString::fromStdString(doc.component(from.toStdString())->name),
                       QString::fromStdString(doc.component(to.toStdString())->name)));
    return id;
}

bool DocumentController::retarget(const QString& connection, const QString& end,
                                  const QString& component) {
    if (end != QLatin1String("from") && end != QLatin1String("to"))
        return refuse("a connection has a \"from\" and a \"to\" end");
    const EditResult r =
        editor_.setAttribute({ElementType::Connection, connection.toStdString(), end.toStdString()},
                             component.toStdString());
    return r.ok() || refuse(r.error);
}

bool DocumentController::resizeComponent(const QString& id, qreal width, qreal height) {
    auto size = [](qreal v) { return std::isnan(v) ? std::nullopt : std::optional<double>(v); };
    const EditResult r = editor_.resize(id.toStdString(), size(width), size(height));
    return r.ok() || refuse(r.reason);
}

bool DocumentController::isResized(const QString& id) const {
    const Component* c = editor_.document().component(id.toStdString());
    return c && (c->width || c->height);
}

bool DocumentController::routeFlow(const QString& connection, const QString& flow, bool through) {
    const EditResult r = editor_.routeFlow(connection.toStdString(), flow.toStdString(), through);
    return r.ok() || refuse(r.reason);
}

bool DocumentController::carriesFlow(const QString& connection, const QString& flow) const {
    const Document& doc = editor_.document();
    const Connection* c = doc.connection(connection.toStdString());
    const Flow* f = doc.flow(flow.toStdString());
    return c && f && archlens::carriesFlow(*c, *f);
}

bool DocumentController::moveElements(const QStringList& ids, qreal dx, qreal dy, bool snapped) {
    const Document& doc = editor_.document();
    std::vector<Editor::Position> positions;
    std::vector<std::string> moved;
    for (const QString& qid : ids) {
        const std::string id = qid.toStdString();
        const auto e = index_.find(id);
        if (!e) continue;
        if (e->type == ElementType::Component) {
            const Component& c = doc.components[size_t(e->row)];
            positions.push_back({{ElementType::Component, id}, c.x, c.y});
            moved.push_back(id);
        } else if (e->type == ElementType::Note) {
            const Note& n = doc.notes[size_t(e->row)];
            positions.push_back({{ElementType::Note, id}, n.x, n.y});
        }
    }
    if (positions.empty()) return false;
    // The first element's corner lands on the grid; the others keep their offsets to it.
    if (snapped) {
        dx = snap(positions.front().x + dx) - positions.front().x;
        dy = snap(positions.front().y + dy) - positions.front().y;
    }
    if (dx == 0 && dy == 0) return true;
    for (auto& p : positions) {
        p.x += dx;
        p.y += dy;
    }
    Editor::Group group(editor_, positions.size() == 1
                                     ? "Move " + describeElement(doc, positions.front().ref.type,
                                                                 positions.front().ref.id)
                                     : "Move " + countOf(positions.size(), "item", "items"));
    const EditResult r = editor_.move(positions);
    if (!r.ok()) return refuse(r.error);
    // A component dropped into another zone's area moves into that zone; one spread
    // over several zones gains the zone instead of leaving the others.
    if (moved.size() <= 64) {
        // The frames without the moved components, worked out once for all of them: on a
        // large design each costs milliseconds. (A moved component's new zones change no
        // frame: the moved ones are left out.)
        std::optional<std::vector<ZoneArea>> areas;
        for (const auto& p : positions) {
            if (p.ref.type != ElementType::Component) continue;
            const Component* c = index_.component(p.ref.id);
            const QPointF centre = geometry::componentRect(*c).center();
            if (!areas) areas = zoneAreasWithout(moved);
            const auto here = zonesAt(centre, *areas);
            if (here.empty()) continue;
            auto zones = geometry::componentZones(*c);
            if (std::find(zones.begin(), zones.end(), here.front()) != zones.end()) continue;
            Json next = Json::array();
            if (zones.size() > 1)
                for (const auto& z : zones)
                    next.push_back(z);
            next.push_back(here.front());
            editor_.setAttribute({ElementType::Component, p.ref.id, "props.zones"}, next);
        }
    }
    return true;
}

bool DocumentController::moveSelection(qreal dx, qreal dy, bool snapped) {
    return moveElements(selection_.ids(), dx, dy, snapped);
}

bool DocumentController::rename(const QString& id, const QString& name) {
    const auto e = index_.find(id.toStdString());
    if (!e) return refuse("nothing to rename");
    const char* attribute = e->type == ElementType::Note ? "text" : "name";
    if (e->type == ElementType::Zone || e->type == ElementType::Connection)
        return refuse("zones and connections are named by their id");
    const std::string trimmed = name.trimmed().toStdString();
    if (trimmed.empty() && e->type != ElementType::Note) return refuse("a name cannot be empty");
    const EditResult r =
        editor_.setAttribute({e->type, id.toStdString(), attribute},
                             e->type == ElementType::Note ? name.toStdString() : trimmed);
    return r.ok() || refuse(r.error);
}

bool DocumentController::deleteElements(const QStringList& ids) {
    std::vector<ElementRef> refs;
    for (const QString& id : ids)
        if (const auto e = index_.find(id.toStdString()))
            refs.push_back({e->type, id.toStdString()});
    if (refs.empty()) return false;
    // Named before it goes: the status speaks of "Link API", not of its id.
    const QString gone = QString::fromStdString(
        describeElement(editor_.document(), refs.front().type, refs.front().id));
    const EditResult r = editor_.removeElements(refs);
    if (!r.ok()) return refuse(r.error);
    setStatus(refs.size() == 1
                  ? tr("Deleted %1").arg(gone)
                  : tr("Deleted %1")
                        .arg(countText(qsizetype(refs.size()), tr("%1 item"), tr("%1 items"))));
    return true;
}

bool DocumentController::deleteSelection() {
    return deleteElements(selection_.ids());
}

bool DocumentController::setAttribute(const QString& id, const QString& name, const QVariant& value,
                                      const QString& mergeKey) {
    return setAttributeOn({id}, name, value, mergeKey).ok();
}

EditResult DocumentController::setAttributeOn(const QStringList& ids, const QString& name,
                                              const QVariant& value, const QString& mergeKey) {
    std::vector<AttributeRef> refs;
    for (const QString& id : ids) {
        AttributeRef ref{ElementType::Document, id.toStdString(), name.toStdString()};
        if (!id.isEmpty()) {
            const auto e = index_.find(ref.id);
            const std::string why = "no element \"" + ref.id + "\"";
            if (!e) return refuse(why), EditResult::refused(why);
            ref.type = e->type;
        }
        refs.push_back(std::move(ref));
    }
    const Json json = toJson(value);
    const EditResult r = refs.size() == 1
                             ? editor_.setAttribute(refs.front(), json, mergeKey.toStdString())
                             : editor_.setAttributes(refs, json);
    if (!r.ok()) refuse(r.error);
    return r;
}

bool DocumentController::setAttributeOnSelection(const QString& name, const QVariant& value) {
    const auto refs = selection_.refs();
    if (refs.empty()) return false;
    QStringList ids;
    for (const auto& ref : refs)
        ids << QString::fromStdString(ref.id);
    return setAttributeOn(ids, name, value).ok();
}

QVariant DocumentController::attribute(const QString& id, const QString& name) const {
    AttributeRef ref{ElementType::Document, id.toStdString(), name.toStdString()};
    if (!id.isEmpty()) {
        const auto e = index_.find(ref.id);
        if (!e) return {};
        ref.type = e->type;
    }
    try {
        return toVariant(getAttribute(editor_.document(), ref));
    } catch (const std::out_of_range&) {
        return {};
    }
}

void DocumentController::selectAll() {
    QStringList ids;
    const Document& doc = editor_.document();
    ids.reserve(int(doc.components.size() + doc.notes.size()));
    for (const auto& c : doc.components)
        ids << QString::fromStdString(c.id);
    for (const auto& n : doc.notes)
        ids << QString::fromStdString(n.id);
    selection_.setIds(ids);
}

} // namespace archlens
