#pragma once
// Text -> JSON tree for design files, hardened against hostile input (see limits.h).
#include "archlens/model/json.h"
#include "archlens/model/problem.h"

#include <functional>
#include <optional>
#include <span>
#include <string_view>

namespace archlens::detail {

/// Parses `text` as one JSON value. Refuses, with a problem naming the place (line and
/// column, and the JSON pointer where it is known): text over kMaxDesignBytes, UTF-16 or
/// UTF-32 text, binary data, syntax errors and invalid UTF-8, numbers beyond a double,
/// nesting deeper than kMaxNesting (before building anything deeper), a field name given
/// twice in one object, and field names that break the name rules. A UTF-8 byte order mark
/// is skipped. Never throws for bad input; runs in time linear in the size of the text.
std::optional<Json> parseDesignJson(std::string_view text, Problems& problems);

/// Hands over the items of some of the root object's lists as each one is read, so that a
/// large design is never held as one whole tree: building the tree of a 10,000-component
/// file touched about 60 MB that was freed again as soon as the document was read.
struct ListItems {
    std::span<const std::string_view> lists; ///< names of the root object's lists to hand over
    /// Called with the position of the list's name in `lists`, the item's index and the item,
    /// which it may move from. Items of a list that is given twice, or of a text that turns
    /// out not to parse, are handed over too: the caller keeps them apart until the parse
    /// succeeds.
    std::function<void(size_t list, size_t index, Json& item)> take;
};

/// As above; the items of `items.lists` are given to `items.take` and left as null in the
/// tree (at their places, so the tree's other pointers and indices stay the same).
std::optional<Json> parseDesignJson(std::string_view text, Problems& problems,
                                    const ListItems& items);

/// 1-based line and column (in code points) of a byte offset.
std::pair<int, int> lineColumn(std::string_view text, size_t offset);

} // namespace archlens::detail
