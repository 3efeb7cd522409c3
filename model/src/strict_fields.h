#pragma once
// Reading a JSON object field by field with every problem named by its JSON pointer: the
// project's own data files (prompts) and the strict parts of a design (a practice
// session), where a mistyped or out-of-range value is refused rather than kept.
#include "archlens/model/document_io.h"
#include "archlens/model/json.h"
#include "archlens/model/limits.h"
#include "archlens/model/problem.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace archlens::detail {

inline std::string describeType(const Json& v) {
    if (v.is_number()) return "a number";
    if (v.is_boolean()) return "true or false";
    if (v.is_string()) return "a string";
    if (v.is_array()) return "a list";
    if (v.is_object()) return "an object";
    return "null";
}

/// Reads the fields of one JSON object, recording a problem (with its JSON pointer) for
/// each field missing, of the wrong type, out of range, or unknown.
class StrictFields {
public:
    StrictFields(const Json& obj, std::string at, Problems& problems)
        : obj_(obj), at_(std::move(at)), problems_(problems) {}

    /// A string of at least one visible character.
    void text(const char* key, std::string& out) {
        const Json* v = find(key);
        if (!v) return;
        if (!v->is_string()) return wrong(key, "a string", *v);
        out = v->get<std::string>();
        if (std::all_of(out.begin(), out.end(),
                        [](unsigned char c) { return c == ' ' || c == '\n' || c == '\t'; }))
            problem(key, "must not be empty");
        else if (out.size() > kMaxTextLength)
            problem(key, "is longer than " + std::to_string(kMaxTextLength) + " bytes");
    }

    /// A number within [min, max] (an open bound at min when `aboveMin`).
    void number(const char* key, double& out, double min, double max, bool aboveMin = false) {
        const Json* v = find(key);
        if (!v) return;
        if (!v->is_number()) return wrong(key, "a number", *v);
        out = v->get<double>();
        if (!std::isfinite(out) || out < min || out > max || (aboveMin && out == min)) {
            problem(key, std::string("must be ") + (aboveMin ? "above " : "at least ") +
                             numberToJson(min).dump() + " and at most " + numberToJson(max).dump() +
                             ", got " + v->dump());
        }
    }

    /// Whether the object has the field at all (for fields that may be left out).
    bool has(const char* key) const { return obj_.contains(key); }

    /// A string that may be empty; absent, `out` is left as it is.
    void optionalText(const char* key, std::string& out) {
        if (!has(key)) return;
        const Json& v = obj_.at(key);
        if (!v.is_string()) return wrong(key, "a string", v);
        out = v.get<std::string>();
        if (out.size() > kMaxTextLength)
            problem(key, "is longer than " + std::to_string(kMaxTextLength) + " bytes");
    }

    /// A whole number within [min, max].
    void integer(const char* key, int& out, int min, int max) {
        const Json* v = find(key);
        if (!v) return;
        if (!v->is_number_integer()) return wrong(key, "a whole number", *v);
        const bool tooBig = v->is_number_unsigned() &&
                            v->get<unsigned long long>() > static_cast<unsigned long long>(max);
        const long long n = tooBig ? max + 1LL : v->get<long long>();
        if (tooBig || n < min || n > max)
            return problem(key, "must be at least " + std::to_string(min) + " and at most " +
                                    std::to_string(max) + ", got " + v->dump());
        out = static_cast<int>(n);
    }

    /// true or false; absent, `out` is left as it is.
    void optionalBool(const char* key, bool& out) {
        if (!has(key)) return;
        const Json& v = obj_.at(key);
        if (!v.is_boolean()) return wrong(key, "true or false", v);
        out = v.get<bool>();
    }

    /// The fields that are none of `known`, in file order: kept on round trip.
    Json extras(std::initializer_list<std::string_view> known) const {
        Json out = Json::object();
        for (const auto& [key, value] : obj_.items())
            if (std::find(known.begin(), known.end(), key) == known.end()) out[key] = value;
        return out;
    }

    /// A non-empty list of non-empty strings.
    void textList(const char* key, std::vector<std::string>& out) {
        each(key, [&](const Json& item, const std::string& itemAt) {
            if (!item.is_string()) {
                problems_.push_back({itemAt, "must be a string, got " + describeType(item)});
                return;
            }
            out.push_back(item.get<std::string>());
            if (out.back().find_first_not_of(" \n\t") == std::string::npos)
                problems_.push_back({itemAt, "must not be empty"});
        });
    }

    /// Applies `one` to each item of the non-empty list at `key`, with the item's pointer.
    void each(const char* key, const std::function<void(const Json&, const std::string&)>& one) {
        const Json* v = find(key);
        if (!v) return;
        if (!v->is_array()) return wrong(key, "a list", *v);
        if (v->empty()) return problem(key, "must list at least one item");
        for (size_t i = 0; i < v->size(); ++i)
            one((*v)[i], at_ + "/" + key + "/" + std::to_string(i));
    }

    /// The object at `key`, or nullptr (with a problem) when it is missing or not one.
    const Json* object(const char* key) {
        const Json* v = find(key);
        if (v && !v->is_object()) {
            wrong(key, "an object", *v);
            return nullptr;
        }
        return v;
    }

    /// A problem for each field of the object that is none of `known`.
    void noOthers(std::initializer_list<std::string_view> known) {
        for (const auto& [key, value] : obj_.items())
            if (std::find(known.begin(), known.end(), key) == known.end())
                problems_.push_back({at_ + "/" + key, "unknown field \"" + key + "\""});
    }

    void problem(const char* key, std::string message) {
        problems_.push_back({at_ + "/" + key, std::move(message)});
    }

private:
    const Json* find(const char* key) {
        auto it = obj_.find(key);
        if (it == obj_.end()) {
            problem(key, std::string("missing required field \"") + key + "\"");
            return nullptr;
        }
        return &*it;
    }
    void wrong(const char* key, const char* expected, const Json& got) {
        problem(key, std::string("must be ") + expected + ", got " + describeType(got));
    }

    const Json& obj_;
    std::string at_;
    Problems& problems_;
};

} // namespace archlens::detail
