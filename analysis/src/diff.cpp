// Comparing two designs (diff.h). Matching is by id, which the editor keeps stable across
// renames and edits; the only fallback is for connections, whose ids people never see: the
// same arrow deleted and drawn again gets a new id but joins the same two boxes.
#include "archlens/analysis/diff.h"

#include "archlens/analysis/display_format.h"
#include "archlens/model/fields.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace archlens {

namespace {

std::string numberText(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", v);
    return buffer;
}

/// A property value in the unit of its schema: availability as a percentage, durations in
/// ms or s, rates in req/s, a latency as its two percentiles, booleans as yes/no and lists
/// joined. A value the schema does not describe is written as JSON.
std::string valueText(const Json& value, const std::string& key, const PropertySchema* schema) {
    if (value.is_null()) return "not set";
    if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number()) {
        const double v = value.get<double>();
        if (key == "availability") return availabilityInputText(v);
        const std::string unit = schema ? schema->unit : "";
        if (unit == "ms" || unit == "s") return durationInputText(v, unit);
        if (unit == "req/s") return rateText(v);
        return unit.empty() ? numberText(v) : numberText(v) + " " + unit;
    }
    if (value.is_array()) {
        if (value.empty()) return "none";
        std::string out;
        for (const auto& item : value) {
            if (!out.empty()) out += ", ";
            out += item.is_string() ? item.get<std::string>() : item.dump();
        }
        return out;
    }
    if (value.is_object() && (value.contains("p50") || value.contains("p99"))) {
        std::string out;
        for (const char* p : {"p50", "p99"}) {
            if (!value.contains(p) || !value[p].is_number()) continue;
            if (!out.empty()) out += ", ";
            out += std::string(p) + " " + millisecondsText(value[p].get<double>());
        }
        return out;
    }
    return value.dump();
}

/// What a property reads as on one side: its value, or "not set" with the value it takes
/// then (the kind's or the catalogue's default) when there is one.
std::string propertyText(const Json& own, const Json& effective, const std::string& key,
                         const PropertySchema* schema) {
    if (!own.is_null()) return valueText(own, key, schema);
    if (effective.is_null()) return "not set";
    return "not set (" + valueText(effective, key, schema) + ")";
}

std::string fieldLabel(ElementType type, const std::string& name) {
    const FieldInfo* field = findField(type, name);
    return field && !field->label.empty() ? std::string(field->label) : name;
}

void addField(std::vector<FieldChange>& out, ElementType type, const std::string& name,
              const std::string& before, const std::string& after, Json beforeValue = nullptr,
              Json afterValue = nullptr) {
    // Compared by value where there is one: a connection's end reads as its component's
    // name, which a rename changes without moving the connection.
    const bool same =
        beforeValue.is_null() && afterValue.is_null() ? before == after : beforeValue == afterValue;
    if (same) return;
    out.push_back({name, fieldLabel(type, name), before, after, std::move(beforeValue),
                   std::move(afterValue)});
}

template <typename T> Json optionalJson(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}

std::string optionalAvailability(const std::optional<double>& v) {
    return v ? availabilityInputText(*v) : "not set";
}
std::string optionalMs(const std::optional<double>& v) {
    return v ? durationInputText(*v, "ms") : "not set";
}

/// Every property key of either side, A's order first, then keys only B has.
std::vector<std::string> propertyKeys(const Json& a, const Json& b) {
    std::vector<std::string> keys;
    std::set<std::string> seen;
    for (const Json* props : {&a, &b})
        for (auto it = props->begin(); it != props->end(); ++it)
            if (seen.insert(it.key()).second) keys.push_back(it.key());
    return keys;
}

const Json& member(const Json& object, const std::string& key) {
    static const Json none;
    auto it = object.find(key);
    return it == object.end() ? none : *it;
}

void compareComponentProps(const Catalogue& catalogue, const Component& a, const Component& b,
                           std::vector<FieldChange>& out) {
    static const Json empty = Json::object();
    const KindInfo* kindA = catalogue.kind(a.kind);
    const KindInfo* kindB = catalogue.kind(b.kind);
    for (const auto& key : propertyKeys(a.props, b.props)) {
        const Json& before = member(a.props, key);
        const Json& after = member(b.props, key);
        if (before == after) continue;
        const auto schema = catalogue.componentProperty(key, kindB ? kindB : kindA);
        const Json effectiveA = kindA ? catalogue.componentValue(*kindA, empty, key) : Json();
        const Json effectiveB = kindB ? catalogue.componentValue(*kindB, empty, key) : Json();
        out.push_back({"props." + key, schema && !schema->label.empty() ? schema->label : key,
                       propertyText(before, effectiveA, key, schema ? &*schema : nullptr),
                       propertyText(after, effectiveB, key, schema ? &*schema : nullptr), before,
                       after});
    }
}

void compareConnectionProps(const Catalogue& catalogue, const Connection& a, const Connection& b,
                            std::vector<FieldChange>& out) {
    for (const auto& key : propertyKeys(a.props, b.props)) {
        const Json& before = member(a.props, key);
        const Json& after = member(b.props, key);
        if (before == after) continue;
        const auto schema = catalogue.connectionProperty(key);
        const Json& effective = catalogue.connectionValue(Json::object(), key);
        out.push_back({"props." + key, schema && !schema->label.empty() ? schema->label : key,
                       propertyText(before, effective, key, schema ? &*schema : nullptr),
                       propertyText(after, effective, key, schema ? &*schema : nullptr), before,
                       after});
    }
}

std::string componentName(const Document& doc, const std::string& id) {
    const Component* c = doc.component(id);
    return c && !c->name.empty() ? c->name : id;
}

DiffElement element(const Document&, const Component& c) {
    return {ElementType::Component, c.id, c.name.empty() ? c.id : c.name, c.x, c.y};
}
DiffElement element(const Document& doc, const Connection& c) {
    return {ElementType::Connection, c.id,
            componentName(doc, c.from) + " → " + componentName(doc, c.to), 0, 0};
}
DiffElement element(const Document&, const Zone& z) {
    return {ElementType::Zone, z.id, "zone " + z.id, 0, 0};
}
DiffElement element(const Document&, const Flow& f) {
    return {ElementType::Flow, f.id, f.name.empty() ? f.id : f.name, 0, 0};
}

std::vector<FieldChange> compare(const Catalogue& catalogue, const Component& a,
                                 const Component& b) {
    std::vector<FieldChange> out;
    addField(out, ElementType::Component, "kind", a.kind, b.kind);
    addField(out, ElementType::Component, "name", a.name, b.name);
    compareComponentProps(catalogue, a, b, out);
    return out;
}

std::vector<FieldChange> compare(const Catalogue& catalogue, const Document& da,
                                 const Connection& a, const Document& db, const Connection& b) {
    std::vector<FieldChange> out;
    if (a.id != b.id) addField(out, ElementType::Connection, "id", a.id, b.id);
    addField(out, ElementType::Connection, "from", componentName(da, a.from),
             componentName(db, b.from), a.from, b.from);
    addField(out, ElementType::Connection, "to", componentName(da, a.to), componentName(db, b.to),
             a.to, b.to);
    addField(out, ElementType::Connection, "mode", toString(a.mode), toString(b.mode));
    compareConnectionProps(catalogue, a, b, out);
    return out;
}

std::vector<FieldChange> compare(const Zone& a, const Zone& b) {
    std::vector<FieldChange> out;
    addField(out, ElementType::Zone, "region", a.region, b.region);
    addField(out, ElementType::Zone, "availability", availabilityInputText(a.availability),
             availabilityInputText(b.availability), a.availability, b.availability);
    return out;
}

std::vector<FieldChange> compare(const Flow& a, const Flow& b) {
    std::vector<FieldChange> out;
    const ElementType t = ElementType::Flow;
    addField(out, t, "name", a.name, b.name);
    addField(out, t, "entry", a.entry, b.entry);
    addField(out, t, "op", a.op, b.op);
    addField(out, t, "rate_rps", rateText(a.rate_rps), rateText(b.rate_rps), a.rate_rps,
             b.rate_rps);
    addField(out, t, "availability", optionalAvailability(a.availability),
             optionalAvailability(b.availability), optionalJson(a.availability),
             optionalJson(b.availability));
    addField(out, t, "p99_ms", optionalMs(a.p99_ms), optionalMs(b.p99_ms), optionalJson(a.p99_ms),
             optionalJson(b.p99_ms));
    return out;
}

std::vector<FieldChange> compareDesign(const Document& a, const Document& b) {
    std::vector<FieldChange> out;
    const ElementType t = ElementType::Document;
    const Requirements& ra = a.requirements;
    const Requirements& rb = b.requirements;
    addField(out, t, "title", a.title, b.title);
    addField(out, t, "requirements.availability", optionalAvailability(ra.availability),
             optionalAvailability(rb.availability), optionalJson(ra.availability),
             optionalJson(rb.availability));
    addField(out, t, "requirements.p99_ms", optionalMs(ra.p99_ms), optionalMs(rb.p99_ms),
             optionalJson(ra.p99_ms), optionalJson(rb.p99_ms));
    const auto depth = [](const std::optional<int>& d) {
        return d ? std::to_string(*d) : "not set";
    };
    addField(out, t, "requirements.max_sync_depth", depth(ra.max_sync_depth),
             depth(rb.max_sync_depth), optionalJson(ra.max_sync_depth),
             optionalJson(rb.max_sync_depth));
    const auto peak = [](const std::optional<double>& r) { return r ? rateText(*r) : "not set"; };
    addField(out, t, "requirements.peak_rps", peak(ra.peak_rps), peak(rb.peak_rps),
             optionalJson(ra.peak_rps), optionalJson(rb.peak_rps));
    return out;
}

bool movedOrResized(const Component& a, const Component& b) {
    return a.x != b.x || a.y != b.y || a.width != b.width || a.height != b.height;
}

/// Elements of one collection matched by id: removed (in A's order), added and changed (in
/// B's order).
template <typename T, typename Compare>
void diffById(const Document& da, const std::vector<T>& as, const Document& db,
              const std::vector<T>& bs, DesignDiff& out, Compare compareFn) {
    std::map<std::string, const T*> inB;
    for (const T& b : bs)
        inB[b.id] = &b;
    std::set<std::string> inA;
    for (const T& a : as) {
        inA.insert(a.id);
        if (!inB.count(a.id)) out.removed.push_back(element(da, a));
    }
    for (const T& b : bs) {
        if (!inA.count(b.id)) {
            out.added.push_back(element(db, b));
            continue;
        }
        const T& a = *std::find_if(as.begin(), as.end(), [&](const T& x) { return x.id == b.id; });
        auto fields = compareFn(a, b);
        if (!fields.empty()) out.changed.push_back({element(db, b), a.id, std::move(fields)});
    }
}

/// Connections: by id, then the ones left over by their ends. Returns A's id -> B's id for
/// every matched connection whose id differs, to read A's findings in B's ids.
std::map<std::string, std::string> diffConnections(const Catalogue& catalogue, const Document& da,
                                                   const Document& db, DesignDiff& out) {
    std::map<std::string, std::string> renamed;
    std::vector<const Connection*> onlyA, onlyB;
    for (const auto& a : da.connections)
        if (!db.connection(a.id)) onlyA.push_back(&a);
    for (const auto& b : db.connections)
        if (!da.connection(b.id)) onlyB.push_back(&b);
    // Pair leftovers joining the same two components, in document order; a connection of the
    // same mode is preferred when there are several.
    std::map<const Connection*, const Connection*> partnerOfB;
    std::set<const Connection*> pairedA;
    for (int pass = 0; pass < 2; ++pass)
        for (const Connection* b : onlyB) {
            if (partnerOfB.count(b)) continue;
            for (const Connection* a : onlyA) {
                if (pairedA.count(a) || a->from != b->from || a->to != b->to) continue;
                if (pass == 0 && a->mode != b->mode) continue;
                partnerOfB[b] = a;
                pairedA.insert(a);
                renamed[a->id] = b->id;
                break;
            }
        }
    for (const Connection* a : onlyA)
        if (!pairedA.count(a)) out.removed.push_back(element(da, *a));
    for (const auto& b : db.connections) {
        const Connection* a = da.connection(b.id);
        if (!a) {
            auto it = partnerOfB.find(&b);
            if (it == partnerOfB.end()) {
                out.added.push_back(element(db, b));
                continue;
            }
            a = it->second;
        }
        auto fields = compare(catalogue, da, *a, db, b);
        if (!fields.empty()) out.changed.push_back({element(db, b), a->id, std::move(fields)});
    }
    return renamed;
}

using FindingId = std::pair<std::string, std::vector<std::string>>;

FindingId findingId(const Finding& f, const std::map<std::string, std::string>& renamed) {
    std::vector<std::string> key = findingKey(f);
    for (auto& id : key)
        if (auto it = renamed.find(id); it != renamed.end()) id = it->second;
    return {f.rule, subjectSet(std::move(key))};
}

/// What people call the element `id` of `doc`; the id itself when it names none.
std::string subjectName(const Document& doc, const std::string& id) {
    if (doc.component(id)) return componentName(doc, id);
    if (const Connection* c = doc.connection(id)) return element(doc, *c).name;
    if (doc.zone(id)) return "zone " + id;
    if (const Flow* f = doc.flow(id)) return f->name.empty() ? id : f->name;
    return id;
}

FindingDelta delta(const Document& doc, const Finding& f,
                   const std::map<std::string, std::string>& renamed) {
    FindingDelta d{f.rule, f.severity, f.title, f.subjects, f.flow, {}};
    for (const auto& id : f.subjects)
        d.subjectNames.push_back(subjectName(doc, id));
    for (auto& id : d.subjects)
        if (auto it = renamed.find(id); it != renamed.end()) id = it->second;
    return d;
}

/// Findings of `from` with no equal in `other` (counted, so two equal findings on one side
/// and one on the other leave one over).
std::vector<FindingDelta> unmatched(const Document& fromDoc, const std::vector<Finding>& from,
                                    const std::map<std::string, std::string>& renamedFrom,
                                    const std::vector<Finding>& other,
                                    const std::map<std::string, std::string>& renamedOther) {
    std::map<FindingId, int> counts;
    for (const auto& f : other)
        ++counts[findingId(f, renamedOther)];
    std::vector<FindingDelta> out;
    for (const auto& f : from) {
        int& n = counts[findingId(f, renamedFrom)];
        if (n > 0)
            --n;
        else
            out.push_back(delta(fromDoc, f, renamedFrom));
    }
    return out;
}

} // namespace

bool DesignDiff::identical() const {
    if (!added.empty() || !removed.empty() || !changed.empty() || !moved.empty() ||
        !design.empty() || !findingsAppeared.empty() || !findingsGone.empty() ||
        !flowsOnlyBefore.empty() || !flowsOnlyAfter.empty())
        return false;
    for (const auto& f : flows)
        if (f.changed()) return false;
    if (saturationBefore.has_value() != saturationAfter.has_value()) return false;
    return !saturationBefore || (saturationBefore->multiplier == saturationAfter->multiplier &&
                                 saturationBefore->component == saturationAfter->component);
}

namespace {
template <typename List, typename Type> int countOfType(const List& list, Type type) {
    int n = 0;
    for (const auto& e : list)
        n += e.type == type;
    return n;
}
} // namespace

int DesignDiff::addedCount(ElementType type) const {
    return countOfType(added, type);
}
int DesignDiff::removedCount(ElementType type) const {
    return countOfType(removed, type);
}
int DesignDiff::changedCount(ElementType type) const {
    int n = 0;
    for (const auto& c : changed)
        n += c.element.type == type;
    return n;
}

namespace {

/// The traffic multiple at which the busiest component the flow reaches, on its
/// synchronous part or its asynchronous tail, is full.
std::optional<double> flowSaturation(const Report& report, const FlowResult& flow) {
    double busiest = 0;
    for (const auto* ids : {&flow.syncComponents, &flow.asyncComponents})
        for (const auto& id : *ids)
            if (const ComponentResult* c = report.component(id))
                busiest = std::max(busiest, c->utilisation);
    if (!(busiest > 0)) return std::nullopt;
    return 1.0 / busiest;
}

} // namespace

DesignDiff diffDesigns(const Document& a, const Report& ra, const Document& b, const Report& rb,
                       const Catalogue& catalogue) {
    DesignDiff out;
    out.titleBefore = a.title;
    out.titleAfter = b.title;
    out.design = compareDesign(a, b);
    diffById(a, a.zones, b, b.zones, out,
             [](const Zone& x, const Zone& y) { return compare(x, y); });
    diffById(a, a.components, b, b.components, out,
             [&](const Component& x, const Component& y) { return compare(catalogue, x, y); });
    for (const auto& c : b.components)
        if (const Component* before = a.component(c.id); before && movedOrResized(*before, c))
            out.moved.push_back(element(b, c));
    const auto renamed = diffConnections(catalogue, a, b, out);
    diffById(a, a.flows, b, b.flows, out,
             [](const Flow& x, const Flow& y) { return compare(x, y); });

    out.findingsGone = unmatched(a, ra.findings, renamed, rb.findings, {});
    out.findingsAppeared = unmatched(b, rb.findings, {}, ra.findings, renamed);

    for (const auto& fb : rb.flows) {
        const FlowResult* fa = ra.flow(fb.id);
        if (!fa) continue;
        out.flows.push_back({fb.id, fb.name.empty() ? fb.id : fb.name, fa->availability,
                             fb.availability, fa->p99_ms, fb.p99_ms, flowSaturation(ra, *fa),
                             flowSaturation(rb, fb)});
    }
    for (const auto& fa : ra.flows)
        if (!rb.flow(fa.id))
            out.flowsOnlyBefore.push_back(
                {ElementType::Flow, fa.id, fa.name.empty() ? fa.id : fa.name});
    for (const auto& fb : rb.flows)
        if (!ra.flow(fb.id))
            out.flowsOnlyAfter.push_back(
                {ElementType::Flow, fb.id, fb.name.empty() ? fb.id : fb.name});
    out.saturationBefore = ra.saturation;
    out.saturationAfter = rb.saturation;
    if (out.saturationBefore)
        out.saturationBefore->component = componentName(a, ra.saturation->component);
    if (out.saturationAfter)
        out.saturationAfter->component = componentName(b, rb.saturation->component);
    return out;
}

const char* diffTypeName(ElementType type) {
    switch (type) {
    case ElementType::Component:
        return "component";
    case ElementType::Connection:
        return "connection";
    case ElementType::Zone:
        return "zone";
    case ElementType::Flow:
        return "flow";
    case ElementType::Note:
        return "note";
    case ElementType::Document:
        return "design";
    }
    return "design";
}

std::string availabilityDifferenceText(double before, double after) {
    const double pp = (after - before) * 100;
    if (!std::isfinite(pp)) return "—";
    // Below a millionth of a percentage point the figures read the same: rounding noise.
    if (std::fabs(pp) < 5e-7) return "±0";
    // Enough places to show the first digits that differ: 0.0004 pp is not "0 pp".
    const double magnitude = std::fabs(pp);
    const int places =
        magnitude >= 1 ? 2 : std::min(6, 1 + static_cast<int>(std::ceil(-std::log10(magnitude))));
    // Cut, not rounded, as availabilityPercent does: 0 % to 99.9983 % is +99.99 pp, not +100.
    const double scale = std::pow(10.0, places);
    const double cut = std::floor(magnitude * scale + 1e-6) / scale;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%s%.*f pp", pp > 0 ? "+" : "−", places, cut);
    return buffer;
}

std::string millisecondsDifferenceText(double before, double after) {
    const double d = after - before;
    if (!std::isfinite(d)) return "—";
    if (std::fabs(d) < 0.005) return "±0"; // below what millisecondsText shows
    if (std::fabs(d) < 0.0095) return d > 0 ? "+0.01 ms" : "−0.01 ms";
    return (d > 0 ? "+" : "−") + millisecondsText(std::fabs(d));
}

} // namespace archlens
