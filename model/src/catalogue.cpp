#include "archlens/model/catalogue.h"
#include "archlens/model/validation.h"

#include <algorithm>
#include <stdexcept>

namespace archlens {

namespace detail {
extern const char* const kCatalogueJson;
}

const char* toString(PropertyType type) {
    switch (type) {
    case PropertyType::Int:
        return "int";
    case PropertyType::Number:
        return "number";
    case PropertyType::Bool:
        return "bool";
    case PropertyType::Enum:
        return "enum";
    case PropertyType::String:
        return "string";
    case PropertyType::ZoneList:
        return "zone_list";
    case PropertyType::FlowList:
        return "flow_list";
    case PropertyType::OpList:
        return "op_list";
    case PropertyType::Latency:
        return "latency";
    }
    return "?";
}

namespace {

std::optional<PropertyType> propertyTypeFromString(const std::string& s) {
    static const PropertyType all[] = {
        PropertyType::Int,      PropertyType::Number, PropertyType::Bool,
        PropertyType::Enum,     PropertyType::String, PropertyType::ZoneList,
        PropertyType::FlowList, PropertyType::OpList, PropertyType::Latency};
    for (auto t : all)
        if (s == toString(t)) return t;
    return std::nullopt;
}

std::string stringField(const Json& obj, const char* key) {
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

std::vector<PropertySchema> parseProperties(const Json& json, const std::string& where,
                                            Problems& problems) {
    std::vector<PropertySchema> out;
    if (!json.is_object()) {
        problems.push_back({where, "must be an object of property schemas"});
        return out;
    }
    for (const auto& [key, def] : json.items()) {
        const std::string at = where + "/" + key;
        PropertySchema p;
        p.key = key;
        auto type =
            def.is_object() ? propertyTypeFromString(stringField(def, "type")) : std::nullopt;
        if (!type) {
            problems.push_back({at + "/type", "unknown property type"});
            continue;
        }
        p.type = *type;
        if (def.contains("min")) p.min = def["min"].get<double>();
        if (def.contains("max")) p.max = def["max"].get<double>();
        p.exclusiveMin = def.value("exclusive_min", false);
        if (def.contains("values"))
            for (const auto& v : def["values"])
                p.values.push_back(v.get<std::string>());
        if (def.contains("default")) p.defaultValue = def["default"];
        p.label = stringField(def, "label");
        p.unit = stringField(def, "unit");
        p.help = stringField(def, "help");
        if (p.label.empty()) problems.push_back({at + "/label", "a property needs a label"});
        if (p.defaultValue) {
            if (auto why = checkValue(p, *p.defaultValue))
                problems.push_back({at + "/default", *why});
        }
        out.push_back(std::move(p));
    }
    return out;
}

std::string knownTraitNames() {
    std::string out;
    for (KindTrait t : allKindTraits())
        out += (out.empty() ? "" : ", ") + std::string(toString(t));
    return out;
}

/// A kind's `traits`: absent is none. A misspelt trait is an error, not an empty role,
/// because the kind would otherwise silently lose the treatment the author asked for.
std::vector<KindTrait> parseTraits(const Json& kind, const std::string& at, Problems& problems) {
    std::vector<KindTrait> out;
    auto it = kind.find("traits");
    if (it == kind.end()) return out;
    if (!it->is_array()) {
        problems.push_back({at + "/traits", "must be an array of trait names"});
        return out;
    }
    for (size_t j = 0; j < it->size(); ++j) {
        const Json& name = (*it)[j];
        const std::string where = at + "/traits/" + std::to_string(j);
        const auto trait =
            name.is_string() ? kindTraitFromString(name.get<std::string>()) : std::nullopt;
        if (!trait)
            problems.push_back({where, "unknown trait " + name.dump() +
                                           " (a trait is one of: " + knownTraitNames() + ")"});
        else if (std::find(out.begin(), out.end(), *trait) != out.end())
            problems.push_back({where, "the trait " + name.dump() + " is listed twice"});
        else
            out.push_back(*trait);
    }
    return out;
}

} // namespace

const std::vector<std::string>& Catalogue::commonProperties() {
    static const std::vector<std::string> common = {"instances",    "availability", "min_healthy",
                                                    "failover",     "zones",        "latency_ms",
                                                    "capacity_rps", "external"};
    return common;
}

std::optional<Catalogue> Catalogue::fromJson(const Json& json, Problems& problems) {
    const size_t before = problems.size();
    Catalogue c;
    try {
        if (!json.is_object() || json.value("format", "") != "archlens-catalogue") {
            problems.push_back({"/format", "not an ArchLens catalogue"});
            return std::nullopt;
        }
        for (const auto& cat : json.at("categories"))
            c.categories_.push_back(
                {cat.at("id").get<std::string>(), cat.at("label").get<std::string>()});
        c.componentProps_ =
            parseProperties(json.at("component_properties"), "/component_properties", problems);
        c.connectionProps_ =
            parseProperties(json.at("connection_properties"), "/connection_properties", problems);
        for (const auto& key : commonProperties())
            if (!c.componentProperty(key))
                problems.push_back(
                    {"/component_properties", "the common property \"" + key + "\" is missing"});

        const auto& kinds = json.at("kinds");
        for (size_t i = 0; i < kinds.size(); ++i) {
            const auto& k = kinds[i];
            const std::string at = "/kinds/" + std::to_string(i);
            KindInfo info;
            info.id = k.at("id").get<std::string>();
            info.label = k.at("label").get<std::string>();
            info.category = k.at("category").get<std::string>();
            info.icon = stringField(k, "icon");
            info.description = stringField(k, "description");
            for (const auto& s : k.value("guide_sections", Json::array()))
                info.guideSections.push_back(s.get<std::string>());
            info.properties = commonProperties();
            for (const auto& p : k.value("properties", Json::array())) {
                const auto key = p.get<std::string>();
                if (!c.componentProperty(key))
                    problems.push_back({at + "/properties", "unknown property \"" + key + "\""});
                else if (std::find(info.properties.begin(), info.properties.end(), key) ==
                         info.properties.end())
                    info.properties.push_back(key);
            }
            info.defaults = k.value("defaults", Json::object());
            info.traits = parseTraits(k, at, problems);
            if (std::none_of(c.categories_.begin(), c.categories_.end(),
                             [&](const Category& cat) { return cat.id == info.category; }))
                problems.push_back(
                    {at + "/category", "unknown category \"" + info.category + "\""});
            if (c.kindIndex_.count(info.id))
                problems.push_back({at + "/id", "duplicate kind \"" + info.id + "\""});
            c.kindIndex_[info.id] = c.kinds_.size();
            c.kinds_.push_back(std::move(info));
        }
        for (size_t i = 0; i < c.kinds_.size(); ++i) {
            const auto& kind = c.kinds_[i];
            for (const auto& [key, value] : kind.defaults.items()) {
                const std::string at = "/kinds/" + std::to_string(i) + "/defaults/" + key;
                if (!c.accepts(kind, key)) {
                    problems.push_back({at, "the kind does not accept this property"});
                    continue;
                }
                if (auto why = checkValue(*c.componentProperty(key), value))
                    problems.push_back({at, *why});
            }
        }
    } catch (const Json::exception& e) {
        problems.push_back({"", std::string("malformed catalogue: ") + e.what()});
    }
    if (problems.size() != before) return std::nullopt;
    c.json_ = json;
    return c;
}

const Catalogue& Catalogue::builtin() {
    static const Catalogue instance = [] {
        Problems problems;
        auto parsed = Catalogue::fromJson(Json::parse(detail::kCatalogueJson), problems);
        if (!parsed) {
            // The compiled-in catalogue is checked by the tests; reaching this is a build bug.
            throw std::logic_error(
                "built-in catalogue is invalid: " +
                (problems.empty() ? std::string{} : problems.front().describe()));
        }
        return std::move(*parsed);
    }();
    return instance;
}

const KindInfo* Catalogue::kind(const std::string& id) const {
    auto it = kindIndex_.find(id);
    return it == kindIndex_.end() ? nullptr : &kinds_[it->second];
}

bool Catalogue::is(const std::string& kindId, KindTrait trait) const {
    const KindInfo* info = kind(kindId);
    return info && info->is(trait);
}

std::optional<PropertySchema> Catalogue::componentProperty(const std::string& key,
                                                           const KindInfo* kind) const {
    for (const auto& p : componentProps_) {
        if (p.key != key) continue;
        PropertySchema s = p;
        if (kind && kind->defaults.contains(key)) s.defaultValue = kind->defaults.at(key);
        return s;
    }
    return std::nullopt;
}

std::optional<PropertySchema> Catalogue::connectionProperty(const std::string& key) const {
    for (const auto& p : connectionProps_)
        if (p.key == key) return p;
    return std::nullopt;
}

bool Catalogue::accepts(const KindInfo& kind, const std::string& key) const {
    return std::find(kind.properties.begin(), kind.properties.end(), key) != kind.properties.end();
}

namespace {
const Json kNoValue; // what an unset property without a default reads as
}

const Json& Catalogue::componentValue(const KindInfo& kind, const Json& props,
                                      const std::string& key) const {
    if (auto it = props.find(key); it != props.end()) return *it;
    if (auto it = kind.defaults.find(key); it != kind.defaults.end()) return *it;
    for (const auto& p : componentProps_)
        if (p.key == key && p.defaultValue) return *p.defaultValue;
    return kNoValue;
}

const Json& Catalogue::connectionValue(const Json& props, const std::string& key) const {
    if (auto it = props.find(key); it != props.end()) return *it;
    for (const auto& p : connectionProps_)
        if (p.key == key && p.defaultValue) return *p.defaultValue;
    return kNoValue;
}

} // namespace archlens
