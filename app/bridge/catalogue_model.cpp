#include "catalogue_model.h"

namespace archlens {

CatalogueModel::CatalogueModel(QObject* parent)
    : QAbstractListModel(parent), catalogue_(Catalogue::builtin()) {
    refilter();
}

int CatalogueModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant CatalogueModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const KindInfo& k = *rows_[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return QString::fromStdString(k.label);
    case KindRole:
        return QString::fromStdString(k.id);
    case CategoryRole:
        return QString::fromStdString(k.category);
    case CategoryLabelRole:
        for (const auto& c : catalogue_.categories())
            if (c.id == k.category) return QString::fromStdString(c.label);
        return QString::fromStdString(k.category);
    case IconRole:
        return QStringLiteral("qrc:/") + QString::fromStdString(k.icon);
    case DescriptionRole:
        return QString::fromStdString(k.description);
    }
    return {};
}

QHash<int, QByteArray> CatalogueModel::roleNames() const {
    return {{KindRole, "kind"},         {LabelRole, "label"},
            {CategoryRole, "category"}, {CategoryLabelRole, "categoryLabel"},
            {IconRole, "iconUrl"},      {DescriptionRole, "description"}};
}

void CatalogueModel::setFilter(const QString& filter) {
    if (filter == filter_) return;
    filter_ = filter;
    refilter();
}

QString CatalogueModel::kindAt(int row) const {
    if (row < 0 || row >= int(rows_.size())) return {};
    return QString::fromStdString(rows_[size_t(row)]->id);
}

void CatalogueModel::refilter() {
    beginResetModel();
    rows_.clear();
    const QString needle = filter_.trimmed();
    for (const auto& category : catalogue_.categories())
        for (const auto& k : catalogue_.kinds()) {
            if (k.category != category.id) continue;
            const bool match =
                needle.isEmpty() ||
                QString::fromStdString(k.label).contains(needle, Qt::CaseInsensitive) ||
                QString::fromStdString(k.id).contains(needle, Qt::CaseInsensitive) ||
                QString::fromStdString(k.description).contains(needle, Qt::CaseInsensitive) ||
                QString::fromStdString(category.label).contains(needle, Qt::CaseInsensitive);
            if (match) rows_.push_back(&k);
        }
    endResetModel();
    emit filterChanged();
}

} // namespace archlens
