#pragma once
// Checks of values against the catalogue's schema and of a whole document's references.
// The reader and the editor share these, so a file and an edit are held to the same rules.
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"
#include "archlens/model/problem.h"

#include <optional>
#include <string>

namespace archlens {

/// Why `value` is not acceptable for `schema`, or nullopt when it is. Zone and flow lists
/// are resolved against `doc` when given.
std::optional<std::string> checkValue(const PropertySchema& schema, const Json& value,
                                      const Document* doc = nullptr);

/// Every problem of a parsed document: unknown kinds and properties, wrong types, values
/// out of range, duplicate ids, dangling references. Pointers name the offending place.
Problems validateDocument(const Document& doc, const Catalogue& catalogue);

} // namespace archlens
