// Text -> Document. Structure (types of the known fields, required fields) is checked here;
// meaning (kinds, properties, references) by validateDocument, so edits share those rules.
#include "archlens/model/document_io.h"
#include "archlens/model/file_io.h"
#include "archlens/model/limits.h"
#include "archlens/model/validation.h"

#include "json_parse.h"

#include <cmath>
#include <initializer_list>
#include <limits>

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

std::string describeType(const Json& v) {
    if (v.is_number()) return "a number";
    if (v.is_boolean()) return "true or false";
    if (v.is_string()) return "a string";
    if (v.is_array()) return "a list";
    if (v.is_object()) return "an object";
    return "null";
}

/// Reads the known fields of one JSON object and gathers the rest as extras, recording a
/// problem (with its JSON pointer) for each missing or mistyped field.
class FieldReader {
public:
    FieldReader(const Json& obj, std::string at, Problems& problems)
        : obj_(obj), at_(std::move(at)), problems_(problems) {}

    bool string(const char* key, std::string& out, bool required) {
        const Json* v = find(key, required);
        if (!v) return false;
        if (!v->is_string()) return wrong(key, "a string", *v);
        out = v->get<std::string>();
        return true;
    }
    bool number(const char* key, double& out, bool required) {
        const Json* v = find(key, required);
        if (!v) return false;
        if (!v->is_number()) return wrong(key, "a number", *v);
        out = v->get<double>();
        return true;
    }
    bool optionalNumber(const char* key, std::optional<double>& out) {
        double value = 0;
        if (!number(key, value, false)) return false;
        out = value;
        return true;
    }
    /// A whole number within [min, max], checked before it is narrowed to an int.
    bool optionalInteger(const char* key, std::optional<int>& out, long long min, long long max) {
        const Json* v = find(key, false);
        if (!v) return false;
        if (!v->is_number_integer()) return wrong(key, "an integer", *v);
        const auto value = wholeNumber(*v);
        if (!value || *value < min || *value > max) {
            problems_.push_back({at_ + "/" + key, "must be a whole number from " +
                                                      std::to_string(min) + " to " +
                                                      std::to_string(max) + ", got " + v->dump()});
            return false;
        }
        out = static_cast<int>(*value);
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
    Json extras(std::initializer_list<const char*> known) const {
        Json out = Json::object();
        // The parser refused duplicate keys, so members are appended without ordered_json's
        // linear search for an existing one (quadratic on an object of many unknown fields).
        auto& members = static_cast<Json::object_t::Container&>(out.get_ref<Json::object_t&>());
        for (const auto& [key, value] : obj_.items()) {
            bool isKnown = false;
            for (const char* k : known)
                isKnown = isKnown || key == k;
            if (!isKnown) members.emplace_back(key, value);
        }
        return out;
    }

private:
    const Json* find(const char* key, bool required) {
        auto it = obj_.find(key);
        if (it == obj_.end()) {
            if (required)
                problems_.push_back(
                    {at_ + "/" + key, std::string("missing required field \"") + key + "\""});
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

/// Applies `readOne` to each element of the array at `key`, if present.
template <typename T, typename F>
void readArray(const Json& root, const char* key, std::vector<T>& out, Problems& problems,
               F readOne) {
    auto it = root.find(key);
    if (it == root.end()) return;
    const std::string at = std::string("/") + key;
    if (!it->is_array()) {
        problems.push_back({at, "must be a list, got " + describeType(*it)});
        return;
    }
    for (size_t i = 0; i < it->size(); ++i) {
        const Json& item = (*it)[i];
        const std::string itemAt = at + "/" + std::to_string(i);
        if (!item.is_object()) {
            problems.push_back({itemAt, "must be an object, got " + describeType(item)});
            continue;
        }
        T value;
        FieldReader fields(item, itemAt, problems);
        readOne(fields, value);
        out.push_back(std::move(value));
    }
}

} // namespace

namespace {

LoadResult readParsed(const Json& root, const Catalogue& catalogue) {
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

    Document doc;
    FieldReader top(root, "", problems);
    top.string("title", doc.title, false);
    doc.extra = top.extras({"format", "version", "title", "requirements", "zones", "components",
                            "connections", "flows", "notes", "acknowledgements"});

    Json requirements;
    if (top.object("requirements", requirements)) {
        doc.hasRequirements = true;
        FieldReader r(requirements, "/requirements", problems);
        r.optionalNumber("availability", doc.requirements.availability);
        r.optionalNumber("p99_ms", doc.requirements.p99_ms);
        r.optionalInteger("max_sync_depth", doc.requirements.max_sync_depth, 1, kMaxSyncDepth);
        r.optionalNumber("peak_rps", doc.requirements.peak_rps);
        doc.requirements.extra = r.extras({"availability", "p99_ms", "max_sync_depth", "peak_rps"});
    }

    readArray(root, "zones", doc.zones, problems, [](FieldReader& f, Zone& z) {
        f.string("id", z.id, true);
        f.string("region", z.region, true);
        f.number("availability", z.availability, true);
        z.extra = f.extras({"id", "region", "availability"});
    });
    readArray(root, "components", doc.components, problems, [](FieldReader& f, Component& c) {
        f.string("id", c.id, true);
        f.string("kind", c.kind, true);
        f.string("name", c.name, false);
        f.number("x", c.x, false);
        f.number("y", c.y, false);
        f.object("props", c.props);
        c.extra = f.extras({"id", "kind", "name", "x", "y", "props"});
    });
    size_t connectionIndex = 0;
    readArray(root, "connections", doc.connections, problems, [&](FieldReader& f, Connection& c) {
        f.string("id", c.id, true);
        f.string("from", c.from, true);
        f.string("to", c.to, true);
        std::string mode = "sync";
        if (f.string("mode", mode, false)) {
            if (auto parsed = connectionModeFromString(mode))
                c.mode = *parsed;
            else
                problems.push_back({"/connections/" + std::to_string(connectionIndex) + "/mode",
                                    "must be \"sync\", \"async\" or \"replication\", got " +
                                        quoteForMessage(mode)});
        }
        f.object("props", c.props);
        c.extra = f.extras({"id", "from", "to", "mode", "props"});
        ++connectionIndex;
    });
    readArray(root, "flows", doc.flows, problems, [](FieldReader& f, Flow& fl) {
        f.string("id", fl.id, true);
        f.string("name", fl.name, false);
        f.string("entry", fl.entry, true);
        f.string("op", fl.op, true);
        f.number("rate_rps", fl.rate_rps, true);
        f.optionalNumber("availability", fl.availability);
        f.optionalNumber("p99_ms", fl.p99_ms);
        fl.extra = f.extras({"id", "name", "entry", "op", "rate_rps", "availability", "p99_ms"});
    });
    readArray(root, "notes", doc.notes, problems, [](FieldReader& f, Note& n) {
        f.string("id", n.id, true);
        f.string("text", n.text, true);
        f.number("x", n.x, false);
        f.number("y", n.y, false);
        n.extra = f.extras({"id", "text", "x", "y"});
    });
    // Optional: files from before acknowledgements existed, and designs with none, lack it.
    readArray(root, "acknowledgements", doc.acknowledgements, problems,
              [](FieldReader& f, Acknowledgement& a) {
                  f.string("rule", a.rule, true);
                  f.stringList("subjects", a.subjects, true);
                  f.string("note", a.note, false);
                  a.extra = f.extras({"rule", "subjects", "note"});
              });

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
    std::optional<Json> root = detail::parseDesignJson(text, result.problems);
    if (root) result = readParsed(*root, catalogue);
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
