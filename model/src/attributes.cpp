#include "archlens/model/attributes.h"
#include "archlens/model/document_io.h"
#include "archlens/model/limits.h"
#include "archlens/model/validation.h"

#include <cmath>
#include <stdexcept>

namespace archlens {

namespace {

constexpr std::string_view kProps = "props.";
constexpr std::string_view kRequirements = "requirements.";

bool startsWith(const std::string& s, std::string_view prefix) {
    return s.rfind(prefix, 0) == 0;
}

[[noreturn]] void unknown(const AttributeRef& ref) {
    throw std::out_of_range(std::string("no attribute \"") + ref.name + "\" on " +
                            toString(ref.type) + " \"" + ref.id + "\"");
}

template <typename T> T& element(std::vector<T>& items, const AttributeRef& ref) {
    for (auto& item : items)
        if (item.id == ref.id) return item;
    throw std::out_of_range(std::string("no ") + toString(ref.type) + " \"" + ref.id + "\"");
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

Json optionalNumber(const std::optional<double>& v) {
    return v ? numberToJson(*v) : Json();
}

// One accessor for both directions keeps get and set from drifting apart: `value` is
// read when `set` is false and written when it is true.
Json access(Document& doc, const AttributeRef& ref, const Json* set) {
    const std::string& n = ref.name;
    auto text = [&](std::string& field) -> Json {
        if (set) field = set->get<std::string>();
        return field;
    };
    auto number = [&](double& field) -> Json {
        if (set) field = set->get<double>();
        return numberToJson(field);
    };
    auto optionalField = [&](std::optional<double>& field) -> Json {
        if (set) field = set->is_null() ? std::nullopt : std::optional<double>(set->get<double>());
        return optionalNumber(field);
    };
    switch (ref.type) {
    case ElementType::Document: {
        if (n == "title") return text(doc.title);
        if (!startsWith(n, kRequirements)) unknown(ref);
        auto& r = doc.requirements;
        const std::string key = n.substr(kRequirements.size());
        if (set) doc.hasRequirements = true;
        if (key == "max_sync_depth") {
            if (set)
                r.max_sync_depth =
                    set->is_null() ? std::nullopt : std::optional<int>(set->get<int>());
            return r.max_sync_depth ? Json(*r.max_sync_depth) : Json();
        }
        std::optional<double>* field = key == "availability" ? &r.availability
                                       : key == "p99_ms"     ? &r.p99_ms
                                       : key == "peak_rps"   ? &r.peak_rps
                                                             : nullptr;
        if (!field) unknown(ref);
        return optionalField(*field);
    }
    case ElementType::Component: {
        auto& c = element(doc.components, ref);
        if (n == "name") return text(c.name);
        if (n == "kind") return text(c.kind);
        if (n == "x") return number(c.x);
        if (n == "y") return number(c.y);
        if (n == "props") {
            if (set) c.props = *set;
            return c.props;
        }
        if (startsWith(n, kProps)) {
            if (set) setProp(c.props, n.substr(kProps.size()), *set);
            return getProp(c.props, n.substr(kProps.size()));
        }
        unknown(ref);
    }
    case ElementType::Connection: {
        auto& c = element(doc.connections, ref);
        if (n == "from") return text(c.from);
        if (n == "to") return text(c.to);
        if (n == "mode") {
            if (set) c.mode = *connectionModeFromString(set->get<std::string>());
            return toString(c.mode);
        }
        if (n == "props") {
            if (set) c.props = *set;
            return c.props;
        }
        if (startsWith(n, kProps)) {
            if (set) setProp(c.props, n.substr(kProps.size()), *set);
            return getProp(c.props, n.substr(kProps.size()));
        }
        unknown(ref);
    }
    case ElementType::Zone: {
        auto& z = element(doc.zones, ref);
        if (n == "region") return text(z.region);
        if (n == "availability") return number(z.availability);
        unknown(ref);
    }
    case ElementType::Flow: {
        auto& f = element(doc.flows, ref);
        if (n == "name") return text(f.name);
        if (n == "entry") return text(f.entry);
        if (n == "op") return text(f.op);
        if (n == "rate_rps") return number(f.rate_rps);
        if (n == "availability") return optionalField(f.availability);
        if (n == "p99_ms") return optionalField(f.p99_ms);
        unknown(ref);
    }
    case ElementType::Note: {
        auto& note = element(doc.notes, ref);
        if (n == "text") return text(note.text);
        if (n == "x") return number(note.x);
        if (n == "y") return number(note.y);
        unknown(ref);
    }
    }
    unknown(ref);
}

} // namespace

Json getAttribute(const Document& doc, const AttributeRef& ref) {
    // access() only writes when given a value; reading through it leaves doc untouched.
    return access(const_cast<Document&>(doc), ref, nullptr);
}

void setAttribute(Document& doc, const AttributeRef& ref, const Json& value) {
    access(doc, ref, &value);
}

std::optional<std::string> checkAttribute(const Document& doc, const Catalogue& catalogue,
                                          const AttributeRef& ref, const Json& value) {
    try {
        getAttribute(doc, ref); // existence of element and name
    } catch (const std::out_of_range& e) {
        return std::string(e.what());
    }
    const std::string& n = ref.name;
    if (n == "props") return "properties are set one at a time";
    auto positive = [&]() -> std::optional<std::string> {
        if (!value.is_number() || !(value.get<double>() > 0) || !std::isfinite(value.get<double>()))
            return "must be a number greater than 0";
        return std::nullopt;
    };
    auto isText = [&]() -> std::optional<std::string> {
        if (!value.is_string()) return "must be text";
        return checkName(value.get<std::string>());
    };
    auto isLongText = [&]() -> std::optional<std::string> {
        if (!value.is_string()) return "must be text";
        return checkText(value.get<std::string>());
    };
    auto isCoordinate = [&]() -> std::optional<std::string> {
        if (!value.is_number()) return "must be a number";
        return checkCoordinate(value.get<double>());
    };
    auto componentRef = [&]() -> std::optional<std::string> {
        if (!value.is_string() || !doc.component(value.get<std::string>()))
            return "must name an existing component";
        return std::nullopt;
    };
    switch (ref.type) {
    case ElementType::Document: {
        if (n == "title") return isText();
        if (value.is_null()) return std::nullopt;
        if (n == "requirements.max_sync_depth") {
            // Compared as a double before it is narrowed to an int by setAttribute.
            if (!value.is_number_integer() || value.get<double>() < 1 ||
                value.get<double>() > static_cast<double>(kMaxSyncDepth))
                return "must be a whole number from 1 to " + std::to_string(kMaxSyncDepth);
            return std::nullopt;
        }
        if (!value.is_number()) return "must be a number";
        const double v = value.get<double>();
        if (n == "requirements.availability") return checkAvailabilityTarget(v);
        if (n == "requirements.p99_ms") return checkLatencyTarget(v);
        if (!(v > 0) || !std::isfinite(v)) return "must be greater than 0";
        if (v > kMaxRateRps) return "must be at most " + numberToJson(kMaxRateRps).dump();
        return std::nullopt;
    }
    case ElementType::Component: {
        const Component& c = *doc.component(ref.id);
        if (n == "name") return isText();
        if (n == "kind") {
            if (!value.is_string() || !catalogue.kind(value.get<std::string>()))
                return "must be a kind of the catalogue";
            return std::nullopt;
        }
        if (n == "x" || n == "y") return isCoordinate();
        const std::string key = n.substr(kProps.size());
        const KindInfo* kind = catalogue.kind(c.kind);
        if (!kind || !catalogue.accepts(*kind, key))
            return "a " + (kind ? kind->label : c.kind) + " has no property \"" + key + "\"";
        if (value.is_null()) return std::nullopt; // back to the default
        auto why = checkValue(*catalogue.componentProperty(key, kind), value, &doc);
        if (why) return why;
        if (key == "min_healthy" || key == "instances") {
            Json props = c.props;
            props[key] = value;
            const Json inst = catalogue.componentValue(*kind, props, "instances");
            const Json minH = catalogue.componentValue(*kind, props, "min_healthy");
            if (inst.is_number_integer() && minH.is_number_integer() &&
                minH.get<double>() > inst.get<double>())
                return "min_healthy must not exceed instances";
        }
        return std::nullopt;
    }
    case ElementType::Connection: {
        const Connection& c = *doc.connection(ref.id);
        if (n == "from" || n == "to") {
            if (auto why = componentRef()) return why;
            const std::string& other = n == "from" ? c.to : c.from;
            if (value.get<std::string>() == other)
                return "a connection cannot start and end at the same component";
            return std::nullopt;
        }
        if (n == "mode") {
            if (!value.is_string() || !connectionModeFromString(value.get<std::string>()))
                return "must be sync, async or replication";
            return std::nullopt;
        }
        const std::string key = n.substr(kProps.size());
        auto schema = catalogue.connectionProperty(key);
        if (!schema) return "a connection has no property \"" + key + "\"";
        if (value.is_null()) return std::nullopt;
        return checkValue(*schema, value, &doc);
    }
    case ElementType::Zone:
        if (n == "region") return isText();
        if (!value.is_number() || !(value.get<double>() > 0 && value.get<double>() <= 1))
            return "must be greater than 0 and at most 1";
        return std::nullopt;
    case ElementType::Flow:
        if (n == "name") return isText();
        if (n == "entry") return componentRef();
        if (n == "op") {
            if (value != "read" && value != "write") return "must be read or write";
            return std::nullopt;
        }
        if (n == "availability" || n == "p99_ms") {
            if (value.is_null()) return std::nullopt; // the design's target applies again
            if (!value.is_number()) return "must be a number";
            // The same rules as the design's targets, which these stand in for.
            return n == "availability" ? checkAvailabilityTarget(value.get<double>())
                                       : checkLatencyTarget(value.get<double>());
        }
        if (auto why = positive()) return why;
        if (value.get<double>() > kMaxRateRps)
            return "must be at most " + numberToJson(kMaxRateRps).dump();
        return std::nullopt;
    case ElementType::Note:
        if (n == "text") return isLongText();
        return isCoordinate();
    }
    return std::nullopt;
}

} // namespace archlens
