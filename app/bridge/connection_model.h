#pragma once
#include "document_index.h"
#include "element_list_model.h"


namespace archlens {

/// The document's connections as rows: id, ends, mode, and the end points on the borders
/// of the two component boxes, which follow the components as they move.
class ConnectionModel : public ElementListModel {
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        FromRole,
        ToRole,
        ModeRole,
        X1Role,
        Y1Role,
        X2Role,
        Y2Role
    };
    ConnectionModel(Editor& editor, const DocumentIndex& index, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    void otherChanged(const Change& change) override;

private:
    const DocumentIndex& index_;
};

} // namespace archlens
