#include "property_model.h"

#include "document_controller.h"
#include "json_variant.h"

#include "archlens/model/fields.h"

#include <QJSValue>
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

/// How a catalogue property is edited.
PropertyModel::Editor editorOf(PropertyType type) {
    switch (type) {
    case PropertyType::Int:
        return PropertyModel::Int;
    case PropertyType::Number:
        return PropertyModel::Number;
    case PropertyType::Bool:
        return PropertyModel::Bool;
    case PropertyType::Enum:
        return PropertyModel::Choice;
    case PropertyType::String:
        return PropertyModel::String;
    case PropertyType::ZoneList:
        return PropertyModel::ZoneList;
    case PropertyType::FlowList:
        return PropertyModel::FlowList;
    case PropertyType::OpList:
        return PropertyModel::OpList;
    case PropertyType::Latency:
        return PropertyModel::Latency;
    }
    return PropertyModel::ReadOnly;
}

/// A row straight from the catalogue's schema of a component or connection property.
Row schemaRow(const PropertySchema& s, const Document& doc) {
    Row r;
    r.name = QStringLiteral("props.") + QString::fromStdString(s.key);
    r.label = QString::fromStdString(s.label);
    r.type = editorOf(s.type);
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

/// How a built-in field is edited.
PropertyModel::Editor editorOf(const FieldInfo& f) {
    if (f.readOnly) return PropertyModel::ReadOnly;
    switch (f.type) {
    case FieldType::Name:
        return PropertyModel::String;
    case FieldType::LongText:
        return PropertyModel::Text;
    case FieldType::Number:
    case FieldType::Coordinate:
        return PropertyModel::Number;
    case FieldType::Integer:
        return PropertyModel::Int;
    case FieldType::Choice:
        return PropertyModel::Choice;
    case FieldType::ComponentRef:
        return PropertyModel::ComponentChoice;
    case FieldType::KindRef:
        return PropertyModel::ReadOnly;
    }
    return PropertyModel::ReadOnly;
}

QString text(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

/// A row for a built-in field, from the model's field table (fields.h).
Row fieldRow(const FieldInfo& f, const Document& doc) {
    Row r;
    r.name = text(f.name);
    r.label = text(f.label);
    r.type = editorOf(f);
    r.unit = text(f.unit);
    r.help = text(f.help);
    if (f.min) r.minimum = *f.min;
    if (f.max) r.maximum = *f.max;
    r.exclusiveMin = f.exclusiveMin;
    r.nullable = f.optional;
    if (f.type == FieldType::Choice) {
        std::vector<std::string> values(f.choices.begin(), f.choices.end());
        r.choices = enumChoices(values);
    }
    if (f.type == FieldType::ComponentRef) r.choices = componentChoices(doc);
    return r;
}

/// The rows of an element type's fields: editable ones first, in the table's order, then
/// the read-only ones (a component's kind), which say what it is rather than ask.
std::vector<Row> fieldRows(ElementType type, const Document& doc) {
    std::vector<Row> rows, readOnly;
    for (const FieldInfo& f : fieldsOf(type))
        if (!f.hidden) (f.readOnly ? readOnly : rows).push_back(fieldRow(f, doc));
    rows.insert(rows.end(), readOnly.begin(), readOnly.end());
    return rows;
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
        return int(r.type);
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
    case FromDefaultRole:
        return r.nullable && !r.isSet && !r.mixed && r.value.isValid() && !r.value.isNull();
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
            {ResettableRole, "resettable"},
            {FromDefaultRole, "fromDefault"}};
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
    const auto type = selection->currentType();
    if (!type) return {};
    // The current element first: its value is the one shown when the others differ.
    QStringList ids = selection->idsOfType(*type);
    ids.removeAll(current);
    ids.prepend(current);
    return {QString::fromUtf8(toString(*type)), ids};
}

std::vector<Row> PropertyModel::buildRows(const QString& typeName, const QStringList& ids) const {
    std::vector<Row> rows;
    if (!controller_ || ids.isEmpty()) return rows;
    const Document& doc = controller_->document();
    const Catalogue& catalogue = controller_->editor().catalogue();
    const ElementType type = elementTypeOf(typeName);

    switch (type) {
    case ElementType::Component: {
        rows = fieldRows(type, doc);
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
        rows = fieldRows(type, doc);
        for (const auto& schema : catalogue.connectionProperties())
            rows.push_back(schemaRow(schema, doc));
        break;
    }
    case ElementType::Zone: {
        // The id is no field (every element has one), but components list zones by it.
        Row id;
        id.name = QStringLiteral("id");
        id.label = tr("Id");
        id.type = ReadOnly;
        id.help = tr("How components refer to this zone in their list of zones.");
        rows = fieldRows(type, doc);
        rows.insert(rows.begin(), std::move(id));
        break;
    }
    case ElementType::Flow: {
        rows = fieldRows(type, doc);
        const Flow* first = doc.flow(ids.front().toStdString());
        const Component* entryComponent =
            first ? controller_->index().component(first->entry) : nullptr;
        const bool userFacing =
            entryComponent && catalogue.is(entryComponent->kind, KindTrait::Client);
        // Only a flow entering at a client (as the analysis reads it) falls back on the
        // design's targets, so only its rows name them as what a reset goes back to.
        for (Row& r : rows) {
            if (userFacing && r.name == QLatin1String("availability") &&
                doc.requirements.availability)
                r.defaultValue = *doc.requirements.availability;
            if (userFacing && r.name == QLatin1String("p99_ms") && doc.requirements.p99_ms)
                r.defaultValue = *doc.requirements.p99_ms;
        }
        break;
    }
    case ElementType::Note:
    case ElementType::Document:
        rows = fieldRows(type, doc);
        break;
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
    if (r.type == ReadOnly) {
        setError(row, tr("%1 cannot be changed here").arg(r.label));
        return false;
    }
    QVariant value = input;
    if (value.userType() == qMetaTypeId<QJSValue>()) value = value.value<QJSValue>().toVariant();
    // An emptied text field unsets an optional text; a name must say something.
    if (value.typeId() == QMetaType::QString && value.toString().trimmed().isEmpty() &&
        r.type == String) {
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

    const QString mergeKey = typing
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
    // One element or several (of this type only, even when the selection holds others,
    // which lack this attribute): one undo step either way.
    const EditResult r = controller_->setAttributeOn(ids_, row.name, value, mergeKey);
    if (r.ok()) return std::nullopt;
    return QString::fromStdString(r.reason.empty() ? r.error : r.reason);
}

} // namespace archlens
