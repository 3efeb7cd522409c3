#pragma once
// What people call the parts of a design: a component by its name, a connection by the
// names at its ends, a property by its label. Undo texts, status lines and refusals speak
// these words, never ids or internal keys ("props.instances", "requirements.p99_ms"),
// which mean nothing to the person who drew the design.
#include "archlens/model/attributes.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace archlens {

/// An element as people know it: a component's or flow's name ("Redirect service"), a
/// connection by its ends ("connection API → Link table"), "zone az1", "note", "the
/// design". An id the document does not hold is returned as it is.
std::string describeElement(const Document& doc, ElementType type, const std::string& id);

/// An attribute's label in running text: "instances", "p99 latency target", "name". The
/// first letter is lowered unless the label starts with an abbreviation ("TTL").
std::string describeAttribute(const Catalogue& catalogue, const Document& doc,
                              const AttributeRef& ref);

/// A count with its noun in the right number: "1 item", "3 items", "0 notes". Both forms
/// are given, so "1 entry" / "2 entries" needs no English rules here.
std::string countOf(std::size_t n, std::string_view one, std::string_view many);

} // namespace archlens
