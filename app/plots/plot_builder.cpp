#include "plot_builder.h"

#include <qcustomplot.h>

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace archlens {

namespace {

QString componentName(const Document& doc, const std::string& id) {
    for (const auto& c : doc.components)
        if (c.id == id) return QString::fromStdString(c.name.empty() ? c.id : c.name);
    return QString::fromStdString(id);
}

QString flowName(const Document& doc, const FlowResult& flow) {
    for (const auto& f : doc.flows)
        if (f.id == flow.id && !f.name.empty()) return QString::fromStdString(f.name);
    return QString::fromStdString(flow.name.empty() ? flow.id : flow.name);
}

QColor withAlpha(QColor c, int alpha) {
    c.setAlpha(alpha);
    return c;
}

void styleAxis(QCPAxis* axis, const DiagramTheme& theme) {
    const QPen pen(theme.cardTextDim, 1);
    axis->setBasePen(pen);
    axis->setTickPen(pen);
    axis->setSubTickPen(pen);
    axis->setTickLabelColor(theme.cardText);
    axis->setLabelColor(theme.cardText);
    axis->grid()->setPen(QPen(theme.gridMajor, 1, Qt::DotLine));
    axis->grid()->setZeroLinePen(QPen(theme.gridMajor, 1));
    axis->grid()->setSubGridVisible(false);
    axis->setSelectableParts(QCPAxis::spNone);
}

/// Clears everything a previous build left and applies the theme.
void reset(QCustomPlot& plot, const DiagramTheme& theme) {
    plot.clearItems();
    plot.clearPlottables();
    plot.clearGraphs();
    plot.plotLayout()->setAutoMargins(QCP::msAll);
    plot.axisRect()->setAutoMargins(QCP::msAll);
    plot.setBackground(theme.background);
    plot.axisRect()->setBackground(theme.background);
    for (QCPAxis* axis : plot.axisRect()->axes()) {
        axis->setScaleType(QCPAxis::stLinear);
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        axis->setLabel({});
        axis->setRangeReversed(false);
        axis->setTickLabelRotation(0);
        styleAxis(axis, theme);
    }
    plot.xAxis->grid()->setVisible(true);
    plot.yAxis->grid()->setVisible(true);
    plot.xAxis2->setVisible(false);
    plot.yAxis2->setVisible(false);
    plot.legend->setVisible(true);
    plot.legend->setBrush(withAlpha(theme.cardFill, 230));
    plot.legend->setBorderPen(QPen(theme.cardBorder));
    plot.legend->setTextColor(theme.cardText);
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
}

void styleBars(QCPBars* bars, const QColor& colour) {
    bars->setPen(QPen(colour.darker(115), 1));
    bars->setBrush(withAlpha(colour, 200));
}

QCPItemText* label(QCustomPlot& plot, const QString& text, const DiagramTheme& theme) {
    auto* item = new QCPItemText(&plot);
    item->setText(text);
    item->setColor(theme.cardText);
    item->setPadding(QMargins(4, 2, 4, 2));
    return item;
}

void placeholder(QCustomPlot& plot, const QString& text, const DiagramTheme& theme) {
    plot.legend->setVisible(false);
    auto* item = label(plot, text, theme);
    item->position->setType(QCPItemPosition::ptAxisRectRatio);
    item->position->setCoords(0.5, 0.5);
    item->setColor(theme.cardTextDim);
}

int flowIndex(const Report& report, const QString& flowId) {
    const std::string id = flowId.toStdString();
    for (size_t i = 0; i < report.flows.size(); ++i)
        if (report.flows[i].id == id) return int(i);
    return report.flows.empty() || !flowId.isEmpty() ? -1 : 0;
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

double availabilityNines(double availability) {
    return archlens::nines(availability);
}

void buildLatencyWaterfall(QCustomPlot& plot, const Report& report, const Document& doc,
                           const QString& flowId, const DiagramTheme& theme) {
    reset(plot, theme);
    const int index = flowIndex(report, flowId);
    if (index < 0 || report.flows[size_t(index)].hops.empty()) {
        placeholder(plot, QStringLiteral("No critical path for this flow"), theme);
        return;
    }
    const FlowResult& flow = report.flows[size_t(index)];

    QVector<double> keys, p50, p99;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double top = 0;
    // A step's own figures are worked out without the timeouts above it: an overloaded
    // step waits far longer than the flow lets it. Its bars stop at the flow's p99, which
    // is all the flow ever waits; the label says so.
    const double allowed = flow.p99_ms;
    bool cut = false;
    for (size_t i = 0; i < flow.hops.size(); ++i) {
        const HopContribution& hop = flow.hops[i];
        keys << double(i + 1);
        p50 << std::min(hop.p50_ms, allowed);
        p99 << std::min(hop.p99_ms, allowed);
        cut = cut || hop.p99_ms > allowed;
        top = std::max({top, p50.back(), p99.back()});
        ticker->addTick(double(i + 1), componentName(doc, hop.component));
    }

    auto* group = new QCPBarsGroup(&plot);
    group->setSpacing(2);
    auto* bars50 = new QCPBars(plot.xAxis, plot.yAxis);
    bars50->setName(QStringLiteral("p50 per hop"));
    bars50->setData(keys, p50, true);
    bars50->setWidth(0.38);
    styleBars(bars50, theme.accent);
    bars50->setBarsGroup(group);
    bars50->setObjectName(plotnames::p50);
    auto* bars99 = new QCPBars(plot.xAxis, plot.yAxis);
    bars99->setName(QStringLiteral("p99 per hop"));
    bars99->setData(keys, p99, true);
    bars99->setWidth(0.38);
    styleBars(bars99, theme.latencyP99);
    bars99->setBarsGroup(group);
    bars99->setObjectName(plotnames::p99);

    plot.xAxis->setTicker(ticker);
    plot.xAxis->setTickLabelRotation(keys.size() > 4 ? 30 : 0);
    plot.xAxis->grid()->setVisible(false);
    plot.xAxis->setRange(0.4, double(keys.size()) + 0.6);
    plot.xAxis->setLabel(
        QStringLiteral("critical path of %1 (entry first)").arg(flowName(doc, flow)));
    plot.yAxis->setLabel(QStringLiteral("added latency (ms)"));
    // Headroom above the tallest bar for the end-to-end text and the legend.
    plot.yAxis->setRange(0, top > 0 ? top * 1.5 : 1);

    QString text = QStringLiteral("end to end: p50 %1, p99 %2")
                       .arg(q(millisecondsText(flow.p50_ms)), q(millisecondsText(flow.p99_ms)));
    if (flow.timedOut >= 0.001)
        text += QStringLiteral("; %1 of requests time out").arg(q(shareText(flow.timedOut)));
    if (cut) text += QStringLiteral("\nslower steps are cut off by the timeouts above them");
    auto* total = label(plot, text, theme);
    total->setTextAlignment(Qt::AlignLeft);
    total->position->setType(QCPItemPosition::ptAxisRectRatio);
    total->position->setCoords(0.01, 0.01);
    total->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
}

void buildLoadCurves(QCustomPlot& plot, const Report& report, const Document& doc,
                     const QString& flowId, double currentMultiplier, const DiagramTheme& theme) {
    buildLoadCurves(plot, report, report.curves, doc, flowId, currentMultiplier, theme);
}

void buildLoadCurves(QCustomPlot& plot, const Report& report, const std::vector<CurvePoint>& curves,
                     const Document& doc, const QString& flowId, double currentMultiplier,
                     const DiagramTheme& theme) {
    reset(plot, theme);
    const int index = flowIndex(report, flowId);
    if (index < 0 || curves.empty()) {
        placeholder(plot, QStringLiteral("No load curves for this flow"), theme);
        return;
    }
    const FlowResult& flow = report.flows[size_t(index)];
    if (std::none_of(curves.begin(), curves.end(), [index](const CurvePoint& point) {
            return size_t(index) < point.flowLatency.size() &&
                   !std::isnan(point.flowLatency[size_t(index)].second);
        })) {
        placeholder(plot, QStringLiteral("Working out the load curves of this flow…"), theme);
        return;
    }

    QVector<double> keys, p50, p99, util;
    double top = 0;
    for (const CurvePoint& point : curves) {
        keys << point.multiplier;
        const auto latency = size_t(index) < point.flowLatency.size()
                                 ? point.flowLatency[size_t(index)]
                                 : std::pair<double, double>{qQNaN(), qQNaN()};
        p50 << latency.first;
        p99 << latency.second;
        if (std::isfinite(latency.second)) top = std::max(top, latency.second);
        util << point.maxUtilisation * 100;
    }

    auto addCurve = [&](QCPAxis* valueAxis, const QVector<double>& values, const QString& name,
                        const char* objectName, const QPen& pen) {
        QCPGraph* graph = plot.addGraph(plot.xAxis, valueAxis);
        graph->setName(name);
        graph->setObjectName(objectName);
        graph->setData(keys, values, true);
        graph->setPen(pen);
        graph->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, pen.color(), theme.background, 5));
        return graph;
    };
    addCurve(plot.yAxis, p50, QStringLiteral("p50 (ms)"), plotnames::p50, QPen(theme.accent, 2));
    QCPGraph* g99 = addCurve(plot.yAxis, p99, QStringLiteral("p99 (ms)"), plotnames::p99,
                             QPen(theme.latencyP99, 2));
    QPen utilPen(theme.connectionReplication, 1.5, Qt::DashLine);
    addCurve(plot.yAxis2, util, QStringLiteral("busiest utilisation (%)"), plotnames::utilisation,
             utilPen);

    plot.xAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> logTicker(new QCPAxisTickerLog);
    logTicker->setSubTickCount(8);
    plot.xAxis->setTicker(logTicker);
    plot.xAxis->setNumberFormat(QStringLiteral("gb"));
    plot.xAxis->setLabel(QStringLiteral("traffic multiplier (x declared rate, log)"));
    double low = keys.front(), high = keys.back();
    if (std::isfinite(currentMultiplier) && currentMultiplier > 0) {
        low = std::min(low, currentMultiplier);
        high = std::max(high, currentMultiplier);
    }
    plot.xAxis->setRange(low / 1.15, high * 1.15);
    plot.yAxis->setLabel(QStringLiteral("%1 latency (ms)").arg(flowName(doc, flow)));
    plot.yAxis->setRange(0, top > 0 ? top * 1.15 : 1);
    plot.yAxis2->setVisible(true);
    plot.yAxis2->setLabel(QStringLiteral("busiest component utilisation (%)"));
    plot.yAxis2->setRange(0, std::max(100.0, *std::max_element(util.begin(), util.end()) * 1.05));
    plot.yAxis2->grid()->setVisible(false);
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

    if (report.saturation) {
        const double x = report.saturation->multiplier;
        auto* line = new QCPItemStraightLine(&plot);
        line->setObjectName(QStringLiteral("saturation"));
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        line->setPen(QPen(theme.status.error, 1.5, Qt::DashLine));
        auto* text = label(plot,
                           QStringLiteral("saturates at %1\n%2")
                               .arg(q(multiplierText(x)), componentName(doc, report.saturation->component)),
                           theme);
        text->setColor(theme.status.error);
        text->position->setTypeX(QCPItemPosition::ptPlotCoords);
        text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(x, 0.35);
        text->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
        text->setTextAlignment(Qt::AlignRight);
    }

    if (std::isfinite(currentMultiplier) && currentMultiplier > 0) {
        auto* current = new QCPItemStraightLine(&plot);
        current->setObjectName(QStringLiteral("current line"));
        current->point1->setCoords(currentMultiplier, 0);
        current->point2->setCoords(currentMultiplier, 1);
        current->setPen(QPen(theme.cardTextDim, 1, Qt::DotLine));
        auto* tracer = new QCPItemTracer(&plot);
        tracer->setObjectName(QStringLiteral("current"));
        tracer->setGraph(g99);
        tracer->setGraphKey(currentMultiplier);
        tracer->setInterpolating(true);
        tracer->setStyle(QCPItemTracer::tsCircle);
        tracer->setSize(11);
        tracer->setPen(QPen(theme.cardText, 2));
        tracer->setBrush(withAlpha(theme.latencyP99, 160));
        // Outside the computed curve the tracer would stick to its end: the line alone shows it.
        tracer->setVisible(currentMultiplier >= keys.front() && currentMultiplier <= keys.back());
        auto* text =
            label(plot, QStringLiteral("now %1").arg(q(multiplierText(currentMultiplier))), theme);
        text->position->setTypeX(QCPItemPosition::ptPlotCoords);
        text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(currentMultiplier, 0.0);
        text->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
        text->setColor(theme.cardTextDim);
    }
}

void buildAvailability(QCustomPlot& plot, const Report& report, const Document& doc,
                       std::optional<double> target, const DiagramTheme& theme) {
    reset(plot, theme);
    if (report.flows.empty()) {
        placeholder(plot, QStringLiteral("No flows"), theme);
        return;
    }
    QVector<double> keys, nines;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double top = 0;
    for (size_t i = 0; i < report.flows.size(); ++i) {
        const FlowResult& flow = report.flows[i];
        keys << double(i + 1);
        nines << availabilityNines(flow.availability);
        top = std::max(top, nines.back());
        // One arg() call: a second one would also fill a "%2" written in the flow's name.
        ticker->addTick(double(i + 1), QStringLiteral("%1\n%2/mo").arg(flowName(doc, flow),
                                                                    q(downtimeText(flow.downtimeMinPerMonth))));
    }
    auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
    bars->setName(QStringLiteral("availability (nines)"));
    bars->setObjectName(plotnames::availability);
    bars->setData(keys, nines, true);
    bars->setWidth(0.6);
    styleBars(bars, theme.accent);

    plot.xAxis->setTicker(ticker);
    plot.xAxis->grid()->setVisible(false);
    plot.xAxis->setRange(0.4, double(keys.size()) + 0.6);
    plot.xAxis->setLabel(QStringLiteral("flow (downtime per month)"));
    plot.yAxis->setLabel(QStringLiteral("availability (nines, -log10(1 - A))"));

    if (target && *target > 0 && *target < 1) {
        const double t = availabilityNines(*target);
        top = std::max(top, t);
        auto* line = new QCPItemStraightLine(&plot);
        line->setObjectName(QStringLiteral("target"));
        line->point1->setCoords(0, t);
        line->point2->setCoords(1, t);
        line->setPen(QPen(theme.status.error, 1.5, Qt::DashLine));
        // Named above the plot area's right end, where no bar reaches: on the line's own
        // height it sat on the first bar.
        auto* text = label(
            plot, QStringLiteral("target %1 (dashed line)").arg(q(availabilityPercent(*target))),
            theme);
        text->setObjectName(QStringLiteral("targetLabel"));
        text->setColor(theme.status.error);
        text->setClipToAxisRect(false);
        text->position->setType(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(1, 0);
        text->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        const QMargins padding = text->padding();
        plot.axisRect()->setAutoMargins(QCP::msLeft | QCP::msRight | QCP::msBottom);
        plot.axisRect()->setMargins(QMargins(
            0, QFontMetrics(text->font()).height() + padding.top() + padding.bottom() + 2, 0, 0));
    }
    plot.yAxis->setRange(0, std::ceil(top + 0.5));
    QSharedPointer<QCPAxisTickerFixed> yTicker(new QCPAxisTickerFixed);
    yTicker->setTickStep(1);
    plot.yAxis->setTicker(yTicker);
}

void buildUtilisation(QCustomPlot& plot, const Report& report, const Document& doc, int topN,
                      const DiagramTheme& theme) {
    reset(plot, theme);
    std::vector<const ComponentResult*> sorted;
    for (const auto& c : report.components)
        sorted.push_back(&c);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto* a, const auto* b) { return a->utilisation > b->utilisation; });
    if (topN > 0 && sorted.size() > size_t(topN)) sorted.resize(size_t(topN));
    if (sorted.empty()) {
        placeholder(plot, QStringLiteral("No components"), theme);
        return;
    }

    QVector<double> keys, values, redKeys, redValues;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double top = 100;
    for (size_t i = 0; i < sorted.size(); ++i) {
        const double key = double(i + 1);
        const double percent = sorted[i]->utilisation * 100;
        keys << key;
        values << percent;
        top = std::max(top, percent);
        if (sorted[i]->utilisation >= 1) {
            redKeys << key;
            redValues << percent;
        }
        ticker->addTick(key, componentName(doc, sorted[i]->id));
    }
    // Horizontal bars: keys on the left axis, values on the bottom one.
    auto* bars = new QCPBars(plot.yAxis, plot.xAxis);
    bars->setName(QStringLiteral("utilisation"));
    bars->setObjectName(plotnames::componentUtilisation);
    bars->setData(keys, values, true);
    bars->setWidth(0.65);
    styleBars(bars, theme.accent);
    if (!redKeys.isEmpty()) {
        auto* red = new QCPBars(plot.yAxis, plot.xAxis);
        red->setName(QStringLiteral("saturated (>= 100%)"));
        red->setObjectName(plotnames::saturated);
        red->setData(redKeys, redValues, true);
        red->setWidth(0.65);
        styleBars(red, theme.status.error);
        red->setBrush(theme.status.error); // opaque, so the bar below does not tint it
    }

    plot.yAxis->setTicker(ticker);
    plot.yAxis->setRangeReversed(true); // busiest on top
    plot.yAxis->setRange(0.4, double(keys.size()) + 0.6);
    plot.yAxis->grid()->setVisible(false);
    plot.xAxis->setLabel(QStringLiteral("utilisation (% of what the instances can serve)"));
    plot.xAxis->setRange(0, top * 1.08);

    auto* line = new QCPItemStraightLine(&plot);
    line->setObjectName(QStringLiteral("80%"));
    line->point1->setCoords(80, 0);
    line->point2->setCoords(80, 1);
    line->setPen(QPen(theme.latencyP99, 1.5, Qt::DashLine));
    auto* text = label(plot, QStringLiteral("80%"), theme);
    text->setColor(theme.latencyP99);
    text->position->setTypeX(QCPItemPosition::ptPlotCoords);
    text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(80, 0.0);
    text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
}

void buildScoreHistory(QCustomPlot& plot, const std::vector<PracticeRecord>& records,
                       const DiagramTheme& theme) {
    reset(plot, theme);
    plot.legend->setVisible(false);
    QVector<double> keys, values;
    for (const auto& r : records) {
        const QDateTime when =
            QDateTime::fromString(QString::fromStdString(r.finished_at), Qt::ISODate);
        if (!r.score || !when.isValid()) continue;
        keys << QCPAxisTickerDateTime::dateTimeToKey(when);
        values << *r.score;
    }
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeFormat(QStringLiteral("d MMM\nhh:mm"));
    ticker->setDateTimeSpec(Qt::LocalTime);
    plot.xAxis->setTicker(ticker);
    plot.yAxis->setLabel(QObject::tr("Score"));
    plot.yAxis->setRange(0, 100);
    QCPGraph* graph = plot.addGraph();
    graph->setName(plotnames::score);
    graph->setPen(QPen(theme.accent, 2));
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, theme.accent, 8));
    graph->setData(keys, values, true);
    if (keys.isEmpty()) {
        const double now = QCPAxisTickerDateTime::dateTimeToKey(QDateTime::currentDateTime());
        plot.xAxis->setRange(now - 7 * 86400, now);
    } else {
        // A day either side, so that one session is not drawn on the axis' edge.
        plot.xAxis->setRange(keys.front() - 86400, keys.back() + 86400);
    }
}

} // namespace archlens
