#pragma once
// Autosave and crash recovery for one window's document.
//
// While the design has unsaved changes, a copy of it is written to a recovery file in the
// user's data folder (`<AppLocalDataLocation>/recovery`): after each burst of edits (once
// the person pauses for `idleMs`) and, during long unbroken editing, every `intervalMs`
// (30 s), so a crash loses at most that much work. The copy is taken on the GUI thread (a
// document is a value) and serialised and written atomically on a worker, so a large
// design does not stall the window. The recovery file exists exactly while there are
// unsaved changes: it is removed when the design becomes unmodified (saved, reverted,
// replaced after the person chose to discard) and when the program ends normally.
//
// Each running program holds a lock file next to its recovery file. At start-up,
// recovery files whose lock is not held by a running program are the work of a program
// that crashed: `recoverable` lists them (file name, title, time of the last autosave)
// for the window to offer restore, discard or later. A later start offers them again.
#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QVariantList>
#include <map>
#include <memory>

namespace archlens {

class DocumentController;

class Autosave : public QObject {
    Q_OBJECT
    Q_PROPERTY(archlens::DocumentController* controller READ controller WRITE setController NOTIFY controllerChanged)
    /// Where recovery files go; set before `controller` to change it (tests).
    Q_PROPERTY(QString folder READ folder WRITE setFolder NOTIFY folderChanged)
    Q_PROPERTY(int intervalMs READ intervalMs WRITE setIntervalMs NOTIFY timingChanged)
    Q_PROPERTY(int idleMs READ idleMs WRITE setIdleMs NOTIFY timingChanged)
    /// Work left by programs that did not end normally: maps of {id, fileName, title,
    /// source, savedAt (text), recoveryPath}, newest first.
    Q_PROPERTY(QVariantList recoverable READ recoverable NOTIFY recoverableChanged)
    /// When this window's work was last written to its recovery file (invalid: never).
    Q_PROPERTY(QDateTime lastAutosave READ lastAutosave NOTIFY autosaved)

public:
    explicit Autosave(QObject* parent = nullptr);
    ~Autosave() override;

    DocumentController* controller() const { return controller_; }
    void setController(DocumentController* controller);
    QString folder() const { return folder_; }
    void setFolder(const QString& folder);
    int intervalMs() const { return periodic_.interval(); }
    void setIntervalMs(int ms);
    int idleMs() const { return idle_.interval(); }
    void setIdleMs(int ms);
    QVariantList recoverable() const { return recoverable_; }
    QDateTime lastAutosave() const { return lastAutosave_; }
    /// This program's recovery file (it exists only while there is unsaved work).
    QString recoveryPath() const;

    /// Writes the recovery file now if there is unsaved work not yet in it.
    Q_INVOKABLE void autosaveNow();
    /// Loads the recovered work into the controller and removes its recovery file. The
    /// restored design is marked modified: the person saves it where they choose.
    Q_INVOKABLE bool restore(const QString& id);
    /// Deletes the recovered work.
    Q_INVOKABLE void discard(const QString& id);
    /// Leaves the recovered work for the next start.
    Q_INVOKABLE void postpone(const QString& id);
    /// Waits until every queued write or removal is done (tests, and the end of the program).
    void waitForWrites();

signals:
    void controllerChanged();
    void folderChanged();
    void timingChanged();
    void recoverableChanged();
    void autosaved();
    /// The folder has been looked through for crashed programs' work, once after start-up
    /// (tests wait for this: finding nothing changes nothing else).
    void scanned();

private:
    void documentEdited();
    void modifiedChanged();
    void removeOwnFile();
    void scan();
    void release(const QString& id, bool removeFiles);
    QString pathFor(const QString& id, const char* extension) const;

    QPointer<DocumentController> controller_;
    QString folder_;
    QString sessionId_;
    QTimer idle_;     ///< fires once the person pauses
    QTimer periodic_; ///< fires every interval during long unbroken editing
    bool dirty_ = false; ///< unsaved work that the recovery file does not hold yet
    bool fileWritten_ = false;
    QDateTime lastAutosave_;
    QVariantList recoverable_;
    /// Locks of crashed programs' recovery files, held while they are offered.
    std::map<QString, std::unique_ptr<QLockFile>> offered_;
    std::unique_ptr<QLockFile> ownLock_;
    /// One worker, so that writes and the removal that follows them land in order.
    QThreadPool writer_;
};

} // namespace archlens
