#pragma once
// The "Compared with …" section of a critique report: what differs between the reported
// design and another one (a prompt's reference design, an earlier version), written for the
// HTML (and so the PDF) and the Markdown reports from the one comparison of
// archlens/analysis/diff.h.
#include "archlens/analysis/diff.h"

#include <QString>
#include <functional>

namespace archlens {

/// A comparison to put in a report. `other` names the design compared with, as the reader
/// should see it (a file name, "the reference design of URL shortener"). The diff is taken
/// from `other` (before) to the reported design (after), so "added" means the reported
/// design has it and the other does not.
struct ReportComparison {
    QString other;
    DesignDiff diff;
};

/// The comparison between the reported design, with its critique, and `other` (its report
/// computed here), ready for a report.
ReportComparison compareForReport(const Document& doc, const Report& report, const Document& other,
                                  const QString& otherName, const Catalogue& catalogue);

/// The section as HTML: an h2 "Compared with OTHER", then the summary and the lists. Every
/// name is HTML-escaped. `forPrint`: markup Qt's rich text lays out (the PDF).
QString comparisonHtml(const ReportComparison& comparison, bool forPrint = false);

/// The section as Markdown, headed "## Compared with OTHER"; text from the designs goes
/// through `escape` (markdownText for a file).
QString comparisonMarkdown(const ReportComparison& comparison,
                           const std::function<QString(const QString&)>& escape);

} // namespace archlens
