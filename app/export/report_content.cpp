#include "report_content.h"

#include "diagram_export.h"
#include "diagram_theme.h"
#include "plot_builder.h"

#include <QApplication>
#include <algorithm>
#include <cmath>
#include <functional>
#include <qcustomplot.h>

namespace archlens {

namespace {
QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QImage plotImage(const std::function<void(QCustomPlot&)>& build, QSize size) {
    QCustomPlot plot;
    plot.resize(size);
    build(plot);
    plot.replot(QCustomPlot::rpImmediateRefresh);
    return plot.toPixmap(size.width(), size.height(), 2.0).toImage();
}
} // namespace

double reportDiagramScale(const QRectF& bounds) {
    // 2x for sharp print, less for a design too large for that: the picture of ten thousand
    // components at 2x was 170,000 px tall, gigabytes to paint into for minutes, and no
    // more legible in a report than one of kReportDiagramMaxSide px.
    const double side = std::max(bounds.width(), bounds.height());
    const double area = bounds.width() * bounds.height();
    double scale = 2;
    if (side > 0) scale = std::min(scale, kReportDiagramMaxSide / side);
    if (area > 0) scale = std::min(scale, std::sqrt(kReportDiagramMaxPixels / area));
    return scale;
}

std::vector<ReportImage> reportImages(const Document& doc, const Catalogue& catalogue,
                                      const Report& report) {
    std::vector<ReportImage> out;
    DiagramRenderOptions options;
    options.whiteBackground = true;
    options.badges = &report;
    out.push_back({QStringLiteral("diagram"),
                   QStringLiteral("The design, with a badge on each component a finding names"),
                   renderDiagramImage(doc, catalogue, options,
                                      reportDiagramScale(diagramExportBounds(doc)))});
    if (!qobject_cast<QApplication*>(QCoreApplication::instance())) return out;

    const DiagramTheme theme = DiagramTheme::light();
    const QSize size(760, 380);
    if (!report.flows.empty()) {
        std::optional<double> target;
        if (doc.hasRequirements) target = doc.requirements.availability;
        out.push_back({QStringLiteral("availability"),
                       QStringLiteral("Availability of each flow in nines, against the target"),
                       plotImage([&](QCustomPlot& p) { buildAvailability(p, report, doc, target, theme); },
                                 size)});
    }
    if (!report.components.empty())
        out.push_back({QStringLiteral("utilisation"),
                       QStringLiteral("The busiest components at the declared traffic"),
                       plotImage([&](QCustomPlot& p) { buildUtilisation(p, report, doc, 10, theme); },
                                 size)});
    // The flow with the slowest p99 is the one a reader wants explained.
    const FlowResult* slowest = nullptr;
    for (const auto& f : report.flows)
        if (!slowest || f.p99_ms > slowest->p99_ms) slowest = &f;
    if (slowest) {
        const QString id = q(slowest->id);
        const QString name = q(slowest->name.empty() ? slowest->id : slowest->name);
        out.push_back({QStringLiteral("waterfall"),
                       QStringLiteral("Where the time goes in \u201c%1\u201d: each step's p50 and p99").arg(name),
                       plotImage([&](QCustomPlot& p) { buildLatencyWaterfall(p, report, doc, id, theme); },
                                 size)});
        if (!report.curves.empty())
            out.push_back({QStringLiteral("load-curves"),
                           QStringLiteral("\u201c%1\u201d as traffic grows: latency and the busiest component's utilisation").arg(name),
                           plotImage([&](QCustomPlot& p) { buildLoadCurves(p, report, doc, id, 1.0, theme); },
                                     size)});
    }
    return out;
}

} // namespace archlens
