#include "component_model.h"

namespace archlens {

ComponentModel::ComponentModel(Editor& editor, QObject* parent)
    : ElementListModel(editor, ElementType::Component, parent) {}

QVariant ComponentModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Component& c = document().components[static_cast<size_t>(index.row())];
    const KindInfo* kind = Catalogue::builtin().kind(c.kind);
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return QString::fromStdString(c.name);
    case IdRole:
        return QString::fromStdString(c.id);
    case KindRole:
        return QString::fromStdString(c.kind);
    case KindLabelRole:
        return kind ? QString::fromStdString(kind->label) : QString();
    case XRole:
        return c.x;
    case YRole:
        return c.y;
    case WidthRole:
        return kWidth;
    case HeightRole:
        return kHeight;
    case IconRole:
        return kind ? QStringLiteral("qrc:/") + QString::fromStdString(kind->icon) : QString();
    case CategoryRole:
        return kind ? QString::fromStdString(kind->category) : QString();
    case ZonesRole: {
        QStringList zones;
        if (auto it = c.props.find("zones"); it != c.props.end())
            for (const auto& z : *it)
                zones << QString::fromStdString(z.get<std::string>());
        return zones;
    }
    case InstancesRole: {
        const Json n =
            kind ? Catalogue::builtin().componentValue(*kind, c.props, "instances") : Json(1);
        return n.is_number_integer() ? n.get<int>() : 1;
    }
    }
    return {};
}

QHash<int, QByteArray> ComponentModel::roleNames() const {
    return {{IdRole, "componentId"},    {KindRole, "kind"},        {KindLabelRole, "kindLabel"},
            {NameRole, "name"},         {XRole, "posX"},           {YRole, "posY"},
            {WidthRole, "boxWidth"},    {HeightRole, "boxHeight"}, {IconRole, "icon"},
            {CategoryRole, "category"}, {ZonesRole, "zones"},      {InstancesRole, "instances"}};
}

} // namespace archlens
