#include "plot_item.h"
#include "practice_history_store.h"

#include "analysis_controller.h"
#include "diagram_theme.h"
#include "plot_builder.h"
#include "xml_text.h"

#include <QBuffer>
#include <QPainter>
#include <QSaveFile>
#include <QQuickWindow>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace archlens {

namespace {
QString q(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

PlotItem::PlotItem(QQuickItem* parent)
    : QQuickPaintedItem(parent), m_plot(std::make_unique<QCustomPlot>()) {
    setAcceptHoverEvents(true);
    setAntialiasing(true);
    m_plot->setAttribute(Qt::WA_DontShowOnScreen);
    m_plot->setNoAntialiasingOnDrag(false);
}

PlotItem::~PlotItem() = default;

AnalysisController* PlotItem::analysis() const {
    return m_analysis;
}

void PlotItem::setAnalysis(AnalysisController* analysis) {
    if (analysis == m_analysis) return;
    if (m_analysis) disconnect(m_analysis, nullptr, this, nullptr);
    m_analysis = analysis;
    if (analysis) {
        connect(analysis, &AnalysisController::reportChanged, this,
                [this] { setReport(m_analysis->report(), m_analysis->analysedDocument()); });
        connect(analysis, &AnalysisController::curvesChanged, this, [this] {
            m_curves = m_analysis->curves();
            if (m_kind == Curves) invalidate();
        });
        setReport(analysis->report(), analysis->analysedDocument());
    } else {
        m_curves.reset();
    }
    emit analysisChanged();
}

PracticeHistoryStore* PlotItem::history() const {
    return m_history;
}

void PlotItem::setHistory(PracticeHistoryStore* history) {
    if (history == m_history) return;
    if (m_history) disconnect(m_history, nullptr, this, nullptr);
    m_history = history;
    if (history) connect(history, &PracticeHistoryStore::changed, this, &PlotItem::invalidate);
    emit historyChanged();
    invalidate();
}

void PlotItem::setKind(Kind kind) {
    if (kind == m_kind) return;
    m_kind = kind;
    emit kindChanged();
    invalidate();
}

void PlotItem::setDark(bool dark) {
    if (dark == m_dark) return;
    m_dark = dark;
    emit darkChanged();
    invalidate();
}

void PlotItem::setFlowId(const QString& flowId) {
    if (flowId == m_flowId) return;
    m_flowId = flowId;
    emit flowIdChanged();
    invalidate();
}

void PlotItem::setMultiplier(double multiplier) {
    if (qFuzzyCompare(multiplier, m_multiplier)) return;
    m_multiplier = multiplier;
    emit multiplierChanged();
    invalidate();
}

void PlotItem::setTopN(int topN) {
    if (topN == m_topN) return;
    m_topN = topN;
    emit topNChanged();
    invalidate();
}

void PlotItem::setReport(std::shared_ptr<const Report> report,
                         std::shared_ptr<const Document> doc) {
    m_report = std::move(report);
    m_doc = std::move(doc);
    m_curves = m_analysis ? m_analysis->curves() : nullptr;
    invalidate();
}

const std::vector<CurvePoint>& PlotItem::shownCurves() const {
    static const std::vector<CurvePoint> none;
    return m_curves ? *m_curves : m_report ? m_report->curves : none;
}

void PlotItem::invalidate() {
    m_dirty = true;
    setHoverText({});
    // Rebuilt in updatePolish(), on the GUI thread: QCustomPlot is a widget, and paint()
    // may run on the scene graph's render thread.
    polish();
}

void PlotItem::updatePolish() {
    ensureBuilt();
    const QSize size = exportSize();
    const qreal ratio = window() ? window()->effectiveDevicePixelRatio() : 1.0;
    QImage image(size * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::transparent);
    QCPPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    m_plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    {
        const QMutexLocker lock(&m_imageMutex);
        m_image = std::move(image);
    }
    update();
}

QSize PlotItem::exportSize() const {
    const QSize size(qRound(width()), qRound(height()));
    return size.width() > 0 && size.height() > 0 ? size : QSize(800, 500);
}

void PlotItem::ensureBuilt() {
    const QSize size = exportSize();
    if (m_plot->size() != size) {
        m_plot->resize(size);
        m_dirty = true;
    }
    if (!m_dirty) return;
    m_dirty = false;
    const DiagramTheme theme = m_dark ? DiagramTheme::darkTheme() : DiagramTheme::light();
    static const Report emptyReport;
    static const Document emptyDocument;
    const Report& report = m_report ? *m_report : emptyReport;
    const Document& doc = m_doc ? *m_doc : emptyDocument;
    switch (m_kind) {
    case Waterfall:
        buildLatencyWaterfall(*m_plot, report, doc, m_flowId, theme);
        break;
    case Curves:
        buildLoadCurves(*m_plot, report, shownCurves(), doc, m_flowId, m_multiplier, theme);
        break;
    case Availability: {
        std::optional<double> target;
        if (m_doc && m_doc->hasRequirements) target = m_doc->requirements.availability;
        buildAvailability(*m_plot, report, doc, target, theme);
        break;
    }
    case Utilisation:
        buildUtilisation(*m_plot, report, doc, m_topN, theme);
        break;
    case ScoreHistory: {
        static const std::vector<PracticeRecord> none;
        buildScoreHistory(*m_plot, m_history ? m_history->records() : none, theme);
        break;
    }
    }
    // Lays the plot out at its size so that pixel <-> coordinate mapping is right for hovering.
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

QCustomPlot& PlotItem::plot() {
    ensureBuilt();
    return *m_plot;
}

void PlotItem::paint(QPainter* painter) {
    // Only the picture made on the GUI thread; nothing of the plot is touched here.
    const QMutexLocker lock(&m_imageMutex);
    if (m_image.isNull()) return;
    painter->drawImage(QRectF(QPointF(0, 0), m_image.deviceIndependentSize()), m_image);
}

void PlotItem::geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) {
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size()) invalidate();
}

QString PlotItem::textAt(const QPointF& pos) {
    ensureBuilt();
    QCPAbstractPlottable* best = nullptr;
    double bestDistance = 8; // pixels
    QVariant bestDetails;
    for (int i = 0; i < m_plot->plottableCount(); ++i) {
        QCPAbstractPlottable* plottable = m_plot->plottable(i);
        QVariant details;
        const double distance = plottable->selectTest(pos, false, &details);
        // Later plottables are drawn on top: prefer them on ties (the red overlay bars).
        if (distance >= 0 && distance <= bestDistance) {
            best = plottable;
            bestDistance = distance;
            bestDetails = details;
        }
    }
    if (!best) return {};
    const auto selection = bestDetails.value<QCPDataSelection>();
    if (selection.isEmpty()) return {};
    const int index = selection.dataRange(0).begin();
    auto* iface = best->interface1D();
    if (!iface || index < 0 || index >= iface->dataCount()) return {};
    const double key = iface->dataMainKey(index);
    const double value = iface->dataMainValue(index);
    QString keyLabel;
    if (auto text = best->keyAxis()->ticker().dynamicCast<QCPAxisTickerText>())
        keyLabel = text->ticks().value(key).replace(QLatin1Char('\n'), QLatin1String(", "));
    switch (m_kind) {
    case Waterfall:
        // Names go in with the numbers in one arg() call: a later call would fill a "%1"
        // written in a name, not the template's.
        return QStringLiteral("%1 — %2: %3").arg(keyLabel, best->name(), q(millisecondsText(value)));
    case Curves: {
        const bool util = best->valueAxis() == m_plot->yAxis2;
        QString text = QStringLiteral("%1 — %2: %3")
                           .arg(q(multiplierText(key)), best->name(),
                                q(util ? shareText(value / 100) : millisecondsText(value)));
        if (util && size_t(index) < shownCurves().size()) {
            const std::string& id = shownCurves()[size_t(index)].busiestComponent;
            QString name = QString::fromStdString(id);
            if (m_doc)
                for (const auto& c : m_doc->components)
                    if (c.id == id && !c.name.empty()) name = QString::fromStdString(c.name);
            text += QStringLiteral(" (%1)").arg(name);
        }
        return text;
    }
    case Availability: {
        // The bar's height is the flow's nines: back to the availability it stands for.
        const double availability = 1 - std::pow(10.0, -value);
        return QStringLiteral("%1 — %2 nines (%3)")
            .arg(keyLabel, q(ninesText(availability)), q(availabilityPercent(availability)));
    }
    case Utilisation:
        return QStringLiteral("%1 — %2 utilised").arg(keyLabel, q(shareText(value / 100)));
    case ScoreHistory:
        return QStringLiteral("%1 — %2/100")
            .arg(QCPAxisTickerDateTime::keyToDateTime(key).toLocalTime().toString(
                     QStringLiteral("yyyy-MM-dd hh:mm")),
                 QString::number(value, 'g', 3));
    }
    return {};
}

void PlotItem::setHoverText(const QString& text) {
    if (text == m_hoverText) return;
    m_hoverText = text;
    emit hoverTextChanged();
}

void PlotItem::hoverMoveEvent(QHoverEvent* event) {
    setHoverText(textAt(event->position()));
    QQuickPaintedItem::hoverMoveEvent(event);
}

void PlotItem::hoverLeaveEvent(QHoverEvent* event) {
    setHoverText({});
    QQuickPaintedItem::hoverLeaveEvent(event);
}

bool PlotItem::save(const QString& path) {
    ensureBuilt();
    const QSize size = exportSize();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return m_plot->savePng(path, size.width(), size.height(), 2.0);
    if (suffix == QLatin1String("pdf")) return m_plot->savePdf(path, size.width(), size.height());
    if (suffix == QLatin1String("svg")) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(QStringLiteral("ArchLens plot"));
        QCPPainter painter;
        if (!painter.begin(&generator)) return false;
        m_plot->toPainter(&painter, size.width(), size.height());
        painter.end();
        // Flow and component names are painted as text, which QSvgGenerator writes with
        // any control character in it: filtered, the file stays readable XML.
        bytes = xmlSafeUtf8(bytes);
        QSaveFile file(path);
        return !bytes.isEmpty() && file.open(QIODevice::WriteOnly) &&
               file.write(bytes) == bytes.size() && file.commit();
    }
    return false;
}

} // namespace archlens
