#pragma once
// The critique as a Markdown file (`archlens report -o x.md`, File ▸ Export Report): the page
// of critique_markdown.h with its pictures written beside it as PNG files
// (`<stem>-diagram.png`, `<stem>-availability.png`...) linked by relative paths, so the
// folder can be committed next to a README.
#include "critique_markdown.h"
#include "export_file.h"
#include "report_comparison.h"
#include "report_content.h"

#include <QString>
#include <vector>

namespace archlens {

/// The Markdown file at `path` first, then one PNG per image beside it. With a
/// `comparison`, the page ends with its "Compared with" section.
std::vector<OutputFile> reportMarkdown(const Document& doc, const Report& report,
                                       const std::vector<ReportImage>& images, const QString& path,
                                       const ReportComparison* comparison = nullptr);

} // namespace archlens
