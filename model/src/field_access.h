#pragma once
// The typed get and set of each built-in field, beside its description. Private to the
// model: the reader, the writer, the validator and attribute access walk these lists, so a
// field added here is read, written, checked and editable with no other change.
#include "archlens/model/fields.h"

#include <span>

namespace archlens::detail {

/// One field of elements of type T: what it is, and how to read and store it as JSON.
/// `get` gives null for an unset optional field; `set` takes a value checkField accepted.
template <typename T> struct FieldAccess {
    FieldInfo info;
    Json (*get)(const T&);
    void (*set)(T&, const Json&);
};

/// The fields of each element type, in file order. The document's own fields are its title
/// and its requirements (keys inside "requirements").
template <typename T> std::span<const FieldAccess<T>> fieldAccess();
template <> std::span<const FieldAccess<Document>> fieldAccess<Document>();
template <> std::span<const FieldAccess<Zone>> fieldAccess<Zone>();
template <> std::span<const FieldAccess<Component>> fieldAccess<Component>();
template <> std::span<const FieldAccess<Connection>> fieldAccess<Connection>();
template <> std::span<const FieldAccess<Flow>> fieldAccess<Flow>();
template <> std::span<const FieldAccess<Note>> fieldAccess<Note>();

/// Whether a document field lives inside the "requirements" object.
inline bool isRequirement(const FieldInfo& field) {
    return field.name != field.key;
}

} // namespace archlens::detail
