#pragma once
// The QML-facing owner of the open document: loads and saves files, owns the Editor (and
// through it the one undo history), and exposes the list models the canvas draws from.
// QML reads through the models and edits only through this controller's invokables.
#include "archlens/model/editor.h"
#include "component_model.h"
#include "connection_model.h"
#include "zone_model.h"

#include <QObject>
#include <QRectF>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace archlens {

class DocumentController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString title READ title NOTIFY documentChanged)
    Q_PROPERTY(QString filePath READ filePath NOTIFY fileChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorChanged)
    Q_PROPERTY(bool modified READ modified NOTIFY modifiedChanged)
    Q_PROPERTY(QRectF bounds READ bounds NOTIFY documentChanged)
    Q_PROPERTY(archlens::ComponentModel* components READ components CONSTANT)
    Q_PROPERTY(archlens::ConnectionModel* connections READ connections CONSTANT)
    Q_PROPERTY(archlens::ZoneModel* zones READ zones CONSTANT)

public:
    explicit DocumentController(QObject* parent = nullptr);

    QString title() const;
    QString filePath() const { return filePath_; }
    QString errorText() const { return errorText_; }
    bool modified() const { return editor_.isModified(); }
    /// The rectangle enclosing every component and note, for zoom-to-fit.
    QRectF bounds() const;
    ComponentModel* components() { return &components_; }
    ConnectionModel* connections() { return &connections_; }
    ZoneModel* zones() { return &zones_; }
    Editor& editor() { return editor_; }

    /// Opens a design. On failure the current document stays and errorText says why.
    Q_INVOKABLE bool openFile(const QString& path);
    Q_INVOKABLE void clearError();

signals:
    void documentChanged();
    void fileChanged();
    void errorChanged();
    void modifiedChanged();

private:
    void setError(const QString& text);

    Editor editor_;
    ComponentModel components_;
    ConnectionModel connections_;
    ZoneModel zones_;
    QString filePath_;
    QString errorText_;
};

} // namespace archlens
