#include "finding_model.h"

#include "analysis_controller.h"

#include <QSet>
#include <algorithm>

namespace archlens {

namespace {

// Rule, subjects as a set and flow: the same finding after re-analysis has the same words
// here even when its numbers, its text or its place in the list changed.
QString identityOf(const Finding& f) {
    QStringList subjects;
    for (const auto& id : subjectSet(f.subjects))
        subjects << QString::fromStdString(id);
    return QString::fromStdString(f.rule) + QLatin1Char('|') + subjects.join(QLatin1Char(',')) +
           QLatin1Char('|') + QString::fromStdString(f.flow);
}

} // namespace

FindingModel::FindingModel(QObject* parent) : QAbstractListModel(parent) {}

void FindingModel::setAnalysis(AnalysisController* analysis) {
    if (analysis == analysis_) return;
    if (analysis_) disconnect(analysis_, nullptr, this, nullptr);
    analysis_ = analysis;
    if (analysis_)
        connect(analysis_, &AnalysisController::reportChanged, this, &FindingModel::refilter);
    emit analysisChanged();
    refilter();
}

int FindingModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant FindingModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Finding& f = *rows_[size_t(index.row())];
    switch (role) {
    case RuleRole:
        return QString::fromStdString(f.rule);
    case SeverityRole:
        return QString::fromUtf8(toString(f.severity));
    case SeverityLabelRole:
        if (f.acknowledged) return tr("Accepted trade-offs");
        return f.severity == Severity::Error     ? tr("Errors")
               : f.severity == Severity::Warning ? tr("Warnings")
                                                 : tr("Information");
    case Qt::DisplayRole:
    case TitleRole:
        return QString::fromStdString(f.title);
    case MessageRole:
        return QString::fromStdString(f.message);
    case SubjectsRole:
        return subjectsAt(index.row());
    case GuideSectionRole:
        return QString::fromStdString(f.guideSection);
    case SuggestionRole:
        return QString::fromStdString(f.suggestion);
    case FollowUpRole:
        return QString::fromStdString(f.followUp);
    case FlowRole:
        return QString::fromStdString(f.flow);
    case IdentityRole:
        return identityOf(f);
    case KeyRole: {
        QStringList key;
        for (const auto& id : findingKey(f))
            key << QString::fromStdString(id);
        return key;
    }
    case AcknowledgedRole:
        return f.acknowledged.has_value();
    case AcknowledgementRole:
        return QString::fromStdString(f.acknowledged.value_or(std::string()));
    }
    return {};
}

QHash<int, QByteArray> FindingModel::roleNames() const {
    return {{RuleRole, "rule"},
            {SeverityRole, "severity"},
            {SeverityLabelRole, "severityLabel"},
            {TitleRole, "title"},
            {MessageRole, "message"},
            {SubjectsRole, "subjects"},
            {FlowRole, "flow"},
            {GuideSectionRole, "guideSection"},
            {SuggestionRole, "suggestion"},
            {FollowUpRole, "followUp"},
            {AcknowledgedRole, "acknowledged"},
            {AcknowledgementRole, "acknowledgement"},
            {KeyRole, "key"},
            {IdentityRole, "identity"}};
}

QString FindingModel::identityAt(int row) const {
    if (row < 0 || row >= int(rows_.size())) return {};
    return identityOf(*rows_[size_t(row)]);
}

int FindingModel::rowOfIdentity(const QString& identity) const {
    if (identity.isEmpty()) return -1;
    for (std::size_t row = 0; row < rows_.size(); ++row)
        if (identityOf(*rows_[row]) == identity) return int(row);
    return -1;
}

QString FindingModel::flowAt(int row) const {
    if (row < 0 || row >= int(rows_.size())) return {};
    return QString::fromStdString(rows_[size_t(row)]->flow);
}

QStringList FindingModel::subjectsAt(int row) const {
    QStringList out;
    if (row < 0 || row >= int(rows_.size())) return out;
    for (const auto& s : rows_[size_t(row)]->subjects)
        out << QString::fromStdString(s);
    return out;
}

QStringList FindingModel::rules() const {
    QStringList out;
    if (report_)
        for (const auto& f : report_->findings)
            if (!out.contains(QString::fromStdString(f.rule)))
                out << QString::fromStdString(f.rule);
    out.sort();
    return out;
}

void FindingModel::setShown(int severity, bool on) {
    if (show_[severity] == on) return;
    show_[severity] = on;
    emit filterChanged();
    refilter();
}

void FindingModel::setRule(const QString& rule) {
    if (rule == rule_) return;
    rule_ = rule;
    emit filterChanged();
    refilter();
}

void FindingModel::setSearch(const QString& search) {
    if (search == search_) return;
    search_ = search;
    emit filterChanged();
    refilter();
}

void FindingModel::setSubjects(const QStringList& subjects) {
    if (subjects == subjects_) return;
    subjects_ = subjects;
    emit filterChanged();
    refilter();
}

void FindingModel::refilter() {
    beginResetModel();
    report_ = analysis_ ? analysis_->report() : nullptr;
    rows_.clear();
    if (report_) {
        const QSet<QString> wanted(subjects_.begin(), subjects_.end());
        const QString needle = search_.trimmed();
        for (const auto& f : report_->findings) {
            if (!show_[int(f.severity)]) continue;
            if (!rule_.isEmpty() && rule_ != QString::fromStdString(f.rule)) continue;
            if (!wanted.isEmpty() &&
                std::none_of(f.subjects.begin(), f.subjects.end(), [&](const std::string& s) {
                    return wanted.contains(QString::fromStdString(s));
                }))
                continue;
            if (!needle.isEmpty()) {
                const QString text = QString::fromStdString(f.title + "\n" + f.message + "\n" +
                                                            f.rule + "\n" + f.guideSection);
                if (!text.contains(needle, Qt::CaseInsensitive)) continue;
            }
            rows_.push_back(&f);
        }
        // Open findings most severe first, then the accepted trade-offs in their own
        // section; the report's own order within each.
        std::stable_sort(rows_.begin(), rows_.end(), [](const Finding* a, const Finding* b) {
            if (a->acknowledged.has_value() != b->acknowledged.has_value())
                return !a->acknowledged.has_value();
            return int(a->severity) > int(b->severity);
        });
    }
    endResetModel();
    emit countChanged();
}

} // namespace archlens
