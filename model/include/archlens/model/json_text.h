#pragma once
// JSON text, as nlohmann's `dump` writes it, byte for byte, only faster. `dump` escapes
// strings one byte at a time through a UTF-8 decoder, which made writing a 34 MB report
// take longer than building it; here a string is checked as UTF-8 and copied in runs
// between the few characters JSON escapes. A string that is not UTF-8, and every
// floating-point number, is handed to nlohmann itself, so the bytes, and the exception
// for text that is not UTF-8, are dump's own.
#include "archlens/model/json.h"

#include <string>

namespace archlens {

/// `value.dump(indent)`: indent < 0 gives the compact form, otherwise that many spaces a
/// level with a newline after each member and element.
std::string jsonText(const Json& value, int indent = -1);

/// Appends `jsonText(value, indent)` to `out`.
void appendJsonText(std::string& out, const Json& value, int indent = -1);

/// Appends `value` as jsonText writes it when it sits `level` containers deep in a larger
/// value: its members and closing bracket indented for that depth. For a writer that
/// produces the surrounding text itself.
void appendJsonText(std::string& out, const Json& value, int indent, int level);

/// Appends a string value as jsonText writes it, quotes included.
void appendJsonString(std::string& out, const std::string& s);

} // namespace archlens
