#pragma once
// The built-in fields of each element type, described once. A field's name, JSON key,
// type, range, unit, label and help live here and nowhere else: the reader and the writer
// walk this table, the validator and the editor check values against it, and the inspector
// draws its rows from it, as the catalogue's schema does for components' properties. The
// typed get and set of each field are private to the model (field_access.h).
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace archlens {

enum class FieldType {
    Name,         ///< a short text: a name, a title, a region (checkName)
    LongText,     ///< a note's text (checkText)
    Number,       ///< a finite number within the field's range
    Integer,      ///< a whole number within the field's range
    Coordinate,   ///< an x or y position (checkCoordinate)
    Choice,       ///< one of `choices`
    ComponentRef, ///< the id of a component of the document
    KindRef,      ///< the id of a kind of the catalogue
};

/// One built-in field of one element type. `name` is what attributes and the inspector
/// call it ("rate_rps", "requirements.p99_ms"); `key` is its JSON key inside its object
/// ("p99_ms" inside "requirements"). An optional field may be unset (null) and is then
/// not written; a required one must be in every file. Texts are for people.
struct FieldInfo {
    ElementType element = ElementType::Document;
    std::string_view name;
    std::string_view key;
    FieldType type = FieldType::Name;
    bool requiredInFile = false;
    bool optional = false;
    std::optional<double> min;
    std::optional<double> max;
    bool exclusiveMin = false;
    bool exclusiveMax = false;
    std::vector<std::string_view> choices;
    /// Shown in a message about a range open at both ends, e.g. "0.9999".
    std::string_view example;
    /// Not offered in the inspector (a position is edited by dragging).
    bool hidden = false;
    /// Shown but not editable in the inspector (a component's kind is changed by replacing it).
    bool readOnly = false;
    std::string_view label;
    std::string_view unit;
    std::string_view help;
};

/// The fields of one element type, in file order (after "id", before "props").
std::span<const FieldInfo> fieldsOf(ElementType type);
/// The field of that type with that attribute name, or null.
const FieldInfo* findField(ElementType type, std::string_view name);

/// What a value is checked against beyond its field: which components and kinds exist.
/// An empty function is not checked.
struct FieldContext {
    std::function<bool(const std::string&)> componentExists;
    const Catalogue* catalogue = nullptr;
};

/// Why `value` cannot be stored in `field`, or nullopt when it can. Null is accepted for an
/// optional field. Messages read after the field's name: "must be greater than 0, got -5".
std::optional<std::string> checkField(const FieldInfo& field, const Json& value,
                                      const FieldContext& context = {});

} // namespace archlens
