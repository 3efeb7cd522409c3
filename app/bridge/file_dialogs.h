#pragma once
// The file dialogs of the window: open a design, save it under a name, choose where an
// export or a plot goes. QML asks through this singleton and gets the chosen path back in
// a callback; nothing happens when the person cancels.
//
// Why QFileDialog and not Qt Quick Dialogs: QFileDialog shows the desktop's own dialog
// where the platform theme offers one (as Qt Quick Dialogs would), and otherwise Qt's
// widget dialog, which needs no extra QML module, has a field to type a file name in,
// appends the default suffix and asks before overwriting. Qt Quick Dialogs' own QML
// fallback in Qt 6.4 needs Qt.labs.folderlistmodel, crashes the app when that module is
// missing and ignores a typed file name in save mode, so the app never depends on it.
//
// Each dialog is window-modal over the window that asked, remembers the last folder used
// (QSettings key "lastFolder") and deletes itself when closed. Only one is open at a time:
// a request while one is open brings that one to the front instead.
#include <QFileDialog>
#include <QJSValue>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QWindow;

namespace archlens {

class FileDialogs : public QObject {
    Q_OBJECT
    /// True while a dialog is showing.
    Q_PROPERTY(bool showing READ showing NOTIFY showingChanged)

public:
    explicit FileDialogs(QObject* parent = nullptr);
    ~FileDialogs() override;

    bool showing() const { return !dialog_.isNull(); }
    /// The dialog on screen, or null (for tests, which drive it like a person would).
    QFileDialog* current() const;

    /// Asks for an existing file to open; calls `done(path)` with the chosen local path.
    Q_INVOKABLE void openFile(const QString& title, const QStringList& filters,
                              const QJSValue& done);
    /// Asks where to save. `suggested` is a full path or a bare name (placed in the last
    /// folder used); `suffix` (no dot) is appended to a typed name without one. An existing
    /// file is overwritten only after the person confirms. Calls `done(path)`.
    Q_INVOKABLE void saveFile(const QString& title, const QString& suggested,
                              const QStringList& filters, const QString& suffix,
                              const QJSValue& done);

    /// The folder dialogs start in: the last one used, else Documents, else home.
    static QString lastFolder();
    static void setLastFolder(const QString& folder);

signals:
    void showingChanged();
    /// A dialog has been shown (tests wait for this).
    void dialogShown(QFileDialog* dialog);

private:
    void show(QFileDialog* dialog, const QJSValue& done, const QString& suffix);
    void finish(const QString& path, const QString& suffix);
    QWindow* parentWindow() const;

    QPointer<QFileDialog> dialog_;
    QJSValue done_;
};

} // namespace archlens
