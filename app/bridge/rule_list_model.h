#pragma once
// Every rule of the critique as rows for Help ▸ Rules: id, title, severity, the guide
// section it cites and what it asks to change, narrowed by a search text. Read-only: the
// rules and their words (resources/rules.json) are compiled in and never change while the
// program runs. The list is the same one the command line's `archlens rules` prints.
#include "archlens/analysis/rules.h"

#include <QAbstractListModel>

namespace archlens {

class RuleListModel : public QAbstractListModel {
    Q_OBJECT
    /// Only rules whose id, title, guide section or suggestion contain this text (any case).
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY filterChanged)
    /// How many rules there are in all, whatever the filter.
    Q_PROPERTY(int total READ total CONSTANT)

public:
    enum Role {
        RuleIdRole = Qt::UserRole + 1,
        TitleRole,
        SeverityRole,
        GuideSectionRole,
        SuggestionRole,
    };
    explicit RuleListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString filter() const { return filter_; }
    void setFilter(const QString& filter);
    int total() const;

signals:
    void filterChanged();

private:
    void refilter();

    QString filter_;
    std::vector<const RuleInfo*> rows_; ///< errors first, then warnings, then info; by id within
};

} // namespace archlens
