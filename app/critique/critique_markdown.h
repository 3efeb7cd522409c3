#pragma once
// The critique as one Markdown page, with Qt Core only: `archlens check --format md` prints
// it, and the report file (app/export/report_markdown.h) writes it with its pictures.
#include "critique_text.h"

#include <QString>
#include <QStringList>
#include <functional>

namespace archlens {

/// `text` safe in Markdown prose and table cells: the characters that start markup
/// (\ ` * _ [ ] | # and leading list markers) are backslash-escaped and < > & become
/// entities, so a name can neither format the page nor inject HTML.
QString markdownText(const QString& text);

/// The critique as one Markdown page: title and counts, requirements, the notes, the flows
/// against the targets, the findings by severity, the acknowledged trade-offs and the
/// assumptions behind the numbers. `pictures` holds the Markdown of each picture, the
/// diagram first, then the plots (as reportImages orders them); without any, the page has
/// no Diagram or Plots section. Every text taken from the design (title, names, notes,
/// finding texts that quote them) goes through `escape`, which must make it inert on the
/// page: markdownText for a file, the terminal's own escaping composed with it for `check`.
QString critiqueMarkdown(const Document& doc, const Report& report,
                         const QStringList& pictures = {},
                         const std::function<QString(const QString&)>& escape = markdownText);

} // namespace archlens
