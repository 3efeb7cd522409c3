// Autosave and recovery, driven through the controller with short timings: the recovery
// file follows the unsaved work (written after a pause and during unbroken editing, gone
// once saved or undone to the saved state), a running window's work is never offered to
// another, and a dead program's work is offered, restored, discarded or kept for later.
#include "archlens/model/document_io.h"
#include "autosave.h"
#include "document_controller.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace archlens;

namespace {
int componentsIn(const QString& path) {
    auto loaded = readDocumentFile(path.toStdString(), Catalogue::builtin());
    return loaded.ok() ? int(loaded.document->components.size()) : -1;
}
QStringList filesIn(const QString& dir) {
    return QDir(dir).entryList({"*.archlens", "*.json"}, QDir::Files, QDir::Name);
}
/// The id of a process that has ended, for a lock no running program holds.
qint64 deadPid() {
    QProcess p;
    p.start("true", {});
    p.waitForFinished();
    return p.processId() > 0 ? p.processId() : 999999;
}
} // namespace

class AutosaveTest : public QObject {
    Q_OBJECT

    /// The files a program leaves when it crashes: design, description, a stale lock.
    static void leaveCrashedWork(const QString& dir, const QString& id, const QString& source,
                                 const QString& savedAt) {
        QDir().mkpath(dir);
        QVERIFY(QFile::copy(ARCHLENS_RESOURCES_DIR "/examples/url-shortener.archlens",
                            dir + "/" + id + ".archlens"));
        QFile meta(dir + "/" + id + ".json");
        QVERIFY(meta.open(QIODevice::WriteOnly));
        meta.write(QJsonDocument(QJsonObject{{"format", "archlens-recovery"},
                                             {"version", 1},
                                             {"source", source},
                                             {"title", "URL shortener"},
                                             {"saved_at", savedAt}})
                       .toJson());
        QFile lock(dir + "/" + id + ".lock");
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(QByteArray::number(deadPid()) + "\narchlens\n" +
                   QSysInfo::machineHostName().toUtf8() + "\n");
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void theRecoveryFileFollowsTheUnsavedWork() {
        QTemporaryDir dir;
        DocumentController controller;
        Autosave autosave;
        autosave.setFolder(dir.path());
        autosave.setIdleMs(50);
        autosave.setIntervalMs(400);
        autosave.setController(&controller);
        QSignalSpy written(&autosave, &Autosave::autosaved);

        controller.newDocument();
        QVERIFY(!controller.addComponent("app_service", 100, 100).isEmpty());
        QVERIFY(written.wait(2000));
        QCOMPARE(componentsIn(autosave.recoveryPath()), 1);
        QVERIFY(autosave.lastAutosave().isValid());

        // Unbroken editing, never pausing as long as the idle time: the interval still
        // writes, while the edits go on.
        written.clear();
        QElapsedTimer clock;
        clock.start();
        int added = 0;
        while (written.isEmpty() && clock.elapsed() < 3000) {
            QVERIFY(!controller.addComponent("cache", 100 + 10 * added, 300).isEmpty());
            ++added;
            // A typist's pace, under idleMs so the pause never comes; returns at the write.
            written.wait(20);
        }
        QVERIFY2(!written.isEmpty(), "no autosave during unbroken editing");
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        autosave.waitForWrites();
        QVERIFY(componentsIn(autosave.recoveryPath()) > 1);

        // Saved: nothing left to recover.
        QVERIFY(controller.saveAs(dir.filePath("saved.archlens")));
        autosave.waitForWrites();
        QVERIFY(!QFile::exists(autosave.recoveryPath()));
        QCOMPARE(filesIn(dir.path()), QStringList{"saved.archlens"});

        // Edited again, then undone back to the saved state: gone again.
        QVERIFY(!controller.addComponent("cache", 500, 500).isEmpty());
        QVERIFY(written.wait(2000));
        QVERIFY(QFile::exists(autosave.recoveryPath()));
        controller.undo();
        QVERIFY(!controller.modified());
        autosave.waitForWrites();
        QVERIFY(!QFile::exists(autosave.recoveryPath()));
    }

    void aRunningWindowsWorkIsNotOfferedToAnother() {
        QTemporaryDir dir;
        DocumentController first;
        Autosave firstAutosave;
        firstAutosave.setFolder(dir.path());
        firstAutosave.setIdleMs(20);
        firstAutosave.setController(&first);
        QSignalSpy written(&firstAutosave, &Autosave::autosaved);
        QVERIFY(!first.addComponent("app_service", 0, 0).isEmpty());
        QVERIFY(written.wait(2000));

        Autosave second;
        QSignalSpy scanned(&second, &Autosave::scanned);
        second.setFolder(dir.path());
        QVERIFY(scanned.wait(2000));
        QVERIFY(second.recoverable().isEmpty());
    }

    void aNormalEndRemovesTheRecoveryFile() {
        QTemporaryDir dir;
        DocumentController controller;
        QString path;
        {
            Autosave autosave;
            autosave.setFolder(dir.path());
            autosave.setIdleMs(20);
            autosave.setController(&controller);
            QSignalSpy written(&autosave, &Autosave::autosaved);
            QVERIFY(!controller.addComponent("app_service", 0, 0).isEmpty());
            QVERIFY(written.wait(2000));
            path = autosave.recoveryPath();
            QVERIFY(QFile::exists(path));
        }
        QVERIFY(!QFile::exists(path));
        QVERIFY(filesIn(dir.path()).isEmpty());
    }

    void aCrashedProgramsWorkIsOfferedAndRestored() {
        QTemporaryDir dir;
        const QString source = dir.filePath("shortener.archlens");
        leaveCrashedWork(dir.path(), "crashed", source, "2026-12-01T10:15:00.000");
        DocumentController controller;
        Autosave autosave;
        autosave.setFolder(dir.path());
        autosave.setIdleMs(20);
        autosave.setController(&controller);
        QTRY_COMPARE(autosave.recoverable().size(), 1);
        const QVariantMap entry = autosave.recoverable().front().toMap();
        QCOMPARE(entry.value("id").toString(), QStringLiteral("crashed"));
        QCOMPARE(entry.value("fileName").toString(), QStringLiteral("shortener.archlens"));
        QVERIFY(!entry.value("savedAt").toString().isEmpty());

        QVERIFY(autosave.restore("crashed"));
        QVERIFY(autosave.recoverable().isEmpty());
        QCOMPARE(controller.document().components.size(), size_t(componentsIn(
            ARCHLENS_RESOURCES_DIR "/examples/url-shortener.archlens")));
        // Restored work is unsaved work, bound to the file it came from.
        QVERIFY(controller.modified());
        QVERIFY(!controller.canUndo());
        QCOMPARE(controller.filePath(), source);
        // The status names the design by its title, as the recovery question does.
        QVERIFY2(controller.status().startsWith("Restored the unsaved changes of URL shortener"),
                 qPrintable(controller.status()));
        autosave.waitForWrites();
        QVERIFY(!QFile::exists(dir.filePath("crashed.archlens")));
        QVERIFY(!QFile::exists(dir.filePath("crashed.json")));
        // ... and protected again, in this program's own recovery file.
        QVERIFY(QFile::exists(autosave.recoveryPath()));
        QVERIFY(controller.save());
        QVERIFY(!controller.modified());
        QVERIFY(componentsIn(source) > 5);
    }

    void laterKeepsTheWorkAndDiscardDeletesIt() {
        QTemporaryDir dir;
        leaveCrashedWork(dir.path(), "older", "", "2026-12-01T09:00:00.000");
        leaveCrashedWork(dir.path(), "newer", "", "2026-12-01T11:00:00.000");
        {
            Autosave autosave;
            autosave.setFolder(dir.path());
            QTRY_COMPARE(autosave.recoverable().size(), 2);
            // Newest first.
            QCOMPARE(autosave.recoverable().front().toMap().value("id").toString(),
                     QStringLiteral("newer"));
            autosave.postpone("newer");
            autosave.discard("older");
            QVERIFY(autosave.recoverable().isEmpty());
        }
        QVERIFY(!QFile::exists(dir.filePath("older.archlens")));
        QVERIFY(QFile::exists(dir.filePath("newer.archlens")));
        // Offered again at the next start.
        Autosave next;
        next.setFolder(dir.path());
        QTRY_COMPARE(next.recoverable().size(), 1);
    }

    void aDamagedRecoveryFileIsExplainedAndTheDesignKept() {
        QTemporaryDir dir;
        leaveCrashedWork(dir.path(), "damaged", "", "2026-12-01T09:00:00.000");
        QFile design(dir.filePath("damaged.archlens"));
        QVERIFY(design.open(QIODevice::WriteOnly | QIODevice::Truncate));
        design.write("{\"format\": \"archlens\", \"version\": 1, \"compo");
        design.close();
        DocumentController controller;
        QVERIFY(!controller.addComponent("app_service", 0, 0).isEmpty());
        Autosave autosave;
        autosave.setFolder(dir.path());
        autosave.setController(&controller);
        QTRY_COMPARE(autosave.recoverable().size(), 1);
        QVERIFY(!autosave.restore("damaged"));
        QVERIFY(!controller.errorText().isEmpty());
        QCOMPARE(controller.document().components.size(), size_t(1));
        // Still offered: nothing is deleted that could not be read.
        QCOMPARE(autosave.recoverable().size(), 1);
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ArchLens");
    QApplication::setApplicationName("ArchLens autosave test");
    AutosaveTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_autosave.moc"
