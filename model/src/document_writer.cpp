// Document -> text, in one canonical key order, so that saving what was loaded from a
// saved file gives the same bytes.
#include "archlens/model/document_io.h"
#include "archlens/model/file_io.h"
#include "archlens/model/json_text.h"
#include "archlens/model/limits.h"

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

// The members that hold the element lists, in their order.
constexpr const char* kListKeys[] = {"zones", "components", "connections", "flows", "notes"};

/// Calls `f(key, elements)` for each element list, in kListKeys' order.
template <typename F> void forEachList(const Document& doc, F&& f) {
    f(kListKeys[0], doc.zones);
    f(kListKeys[1], doc.components);
    f(kListKeys[2], doc.connections);
    f(kListKeys[3], doc.flows);
    f(kListKeys[4], doc.notes);
}

/// The document as JSON with a null in place of each element list, which the caller fills.
/// An unknown top-level member of a list's name (which no reader keeps, but a document
/// built in code may hold) replaces the list as it replaces any known member.
Json documentHead(const Document& doc) {
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
    for (const char* key : kListKeys)
        out[key] = nullptr;

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

bool listReplacedByExtra(const Document& doc, const char* key) {
    return doc.extra.is_object() && doc.extra.contains(key);
}

/// A list as jsonText writes it as a member of the top-level object (at indent 2), one
/// element's tree at a time. Its text is reserved from the first element's length, twice
/// over: pages reserved and never written cost no memory, a copy of megabytes does. The
/// reserve is capped at what a design file may hold (a first element unlike the others
/// must not ask for gigabytes); past it the text grows as a string does.
template <typename T> void appendListText(std::string& out, const std::vector<T>& elements) {
    if (elements.empty()) {
        out += "[]";
        return;
    }
    out += '[';
    for (std::size_t i = 0; i < elements.size(); ++i) {
        const std::size_t before = out.size();
        out += i == 0 ? "\n    " : ",\n    ";
        appendJsonText(out, elementToJson(elements[i]), 2, 2);
        if (i == 0) {
            const std::size_t first = out.size() - before;
            const std::size_t rest = elements.size() - 1;
            out.reserve(out.size() + std::min(2 * kMaxDesignBytes, 2 * first * rest));
        }
    }
    out += "\n  ]";
}

/// Appends the element list called `key`; false, appending nothing, when none is.
bool appendNamedList(std::string& out, const Document& doc, const std::string& key) {
    bool found = false;
    forEachList(doc, [&](const char* name, const auto& elements) {
        if (key == name) {
            appendListText(out, elements);
            found = true;
        }
    });
    return found;
}

} // namespace

Json documentToJson(const Document& doc) {
    Json out = documentHead(doc);
    forEachList(doc, [&](const char* key, const auto& elements) {
        if (!listReplacedByExtra(doc, key)) out[key] = listToJson(elements);
    });
    return out;
}

// The same bytes as jsonText(documentToJson(doc), 2), but the element lists, nearly all of a
// large design, are written an element at a time: the tree of a whole 10,000-component
// design took about three times the memory of its text, and a save or the recovery file
// built it while the window was also busy with an edit's analysis.
std::string writeDocument(const Document& doc) {
    const Json head = documentHead(doc);
    std::string text = "{";
    bool first = true;
    for (auto it = head.begin(); it != head.end(); ++it) {
        text += first ? "\n  " : ",\n  ";
        first = false;
        appendJsonString(text, it.key());
        text += ": ";
        // A null that holds a list's place (not an unknown member of that name) is the list.
        const bool list = it.value().is_null() && !listReplacedByExtra(doc, it.key().c_str()) &&
                          appendNamedList(text, doc, it.key());
        if (!list) appendJsonText(text, it.value(), 2, 1);
    }
    text += "\n}\n";
    return text;
}

std::string writeDocumentFile(const std::filesystem::path& path, const Document& doc) {
    return writeFileAtomically(path, writeDocument(doc), KeepPrevious::Yes);
}

} // namespace archlens
