#pragma once
// How the scorecard and the capability checks name things in their reasons: components and
// flows by the names the diagram shows, quoted; kinds by their catalogue labels, in running
// text ("a key-value store", "a CDN"); lists joined as a sentence would join them.
#include "archlens/analysis/report.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"

#include <string>
#include <vector>

namespace archlens::words {

/// Text in single quotes: 'Redirect service'.
std::string quotedText(const std::string& text);
/// A component or flow by its name, or its id when it has none, quoted.
std::string quoted(const Component& component);
std::string quoted(const Flow& flow);
/// The component or flow with this id, quoted by name; the id quoted when there is none.
std::string quotedElement(const Document& doc, const std::string& id);
/// A kind's label as it reads inside a sentence: "key-value store", "CDN", "API gateway".
std::string kindLabel(const Catalogue& catalogue, const std::string& kind);
/// "a cache or a CDN" (withArticles) or "cache or CDN", joined with `conjunction`.
std::string kindList(const Catalogue& catalogue, const std::vector<std::string>& kinds,
                     const std::string& conjunction, bool withArticles);
/// "a", "a and b", "a, b or c".
std::string join(const std::vector<std::string>& items, const std::string& conjunction);

/// Whether something a user does flows through the design (a flow entered by a client):
/// without one the critique has nothing to judge, so its silence earns nothing in the
/// scorecard and proves nothing in a capability check.
bool hasUserFacingFlow(const Report& report);
/// What both say of such a design.
inline constexpr const char* kNothingToJudge =
    "the design has no user-facing flow yet, so the critique has nothing to judge";

} // namespace archlens::words
