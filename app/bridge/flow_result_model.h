#pragma once
// The numbers of each flow in the latest analysis, as rows for the flows table: availability
// (how it was computed, and its interval when estimated), nines, the downtime it allows per
// month and year, p50 and p99, each judged against the design's requirements. The texts are
// those of archlens/analysis/display_format.h, as in the reports and `check`. Follows an
// AnalysisController; every new report replaces the rows with a reset (reports arrive at
// most a few times a second, and the table holds one row per flow).
#include "archlens/analysis/report.h"

#include <QAbstractListModel>
#include <QPointer>
#include <memory>

namespace archlens {

class AnalysisController;

class FlowResultModel : public QAbstractListModel {
    Q_OBJECT
    Q_MOC_INCLUDE("analysis_controller.h")
    Q_PROPERTY(archlens::AnalysisController* analysis READ analysis WRITE setAnalysis NOTIFY
                   analysisChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Flows that cannot serve at all under the what-if failures.
    Q_PROPERTY(int brokenCount READ brokenCount NOTIFY countChanged)

public:
    enum Role {
        FlowIdRole = Qt::UserRole + 1,
        NameRole,
        AvailabilityRole,     ///< 0..1
        AvailabilityTextRole, ///< "99.95%"
        EstimatedRole,        ///< availability estimated by simulation, not computed exactly
        IntervalTextRole,     ///< "99.93–99.96%" for an estimate, else ""
        NinesRole,            ///< -log10(1 - availability), capped
        NinesTextRole,
        DowntimeMonthRole, ///< "22 min"
        DowntimeYearRole,  ///< "4.4 h"
        P50Role,           ///< ms
        P99Role,           ///< ms
        P50TextRole,
        P99TextRole,
        AvailabilityVerdictRole, ///< a Verdict
        LatencyVerdictRole,      ///< p99 against its target: a Verdict
        TargetTextRole,          ///< the targets, for a tooltip
        BrokenRole               ///< the flow cannot be served at all
    };
    /// A figure against the design's requirement for it.
    enum Verdict { NoTarget, Met, Missed };
    Q_ENUM(Verdict)

    explicit FlowResultModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    AnalysisController* analysis() const { return analysis_; }
    void setAnalysis(AnalysisController* analysis);
    int count() const { return int(report_ ? report_->flows.size() : 0); }
    int brokenCount() const;
    /// The row of a flow id, -1 if none.
    Q_INVOKABLE int rowOf(const QString& flowId) const;
    /// The flow id of a row, "" if out of range.
    Q_INVOKABLE QString flowIdAt(int row) const;

signals:
    void analysisChanged();
    void countChanged();

private:
    void refresh();

    QPointer<AnalysisController> analysis_;
    std::shared_ptr<const Report> report_;
    std::shared_ptr<const Document> doc_;
};

} // namespace archlens
