#pragma once
// Text -> JSON tree for design files, hardened against hostile input (see limits.h).
#include "archlens/model/json.h"
#include "archlens/model/problem.h"

#include <optional>
#include <string_view>

namespace archlens::detail {

/// Parses `text` as one JSON value. Refuses, with a problem naming the place (line and
/// column, and the JSON pointer where it is known): text over kMaxDesignBytes, UTF-16 or
/// UTF-32 text, binary data, syntax errors and invalid UTF-8, numbers beyond a double,
/// nesting deeper than kMaxNesting (before building anything deeper), a field name given
/// twice in one object, and field names that break the name rules. A UTF-8 byte order mark
/// is skipped. Never throws for bad input; runs in time linear in the size of the text.
std::optional<Json> parseDesignJson(std::string_view text, Problems& problems);

/// 1-based line and column (in code points) of a byte offset.
std::pair<int, int> lineColumn(std::string_view text, size_t offset);

} // namespace archlens::detail
