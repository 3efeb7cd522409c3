#pragma once
// The critique report as Markdown, with its pictures written beside it as PNG files
// (`<stem>-diagram.png`, `<stem>-availability.png`...), linked by relative paths so the
// folder can be committed next to a README.
#include "archlens/analysis/report.h"
#include "archlens/model/document.h"
#include "export_file.h"
#include "report_content.h"

#include <QString>
#include <vector>

namespace archlens {

/// The Markdown file at `path` first, then one PNG per image beside it.
std::vector<OutputFile> reportMarkdown(const Document& doc, const Report& report,
                                       const std::vector<ReportImage>& images, const QString& path);

/// `text` safe in Markdown prose and table cells: the characters that start markup
/// (\ ` * _ [ ] | # and leading list markers) are backslash-escaped and < > & become
/// entities, so a name can neither format the page nor inject HTML.
QString markdownText(const QString& text);

} // namespace archlens
