#pragma once
// The catalogue of component kinds and the property schema, read from
// resources/catalogue.json (compiled in; see Catalogue::builtin()).
#include "archlens/model/json.h"
#include "archlens/model/problem.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace archlens {

enum class PropertyType { Int, Number, Bool, Enum, String, ZoneList, FlowList, OpList, Latency };
const char* toString(PropertyType type);

/// The schema of one property: its type, range, default and the words shown to people.
struct PropertySchema {
    std::string key;
    PropertyType type = PropertyType::Number;
    std::optional<double> min;
    std::optional<double> max;
    bool exclusiveMin = false;
    std::vector<std::string> values; ///< allowed strings of an enum
    std::optional<Json> defaultValue;
    std::string label;
    std::string unit;
    std::string help;
};

struct Category {
    std::string id;
    std::string label;
};

/// One kind of component: what it is called, where it sits in the palette, what it stands
/// for in the guide, and which properties it takes with which defaults.
struct KindInfo {
    std::string id;
    std::string label;
    std::string category;
    std::string icon; ///< path relative to resources/, e.g. "icons/cache.svg"
    std::string description;
    std::vector<std::string> guideSections;
    std::vector<std::string> properties; ///< every property key it accepts, common ones first
    Json defaults = Json::object();      ///< the kind's own defaults (overrides)
};

/// The set of kinds and property schemas. Immutable once loaded; cheap to share by const
/// reference. Loading reports every problem it finds rather than stopping at the first.
class Catalogue {
public:
    /// Parses a catalogue; on failure returns nullopt and fills `problems`.
    static std::optional<Catalogue> fromJson(const Json& json, Problems& problems);
    /// The catalogue compiled into the program from resources/catalogue.json.
    static const Catalogue& builtin();

    const std::vector<Category>& categories() const { return categories_; }
    const std::vector<KindInfo>& kinds() const { return kinds_; }
    const KindInfo* kind(const std::string& id) const;

    /// Component property schema, with the kind's default when `kind` is given.
    std::optional<PropertySchema> componentProperty(const std::string& key,
                                                    const KindInfo* kind = nullptr) const;
    std::optional<PropertySchema> connectionProperty(const std::string& key) const;
    const std::vector<PropertySchema>& componentProperties() const { return componentProps_; }
    const std::vector<PropertySchema>& connectionProperties() const { return connectionProps_; }
    /// Whether a component of this kind accepts the property.
    bool accepts(const KindInfo& kind, const std::string& key) const;
    /// The common properties every kind accepts.
    static const std::vector<std::string>& commonProperties();

    /// The effective property value: the component's own, else the kind's default, else
    /// the property's default, else null. A reference, because rules and passes read these
    /// in hot loops: it stays valid as long as `props` and the catalogue do.
    const Json& componentValue(const KindInfo& kind, const Json& props,
                               const std::string& key) const;
    const Json& connectionValue(const Json& props, const std::string& key) const;

    /// The catalogue as JSON, for `archlens catalogue --format json`.
    const Json& json() const { return json_; }

private:
    std::vector<Category> categories_;
    std::vector<KindInfo> kinds_;
    std::vector<PropertySchema> componentProps_;
    std::vector<PropertySchema> connectionProps_;
    std::map<std::string, size_t> kindIndex_;
    Json json_;
};

} // namespace archlens
