#include "archlens/model/validation.h"
#include "archlens/model/fields.h"
#include "archlens/model/limits.h"

#include "field_access.h"

#include <cmath>
#include <functional>
#include <map>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace archlens {

namespace {

std::string formatNumber(double v) {
    std::ostringstream out;
    out.precision(12);
    out << v;
    return out.str();
}

std::string jsonTypeName(const Json& v) {
    if (v.is_number_integer()) return "an integer";
    if (v.is_number()) return "a number";
    if (v.is_boolean()) return "true or false";
    if (v.is_string()) return "a string";
    if (v.is_array()) return "a list";
    if (v.is_object()) return "an object";
    return "null";
}

std::optional<std::string> checkRange(const PropertySchema& s, double v) {
    if (!std::isfinite(v)) return "must be a finite number";
    if (s.min) {
        if (s.exclusiveMin && !(v > *s.min))
            return "must be greater than " + formatNumber(*s.min) + ", got " + formatNumber(v);
        if (!s.exclusiveMin && v < *s.min)
            return "must be at least " + formatNumber(*s.min) + ", got " + formatNumber(v);
    }
    if (s.max && v > *s.max)
        return "must be at most " + formatNumber(*s.max) + ", got " + formatNumber(v);
    return std::nullopt;
}

using Exists = std::function<bool(const std::string&)>;

std::optional<std::string> checkIdList(const Json& value, const char* what, const Exists& exists) {
    if (!value.is_array())
        return std::string("must be a list of ") + what + " ids, got " + jsonTypeName(value);
    for (const auto& item : value) {
        if (!item.is_string()) return std::string("must be a list of ") + what + " ids";
        if (exists && !exists(item.get<std::string>()))
            return std::string("names the ") + what + " " +
                   quoteForMessage(item.get<std::string>()) + ", which does not exist";
    }
    return std::nullopt;
}

/// checkValue with the look-ups of zone and flow ids given (null: not checked), so that
/// validating a whole document can use its id map instead of a search per reference.
std::optional<std::string> checkValueWith(const PropertySchema& s, const Json& v,
                                          const Exists& zoneExists, const Exists& flowExists) {
    switch (s.type) {
    case PropertyType::Int:
        if (!v.is_number_integer()) return "must be an integer, got " + jsonTypeName(v);
        return checkRange(s, v.get<double>());
    case PropertyType::Number:
        if (!v.is_number()) return "must be a number, got " + jsonTypeName(v);
        return checkRange(s, v.get<double>());
    case PropertyType::Bool:
        if (!v.is_boolean()) return "must be true or false, got " + jsonTypeName(v);
        return std::nullopt;
    case PropertyType::String:
        if (!v.is_string()) return "must be a string, got " + jsonTypeName(v);
        if (v.get<std::string>().empty()) return "must not be empty";
        return checkName(v.get<std::string>());
    case PropertyType::Enum: {
        if (!v.is_string()) return "must be a string, got " + jsonTypeName(v);
        const auto text = v.get<std::string>();
        for (const auto& allowed : s.values)
            if (allowed == text) return std::nullopt;
        std::string list;
        for (const auto& allowed : s.values)
            list += (list.empty() ? "" : ", ") + allowed;
        return "must be one of " + list + ", got " + quoteForMessage(text);
    }
    case PropertyType::ZoneList:
        return checkIdList(v, "zone", zoneExists);
    case PropertyType::FlowList:
        return checkIdList(v, "flow", flowExists);
    case PropertyType::OpList:
        if (!v.is_array()) return "must be a list of operations, got " + jsonTypeName(v);
        for (const auto& op : v)
            if (!op.is_string() || (op != "read" && op != "write"))
                return "operations must be \"read\" or \"write\"";
        return std::nullopt;
    case PropertyType::Latency: {
        if (!v.is_object())
            return "must be an object {\"p50\": ms, \"p99\": ms}, got " + jsonTypeName(v);
        for (const auto& [key, item] : v.items())
            if (key != "p50" && key != "p99")
                return "has an unknown field \"" + key + "\" (only p50 and p99)";
        if (!v.contains("p50") || !v.contains("p99")) return "needs both p50 and p99";
        if (!v["p50"].is_number() || !v["p99"].is_number()) return "p50 and p99 must be numbers";
        const double p50 = v["p50"].get<double>(), p99 = v["p99"].get<double>();
        if (!(p50 >= kMinLatencyMs) || !std::isfinite(p50))
            return "p50 must be at least " + formatNumber(kMinLatencyMs) + " ms, got " +
                   formatNumber(p50);
        if (!(p99 >= p50) || !std::isfinite(p99))
            return "p99 (" + formatNumber(p99) + ") must be at least p50 (" + formatNumber(p50) +
                   ")";
        if (p99 > kMaxLatencyMs)
            return "p99 must be at most " + formatNumber(kMaxLatencyMs) + " ms (a day), got " +
                   formatNumber(p99);
        return std::nullopt;
    }
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> checkValue(const PropertySchema& s, const Json& v, const Document* doc) {
    Exists zoneExists, flowExists;
    if (doc) {
        zoneExists = [doc](const std::string& id) { return doc->zone(id) != nullptr; };
        flowExists = [doc](const std::string& id) { return doc->flow(id) != nullptr; };
    }
    return checkValueWith(s, v, zoneExists, flowExists);
}

Problems validateDocument(const Document& doc, const Catalogue& catalogue) {
    Problems problems;
    auto add = [&](std::string pointer, std::string message) {
        problems.push_back({std::move(pointer), std::move(message)});
    };

    // Ids are unique across the whole document, so that a finding's subjects and a
    // selection name one element without saying which collection it is in. The first
    // claimant is kept as (collection, index); its pointer is only spelled out for a
    // message, not built for every element of a large design.
    enum Collection { Zones, Components, Connections, Flows, Notes };
    static constexpr const char* kCollection[] = {"/zones/", "/components/", "/connections/",
                                                  "/flows/", "/notes/"};
    auto pointerOf = [](Collection c, size_t i) { return kCollection[c] + std::to_string(i); };
    std::unordered_map<std::string_view, std::pair<Collection, size_t>> seen;
    seen.reserve(doc.zones.size() + doc.components.size() + doc.connections.size() +
                 doc.flows.size() + doc.notes.size());
    // References are checked against this map (the first claimant of an id): a linear
    // search per connection made loading a large design quadratic.
    const auto isComponent = [&](const std::string& id) {
        auto it = seen.find(id);
        return it != seen.end() && it->second.first == Components;
    };
    auto claim = [&](const std::string& id, Collection collection, size_t i) {
        if (auto why = checkId(id)) {
            add(pointerOf(collection, i) + "/id", "the id " + *why);
            return;
        }
        auto [it, inserted] = seen.emplace(id, std::make_pair(collection, i));
        if (!inserted)
            add(pointerOf(collection, i) + "/id",
                "duplicate id " + quoteForMessage(id) + " (already used at " +
                    pointerOf(it->second.first, it->second.second) + ")");
    };
    auto isA = [&](Collection collection) {
        return [&seen, collection](const std::string& id) {
            auto it = seen.find(id);
            return it != seen.end() && it->second.first == collection;
        };
    };
    const Exists zoneExists = isA(Zones), flowExists = isA(Flows);
    // Every built-in field against its description in the field table.
    const FieldContext fieldContext{isComponent, &catalogue};
    // `at` gives the element's pointer, built only for a problem: most elements have none.
    auto fields = [&]<typename T>(const T& element, auto at) {
        for (const auto& f : detail::fieldAccess<T>())
            if (auto why = checkField(f.info, f.get(element), fieldContext))
                add(at() + (detail::isRequirement(f.info) ? "/requirements/" : "/") +
                        std::string(f.info.key),
                    *why);
    };
    auto text = [&](const std::string& at, const std::string& value) {
        if (auto why = checkText(value)) add(at, *why);
    };
    fields(doc, [] { return std::string(); });
    for (size_t i = 0; i < doc.zones.size(); ++i)
        claim(doc.zones[i].id, Zones, i);
    for (size_t i = 0; i < doc.components.size(); ++i)
        claim(doc.components[i].id, Components, i);
    for (size_t i = 0; i < doc.connections.size(); ++i)
        claim(doc.connections[i].id, Connections, i);
    for (size_t i = 0; i < doc.flows.size(); ++i)
        claim(doc.flows[i].id, Flows, i);
    for (size_t i = 0; i < doc.notes.size(); ++i)
        claim(doc.notes[i].id, Notes, i);

    // The schema of each (kind, key) and connection key, looked up once: the catalogue
    // hands out copies, which cost more than the check itself on a large design.
    std::unordered_map<const KindInfo*, std::unordered_map<std::string, PropertySchema>>
        componentSchemas;
    std::unordered_map<std::string, std::optional<PropertySchema>> connectionSchemas;

    for (size_t i = 0; i < doc.zones.size(); ++i)
        fields(doc.zones[i], [&] { return pointerOf(Zones, i); });

    for (size_t i = 0; i < doc.components.size(); ++i) {
        const auto& c = doc.components[i];
        auto at = [&] { return pointerOf(Components, i); };
        fields(c, at);
        const KindInfo* kind = catalogue.kind(c.kind);
        if (!kind) continue; // named by the kind's field; its properties cannot be checked
        auto& schemas = componentSchemas[kind];
        for (const auto& [key, value] : c.props.items()) {
            if (!catalogue.accepts(*kind, key)) {
                add(at() + "/props/" + pointerToken(key),
                    "unknown property " + quoteForMessage(key) + " for a " + kind->label);
                continue;
            }
            auto schema = schemas.find(key);
            if (schema == schemas.end())
                schema = schemas.emplace(key, *catalogue.componentProperty(key, kind)).first;
            if (auto why = checkValueWith(schema->second, value, zoneExists, flowExists))
                add(at() + "/props/" + key, *why);
        }
        // Compared as doubles: a count too large for an integer type must not wrap around.
        const Json& instances = catalogue.componentValue(*kind, c.props, "instances");
        const Json& minHealthy = catalogue.componentValue(*kind, c.props, "min_healthy");
        if (instances.is_number_integer() && instances.get<double>() >= 1 &&
            minHealthy.is_number_integer() && minHealthy.get<double>() > instances.get<double>())
            add(at() + "/props/min_healthy",
                "must not exceed instances (" + formatNumber(instances.get<double>()) + ")");
    }

    for (size_t i = 0; i < doc.connections.size(); ++i) {
        const auto& c = doc.connections[i];
        auto at = [&] { return pointerOf(Connections, i); };
        fields(c, at);
        if (c.from == c.to && isComponent(c.from))
            add(at() + "/to", "a connection cannot start and end at the same component");
        for (const auto& [key, value] : c.props.items()) {
            auto schema = connectionSchemas.find(key);
            if (schema == connectionSchemas.end())
                schema = connectionSchemas.emplace(key, catalogue.connectionProperty(key)).first;
            if (!schema->second) {
                add(at() + "/props/" + pointerToken(key),
                    "unknown connection property " + quoteForMessage(key));
                continue;
            }
            if (auto why = checkValueWith(*schema->second, value, zoneExists, flowExists))
                add(at() + "/props/" + key, *why);
        }
    }

    for (size_t i = 0; i < doc.flows.size(); ++i)
        fields(doc.flows[i], [&] { return pointerOf(Flows, i); });
    for (size_t i = 0; i < doc.notes.size(); ++i)
        fields(doc.notes[i], [&] { return pointerOf(Notes, i); });

    // Subjects are not checked against the ids: an acknowledgement whose subject was
    // deleted matches nothing and does no harm. Two for one finding would be ambiguous.
    std::map<std::pair<std::string, std::vector<std::string>>, size_t> findings;
    for (size_t i = 0; i < doc.acknowledgements.size(); ++i) {
        const auto& a = doc.acknowledgements[i];
        const std::string at = "/acknowledgements/" + std::to_string(i);
        if (a.rule.empty()) add(at + "/rule", "must name a rule");
        if (auto why = checkName(a.rule)) add(at + "/rule", *why);
        text(at + "/note", a.note);
        std::unordered_set<std::string_view> listed;
        for (size_t s = 0; s < a.subjects.size(); ++s) {
            if (auto why = checkId(a.subjects[s]))
                add(at + "/subjects/" + std::to_string(s), *why);
            else if (!listed.insert(a.subjects[s]).second)
                add(at + "/subjects/" + std::to_string(s),
                    "lists " + quoteForMessage(a.subjects[s]) + " a second time");
        }
        auto [it, inserted] = findings.emplace(std::make_pair(a.rule, subjectSet(a.subjects)), i);
        if (!inserted)
            add(at, "accepts the same finding as /acknowledgements/" + std::to_string(it->second));
    }
    return problems;
}

} // namespace archlens
