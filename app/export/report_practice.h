#pragma once
// The "Practice interview" section of a report on a design drawn in a practice session:
// the prompt, the time each phase took against its plan, the candidate's notes, the
// scorecard with every point's reason, and the questions answered in interviewer mode.
// Written for the HTML (and so the PDF) and the Markdown reports; empty for a design with
// no session.
#include "archlens/analysis/report.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"

#include <QString>
#include <functional>

namespace archlens {

/// The section as Markdown, headed "## Practice interview: TITLE"; text from the design
/// goes through `escape`. "" without a session.
QString practiceMarkdown(const Document& doc, const Report& report, const Catalogue& catalogue,
                         const std::function<QString(const QString&)>& escape);
/// The section as HTML; `forPrint`: markup Qt's rich text lays out (the PDF). "" without a
/// session.
QString practiceHtml(const Document& doc, const Report& report, const Catalogue& catalogue,
                     bool forPrint = false);

} // namespace archlens
