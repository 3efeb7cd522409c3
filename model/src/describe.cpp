#include "archlens/model/describe.h"
#include "archlens/model/fields.h"

#include <cctype>

namespace archlens {

namespace {

std::string nameOr(const std::string& name, const std::string& id) {
    return name.empty() ? id : name;
}

// A label as it reads mid-sentence: "Instances" → "instances", but "TTL" and "p99" stay.
std::string inRunningText(std::string label) {
    if (label.size() >= 2 && std::isupper(static_cast<unsigned char>(label[0])) &&
        std::islower(static_cast<unsigned char>(label[1])))
        label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
    return label;
}

} // namespace

std::string describeElement(const Document& doc, ElementType type, const std::string& id) {
    switch (type) {
    case ElementType::Document:
        return "the design";
    case ElementType::Component:
        if (const Component* c = doc.component(id)) return nameOr(c->name, id);
        break;
    case ElementType::Flow:
        if (const Flow* f = doc.flow(id)) return nameOr(f->name, id);
        break;
    case ElementType::Zone:
        return "zone " + id;
    case ElementType::Note:
        return "note";
    case ElementType::Connection:
        if (const Connection* c = doc.connection(id))
            return "connection " + describeElement(doc, ElementType::Component, c->from) +
                   " \u2192 " + describeElement(doc, ElementType::Component, c->to);
        break;
    }
    return id;
}

std::string describeAttribute(const Catalogue& catalogue, const Document& doc,
                              const AttributeRef& ref) {
    constexpr std::string_view props = "props.";
    if (ref.name.rfind(props, 0) == 0) {
        const std::string key = ref.name.substr(props.size());
        std::optional<PropertySchema> schema;
        if (ref.type == ElementType::Connection) {
            schema = catalogue.connectionProperty(key);
        } else if (const Component* c = doc.component(ref.id)) {
            schema = catalogue.componentProperty(key, catalogue.kind(c->kind));
        }
        return schema && !schema->label.empty() ? inRunningText(schema->label) : key;
    }
    if (ref.name == "props") return "properties";
    if (const FieldInfo* field = findField(ref.type, ref.name); field && !field->label.empty())
        return inRunningText(std::string(field->label));
    return ref.name;
}

std::string countOf(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

} // namespace archlens
