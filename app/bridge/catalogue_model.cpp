#include "catalogue_model.h"

#include <QRegularExpression>
#include <algorithm>

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

void CatalogueModel::setRanked(bool ranked) {
    if (ranked == ranked_) return;
    ranked_ = ranked;
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
    // How well a kind matches: 0 best, 5 not at all.
    auto rank = [&](const KindInfo& k, const QString& categoryLabel) {
        if (needle.isEmpty()) return 0;
        const QString label = QString::fromStdString(k.label);
        if (label.startsWith(needle, Qt::CaseInsensitive)) return 0;
        static const QRegularExpression words(QStringLiteral("[\\s/()-]+"));
        const QStringList parts = label.split(words, Qt::SkipEmptyParts);
        if (std::any_of(parts.begin(), parts.end(), [&](const QString& w) {
                return w.startsWith(needle, Qt::CaseInsensitive);
            }))
            return 1;
        if (label.contains(needle, Qt::CaseInsensitive)) return 2;
        if (QString::fromStdString(k.id).contains(needle, Qt::CaseInsensitive)) return 3;
        if (categoryLabel.contains(needle, Qt::CaseInsensitive) ||
            QString::fromStdString(k.description).contains(needle, Qt::CaseInsensitive))
            return 4;
        return 5;
    };
    std::vector<std::pair<int, const KindInfo*>> found;
    for (const auto& category : catalogue_.categories())
        for (const auto& k : catalogue_.kinds()) {
            if (k.category != category.id) continue;
            const int r = rank(k, QString::fromStdString(category.label));
            if (r < 5) found.emplace_back(ranked_ ? r : 0, &k);
        }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [r, k] : found)
        rows_.push_back(k);
    endResetModel();
    emit filterChanged();
}

} // namespace archlens
