// Text -> Document. Structure (types of the known fields, required fields) is checked here;
// meaning (kinds, properties, references) by validateDocument, so edits share those rules.
#include "archlens/model/document_io.h"
#include "archlens/model/file_io.h"
#include "archlens/model/limits.h"
#include "archlens/model/validation.h"

#include "field_access.h"
#include "json_parse.h"
#include "strict_fields.h"

#include <cmath>
#include <limits>
#include <span>
#include <string_view>
#include <type_traits>

namespace archlens {

namespace {

/// The value of an integer JSON number, or nullopt when it does not fit a long long (a
/// large unsigned one), so that nothing is narrowed unchecked.
std::optional<long long> wholeNumber(const Json& v) {
    if (v.is_number_unsigned()) {
        const auto u = v.get<Json::number_unsigned_t>();
        if (u > static_cast<Json::number_unsigned_t>(std::numeric_limits<long long>::max()))
            return std::nullopt;
        return static_cast<long long>(u);
    }
    if (v.is_number_integer()) return v.get<Json::number_integer_t>();
    return std::nullopt;
}

using detail::describeType;

/// Why `v` cannot be stored in the field at all (wrong JSON type, an integer that does not
/// fit, a choice that is not one), or nullopt.
std::optional<std::string> typeProblem(const FieldInfo& field, const Json& v) {
    switch (field.type) {
    case FieldType::Name:
    case FieldType::LongText:
    case FieldType::ComponentRef:
    case FieldType::KindRef:
        if (!v.is_string()) return "must be a string, got " + describeType(v);
        return std::nullopt;
    case FieldType::Number:
    case FieldType::Coordinate:
        if (!v.is_number()) return "must be a number, got " + describeType(v);
        return std::nullopt;
    case FieldType::Integer:
        if (!v.is_number_integer()) return "must be an integer, got " + describeType(v);
        if (!wholeNumber(v)) return checkField(field, v).value_or("is too large");
        return std::nullopt;
    case FieldType::Choice:
        if (!v.is_string()) return "must be a string, got " + describeType(v);
        return std::nullopt;
    }
    return std::nullopt;
}

/// Reads the known fields of one JSON object and gathers the rest as extras, recording a
/// problem (with its JSON pointer) for each missing or mistyped field.
class FieldReader {
public:
    FieldReader(const Json& obj, std::string at, Problems& problems)
        : obj_(obj), at_(std::move(at)), problems_(problems) {}

    /// Reads each built-in field of T (fields.h) that `inRequirements` selects into `e`.
    /// JSON types are checked here; ranges and references are validateDocument's, so that
    /// one load names them all.
    template <typename T> void fields(T& e, bool inRequirements = false) {
        for (const auto& f : detail::fieldAccess<T>()) {
            if (detail::isRequirement(f.info) != inRequirements) continue;
            const Json* v = find(f.info.key, f.info.requiredInFile);
            if (!v) continue;
            auto why = typeProblem(f.info, *v);
            if (!why) {
                f.set(e, *v);
                // A value its C++ field cannot hold (a mode that is none, a count past an
                // int) would be lost here, before validateDocument could name it. Text and
                // doubles hold whatever passed typeProblem.
                if ((f.info.type == FieldType::Choice || f.info.type == FieldType::Integer) &&
                    f.get(e) != *v)
                    why = checkField(f.info, *v).value_or("cannot be held exactly");
            }
            if (why) problems_.push_back({at_ + "/" + std::string(f.info.key), *why});
        }
    }

    bool string(const char* key, std::string& out, bool required) {
        const Json* v = find(key, required);
        if (!v) return false;
        if (!v->is_string()) return wrong(key, "a string", *v);
        out = v->get<std::string>();
        return true;
    }
    bool object(const char* key, Json& out) {
        const Json* v = find(key, false);
        if (!v) return false;
        if (!v->is_object()) return wrong(key, "an object", *v);
        out = *v;
        return true;
    }
    /// A list of strings; each item that is not a string is a problem naming its place.
    bool stringList(const char* key, std::vector<std::string>& out, bool required) {
        const Json* v = find(key, required);
        if (!v) return false;
        if (!v->is_array()) return wrong(key, "a list of strings", *v);
        bool ok = true;
        for (size_t i = 0; i < v->size(); ++i) {
            const Json& item = (*v)[i];
            if (item.is_string()) {
                out.push_back(item.get<std::string>());
                continue;
            }
            problems_.push_back({at_ + "/" + key + "/" + std::to_string(i),
                                 "must be a string, got " + describeType(item)});
            ok = false;
        }
        return ok;
    }
    /// Everything but the named keys, in file order.
    Json extras(std::span<const std::string_view> known) const {
        Json out = Json::object();
        // The parser refused duplicate keys, so members are appended without ordered_json's
        // linear search for an existing one (quadratic on an object of many unknown fields).
        auto& members = static_cast<Json::object_t::Container&>(out.get_ref<Json::object_t&>());
        for (const auto& [key, value] : obj_.items()) {
            bool isKnown = false;
            for (const auto& k : known)
                isKnown = isKnown || key == k;
            if (!isKnown) members.emplace_back(key, value);
        }
        return out;
    }

private:
    const Json* find(std::string_view key, bool required) {
        auto it = obj_.find(key);
        if (it == obj_.end()) {
            if (required)
                problems_.push_back({at_ + "/" + std::string(key),
                                     "missing required field \"" + std::string(key) + "\""});
            return nullptr;
        }
        return &*it;
    }
    bool wrong(const char* key, const char* expected, const Json& got) {
        problems_.push_back(
            {at_ + "/" + key, std::string("must be ") + expected + ", got " + describeType(got)});
        return false;
    }

    const Json& obj_;
    std::string at_;
    Problems& problems_;
};

/// Reads one item of a list of the design into `out`, or records why it cannot be read.
template <typename T, typename F>
void readItem(const Json& item, std::string_view list, size_t index, std::vector<T>& out,
              Problems& problems, F readOne) {
    const std::string itemAt = "/" + std::string(list) + "/" + std::to_string(index);
    if (!item.is_object()) {
        problems.push_back({itemAt, "must be an object, got " + describeType(item)});
        return;
    }
    T value;
    FieldReader fields(item, itemAt, problems);
    readOne(fields, value);
    out.push_back(std::move(value));
}

} // namespace

namespace {

/// The JSON keys an element of type T is read from: "id", its fields, and "props" for the
/// elements that have properties. Built once: extras() consults it for every element.
template <typename T> std::span<const std::string_view> elementKeys() {
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> out{"id"};
        for (const auto& f : detail::fieldAccess<T>())
            out.push_back(f.info.key);
        if constexpr (requires(T e) { e.props; }) out.push_back("props");
        return out;
    }();
    return keys;
}

/// The keys of the design's top-level object, or of its "requirements".
std::span<const std::string_view> documentKeys(bool requirements) {
    static const auto keys = [](bool inRequirements) {
        std::vector<std::string_view> out;
        if (!inRequirements)
            out = {"format", "version", "requirements",     "zones",   "components", "connections",
                   "flows",  "notes",   "acknowledgements", "practice"};
        for (const auto& f : detail::fieldAccess<Document>())
            if (detail::isRequirement(f.info) == inRequirements) out.push_back(f.info.key);
        return out;
    };
    static const std::vector<std::string_view> top = keys(false), inside = keys(true);
    return requirements ? inside : top;
}

/// The design's lists, in the order their problems are listed.
constexpr std::string_view kLists[] = {"zones", "components", "connections",
                                       "flows", "notes",      "acknowledgements"};

/// The items of the design's lists, read as the parser hands them over (see ListItems),
/// with each list's problems kept apart so that they are listed in a fixed order whatever
/// the order of the file, and can be dropped when the design is not read at all.
struct ListsRead {
    Document doc; ///< only its lists
    Problems problems[std::size(kLists)];

    void take(size_t list, size_t index, const Json& item) {
        // Each element: its id, its fields in the table's order, its properties if it has
        // any, then what this version does not know.
        auto element = [](FieldReader& f, auto& e) {
            f.string("id", e.id, true);
            f.fields(e);
            if constexpr (requires { e.props; }) f.object("props", e.props);
            e.extra = f.extras(elementKeys<std::remove_reference_t<decltype(e)>>());
        };
        const std::string_view name = kLists[list];
        Problems& p = problems[list];
        switch (list) {
        case 0:
            return readItem(item, name, index, doc.zones, p, element);
        case 1:
            return readItem(item, name, index, doc.components, p, element);
        case 2:
            return readItem(item, name, index, doc.connections, p, element);
        case 3:
            return readItem(item, name, index, doc.flows, p, element);
        case 4:
            return readItem(item, name, index, doc.notes, p, element);
        default:
            // Optional: files from before acknowledgements existed, and designs with none,
            // lack it.
            return readItem(
                item, name, index, doc.acknowledgements, p, [](FieldReader& f, Acknowledgement& a) {
                    f.string("rule", a.rule, true);
                    f.stringList("subjects", a.subjects, true);
                    f.string("note", a.note, false);
                    static constexpr std::string_view kKeys[] = {"rule", "subjects", "note"};
                    a.extra = f.extras(kKeys);
                });
        }
    }
};

LoadResult readParsed(const Json& root, const Catalogue& catalogue, ListsRead& lists) {
    LoadResult result;
    Problems& problems = result.problems;
    if (!root.is_object()) {
        problems.push_back(
            {"", "a design file must hold a JSON object, got " + describeType(root)});
        return result;
    }
    if (root.value("format", Json()) != "archlens") {
        problems.push_back({"/format", "not an ArchLens design (\"format\" must be \"archlens\")"});
        return result;
    }
    auto version = root.find("version");
    // Compared without narrowing: 4294967297 is a newer version, not version 1. An integer
    // too large for a long long is a newer version too; anything else is not a version.
    const bool integer = version != root.end() && version->is_number_integer();
    const auto versionNumber = integer ? wholeNumber(*version) : std::nullopt;
    if (!integer || (versionNumber && *versionNumber < 1)) {
        problems.push_back(
            {"/version", "missing or invalid format version (a whole number, 1 for this release)"});
        return result;
    }
    if (!versionNumber || *versionNumber > kFormatVersion) {
        problems.push_back({"/version", "written by a newer ArchLens (format version " +
                                            version->dump() + "); this version reads up to " +
                                            std::to_string(kFormatVersion) +
                                            ", so nothing was loaded"});
        return result;
    }

    // The lists were read item by item during the parse; the rest is read here.
    Document doc = std::move(lists.doc);
    FieldReader top(root, "", problems);
    top.fields(doc);
    doc.extra = top.extras(documentKeys(false));

    Json requirements;
    if (top.object("requirements", requirements)) {
        doc.hasRequirements = true;
        FieldReader r(requirements, "/requirements", problems);
        r.fields(doc, true);
        doc.requirements.extra = r.extras(documentKeys(true));
    }

    // A list that is not one is named here; the items of the others brought their problems.
    for (size_t l = 0; l < std::size(kLists); ++l) {
        auto it = root.find(kLists[l]);
        if (it == root.end()) continue;
        if (!it->is_array()) {
            problems.push_back(
                {"/" + std::string(kLists[l]), "must be a list, got " + describeType(*it)});
            continue;
        }
        problems.insert(problems.end(), std::make_move_iterator(lists.problems[l].begin()),
                        std::make_move_iterator(lists.problems[l].end()));
    }

    // Optional: a design drawn in a practice interview carries the session.
    if (auto practice = root.find("practice"); practice != root.end()) {
        if (practice->is_object())
            doc.practice = readPractice(*practice, problems);
        else
            problems.push_back({"/practice", "must be an object, got " + describeType(*practice)});
    }

    if (!problems.empty()) return result;
    problems = validateDocument(doc, catalogue);
    if (problems.empty()) result.document = std::move(doc);
    return result;
}

/// Keeps the list of problems short enough to read and every message printable: hostile
/// input can yield a million problems, and nlohmann quotes raw bytes of invalid UTF-8.
void tidy(Problems& problems) {
    if (problems.size() > kMaxProblemsListed) {
        const size_t more = problems.size() - kMaxProblemsListed;
        problems.resize(kMaxProblemsListed);
        problems.push_back({"", "and " + std::to_string(more) + " more problems"});
    }
    for (auto& p : problems) {
        p.pointer = validUtf8(p.pointer);
        p.message = validUtf8(p.message);
    }
}

} // namespace

LoadResult readDocument(const std::string& text, const Catalogue& catalogue) {
    LoadResult result;
    ListsRead lists;
    const detail::ListItems items{
        kLists, [&lists](size_t list, size_t index, Json& item) { lists.take(list, index, item); }};
    std::optional<Json> root = detail::parseDesignJson(text, result.problems, items);
    if (root) result = readParsed(*root, catalogue, lists);
    tidy(result.problems);
    if (!result.problems.empty()) result.document.reset();
    return result;
}

LoadResult readDocumentFile(const std::filesystem::path& path, const Catalogue& catalogue) {
    std::string text, error;
    if (!readTextFile(path, text, error)) {
        LoadResult result;
        result.problems.push_back({"", error});
        return result;
    }
    return readDocument(text, catalogue);
}

} // namespace archlens
