#pragma once
// The critique report as a paginated PDF: the HTML report laid out by QTextDocument on A4
// pages with 15 mm margins, the pictures as document resources, the diagram on a page of
// its own when it is tall.
#include "archlens/analysis/report.h"
#include "archlens/model/document.h"
#include "report_comparison.h"
#include "report_content.h"

#include <QByteArray>
#include <vector>

class QTextDocument;

namespace archlens {

/// Fills `text` with the report laid out for A4 pages, pictures registered as resources.
/// Its pageCount() is the number of pages reportPdf() writes.
void layoutReportForPrint(QTextDocument& text, const Document& doc, const Report& report,
                          const std::vector<ReportImage>& images,
                          const ReportComparison* comparison = nullptr);

/// The PDF's bytes. Needs a QGuiApplication (fonts).
QByteArray reportPdf(const Document& doc, const Report& report,
                     const std::vector<ReportImage>& images,
                     const ReportComparison* comparison = nullptr);

} // namespace archlens
