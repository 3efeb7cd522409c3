#pragma once
// The critique as Markdown, written once for both places that print it: the report file
// (`archlens report -o x.md`, File ▸ Export Report), with its pictures written beside it as
// PNG files (`<stem>-diagram.png`, `<stem>-availability.png`...) linked by relative paths so
// the folder can be committed next to a README, and `archlens check --format md`, the same
// page without pictures on standard output.
#include "archlens/analysis/report.h"
#include "archlens/model/document.h"
#include "export_file.h"
#include "report_comparison.h"
#include "report_content.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

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
QString critiqueMarkdown(const Document& doc, const Report& report, const QStringList& pictures = {},
                         const std::function<QString(const QString&)>& escape = markdownText);

/// The Markdown file at `path` first, then one PNG per image beside it. With a
/// `comparison`, the page ends with its "Compared with" section.
std::vector<OutputFile> reportMarkdown(const Document& doc, const Report& report,
                                       const std::vector<ReportImage>& images, const QString& path,
                                       const ReportComparison* comparison = nullptr);

} // namespace archlens
