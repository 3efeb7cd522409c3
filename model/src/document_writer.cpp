// Document -> text, in one canonical key order, so that saving what was loaded from a
// saved file gives the same bytes.
#include "archlens/model/document_io.h"
#include "archlens/model/file_io.h"

#include <algorithm>
#include <cmath>

namespace archlens {

Json numberToJson(double value) {
    // 2^53: beyond it a double no longer holds every integer, so it stays a double.
    if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 9007199254740992.0)
        return static_cast<std::int64_t>(value);
    return value;
}

namespace {
// Extras are unique among themselves, so only the known fields already in `out` need a
// search: ordered_json's own insertion searches every member, quadratic on an object of
// many unknown fields.
void appendExtras(Json& out, const Json& extra) {
    auto& members = static_cast<Json::object_t::Container&>(out.get_ref<Json::object_t&>());
    const auto known = static_cast<std::ptrdiff_t>(members.size());
    for (const auto& [key, value] : extra.items()) {
        auto it = std::find_if(members.begin(), members.begin() + known,
                               [&key = key](const auto& member) { return member.first == key; });
        if (it != members.begin() + known)
            it->second = value;
        else
            members.emplace_back(key, value);
    }
}
} // namespace

Json documentToJson(const Document& doc) {
    Json out = Json::object();
    out["format"] = "archlens";
    out["version"] = kFormatVersion;
    out["title"] = doc.title;

    const auto& r = doc.requirements;
    if (doc.hasRequirements || r.availability || r.p99_ms || r.max_sync_depth || r.peak_rps ||
        !r.extra.empty()) {
        Json req = Json::object();
        if (r.availability) req["availability"] = numberToJson(*r.availability);
        if (r.p99_ms) req["p99_ms"] = numberToJson(*r.p99_ms);
        if (r.max_sync_depth) req["max_sync_depth"] = *r.max_sync_depth;
        if (r.peak_rps) req["peak_rps"] = numberToJson(*r.peak_rps);
        appendExtras(req, r.extra);
        out["requirements"] = std::move(req);
    }

    Json zones = Json::array();
    for (const auto& z : doc.zones) {
        Json j = {
            {"id", z.id}, {"region", z.region}, {"availability", numberToJson(z.availability)}};
        appendExtras(j, z.extra);
        zones.push_back(std::move(j));
    }
    out["zones"] = std::move(zones);

    Json components = Json::array();
    for (const auto& c : doc.components) {
        Json j = {{"id", c.id},
                  {"kind", c.kind},
                  {"name", c.name},
                  {"x", numberToJson(c.x)},
                  {"y", numberToJson(c.y)}};
        if (!c.props.empty()) j["props"] = c.props;
        appendExtras(j, c.extra);
        components.push_back(std::move(j));
    }
    out["components"] = std::move(components);

    Json connections = Json::array();
    for (const auto& c : doc.connections) {
        Json j = {{"id", c.id}, {"from", c.from}, {"to", c.to}, {"mode", toString(c.mode)}};
        if (!c.props.empty()) j["props"] = c.props;
        appendExtras(j, c.extra);
        connections.push_back(std::move(j));
    }
    out["connections"] = std::move(connections);

    Json flows = Json::array();
    for (const auto& f : doc.flows) {
        Json j = {{"id", f.id},
                  {"name", f.name},
                  {"entry", f.entry},
                  {"op", f.op},
                  {"rate_rps", numberToJson(f.rate_rps)}};
        // Targets are written only when the flow sets its own, so that a flow following the
        // design's requirements saves exactly as it did before flows could have targets.
        if (f.availability) j["availability"] = numberToJson(*f.availability);
        if (f.p99_ms) j["p99_ms"] = numberToJson(*f.p99_ms);
        appendExtras(j, f.extra);
        flows.push_back(std::move(j));
    }
    out["flows"] = std::move(flows);

    Json notes = Json::array();
    for (const auto& n : doc.notes) {
        Json j = {
            {"id", n.id}, {"text", n.text}, {"x", numberToJson(n.x)}, {"y", numberToJson(n.y)}};
        appendExtras(j, n.extra);
        notes.push_back(std::move(j));
    }
    out["notes"] = std::move(notes);

    // Written only when there is one, so that designs without acknowledgements save exactly
    // as they did before the field existed.
    if (!doc.acknowledgements.empty()) {
        Json acks = Json::array();
        for (const auto& a : doc.acknowledgements) {
            Json j = {{"rule", a.rule}, {"subjects", a.subjects}, {"note", a.note}};
            appendExtras(j, a.extra);
            acks.push_back(std::move(j));
        }
        out["acknowledgements"] = std::move(acks);
    }

    appendExtras(out, doc.extra);
    return out;
}

std::string writeDocument(const Document& doc) {
    return documentToJson(doc).dump(2) + "\n";
}

std::string writeDocumentFile(const std::filesystem::path& path, const Document& doc) {
    return writeFileAtomically(path, writeDocument(doc), KeepPrevious::Yes);
}

} // namespace archlens
