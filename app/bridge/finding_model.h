#pragma once
// The findings of the latest analysis as rows for the critique panel, most severe first,
// narrowed by severity, rule, a search text and optionally to those about given elements.
// It follows an AnalysisController: each new report replaces the rows (a reset; reports
// arrive at most a few times a second).
#include "archlens/analysis/report.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QStringList>
#include <memory>

namespace archlens {

class AnalysisController;

class FindingModel : public QAbstractListModel {
    Q_OBJECT
    Q_MOC_INCLUDE("analysis_controller.h")
    Q_PROPERTY(archlens::AnalysisController* analysis READ analysis WRITE setAnalysis NOTIFY
                   analysisChanged)
    Q_PROPERTY(bool showErrors READ showErrors WRITE setShowErrors NOTIFY filterChanged)
    Q_PROPERTY(bool showWarnings READ showWarnings WRITE setShowWarnings NOTIFY filterChanged)
    Q_PROPERTY(bool showInfo READ showInfo WRITE setShowInfo NOTIFY filterChanged)
    /// Only findings of this rule ("" for all).
    Q_PROPERTY(QString rule READ rule WRITE setRule NOTIFY filterChanged)
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY filterChanged)
    /// Only findings naming one of these elements (empty: no restriction).
    Q_PROPERTY(QStringList subjects READ subjects WRITE setSubjects NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// The rules that have findings, for the rule filter.
    Q_PROPERTY(QStringList rules READ rules NOTIFY countChanged)

public:
    enum Role {
        RuleRole = Qt::UserRole + 1,
        SeverityRole,      ///< "error", "warning", "info"
        SeverityLabelRole, ///< "Errors", "Warnings", "Information": the section heading
        TitleRole,
        MessageRole,
        SubjectsRole,
        GuideSectionRole,
        SuggestionRole,
        FollowUpRole,
        FlowRole,            ///< the flow the finding is about, "" if none
        AcknowledgedRole,    ///< whether the design accepts this finding as a trade-off
        AcknowledgementRole, ///< the designer's note for an accepted finding, else ""
        KeyRole,     ///< the ids an acknowledgement of this finding is stored under (findingKey)
        IdentityRole ///< the finding itself across re-analysis: rule, subject set and flow
    };
    explicit FindingModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    AnalysisController* analysis() const { return analysis_; }
    void setAnalysis(AnalysisController* analysis);
    bool showErrors() const { return show_[2]; }
    void setShowErrors(bool on) { setShown(2, on); }
    bool showWarnings() const { return show_[1]; }
    void setShowWarnings(bool on) { setShown(1, on); }
    bool showInfo() const { return show_[0]; }
    void setShowInfo(bool on) { setShown(0, on); }
    QString rule() const { return rule_; }
    void setRule(const QString& rule);
    QString search() const { return search_; }
    void setSearch(const QString& search);
    QStringList subjects() const { return subjects_; }
    void setSubjects(const QStringList& subjects);
    int count() const { return int(rows_.size()); }
    QStringList rules() const;
    /// The subjects of a row, for selecting them on the canvas.
    Q_INVOKABLE QStringList subjectsAt(int row) const;
    /// The flow a row is about ("" if none), for drawing its path.
    Q_INVOKABLE QString flowAt(int row) const;
    /// The row of the finding with this identity (IdentityRole), or -1 once it is gone: what
    /// the panel keeps open and lit follows the finding, not a row number that another
    /// finding takes after a fix, an undo or a filter change.
    Q_INVOKABLE int rowOfIdentity(const QString& identity) const;
    Q_INVOKABLE QString identityAt(int row) const;

signals:
    void analysisChanged();
    void filterChanged();
    void countChanged();

private:
    void setShown(int severity, bool on);
    void refilter();

    QPointer<AnalysisController> analysis_;
    std::shared_ptr<const Report> report_;
    std::vector<const Finding*> rows_;
    bool show_[3] = {true, true, true}; ///< indexed by Severity
    QString rule_;
    QString search_;
    QStringList subjects_;
};

} // namespace archlens
