#pragma once
// The diagram as a Mermaid flowchart (.mmd), so a design pastes into Markdown that code
// hosts render: one node per component labelled with its name, one subgraph per zone area
// (components placed in the same zones), and the connection modes as line styles
// (solid: synchronous, dotted: asynchronous, thick: replication).
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"

#include <QByteArray>
#include <QString>

namespace archlens {

/// The flowchart text, UTF-8. Node ids are generated (n1, n2...) so that any component id
/// is safe; every name and label is quoted and its quotes, angle brackets, ampersands,
/// hashes, percent signs, backquotes and backslashes written as Mermaid entity codes, line
/// breaks as spaces and control characters as U+FFFD, so user text can neither break the
/// syntax, end a statement, become markup nor a "%%{init}%%" directive. The title goes into
/// the YAML front matter with YAML's escapes.
QByteArray toMermaid(const Document& doc, const Catalogue& catalogue);

/// A label as Mermaid reads it between double quotes (see toMermaid).
QString mermaidText(const QString& text);

} // namespace archlens
