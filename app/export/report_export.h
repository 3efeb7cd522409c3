#pragma once
// One call for a critique report in any format, used by `archlens report` and File ▸ Export
// Report: runs the critique, draws the pictures, writes the files atomically.
#include "archlens/analysis/report.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"
#include "export_file.h"
#include "report_comparison.h"

#include <QString>
#include <vector>

namespace archlens {

/// The files of a report at `path` (the Markdown report also has its images beside it).
/// `report` is the critique to write; null runs it here. `sourceFile` is recorded in the
/// JSON report as `file`, as `archlens check --format json` does. With a `comparison`, the
/// report has a "Compared with" section (the JSON report a `comparison` object, the schema
/// of `archlens diff --format json`).
std::vector<OutputFile> buildReport(const Document& doc, const Catalogue& catalogue,
                                    ReportFormat format, const QString& path,
                                    const Report* report = nullptr, const QString& sourceFile = {},
                                    const ReportComparison* comparison = nullptr);

/// Builds and writes the report; "" on success, otherwise why not (naming the file).
QString exportReport(const Document& doc, const Catalogue& catalogue, ReportFormat format,
                     const QString& path, const Report* report = nullptr,
                     const QString& sourceFile = {}, const ReportComparison* comparison = nullptr);

} // namespace archlens
