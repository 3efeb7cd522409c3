#include "flow_result_model.h"

#include "analysis_controller.h"
#include "critique_overlay.h"

#include <cmath>

namespace archlens {

namespace {

QString formatMs(double ms) {
    return QString::fromStdString(millisecondsText(ms));
}
QString formatMinutes(double minutes) {
    return QString::fromStdString(downtimeText(minutes));
}
QString formatAvailability(double availability) {
    return QString::fromStdString(availabilityPercent(availability));
}

} // namespace

FlowResultModel::FlowResultModel(QObject* parent) : QAbstractListModel(parent) {}

void FlowResultModel::setAnalysis(AnalysisController* analysis) {
    if (analysis == analysis_) return;
    if (analysis_) disconnect(analysis_, nullptr, this, nullptr);
    analysis_ = analysis;
    if (analysis) connect(analysis, &AnalysisController::reportChanged, this, &FlowResultModel::refresh);
    refresh();
    emit analysisChanged();
}

void FlowResultModel::refresh() {
    beginResetModel();
    report_ = analysis_ ? analysis_->report() : nullptr;
    doc_ = analysis_ ? analysis_->analysedDocument() : nullptr;
    endResetModel();
    emit countChanged();
}

int FlowResultModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

int FlowResultModel::brokenCount() const {
    if (!report_) return 0;
    int n = 0;
    for (const FlowResult& f : report_->flows)
        n += isBroken(f) ? 1 : 0;
    return n;
}

int FlowResultModel::rowOf(const QString& flowId) const {
    if (!report_) return -1;
    const std::string id = flowId.toStdString();
    for (size_t i = 0; i < report_->flows.size(); ++i)
        if (report_->flows[i].id == id) return int(i);
    return -1;
}

QString FlowResultModel::flowIdAt(int row) const {
    if (row < 0 || row >= count()) return {};
    return QString::fromStdString(report_->flows[size_t(row)].id);
}

QVariant FlowResultModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) return {};
    const FlowResult& f = report_->flows[size_t(index.row())];
    const FlowTargets targets = doc_ ? flowTargets(*doc_, f) : FlowTargets();
    switch (role) {
    case FlowIdRole:
        return QString::fromStdString(f.id);
    case NameRole:
    case Qt::DisplayRole:
        return QString::fromStdString(f.name.empty() ? f.id : f.name);
    case AvailabilityRole:
        return f.availability;
    case AvailabilityTextRole:
        return formatAvailability(f.availability);
    case EstimatedRole:
        return f.availabilityMethod != "exact";
    case IntervalTextRole:
        if (!f.availabilityInterval) return QString();
        return QStringLiteral("%1 – %2")
            .arg(formatAvailability(f.availabilityInterval->first),
                 formatAvailability(f.availabilityInterval->second));
    case NinesRole:
        return archlens::nines(f.availability);
    case NinesTextRole:
        return QString::fromStdString(ninesText(f.availability));
    case DowntimeMonthRole:
        return formatMinutes(f.downtimeMinPerMonth);
    case DowntimeYearRole:
        return formatMinutes(f.downtimeMinPerYear);
    case P50Role:
        return f.p50_ms;
    case P99Role:
        return f.p99_ms;
    case P50TextRole:
        return formatMs(f.p50_ms);
    case P99TextRole:
        return formatMs(f.p99_ms);
    case AvailabilityVerdictRole:
        if (!targets.availability) return NoTarget;
        return targets.missesAvailability(f) ? Missed : Met;
    case LatencyVerdictRole:
        if (!targets.p99_ms) return NoTarget;
        return targets.missesP99(f) ? Missed : Met;
    case TargetTextRole: {
        QStringList parts;
        if (targets.availability)
            parts << tr("availability target %1").arg(formatAvailability(*targets.availability));
        if (targets.p99_ms) parts << tr("p99 target %1").arg(formatMs(*targets.p99_ms));
        return parts.isEmpty() ? tr("No targets set") : parts.join(QStringLiteral(", "));
    }
    case BrokenRole:
        return isBroken(f);
    }
    return {};
}

QHash<int, QByteArray> FlowResultModel::roleNames() const {
    return {{FlowIdRole, "flowId"},
            {NameRole, "name"},
            {AvailabilityRole, "availability"},
            {AvailabilityTextRole, "availabilityText"},
            {EstimatedRole, "estimated"},
            {IntervalTextRole, "intervalText"},
            {NinesRole, "nines"},
            {NinesTextRole, "ninesText"},
            {DowntimeMonthRole, "downtimeMonth"},
            {DowntimeYearRole, "downtimeYear"},
            {P50Role, "p50"},
            {P99Role, "p99"},
            {P50TextRole, "p50Text"},
            {P99TextRole, "p99Text"},
            {AvailabilityVerdictRole, "availabilityVerdict"},
            {LatencyVerdictRole, "latencyVerdict"},
            {TargetTextRole, "targetText"},
            {BrokenRole, "broken"}};
}

} // namespace archlens
