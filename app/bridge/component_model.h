#pragma once
#include "element_list_model.h"


namespace archlens {

/// The document's components as rows for the canvas and lists: id, kind, name, position,
/// size, icon and category.
class ComponentModel : public ElementListModel {
    Q_OBJECT

public:
    static constexpr double kWidth = 184;
    static constexpr double kHeight = 56;

    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,
        KindLabelRole,
        NameRole,
        XRole,
        YRole,
        WidthRole,
        HeightRole,
        IconRole,
        CategoryRole,
        ZonesRole,
        InstancesRole
    };
    explicit ComponentModel(Editor& editor, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
};

} // namespace archlens
