// The critique plots: each one built from the url-shortener report carries the report's
// numbers, and a PlotItem exports PNG, SVG and PDF.
#include "archlens/analysis/analyze.h"
#include "archlens/analysis/rules.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document_io.h"
#include "diagram_theme.h"
#include "plot_builder.h"
#include "plot_item.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <QTest>
#include <QXmlStreamReader>
#include <cmath>
#include <qcustomplot.h>

using namespace archlens;

namespace {

template <typename T> T* plottableNamed(QCustomPlot& plot, const QString& name) {
    for (int i = 0; i < plot.plottableCount(); ++i)
        if (plot.plottable(i)->objectName() == name) return qobject_cast<T*>(plot.plottable(i));
    return nullptr;
}

QCPAbstractItem* itemNamed(QCustomPlot& plot, const QString& name) {
    for (int i = 0; i < plot.itemCount(); ++i)
        if (plot.item(i)->objectName() == name) return plot.item(i);
    return nullptr;
}

template <typename Data> QVector<double> values(const QSharedPointer<Data>& data) {
    QVector<double> out;
    for (auto it = data->constBegin(); it != data->constEnd(); ++it)
        out << it->mainValue();
    return out;
}

QString shotDir() {
    const QString dir = QStringLiteral("/tmp/archlens-plots");
    QDir().mkpath(dir);
    return dir;
}

} // namespace

class PlotsTest : public QObject {
    Q_OBJECT

    std::shared_ptr<Document> m_doc;
    std::shared_ptr<Report> m_report;
    QString m_flow;

private slots:
    void initTestCase() {
        auto loaded = readDocumentFile(ARCHLENS_RESOURCES_DIR "/examples/url-shortener.archlens",
                                       Catalogue::builtin());
        QVERIFY(loaded.ok());
        m_doc = std::make_shared<Document>(*loaded.document);
        m_report = std::make_shared<Report>(analyze(*m_doc, Catalogue::builtin()));
        runRules(*m_doc, Catalogue::builtin(), *m_report);
        QVERIFY(!m_report->flows.empty());
        QVERIFY(!m_report->curves.empty());
        // The flow with the longest critical path makes the most telling waterfall.
        size_t best = 0;
        for (size_t i = 0; i < m_report->flows.size(); ++i)
            if (m_report->flows[i].hops.size() > m_report->flows[best].hops.size()) best = i;
        m_flow = QString::fromStdString(m_report->flows[best].id);
    }

    void anOverloadedStepIsShownNoLongerThanItsFlowWaits() {
        // The redirect flow waits at most its timeouts for the overloaded redirect service,
        // whose own p99 is the 10 s queueing cap.
        const FlowResult* redirect = m_report->flow("redirect");
        QVERIFY(redirect);
        QVERIFY(redirect->timedOut > 0.5);
        QCustomPlot plot;
        buildLatencyWaterfall(plot, *m_report, *m_doc, "redirect", DiagramTheme::light());
        auto* p99 = plottableNamed<QCPBars>(plot, plotnames::p99);
        QVERIFY(p99);
        for (double v : values(p99->data()))
            QVERIFY(v <= redirect->p99_ms);
        QVERIFY(plot.yAxis->range().upper < 2 * redirect->p99_ms);
    }

    void waterfallHasOneBarPerHop() {
        QCustomPlot plot;
        buildLatencyWaterfall(plot, *m_report, *m_doc, m_flow, DiagramTheme::light());
        const FlowResult* flow = m_report->flow(m_flow.toStdString());
        QVERIFY(flow);
        auto* p50 = plottableNamed<QCPBars>(plot, plotnames::p50);
        auto* p99 = plottableNamed<QCPBars>(plot, plotnames::p99);
        QVERIFY(p50 && p99);
        QCOMPARE(p50->dataCount(), int(flow->hops.size()));
        QCOMPARE(p99->dataCount(), int(flow->hops.size()));
        const auto v50 = values(p50->data()), v99 = values(p99->data());
        auto ticker = plot.xAxis->ticker().dynamicCast<QCPAxisTickerText>();
        QVERIFY(ticker);
        for (size_t i = 0; i < flow->hops.size(); ++i) {
            // A step is shown as long as the flow waits for it, never longer.
            QCOMPARE(v50[int(i)], std::min(flow->hops[i].p50_ms, flow->p99_ms));
            QCOMPARE(v99[int(i)], std::min(flow->hops[i].p99_ms, flow->p99_ms));
            QVERIFY(v99[int(i)] <= flow->p99_ms);
            QVERIFY(!ticker->ticks().value(double(i + 1)).isEmpty());
        }
        QVERIFY(plot.yAxis->label().contains("ms"));
        QVERIFY(plot.legend->visible());
    }

    void curvesFollowTheReport() {
        QCustomPlot plot;
        buildLoadCurves(plot, *m_report, *m_doc, m_flow, 2.0, DiagramTheme::light());
        auto* p50 = plottableNamed<QCPGraph>(plot, plotnames::p50);
        auto* p99 = plottableNamed<QCPGraph>(plot, plotnames::p99);
        auto* util = plottableNamed<QCPGraph>(plot, plotnames::utilisation);
        QVERIFY(p50 && p99 && util);
        QCOMPARE(p50->dataCount(), int(m_report->curves.size()));
        QCOMPARE(p99->dataCount(), int(m_report->curves.size()));
        QCOMPARE(util->dataCount(), int(m_report->curves.size()));
        QCOMPARE(util->valueAxis(), plot.yAxis2);
        QCOMPARE(plot.xAxis->scaleType(), QCPAxis::stLogarithmic);
        int flowIndex = 0;
        while (m_report->flows[size_t(flowIndex)].id != m_flow.toStdString())
            ++flowIndex;
        const auto v99 = values(p99->data()), vu = values(util->data());
        for (size_t i = 0; i < m_report->curves.size(); ++i) {
            QCOMPARE(p99->data()->at(int(i))->key, m_report->curves[i].multiplier);
            QCOMPARE(v99[int(i)], m_report->curves[i].flowLatency[size_t(flowIndex)].second);
            QCOMPARE(vu[int(i)], m_report->curves[i].maxUtilisation * 100);
        }
        QVERIFY(m_report->saturation.has_value());
        auto* line = qobject_cast<QCPItemStraightLine*>(itemNamed(plot, "saturation"));
        QVERIFY(line);
        QCOMPARE(line->point1->coords().x(), m_report->saturation->multiplier);
        QCOMPARE(line->point2->coords().x(), m_report->saturation->multiplier);
        auto* tracer = qobject_cast<QCPItemTracer*>(itemNamed(plot, "current"));
        QVERIFY(tracer);
        QCOMPARE(tracer->graphKey(), 2.0);
    }

    void availabilityInNines() {
        QCustomPlot plot;
        buildAvailability(plot, *m_report, *m_doc, 0.999, DiagramTheme::light());
        auto* bars = plottableNamed<QCPBars>(plot, plotnames::availability);
        QVERIFY(bars);
        QCOMPARE(bars->dataCount(), int(m_report->flows.size()));
        const auto v = values(bars->data());
        for (size_t i = 0; i < m_report->flows.size(); ++i) {
            const double a = m_report->flows[i].availability;
            if (a < 1) QVERIFY(std::abs(v[int(i)] - -std::log10(1 - a)) < 1e-9);
        }
        auto* target = qobject_cast<QCPItemStraightLine*>(itemNamed(plot, "target"));
        QVERIFY(target);
        QVERIFY(std::abs(target->point1->coords().y() - 3) < 1e-9);
        auto ticker = plot.xAxis->ticker().dynamicCast<QCPAxisTickerText>();
        QVERIFY(ticker && ticker->ticks().value(1).contains("/mo"));
    }

    /// The target's label sits where no bar is, whatever the target: a low one (every bar
    /// above its line) and a high one.
    void availabilityTargetLabelClearsTheBars() {
        for (double goal : {0.9, 0.99, 0.99999}) {
            QCustomPlot plot;
            plot.resize(640, 320);
            buildAvailability(plot, *m_report, *m_doc, goal, DiagramTheme::light());
            plot.replot(QCustomPlot::rpImmediateRefresh);
            auto* text = qobject_cast<QCPItemText*>(itemNamed(plot, "targetLabel"));
            QVERIFY(text);
            QVERIFY(text->text().contains(QStringLiteral("target")));
            const QRectF label(text->topLeft->pixelPosition(), text->bottomRight->pixelPosition());
            QVERIFY(label.width() > 20 && label.height() > 8);
            // Inside the widget, so not cut off.
            QVERIFY2(QRectF(plot.rect()).contains(label), qPrintable(QString("%1,%2 %3x%4")
                                                                         .arg(label.x())
                                                                         .arg(label.y())
                                                                         .arg(label.width())
                                                                         .arg(label.height())));
            auto* bars = plottableNamed<QCPBars>(plot, plotnames::availability);
            QVERIFY(bars);
            for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
                const double half = bars->width() / 2;
                const QRectF bar(
                    QPointF(plot.xAxis->coordToPixel(it->key - half),
                            plot.yAxis->coordToPixel(it->value)),
                    QPointF(plot.xAxis->coordToPixel(it->key + half), plot.yAxis->coordToPixel(0)));
                QVERIFY2(!label.intersects(bar.normalized()),
                         qPrintable(QString("target %1 on bar %2").arg(goal).arg(it->key)));
            }
        }
    }

    void utilisationTopNDescending() {
        QCustomPlot plot;
        const int topN = 4;
        buildUtilisation(plot, *m_report, *m_doc, topN, DiagramTheme::light());
        auto* bars = plottableNamed<QCPBars>(plot, plotnames::componentUtilisation);
        QVERIFY(bars);
        QCOMPARE(bars->dataCount(), std::min<int>(topN, int(m_report->components.size())));
        const auto v = values(bars->data());
        for (int i = 1; i < v.size(); ++i)
            QVERIFY(v[i - 1] >= v[i]);
        double max = 0;
        for (const auto& c : m_report->components)
            max = std::max(max, c.utilisation * 100);
        QCOMPARE(v.front(), max);
        auto* saturated = plottableNamed<QCPBars>(plot, plotnames::saturated);
        for (double value : v)
            if (value >= 100) QVERIFY(saturated);
        QVERIFY(itemNamed(plot, "80%"));
    }

    /// Axes and ticks speak in words: component and flow names, not their ids, and no
    /// property keys (`capacity_rps`, `p99_ms`).
    void axesUseWordsNotKeys() {
        QStringList texts;
        auto collect = [&](QCustomPlot& plot) {
            for (QCPAxis* axis : {plot.xAxis, plot.yAxis, plot.yAxis2}) {
                if (!axis->label().isEmpty()) texts << axis->label();
                if (auto ticker = axis->ticker().dynamicCast<QCPAxisTickerText>())
                    for (const QString& tick : ticker->ticks())
                        texts << tick;
            }
        };
        QCustomPlot waterfall, curves, availability, utilisation;
        buildLatencyWaterfall(waterfall, *m_report, *m_doc, m_flow, DiagramTheme::light());
        buildLoadCurves(curves, *m_report, *m_doc, m_flow, 1.0, DiagramTheme::light());
        buildAvailability(availability, *m_report, *m_doc, m_doc->requirements.availability,
                          DiagramTheme::light());
        buildUtilisation(utilisation, *m_report, *m_doc, 10, DiagramTheme::light());
        for (QCustomPlot* plot : {&waterfall, &curves, &availability, &utilisation})
            collect(*plot);
        QVERIFY(texts.size() > 10);
        for (const QString& text : texts)
            QVERIFY2(!text.contains(QLatin1Char('_')), qPrintable(text));
        // The waterfall's ticks are the names of the hops' components.
        const auto ticks = waterfall.xAxis->ticker().dynamicCast<QCPAxisTickerText>()->ticks();
        const auto& flow =
            *std::find_if(m_report->flows.begin(), m_report->flows.end(),
                          [&](const auto& f) { return f.id == m_flow.toStdString(); });
        for (size_t i = 0; i < flow.hops.size(); ++i)
            QCOMPARE(ticks.value(double(i + 1)),
                     QString::fromStdString(m_doc->component(flow.hops[i].component)->name));
    }

    void itemSavesAndHovers_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("dark");
        for (int kind = 0; kind < 4; ++kind)
            for (bool dark : {false, true})
                QTest::addRow("%d-%s", kind, dark ? "dark" : "light") << kind << dark;
    }

    void itemSavesAndHovers() {
        QFETCH(int, kind);
        QFETCH(bool, dark);
        PlotItem item;
        item.setSize(QSizeF(900, 520));
        item.setKind(PlotItem::Kind(kind));
        item.setDark(dark);
        item.setFlowId(m_flow);
        item.setMultiplier(3);
        item.setReport(m_report, m_doc);

        const QString base =
            shotDir() + QStringLiteral("/plot-%1-%2").arg(kind).arg(dark ? "dark" : "light");
        QVERIFY(item.save(base + ".png"));
        QVERIFY(item.save(base + ".svg"));
        QVERIFY(item.save(base + ".pdf"));
        QVERIFY(!item.save(base + ".bmpx"));
        for (const char* ext : {".png", ".svg", ".pdf"})
            QVERIFY(QFileInfo(base + ext).size() > 0);
        QImage png(base + ".png");
        QVERIFY(!png.isNull());
        QFile svg(base + ".svg");
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray svgText = svg.readAll();
        QVERIFY(svgText.contains("<svg"));
        QXmlStreamReader xml(svgText);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));

        // Hovering the middle of the first bar (or a curve point) names it.
        QCustomPlot& plot = item.plot();
        QVERIFY(plot.plottableCount() > 0);
        auto* iface = plot.plottable(0)->interface1D();
        QVERIFY(iface && iface->dataCount() > 0);
        // The drawn position of the first point, nudged a few pixels into the bar.
        int tallest = 0;
        for (int i = 0; i < iface->dataCount(); ++i)
            if (iface->dataMainValue(i) > iface->dataMainValue(tallest)) tallest = i;
        QPointF pixel = iface->dataPixelPosition(tallest);
        QCPAxis* valueAxis = plot.plottable(0)->valueAxis();
        const double zero = valueAxis->coordToPixel(0);
        if (kind != PlotItem::Curves) {
            if (valueAxis->orientation() == Qt::Vertical)
                pixel.ry() += zero > pixel.y() ? 3 : -3;
            else
                pixel.rx() += zero < pixel.x() ? -3 : 3;
        }
        const QString text = item.textAt(pixel);
        QVERIFY2(!text.isEmpty(),
                 qPrintable(QStringLiteral("nothing at %1,%2").arg(pixel.x()).arg(pixel.y())));
        QCOMPARE(item.textAt(QPointF(-50, -50)), QString());
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    PlotsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_plots.moc"
