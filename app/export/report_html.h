#pragma once
// The critique report as HTML: title, requirements, the diagram, the flows table against
// the targets, the plots, the findings grouped by severity (each with its numbers, guide
// section, suggestion and follow-up question), acknowledged trade-offs and the assumptions
// behind the numbers. One writer serves the self-contained .html file and the PDF report
// (which lays the same HTML out with QTextDocument).
#include "archlens/analysis/report.h"
#include "archlens/model/document.h"
#include "report_comparison.h"
#include "report_content.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace archlens {

struct ReportHtmlOptions {
    /// Images as `data:` URIs (self-contained file) when true; otherwise as `<name>.png`,
    /// resources the caller registers (QTextDocument) or writes beside the file.
    bool inlineImages = true;
    /// Markup QTextDocument lays out well for paper: no CSS it ignores, widths in pixels
    /// of a page `pageWidth` wide, the diagram on a page of its own when it is tall.
    bool forPrint = false;
    double pageWidth = 680;
    double pageHeight = 960;
    /// A comparison with another design, shown as a "Compared with" section after the
    /// findings; none when null.
    const ReportComparison* comparison = nullptr;
};

/// The whole report. Every piece of user text (title, names, notes, flow names) goes
/// through HTML escaping, so nothing in a design can become markup or script.
QString reportHtml(const Document& doc, const Report& report, const std::vector<ReportImage>& images,
                   const ReportHtmlOptions& options = {});

/// The default style sheet the PDF lays the print markup out with: the subset of the HTML
/// report's style that Qt's rich text understands, in the same colours.
QString reportPrintStyleSheet();

/// `text` escaped for HTML element content and double-quoted attributes.
QString htmlText(const QString& text);
QString htmlText(const std::string& text);

} // namespace archlens
