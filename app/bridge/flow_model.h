#pragma once
// The document's flows as rows, for the flows panel.
#include "document_controller.h"
#include "element_list_model.h"

#include <QPointer>

namespace archlens {

/// The flows of the controller's document, one row each in file order, with the entry
/// component's name beside its id. The row bookkeeping is ElementListModel's: it follows
/// edits row by row (each insertion and removal bracketed, a changed flow emits
/// dataChanged for its row, only a whole new document resets); on top, a renamed entry
/// component emits dataChanged for the flows entering there. Without a controller it has
/// no rows.
///
/// Unlike the controller's own list models it is created in QML (`FlowModel { controller:
/// DocumentController }`), so the editor arrives after construction through `controller`,
/// which may also be destroyed first (the model then empties).
class FlowModel : public ElementListModel {
    Q_OBJECT
    Q_PROPERTY(archlens::DocumentController* controller READ controller WRITE setController NOTIFY
                   controllerChanged)

public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, EntryRole, EntryNameRole, OpRole, RateRole };
    Q_ENUM(Role)

    explicit FlowModel(QObject* parent = nullptr);

    DocumentController* controller() const { return controller_; }
    void setController(DocumentController* controller);

    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    /// Id of the flow in this row, or "" outside the rows.
    Q_INVOKABLE QString idAt(int row) const;

signals:
    void controllerChanged();

protected:
    void otherChanged(const Change& change) override;

private:
    QPointer<DocumentController> controller_;
    QMetaObject::Connection controllerGone_;
};

} // namespace archlens
