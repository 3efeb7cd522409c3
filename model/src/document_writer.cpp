// Document -> text, in one canonical key order, so that saving what was loaded from a
// saved file gives the same bytes.
#include "archlens/model/document_io.h"
#include "archlens/model/file_io.h"
#include "archlens/model/json_text.h"

#include "field_access.h"

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

/// The element's id, its fields in the table's order (an unset optional one is left out,
/// so a design that never set it saves as it did before the field existed), then `props`
/// when it has any (components and connections), then what this version does not know.
template <typename T> Json elementToJson(const T& e) {
    Json j = Json::object();
    j["id"] = e.id;
    for (const auto& f : detail::fieldAccess<T>())
        if (Json v = f.get(e); !v.is_null()) j[std::string(f.info.key)] = std::move(v);
    if constexpr (requires { e.props; })
        if (!e.props.empty()) j["props"] = e.props;
    appendExtras(j, e.extra);
    return j;
}

template <typename T> Json listToJson(const std::vector<T>& elements) {
    Json out = Json::array();
    for (const auto& e : elements)
        out.push_back(elementToJson(e));
    return out;
}

} // namespace

Json documentToJson(const Document& doc) {
    Json out = Json::object();
    out["format"] = "archlens";
    out["version"] = kFormatVersion;
    Json req = Json::object();
    for (const auto& f : detail::fieldAccess<Document>()) {
        Json v = f.get(doc);
        if (v.is_null()) continue;
        if (detail::isRequirement(f.info))
            req[std::string(f.info.key)] = std::move(v);
        else
            out[std::string(f.info.key)] = std::move(v);
    }
    // An empty "requirements" object read from a file is written back, for byte identity.
    if (doc.hasRequirements || !req.empty() || !doc.requirements.extra.empty()) {
        appendExtras(req, doc.requirements.extra);
        out["requirements"] = std::move(req);
    }
    out["zones"] = listToJson(doc.zones);
    out["components"] = listToJson(doc.components);
    out["connections"] = listToJson(doc.connections);
    out["flows"] = listToJson(doc.flows);
    out["notes"] = listToJson(doc.notes);

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
    if (doc.practice) out["practice"] = practiceToJson(*doc.practice);

    appendExtras(out, doc.extra);
    return out;
}

std::string writeDocument(const Document& doc) {
    std::string text = jsonText(documentToJson(doc), 2);
    text += '\n';
    return text;
}

std::string writeDocumentFile(const std::filesystem::path& path, const Document& doc) {
    return writeFileAtomically(path, writeDocument(doc), KeepPrevious::Yes);
}

} // namespace archlens
