#include "zone_model.h"

#include "zone_geometry.h"

namespace archlens {

ZoneModel::ZoneModel(Editor& editor, QObject* parent)
    : ElementListModel(editor, ElementType::Zone, parent) {}

QVariant ZoneModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Zone& z = document().zones[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case IdRole:
        return QString::fromStdString(z.id);
    case RegionRole:
        return QString::fromStdString(z.region);
    case AvailabilityRole:
        return z.availability;
    case ColourRole:
        return geometry::zoneColour(index.row());
    case TextColourRole:
        return geometry::zoneChipText();
    }
    return {};
}

QHash<int, QByteArray> ZoneModel::roleNames() const {
    return {{IdRole, "zoneId"},
            {RegionRole, "region"},
            {AvailabilityRole, "availability"},
            {ColourRole, "colour"},
            {TextColourRole, "textColour"}};
}

} // namespace archlens
