#pragma once
// Attribute access by name, so that one undoable command sets any field of any element
// (the generic counterpart of QtNodes' roles). The names are those of the field table
// (fields.h: "name", "rate_rps", "requirements.p99_ms", ...), plus "props.<key>" for a
// component's or connection's property and "props" for all of them at once (what undo uses
// to put a property back in its place). An unset optional field reads as null.
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"

#include <optional>
#include <string>

namespace archlens {

struct AttributeRef {
    ElementType type = ElementType::Document;
    std::string id; ///< empty for the document itself
    std::string name;
};

/// The stored value, or null when an optional value is unset. Throws std::out_of_range
/// when the element or the attribute name does not exist.
Json getAttribute(const Document& doc, const AttributeRef& ref);
/// Stores the value (null unsets an optional one). The value must have passed
/// checkAttribute; throws std::out_of_range for a missing element or unknown name.
void setAttribute(Document& doc, const AttributeRef& ref, const Json& value);
/// The same two, with the element's row in its collection when the caller knows it: a
/// hint, used when the element in that row has the id (elementRow(), id_index.h), so that
/// commands over thousands of elements do not search for each one.
Json getAttribute(const Document& doc, const AttributeRef& ref, int row);
void setAttribute(Document& doc, const AttributeRef& ref, const Json& value, int row);
/// Why the value cannot be stored there, or nullopt when it can. `row`: as above.
std::optional<std::string> checkAttribute(const Document& doc, const Catalogue& catalogue,
                                          const AttributeRef& ref, const Json& value, int row = -1);

} // namespace archlens
