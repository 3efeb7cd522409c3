#pragma once
// What every critique report holds, computed once and shared by the HTML, Markdown and PDF
// writers: the analysis and the findings, the pictures (the diagram with severity badges
// and the plots of the critique). Numbers are written by archlens/analysis/display_format.h,
// as everywhere else.
#include "archlens/analysis/report.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"

#include <QImage>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace archlens {

/// The analysis at the declared load plus every rule's findings: what `archlens check` says.
Report critique(const Document& doc, const Catalogue& catalogue);

/// One picture of a report, with the file-name stem it gets when written beside a
/// Markdown report ("diagram", "availability"...) and its caption.
struct ReportImage {
    QString name;
    QString caption;
    QImage image;
};

/// The largest side and area, in pixels, of a report's picture of the diagram.
inline constexpr double kReportDiagramMaxSide = 8192;
inline constexpr double kReportDiagramMaxPixels = 24e6;

/// The scale of a report's picture of a diagram of these bounds: 2 (sharp in print), or less
/// so that it keeps within kReportDiagramMaxSide and kReportDiagramMaxPixels.
double reportDiagramScale(const QRectF& bounds);

/// The pictures of a report: the diagram first (with severity badges, white background,
/// at reportDiagramScale), then the plots of the critique: each flow's availability against
/// the target, the busiest components, and for the flow with the slowest p99 its latency
/// waterfall and its load curves. Plots need a QApplication (QCustomPlot is a widget);
/// without one only the diagram is returned.
std::vector<ReportImage> reportImages(const Document& doc, const Catalogue& catalogue,
                                      const Report& report);

/// A component's name, or the id when it has none or is not in the document.
QString componentName(const Document& doc, const std::string& id);

/// Names of a document's elements for many ids, each answer found by id rather than by a
/// scan of the document: a report of a large design names tens of thousands of subjects.
/// Holds pointers into `doc`, which must outlive it unchanged.
class SubjectNames {
public:
    explicit SubjectNames(const Document& doc);
    /// What componentName says.
    QString component(const std::string& id) const;
    /// What a finding's subject id names, in words: a component's name, "A → B" for a
    /// connection, "zone az1" for a zone, a flow's name; the id itself for anything else.
    QString subject(const std::string& id) const;

private:
    // The first element with an id wins, as Document's look-ups find it.
    std::unordered_map<std::string_view, const Component*> components_;
    std::unordered_map<std::string_view, const Connection*> connections_;
    std::unordered_map<std::string_view, const Zone*> zones_;
    std::unordered_map<std::string_view, const Flow*> flows_;
};

/// "Errors", "Warnings", "Notes" for the section of each severity.
QString severityHeading(Severity severity);

/// The trade-offs the person accepted, one line each ("rule title (subjects): note"), from
/// the design's `acknowledgements` list ({rule, subjects, note}); empty when there are none.
QStringList acknowledgedTradeoffs(const Document& doc, const Report& report);

/// The assumptions behind the numbers, one sentence each, so a reader knows what they mean.
QStringList reportAssumptions(const Report& report);

} // namespace archlens
