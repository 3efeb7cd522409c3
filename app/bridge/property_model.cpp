#include "property_model.h"

#include "document_controller.h"
#include "json_variant.h"

#include <QJSValue>
#include <QSet>
#include <algorithm>
#include <map>

namespace archlens {

namespace {

using Row = PropertyModel::Row;

/// Words for an enum value: "exponential_jitter" reads "Exponential with jitter".
QString choiceText(const std::string& value) {
    static const std::map<std::string, const char*> known = {
        {"sync", "Synchronous call"},
        {"async", "Asynchronous (queue or topic)"},
        {"replication", "Replication (not on a request path)"},
        {"exponential_jitter", "Exponential with jitter"},
        {"read", "Read"},
        {"write", "Write"}};
    if (auto it = known.find(value); it != known.end()) return PropertyModel::tr(it->second);
    QString text = QString::fromStdString(value).replace('_', ' ');
    if (!text.isEmpty()) text[0] = text[0].toUpper();
    return text;
}

QVariantMap choice(const std::string& value, const QString& text) {
    return {{QStringLiteral("value"), QString::fromStdString(value)},
            {QStringLiteral("text"), text}};
}

QVariantList enumChoices(const std::vector<std::string>& values) {
    QVariantList out;
    for (const auto& v : values)
        out << choice(v, choiceText(v));
    return out;
}

QVariantList componentChoices(const Document& doc) {
    QVariantList out;
    for (const auto& c : doc.components)
        out << choice(c.id, QString::fromStdString(c.name.empty() ? c.id : c.name));
    return out;
}

QVariantList zoneChoices(const Document& doc) {
    QVariantList out;
    for (const auto& z : doc.zones)
        out << choice(z.id, z.region.empty()
                                ? QString::fromStdString(z.id)
                                : QString::fromStdString(z.id + " (" + z.region + ")"));
    return out;
}

QVariantList flowChoices(const Document& doc) {
    QVariantList out;
    for (const auto& f : doc.flows)
        out << choice(f.id, QString::fromStdString(f.name.empty() ? f.id : f.name));
    return out;
}

/// A row straight from the catalogue's schema of a component or connection property.
Row schemaRow(const PropertySchema& s, const Document& doc) {
    Row r;
    r.name = QStringLiteral("props.") + QString::fromStdString(s.key);
    r.label = QString::fromStdString(s.label);
    r.type = QString::fromUtf8(toString(s.type));
    r.unit = QString::fromStdString(s.unit);
    if (s.min) r.minimum = *s.min;
    if (s.max) r.maximum = *s.max;
    r.exclusiveMin = s.exclusiveMin;
    r.help = QString::fromStdString(s.help);
    if (s.defaultValue) r.defaultValue = toVariant(*s.defaultValue);
    r.nullable = true; // a property may always go back to its default (or to not being set)
    switch (s.type) {
    case PropertyType::Enum:
        r.choices = enumChoices(s.values);
        break;
    case PropertyType::OpList:
        r.choices = enumChoices({"read", "write"});
        break;
    case PropertyType::ZoneList:
        r.choices = zoneChoices(doc);
        break;
    case PropertyType::FlowList:
        r.choices = flowChoices(doc);
        break;
    default:
        break;
    }
    return r;
}

/// A row for a field every element of its type has, described here since the catalogue
/// only describes properties.
Row fieldRow(const char* name, const QString& label, const char* type, const QString& help) {
    Row r;
    r.name = QString::fromUtf8(name);
    r.label = label;
    r.type = QString::fromUtf8(type);
    r.help = help;
    return r;
}

Row numberRow(const char* name, const QString& label, const char* type, const QString& unit,
              QVariant min, bool exclusiveMin, QVariant max, const QString& help) {
    Row r = fieldRow(name, label, type, help);
    r.unit = unit;
    r.minimum = std::move(min);
    r.exclusiveMin = exclusiveMin;
    r.maximum = std::move(max);
    return r;
}

ElementType elementTypeOf(const QString& type) {
    for (ElementType t : {ElementType::Component, ElementType::Connection, ElementType::Zone,
                          ElementType::Flow, ElementType::Note})
        if (type == QLatin1String(toString(t))) return t;
    return ElementType::Document;
}

bool startsWithProps(const QString& name) {
    return name.startsWith(QLatin1String("props."));
}

} // namespace

PropertyModel::PropertyModel(QObject* parent) : QAbstractListModel(parent) {}

PropertyModel::~PropertyModel() = default;

void PropertyModel::setController(DocumentController* controller) {
    if (controller == controller_) return;
    if (controller_) {
        disconnect(controller_, nullptr, this, nullptr);
        disconnect(controller_->selection(), nullptr, this, nullptr);
    }
    controller_ = controller;
    if (controller_) {
        // The document announces each whole edit (undo and redo included) once it is
        // complete, so the rows never see a half-applied macro.
        connect(controller_, &DocumentController::documentChanged, this, &PropertyModel::refresh);
        connect(controller_->selection(), &SelectionModel::changed, this, &PropertyModel::refresh);
        connect(controller_, &DocumentController::editRefused, this,
                [this](const QString& reason) { refusal_ = reason; });
    }
    emit controllerChanged();
    refresh();
}

void PropertyModel::setTarget(const QString& target) {
    if (target == target_) return;
    target_ = target;
    emit targetChanged();
    refresh();
}

int PropertyModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant PropertyModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Row& r = rows_[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return r.label;
    case NameRole:
        return r.name;
    case TypeRole:
        return r.type;
    case UnitRole:
        return r.unit;
    case MinimumRole:
        return r.minimum;
    case MaximumRole:
        return r.maximum;
    case ExclusiveMinRole:
        return r.exclusiveMin;
    case ChoicesRole:
        return r.choices;
    case HelpRole:
        return r.help;
    case ValueRole:
        return r.value;
    case IsSetRole:
        return r.isSet;
    case MixedRole:
        return r.mixed;
    case ErrorRole:
        return r.error;
    case DefaultRole:
        return r.defaultValue;
    case ResettableRole:
        return r.nullable && r.isSet;
    }
    return {};
}

QHash<int, QByteArray> PropertyModel::roleNames() const {
    return {{NameRole, "name"},
            {LabelRole, "label"},
            {TypeRole, "type"},
            {UnitRole, "unit"},
            {MinimumRole, "minimum"},
            {MaximumRole, "maximum"},
            {ExclusiveMinRole, "exclusiveMin"},
            {ChoicesRole, "choices"},
            {HelpRole, "help"},
            {ValueRole, "value"},
            {IsSetRole, "isSet"},
            {MixedRole, "mixed"},
            {ErrorRole, "error"},
            {DefaultRole, "defaultValue"},
            {ResettableRole, "resettable"}};
}

int PropertyModel::rowOf(const QString& name) const {
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].name == name) return int(i);
    return -1;
}

std::pair<QString, QStringList> PropertyModel::inspected() const {
    if (!controller_) return {};
    const QString document = QString::fromUtf8(toString(ElementType::Document));
    if (target_ == document) return {document, {QString()}};
    if (!target_.isEmpty()) {
        const auto e = controller_->index().find(target_.toStdString());
        if (!e) return {};
        return {QString::fromUtf8(toString(e->type)), {target_}};
    }
    const SelectionModel* selection = controller_->selection();
    const QString current = selection->current();
    if (current.isEmpty()) return {document, {QString()}};
    const QString type = selection->currentType();
    // The current element first: its value is the one shown when the others differ.
    QStringList ids = selection->idsOfType(type);
    ids.removeAll(current);
    ids.prepend(current);
    return {type, ids};
}

std::vector<Row> PropertyModel::buildRows(const QString& typeName, const QStringList& ids) const {
    std::vector<Row> rows;
    if (!controller_ || ids.isEmpty()) return rows;
    const Document& doc = controller_->document();
    const Catalogue& catalogue = controller_->editor().catalogue();
    const ElementType type = elementTypeOf(typeName);

    switch (type) {
    case ElementType::Component: {
        rows.push_back(fieldRow("name", tr("Name"), "string",
                                tr("What this part of the system is called on the canvas and "
                                   "in the critique.")));
        rows.push_back(fieldRow("kind", tr("Kind"), "readonly",
                                tr("The kind of component from the catalogue. It decides which "
                                   "properties the component has and their defaults.")));
        // Properties every inspected component accepts, in the current kind's order.
        std::vector<const KindInfo*> kinds;
        for (const QString& id : ids)
            if (const Component* c = controller_->index().component(id.toStdString()))
                kinds.push_back(catalogue.kind(c->kind));
        if (kinds.empty() || !kinds.front()) break;
        for (const std::string& key : kinds.front()->properties) {
            if (!std::all_of(kinds.begin(), kinds.end(),
                             [&](const KindInfo* k) { return k && catalogue.accepts(*k, key); }))
                continue;
            if (auto schema = catalogue.componentProperty(key, kinds.front()))
                rows.push_back(schemaRow(*schema, doc));
        }
        break;
    }
    case ElementType::Connection: {
        Row from =
            fieldRow("from", tr("From"), "component", tr("The component that calls or sends."));
        from.choices = componentChoices(doc);
        Row to = fieldRow("to", tr("To"), "component",
                          tr("The component that is called, or that receives the message or "
                             "the copy of the data."));
        to.choices = from.choices;
        Row mode = fieldRow("mode", tr("Mode"), "enum",
                            tr("Synchronous: the caller waits for the answer. Asynchronous: "
                               "the caller only waits for the message to be queued, and what "
                               "consumes it runs on its own. Replication: data copied between "
                               "stores, not part of any request."));
        mode.choices = enumChoices({"sync", "async", "replication"});
        rows.push_back(std::move(from));
        rows.push_back(std::move(to));
        rows.push_back(std::move(mode));
        for (const auto& schema : catalogue.connectionProperties())
            rows.push_back(schemaRow(schema, doc));
        break;
    }
    case ElementType::Zone:
        rows.push_back(fieldRow("id", tr("Id"), "readonly",
                                tr("How components refer to this zone in their list of zones.")));
        rows.push_back(fieldRow("region", tr("Region"), "string",
                                tr("The region the zone belongs to. Zones of one region fail "
                                   "together when the whole region goes down.")));
        rows.push_back(numberRow("availability", tr("Availability"), "number", {}, 0.0, true, 1.0,
                                 tr("The fraction of time the zone is up, e.g. 0.9995. Every "
                                    "instance placed in the zone is down while it is.")));
        break;
    case ElementType::Flow: {
        rows.push_back(fieldRow("name", tr("Name"), "string",
                                tr("What the users do, e.g. \"Open a short link\".")));
        Row entry = fieldRow("entry", tr("Entry"), "component",
                             tr("The component where the flow's requests enter the system, "
                                "usually a client."));
        entry.choices = componentChoices(doc);
        rows.push_back(std::move(entry));
        Row op = fieldRow("op", tr("Operation"), "enum",
                          tr("Whether the flow reads or writes. It follows the connections "
                             "that carry this operation."));
        op.choices = enumChoices({"read", "write"});
        rows.push_back(std::move(op));
        rows.push_back(numberRow("rate_rps", tr("Rate"), "number", tr("req/s"), 0.0, true, {},
                                 tr("How many requests of this flow arrive per second at peak. "
                                    "Load on every component it reaches follows from it.")));
        // The flow's own targets, empty while it follows the design's. Only a flow entering
        // at a client (as the analysis reads it) falls back on the design's targets, so only
        // its rows name them as what a reset goes back to; background work has none.
        Row availability = numberRow(
            "availability", tr("Availability target"), "number", {}, 0.0, true, 1.0,
            tr("The fraction of time this flow must succeed, below 1, e.g. 0.999. Empty: the "
               "design's availability target applies, or none for a flow that does not enter "
               "at a client."));
        Row p99 = numberRow("p99_ms", tr("p99 target"), "number", tr("ms"), 0.0, true, {},
                            tr("The latency 99 in 100 requests of this flow must beat. Empty: "
                               "the design's p99 target applies, or none for a flow that does "
                               "not enter at a client."));
        const Flow* first = doc.flow(ids.front().toStdString());
        const Component* entryComponent =
            first ? controller_->index().component(first->entry) : nullptr;
        const bool userFacing = entryComponent && (entryComponent->kind == "client" ||
                                                   entryComponent->kind == "mobile_client");
        if (userFacing && doc.requirements.availability)
            availability.defaultValue = *doc.requirements.availability;
        if (userFacing && doc.requirements.p99_ms) p99.defaultValue = *doc.requirements.p99_ms;
        for (Row* r : {&availability, &p99}) {
            r->nullable = true;
            rows.push_back(std::move(*r));
        }
        break;
    }
    case ElementType::Note:
        rows.push_back(fieldRow("text", tr("Text"), "text", tr("Free text shown on the canvas.")));
        break;
    case ElementType::Document: {
        rows.push_back(fieldRow("title", tr("Title"), "string",
                                tr("The name of the design, shown on reports and exports.")));
        // Requirements are optional targets: each may be left unset.
        Row availability = numberRow(
            "requirements.availability", tr("Availability target"), "number", {}, 0.0, true, 1.0,
            tr("The fraction of time each flow must succeed, below 1, e.g. 0.9999 allows about "
               "53 minutes of downtime a year."));
        Row p99 =
            numberRow("requirements.p99_ms", tr("p99 latency target"), "number", tr("ms"), 0.0,
                      true, {}, tr("The latency 99 in 100 requests of every flow must beat."));
        Row depth = numberRow("requirements.max_sync_depth", tr("Longest synchronous chain"), "int",
                              tr("calls"), 1, false, {},
                              tr("How many synchronous calls deep a request may go. Every "
                                 "extra hop adds latency and another way to fail."));
        Row peak = numberRow("requirements.peak_rps", tr("Peak traffic"), "number", tr("req/s"),
                             0.0, true, {},
                             tr("The traffic the design must carry at its busiest, across all "
                                "flows."));
        for (Row* r : {&availability, &p99, &depth, &peak}) {
            r->nullable = true;
            rows.push_back(std::move(*r));
        }
        break;
    }
    }

    // The state of each row, over every inspected element.
    const Catalogue& cat = catalogue;
    for (Row& r : rows) {
        const std::string name = r.name.toStdString();
        std::optional<Json> shown;
        for (const QString& qid : ids) {
            const std::string id = qid.toStdString();
            Json effective;
            bool set = false;
            if (type == ElementType::Component) {
                const Component* c = controller_->index().component(id);
                if (!c) continue;
                const KindInfo* kind = cat.kind(c->kind);
                if (name == "kind") {
                    effective = kind ? kind->label : c->kind;
                } else if (startsWithProps(r.name) && kind) {
                    const std::string key = name.substr(6);
                    effective = cat.componentValue(*kind, c->props, key);
                    set = c->props.contains(key);
                } else {
                    effective = getAttribute(doc, {type, id, name});
                }
            } else if (type == ElementType::Connection && startsWithProps(r.name)) {
                const Connection* c = doc.connection(id);
                if (!c) continue;
                const std::string key = name.substr(6);
                effective = cat.connectionValue(c->props, key);
                set = c->props.contains(key);
            } else if (type == ElementType::Zone && name == "id") {
                effective = id;
            } else {
                try {
                    effective = getAttribute(doc, {type, id, name});
                } catch (const std::out_of_range&) {
                    continue;
                }
                set = r.nullable && !effective.is_null();
            }
            r.isSet = r.isSet || set;
            if (!shown)
                shown = effective;
            else if (*shown != effective)
                r.mixed = true;
        }
        if (shown) r.value = toVariant(*shown);
    }
    return rows;
}

QString PropertyModel::describe(const QString& typeName, const QStringList& ids) const {
    if (!controller_ || ids.isEmpty()) return {};
    const Document& doc = controller_->document();
    const ElementType type = elementTypeOf(typeName);
    const std::string first = ids.front().toStdString();
    const int n = int(ids.size());
    auto nameOf = [&](const std::string& id) {
        const Component* c = controller_->index().component(id);
        return QString::fromStdString(c && !c->name.empty() ? c->name : id);
    };
    switch (type) {
    case ElementType::Document:
        return target_.isEmpty() ? tr("Nothing selected: the design") : tr("The design");
    case ElementType::Component: {
        if (n > 1) return tr("%1 components").arg(n);
        const Component* c = controller_->index().component(first);
        if (!c) return {};
        const KindInfo* kind = controller_->editor().catalogue().kind(c->kind);
        return QStringLiteral("%1 · %2").arg(nameOf(first),
                                             QString::fromStdString(kind ? kind->label : c->kind));
    }
    case ElementType::Connection: {
        if (n > 1) return tr("%1 connections").arg(n);
        const Connection* c = doc.connection(first);
        if (!c) return {};
        return tr("Connection %1 → %2").arg(nameOf(c->from), nameOf(c->to));
    }
    case ElementType::Zone: {
        if (n > 1) return tr("%1 zones").arg(n);
        const Zone* z = doc.zone(first);
        if (!z) return {};
        return z->region.empty()
                   ? tr("Zone %1").arg(ids.front())
                   : tr("Zone %1 · %2").arg(ids.front(), QString::fromStdString(z->region));
    }
    case ElementType::Flow: {
        if (n > 1) return tr("%1 flows").arg(n);
        const Flow* f = doc.flow(first);
        return f ? tr("Flow %1").arg(QString::fromStdString(f->name)) : QString();
    }
    case ElementType::Note:
        return n > 1 ? tr("%1 notes").arg(n) : tr("Note");
    }
    return {};
}

void PropertyModel::refresh() {
    auto [type, ids] = inspected();
    std::vector<Row> next = buildRows(type, ids);
    const QString heading = describe(type, ids);
    const bool sameTargets = type == type_ && ids == ids_;
    if (!sameTargets) ++typingSession_; // typing never merges across elements
    const bool sameRows =
        type == type_ && next.size() == rows_.size() &&
        std::equal(next.begin(), next.end(), rows_.begin(),
                   [](const Row& a, const Row& b) { return a.name == b.name && a.type == b.type; });
    if (!sameRows) {
        beginResetModel();
        rows_ = std::move(next);
        type_ = type;
        ids_ = ids;
        endResetModel();
        emit countChanged();
    } else {
        type_ = type;
        ids_ = ids;
        for (size_t i = 0; i < rows_.size(); ++i) {
            // A refusal stays beside its row while the same elements are inspected.
            if (sameTargets) next[i].error = rows_[i].error;
            if (next[i] == rows_[i]) continue;
            rows_[i] = std::move(next[i]);
            emit dataChanged(index(int(i)), index(int(i)));
        }
    }
    if (!sameTargets || heading != heading_) {
        heading_ = heading;
        emit inspectedChanged();
    }
}

void PropertyModel::setError(int row, const QString& error) {
    if (row < 0 || row >= count() || rows_[size_t(row)].error == error) return;
    rows_[size_t(row)].error = error;
    emit dataChanged(index(row), index(row), {ErrorRole});
}

bool PropertyModel::setValue(int row, const QVariant& input, bool typing) {
    if (!controller_ || row < 0 || row >= count()) return false;
    const Row r = rows_[size_t(row)]; // a copy: the edit rebuilds the rows
    if (r.type == QLatin1String("readonly")) {
        setError(row, tr("%1 cannot be changed here").arg(r.label));
        return false;
    }
    QVariant value = input;
    if (value.userType() == qMetaTypeId<QJSValue>()) value = value.value<QJSValue>().toVariant();
    // An emptied text field unsets an optional text; a name must say something.
    if (value.typeId() == QMetaType::QString && value.toString().trimmed().isEmpty() &&
        r.type == QLatin1String("string")) {
        if (r.nullable) {
            value = QVariant();
        } else if (r.name == QLatin1String("name")) {
            setError(row, tr("a name cannot be empty"));
            return false;
        }
    }
    if (value.isNull() && !r.nullable) {
        setError(row, tr("%1 must have a value").arg(r.label));
        return false;
    }

    // Setting what every element already stores is no edit, and no undo step.
    const Json json = toJson(value);
    const std::string name = r.name.toStdString();
    const ElementType type = elementTypeOf(type_);
    const bool unchanged = std::all_of(ids_.begin(), ids_.end(), [&](const QString& id) {
        try {
            return getAttribute(controller_->document(), {type, id.toStdString(), name}) == json;
        } catch (const std::out_of_range&) {
            return false;
        }
    });
    if (unchanged) {
        setError(row, {});
        return true;
    }

    const QString mergeKey =
        typing
            ? QStringLiteral("inspector/%1/%2/%3")
                        .arg(ids_.join(','), r.name, QString::number(typingSession_))
            : QString();
    const auto why = apply(r, value, mergeKey);
    const int now = rowOf(r.name); // the rows may have been rebuilt by the edit
    setError(now, why.value_or(QString()));
    return !why;
}

bool PropertyModel::reset(int row) {
    if (!controller_ || row < 0 || row >= count()) return false;
    const Row& r = rows_[size_t(row)];
    if (!r.nullable) {
        setError(row, tr("%1 has no default to go back to").arg(r.label));
        return false;
    }
    return setValue(row, QVariant());
}

std::optional<QString> PropertyModel::apply(const Row& row, const QVariant& value,
                                            const QString& mergeKey) {
    refusal_.clear();
    bool ok = false;
    const QStringList ids = ids_;
    const QStringList selected = controller_->selection()->ids();
    if (ids.size() == 1) {
        ok = controller_->setAttribute(ids.front(), row.name, value, mergeKey);
    } else if (QSet<QString>(ids.begin(), ids.end()) ==
               QSet<QString>(selected.begin(), selected.end())) {
        ok = controller_->setAttributeOnSelection(row.name, value);
    } else {
        // The selection also holds elements of other types, which lack this attribute;
        // the controller has no "set on these ids" edit, so check every target first and
        // group the single edits into one undo step here.
        Editor& editor = controller_->editor();
        const Json json = toJson(value);
        const ElementType type = elementTypeOf(type_);
        for (const QString& id : ids)
            if (auto why = checkAttribute(controller_->document(), editor.catalogue(),
                                          {type, id.toStdString(), row.name.toStdString()}, json))
                return id + QStringLiteral(": ") + QString::fromStdString(*why);
        editor.beginMacro("Change " + row.name.toStdString() + " of " + std::to_string(ids.size()) +
                          " items");
        ok = true;
        for (const QString& id : ids)
            ok = controller_->setAttribute(id, row.name, value) && ok;
        editor.endMacro();
    }
    if (ok) return std::nullopt;
    if (refusal_.isEmpty()) return tr("the value was refused");
    // The row already says which attribute: "props.instances must be at least 1" reads
    // "must be at least 1" under the Instances field ("api: must be ..." for several).
    QString reason = refusal_;
    reason.replace(row.name + QLatin1Char(' '), QString());
    return reason;
}

} // namespace archlens
