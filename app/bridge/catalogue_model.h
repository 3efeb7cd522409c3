#pragma once
// The catalogue's component kinds as rows for the palette: id, label, category, icon and
// description, narrowed by a search text. Read-only; the catalogue never changes while
// the program runs.
#include "archlens/model/catalogue.h"

#include <QAbstractListModel>

namespace archlens {

class CatalogueModel : public QAbstractListModel {
    Q_OBJECT
    /// Only kinds whose label, description, category or id contain this text (any case).
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY filterChanged)
    /// Best matches first (the label starting with the text, then a word of it, then the
    /// label containing it, then the id, category or description) instead of palette
    /// order: for the quick-add search, where Enter takes the first row.
    Q_PROPERTY(bool ranked READ ranked WRITE setRanked NOTIFY filterChanged)

public:
    enum Role {
        KindRole = Qt::UserRole + 1,
        LabelRole,
        CategoryRole,
        CategoryLabelRole,
        IconRole,
        DescriptionRole
    };
    explicit CatalogueModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString filter() const { return filter_; }
    void setFilter(const QString& filter);
    bool ranked() const { return ranked_; }
    void setRanked(bool ranked);
    /// The kind id of a row, for Enter on the palette.
    Q_INVOKABLE QString kindAt(int row) const;

signals:
    void filterChanged();

private:
    void refilter();

    const Catalogue& catalogue_;
    QString filter_;
    bool ranked_ = false;
    std::vector<const KindInfo*> rows_; ///< in palette order: by category, then catalogue order
};

} // namespace archlens
