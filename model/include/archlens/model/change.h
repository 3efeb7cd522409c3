#pragma once
#include "archlens/model/document.h"

#include <string>
#include <vector>

namespace archlens {

/// What one step of an edit did to the document, so that views can update the affected
/// rows instead of reloading. `index` is the position in the collection (for inserts and
/// removals); `attribute` names what an update changed ("name", "x", "props.instances").
struct Change {
    enum class Op { Inserted, Removed, Updated, Reset };
    Op op = Op::Updated;
    ElementType type = ElementType::Document;
    std::string id;
    int index = -1;
    std::string attribute;
};

using Changes = std::vector<Change>;

} // namespace archlens
