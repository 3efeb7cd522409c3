#pragma once
#include "element_list_model.h"


namespace archlens {

/// The document's zones as rows: id, region and availability, and the colour of the zone's
/// chips on the canvas (zone_geometry.h) with the colour of their text.
class ZoneModel : public ElementListModel {
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        RegionRole,
        AvailabilityRole,
        ColourRole,
        TextColourRole
    };
    explicit ZoneModel(Editor& editor, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
};

} // namespace archlens
