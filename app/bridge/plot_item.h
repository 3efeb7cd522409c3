#pragma once
// A critique plot as a Qt Quick item: owns a QCustomPlot (a QWidget, so the application must
// be a QApplication), rebuilds it from the report and paints it into the scene. Given an
// `analysis`, it follows that controller's latest report by itself; otherwise a caller
// hands it a report with setReport().
#include "archlens/analysis/report.h"
#include "archlens/model/document.h"

#include <QImage>
#include <QMutex>
#include <QPointer>
#include <QQuickPaintedItem>
#include <memory>

class QCustomPlot;

namespace archlens {

class AnalysisController;
class PracticeHistoryStore;

class PlotItem : public QQuickPaintedItem {
    Q_OBJECT
    Q_MOC_INCLUDE("analysis_controller.h")
    Q_MOC_INCLUDE("practice_history_store.h")
    Q_PROPERTY(archlens::AnalysisController* analysis READ analysis WRITE setAnalysis NOTIFY
                   analysisChanged)
    Q_PROPERTY(Kind kind READ kind WRITE setKind NOTIFY kindChanged)
    /// The practice history, for the ScoreHistory kind.
    Q_PROPERTY(
        archlens::PracticeHistoryStore* history READ history WRITE setHistory NOTIFY historyChanged)
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)
    Q_PROPERTY(QString flowId READ flowId WRITE setFlowId NOTIFY flowIdChanged)
    Q_PROPERTY(double multiplier READ multiplier WRITE setMultiplier NOTIFY multiplierChanged)
    Q_PROPERTY(int topN READ topN WRITE setTopN NOTIFY topNChanged)
    Q_PROPERTY(QString hoverText READ hoverText NOTIFY hoverTextChanged)

public:
    enum Kind { Waterfall, Curves, Availability, Utilisation, ScoreHistory };
    Q_ENUM(Kind)

    explicit PlotItem(QQuickItem* parent = nullptr);
    ~PlotItem() override;

    AnalysisController* analysis() const;
    void setAnalysis(AnalysisController* analysis);
    Kind kind() const { return m_kind; }
    PracticeHistoryStore* history() const;
    void setHistory(PracticeHistoryStore* history);
    void setKind(Kind kind);
    bool dark() const { return m_dark; }
    void setDark(bool dark);
    QString flowId() const { return m_flowId; }
    void setFlowId(const QString& flowId);
    double multiplier() const { return m_multiplier; }
    void setMultiplier(double multiplier);
    int topN() const { return m_topN; }
    void setTopN(int topN);
    QString hoverText() const { return m_hoverText; }

    /// The report to draw and the document it was computed from (for names and targets).
    void setReport(std::shared_ptr<const Report> report, std::shared_ptr<const Document> doc);

    /// Writes the plot at the item's size (800x500 when it has none) as PNG, SVG or PDF,
    /// chosen by the extension. False when the extension is unknown or writing failed.
    Q_INVOKABLE bool save(const QString& path);

    /// The text describing the data point under `pos` (item coordinates), "" if none.
    QString textAt(const QPointF& pos);

    /// The plot, rebuilt and laid out at the item's size (for tests and exporters).
    QCustomPlot& plot();

    void paint(QPainter* painter) override;

signals:
    void analysisChanged();
    void kindChanged();
    void historyChanged();
    void darkChanged();
    void flowIdChanged();
    void multiplierChanged();
    void topNChanged();
    void hoverTextChanged();

protected:
    void updatePolish() override;
    void geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) override;
    void hoverMoveEvent(QHoverEvent* event) override;
    void hoverLeaveEvent(QHoverEvent* event) override;

private:
    void invalidate();
    void ensureBuilt();
    void setHoverText(const QString& text);
    QSize exportSize() const;

    std::unique_ptr<QCustomPlot> m_plot;
    QPointer<AnalysisController> m_analysis;
    QPointer<PracticeHistoryStore> m_history;
    std::shared_ptr<const Report> m_report;
    std::shared_ptr<const Document> m_doc;
    /// The analysis controller's curves, which it completes after the report; null when the
    /// report was handed in (its own curves are drawn then).
    std::shared_ptr<const std::vector<CurvePoint>> m_curves;
    const std::vector<CurvePoint>& shownCurves() const;
    Kind m_kind = Waterfall;
    bool m_dark = false;
    QString m_flowId;
    double m_multiplier = 1;
    int m_topN = 8;
    QString m_hoverText;
    bool m_dirty = true;
    /// The plot as last drawn on the GUI thread, for paint() on the render thread.
    QImage m_image;
    QMutex m_imageMutex;
};

} // namespace archlens
