#include "archlens/model/attributes.h"
#include "archlens/model/document_io.h"
#include "archlens/model/id_index.h"
#include "archlens/model/limits.h"
#include "archlens/model/validation.h"

#include "field_access.h"

#include <cmath>
#include <stdexcept>

namespace archlens {

namespace {

constexpr std::string_view kProps = "props.";

bool startsWith(const std::string& s, std::string_view prefix) {
    return s.rfind(prefix, 0) == 0;
}

[[noreturn]] void unknown(const AttributeRef& ref) {
    throw std::out_of_range(std::string("no attribute \"") + ref.name + "\" on " +
                            toString(ref.type) + " \"" + ref.id + "\"");
}

/// The element `ref` names: the one in row `hint` when it has the id, else looked up.
template <typename T>
T& element(const Document& doc, std::vector<T>& items, const AttributeRef& ref, int hint) {
    const int row = elementRow(doc, ref.type, ref.id, hint);
    if (row < 0)
        throw std::out_of_range(std::string("no ") + toString(ref.type) + " \"" + ref.id + "\"");
    return items[static_cast<size_t>(row)];
}

Json getProp(const Json& props, const std::string& key) {
    auto it = props.find(key);
    return it == props.end() ? Json() : *it;
}

void setProp(Json& props, const std::string& key, const Json& value) {
    if (value.is_null())
        props.erase(key);
    else
        props[key] = value;
}

/// The stored value of the field `name` of `e` (set to `*set` first when given).
template <typename T> Json field(T& e, const AttributeRef& ref, const Json* set) {
    for (const auto& f : detail::fieldAccess<T>()) {
        if (f.info.name != ref.name) continue;
        if (set) f.set(e, *set);
        return f.get(e);
    }
    unknown(ref);
}

/// Components and connections hold properties besides their fields: "props.<key>" one of
/// them, "props" all of them at once.
template <typename T> Json fieldOrProp(T& e, const AttributeRef& ref, const Json* set) {
    const std::string& n = ref.name;
    if (n == "props") {
        if (set) e.props = *set;
        return e.props;
    }
    if (startsWith(n, kProps)) {
        if (set) setProp(e.props, n.substr(kProps.size()), *set);
        return getProp(e.props, n.substr(kProps.size()));
    }
    return field(e, ref, set);
}

// One accessor for both directions keeps get and set from drifting apart: `value` is
// read when `set` is null and written when it is not.
Json access(Document& doc, const AttributeRef& ref, const Json* set, int row) {
    switch (ref.type) {
    case ElementType::Document:
        return field(doc, ref, set);
    case ElementType::Component:
        return fieldOrProp(element(doc, doc.components, ref, row), ref, set);
    case ElementType::Connection:
        return fieldOrProp(element(doc, doc.connections, ref, row), ref, set);
    case ElementType::Zone:
        return field(element(doc, doc.zones, ref, row), ref, set);
    case ElementType::Flow:
        return field(element(doc, doc.flows, ref, row), ref, set);
    case ElementType::Note:
        return field(element(doc, doc.notes, ref, row), ref, set);
    }
    unknown(ref);
}

} // namespace

Json getAttribute(const Document& doc, const AttributeRef& ref) {
    return getAttribute(doc, ref, -1);
}

void setAttribute(Document& doc, const AttributeRef& ref, const Json& value) {
    access(doc, ref, &value, -1);
}

Json getAttribute(const Document& doc, const AttributeRef& ref, int row) {
    // access() only writes when given a value; reading through it leaves doc untouched.
    return access(const_cast<Document&>(doc), ref, nullptr, row);
}

void setAttribute(Document& doc, const AttributeRef& ref, const Json& value, int row) {
    access(doc, ref, &value, row);
}

std::optional<std::string> checkAttribute(const Document& doc, const Catalogue& catalogue,
                                          const AttributeRef& ref, const Json& value, int row) {
    if (ref.type != ElementType::Document) row = elementRow(doc, ref.type, ref.id, row);
    try {
        getAttribute(doc, ref, row); // existence of element and name
    } catch (const std::out_of_range& e) {
        return std::string(e.what());
    }
    const std::string& n = ref.name;
    if (n == "props") return "properties are set one at a time";
    if (startsWith(n, kProps)) {
        const std::string key = n.substr(kProps.size());
        if (ref.type == ElementType::Connection) {
            auto schema = catalogue.connectionProperty(key);
            if (!schema) return "a connection has no property \"" + key + "\"";
            if (value.is_null()) return std::nullopt;
            return checkValue(*schema, value, &doc);
        }
        const Component& c = doc.components[static_cast<size_t>(row)];
        const KindInfo* kind = catalogue.kind(c.kind);
        if (!kind || !catalogue.accepts(*kind, key))
            return "a " + (kind ? kind->label : c.kind) + " has no property \"" + key + "\"";
        if (value.is_null()) return std::nullopt; // back to the default
        return checkValue(*catalogue.componentProperty(key, kind), value, &doc);
    }
    const FieldInfo* info = findField(ref.type, n);
    const FieldContext context{
        [&doc](const std::string& id) { return doc.component(id) != nullptr; }, &catalogue};
    if (auto why = checkField(*info, value, context)) return why;
    if (ref.type == ElementType::Connection && (n == "from" || n == "to")) {
        const Connection& c = doc.connections[static_cast<size_t>(row)];
        if (value.get<std::string>() == (n == "from" ? c.to : c.from))
            return "a connection cannot start and end at the same component";
    }
    return std::nullopt;
}

} // namespace archlens
