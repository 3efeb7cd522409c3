#pragma once
// The document's flows as rows, for the flows panel.
#include "archlens/model/editor.h"
#include "document_controller.h"

#include <QAbstractListModel>
#include <QPointer>

namespace archlens {

/// The flows of the controller's document, one row each in file order, with the entry
/// component's name beside its id. It follows edits row by row: each insertion and removal
/// the editor announces is bracketed (begin before, end after) exactly as ElementListModel
/// does, a changed flow or a renamed entry component emits dataChanged for the rows it
/// shows, and only a whole new document resets. Without a controller it has no rows.
///
/// Unlike the controller's own list models it is created in QML (`FlowModel { controller:
/// DocumentController }`), so the editor arrives after construction through `controller`
/// and this cannot derive from ElementListModel, which needs the editor up front.
class FlowModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(archlens::DocumentController* controller READ controller WRITE setController NOTIFY
                   controllerChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { IdRole = Qt::UserRole + 1, NameRole, EntryRole, EntryNameRole, OpRole, RateRole };
    Q_ENUM(Role)

    explicit FlowModel(QObject* parent = nullptr);
    ~FlowModel() override;

    DocumentController* controller() const { return controller_; }
    void setController(DocumentController* controller);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return rowCount(); }
    /// Row of the flow with this id, or -1.
    Q_INVOKABLE int indexOfId(const QString& id) const;
    /// Id of the flow in this row, or "" outside the rows.
    Q_INVOKABLE QString idAt(int row) const;

signals:
    void controllerChanged();
    void countChanged();

private:
    void attach();
    void detach();
    void aboutToChange(const Change& change);
    void changed(const Change& change);
    const Document* document() const;

    QPointer<DocumentController> controller_;
    int observer_ = 0;
    /// Rows announced to views so far: the document has already changed when the editor
    /// notifies, so the count views see between begin and end must come from here.
    int rows_ = 0;
};

} // namespace archlens
