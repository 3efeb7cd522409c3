#pragma once
// Checks of values against the catalogue's schema and of a whole document's references.
// The reader and the editor share these, so a file and an edit are held to the same rules.
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"
#include "archlens/model/problem.h"

#include <optional>
#include <string>
#include <string_view>

namespace archlens {

/// Why `value` is not acceptable for `schema`, or nullopt when it is. Zone and flow lists
/// are resolved against `doc` when given.
std::optional<std::string> checkValue(const PropertySchema& schema, const Json& value,
                                      const Document* doc = nullptr);

/// Every problem of a parsed document: unknown kinds and properties, wrong types, values
/// out of range, duplicate ids, dangling references. Pointers name the offending place.
Problems validateDocument(const Document& doc, const Catalogue& catalogue);

/// Why `id` cannot be an id: empty, longer than kMaxIdLength characters, not UTF-8, or
/// holding a control or bidirectional-formatting character. nullopt when it can.
std::optional<std::string> checkId(const std::string& id);
/// Why `name` cannot be a name or title: longer than kMaxNameLength characters, not UTF-8,
/// a control character other than tab or newline, or a bidirectional override (U+202D/E).
std::optional<std::string> checkName(const std::string& name);
/// As checkName, for the long texts of notes and acknowledgements (kMaxTextLength; a
/// carriage return is allowed as well).
std::optional<std::string> checkText(const std::string& text);
/// Why `v` cannot be an x or y coordinate: not finite or beyond ±kMaxCoordinate.
std::optional<std::string> checkCoordinate(double v);
/// `s` in double quotes for a message: control and bidirectional characters escaped,
/// invalid UTF-8 bytes shown as \xNN, cut at 60 characters, so that quoting hostile input
/// never makes a message long or changes how a terminal shows it.
std::string quoteForMessage(const std::string& s);
/// A field name as one reference token of a JSON pointer (RFC 6901: ~ -> ~0, / -> ~1).
std::string pointerToken(const std::string& key);
/// `text` with every byte that is not part of well-formed UTF-8 written as \xNN.
std::string validUtf8(std::string_view text);

} // namespace archlens
