#pragma once
// Rows of a document's elements by id, for whoever looks up many ids in one document: the
// editor resolving a move of thousands of elements, or an attribute edit in a document of
// ten thousand components. Document's own look-ups (component(), indexOf()) scan their
// vector, which is right for one look-up but makes an edit of every element quadratic.
#include "archlens/model/document.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace archlens {

/// The row of the element of `type` with `id`: `hint` when the element in that row has
/// the id (the caller's memory of where it was), otherwise looked up in the document.
/// -1 when there is none.
int elementRow(const Document& doc, ElementType type, const std::string& id, int hint = -1);

/// Rows by id over a document that may change between look-ups. The document's collections
/// are plain vectors that anyone may change, so the index never trusts itself: a row it
/// gives is used only when the element in that row has the id asked for; otherwise the
/// collection is scanned (the answer is always right) and, after a few such stale answers,
/// the table is built again. A look-up is then O(log n) while rows stay put (moves and
/// attribute edits do not move rows) and linear only for an id that is not there or just
/// after an insert or a removal. One document per index; not for use from several threads
/// at once.
class IdIndex {
public:
    /// Row of the element of `type` with `id` in `doc`, or -1.
    int row(const Document& doc, ElementType type, const std::string& id) const;

private:
    struct Table {
        /// (hash of the id, row), sorted: compact, and a binary search finds an id's rows.
        std::vector<std::pair<size_t, int>> rows;
        bool built = false;
        int stale = 0; ///< answers found wrong since it was built
    };
    mutable std::array<Table, 5> tables_;
};

} // namespace archlens
