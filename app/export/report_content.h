#pragma once
// What every critique report holds, computed once and shared by the HTML, Markdown and PDF
// writers: the critique in words (critique_text.h) and the pictures (the diagram with
// severity badges and the plots of the critique). Numbers are written by
// archlens/analysis/display_format.h, as everywhere else.
#include "critique_text.h"

#include <QImage>
#include <QRectF>
#include <QString>
#include <vector>

namespace archlens {

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

} // namespace archlens
