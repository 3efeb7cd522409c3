// The file dialogs a person gets, in the real window on a real X server (xvfb): Save As
// with a typed name, the question before overwriting, Open, Export and Export Report, each
// started from its shortcut and answered by typing into the dialog. A failed save names the
// path and the reason and keeps the changes. Any QML warning fails the test.
#include "autosave.h"
#include "document_controller.h"
#include "file_dialogs.h"
#include "main_window_fixture.h"
#include "qml_message_guard.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <memory>
#include <QTest>
#include <QXmlStreamReader>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(ArchLensPlugin)

using namespace archlens;
using archlens::test::findItem;

class FileDialogsTest : public QObject {
    Q_OBJECT

    QQmlApplicationEngine* engine_ = nullptr;
    QQuickWindow* window_ = nullptr;
    DocumentController* controller_ = nullptr;
    FileDialogs* dialogs_ = nullptr;
    QTemporaryDir dir_;
    /// The dialog on screen has listed its folder (its completer has seen the names).
    bool listed_ = false;

    QString path(const QString& name) const { return dir_.filePath(name); }
    static QByteArray contents(const QString& file) {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    /// Waits for the file dialog that the last shortcut opened.
    QFileDialog* waitForDialog() {
        if (!QTest::qWaitFor([&] { return dialogs_->current() && dialogs_->current()->isVisible(); },
                             5000))
            return nullptr;
        QFileDialog* dialog = dialogs_->current();
        // Qt's own dialog, not the desktop's: there is no desktop here to provide one.
        if (dialog->testOption(QFileDialog::DontUseNativeDialog) == false &&
            !dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit")))
            return nullptr;
        return dialog;
    }
    static QLineEdit* nameField(QFileDialog* dialog) {
        return dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    }
    /// Follows each dialog's reading of its folder (listed_), from before it can finish: the
    /// listing comes back from a worker thread as queued signals, and dialogShown is
    /// emitted in the same call that created the dialog.
    void watchListing(QFileDialog* dialog) {
        listed_ = false;
        auto* model = dialog->findChild<QFileSystemModel*>();
        QVERIFY(model);
        const QString folder = dialog->directory().canonicalPath();
        connect(model, &QFileSystemModel::directoryLoaded, this,
                [this, folder](const QString& path) {
                    if (QDir(path).canonicalPath() == folder) listed_ = true;
                });
    }
    bool waitForListing() {
        return QTest::qWaitFor([&] { return listed_; }, 5000);
    }
    /// Types `text` into the dialog's name field as a person would and presses Enter.
    void typeName(QFileDialog* dialog, const QString& text) {
        QLineEdit* field = nameField(dialog);
        QVERIFY(field);
        // Typed into the dialog a person is looking at: while the dialog is not the active
        // window its name field has no focus, and a file the typed name selects in the list
        // replaces what was typed.
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        field->selectAll();
        QTest::keyClick(field, Qt::Key_Backspace);
        QTest::keyClicks(field, text);
        // The name field completes from the folder; its list pops up once the folder has
        // been read (at once, or when the listing arrives), and Enter would then pick a
        // completion instead of accepting. Escape closes the list first, as a person typing
        // a new name would.
        QVERIFY2(waitForListing(), "the file dialog never listed its folder");
        if (QCompleter* completer = field->completer();
            completer && completer->popup() && completer->popup()->isVisible())
            QTest::keyClick(completer->popup(), Qt::Key_Escape);
        QTest::keyClick(field, Qt::Key_Return);
    }
    /// Answers the question QFileDialog asks before replacing a file, once it shows: the
    /// question runs its own event loop, so the answer is given from a timer. The question's
    /// text goes to `asked`.
    static void answerQuestion(QMessageBox::StandardButton answer, QString* asked) {
        auto* poll = new QTimer;
        auto tries = std::make_shared<int>(0);
        QObject::connect(poll, &QTimer::timeout, poll, [poll, tries, answer, asked] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box && box->isVisible() && box->button(answer)) {
                *asked = box->text();
                QTest::mouseClick(box->button(answer), Qt::LeftButton);
            } else if (++*tries < 200) {
                return;
            }
            poll->deleteLater();
            poll->stop();
        });
        poll->start(50);
    }
    /// A design with unsaved changes: one component on a new design.
    void unsavedDesign() {
        controller_->newDocument();
        QVERIFY(!controller_->addComponent("app_service", 200, 200).isEmpty());
        QVERIFY(controller_->modified());
    }
    void shortcut(Qt::Key key, Qt::KeyboardModifiers mods) {
        window_->requestActivate();
        // Without a window manager activation may go unreported; the keys reach the window
        // either way, so a window that stays inactive is not a failure here.
        [[maybe_unused]] const bool active = QTest::qWaitForWindowActive(window_, 1000);
        QTest::keyClick(window_, key, mods);
    }

    /// The export dialog fully open and its layouts done, so that a click lands where its
    /// buttons are: a layout places its items only when the window next polishes.
    void waitUntilPlaced() {
        auto* menu = window_->property("menuBar").value<QObject*>();
        QVERIFY(menu);
        auto* dialog = menu->property("exportDialog").value<QObject*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QVERIFY(QQuickTest::qWaitForPolish(window_));
    }

    /// The example copied into the test's folder, so that exports land there too.
    void openCopyOfExample() {
        const QString copy = path("shortener.archlens");
        QFile::remove(copy);
        QVERIFY(QFile::copy(ARCHLENS_RESOURCES_DIR "/examples/url-shortener.archlens", copy));
        QVERIFY(controller_->openFile(copy));
    }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QStandardPaths::setTestModeEnabled(true);
        // Settings of this run only (two runs at once must not share the last folder).
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.filePath("settings"));
        // Dialogs start in the last folder used: here, the test's own folder.
        FileDialogs::setLastFolder(dir_.path());
        engine_ = new QQmlApplicationEngine(this);
        window_ = test::openMainWindow(*engine_);
        QVERIFY(window_);
        controller_ = test::documentController(*engine_);
        dialogs_ = engine_->singletonInstance<FileDialogs*>(
            qmlTypeId("ArchLens", 1, 0, "FileDialogs"));
        QVERIFY(controller_);
        QVERIFY(dialogs_);
        connect(dialogs_, &FileDialogs::dialogShown, this, &FileDialogsTest::watchListing);
        ARCHLENS_VERIFY_NO_QML_MESSAGES();
    }
    void cleanup() {
        // A dialog left open by a failed step must not block the next one.
        if (QFileDialog* d = dialogs_->current()) d->reject();
        QTRY_VERIFY(!dialogs_->showing());
        ARCHLENS_VERIFY_NO_QML_MESSAGES();
    }

    void saveAsProposesAnUntitledNameAndHonoursATypedOne() {
        unsavedDesign();
        shortcut(Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QFileDialog* dialog = waitForDialog();
        QVERIFY2(dialog, "Save As did not show a file dialog with a name field");
        QCOMPARE(nameField(dialog)->text(), QStringLiteral("Untitled.archlens"));
        // For a person to look at: the dialog over the window, with its folder listed.
        QVERIFY(waitForListing());
        dialog->grab().save(QDir::temp().filePath("archlens-save-dialog.png"));
        QCOMPARE(QDir(dialog->directory()).canonicalPath(), QDir(dir_.path()).canonicalPath());
        // No suffix typed: .archlens is added.
        typeName(dialog, QStringLiteral("first design"));
        const QString saved = path("first design.archlens");
        QTRY_VERIFY(QFile::exists(saved));
        QCOMPARE(controller_->filePath(), saved);
        QVERIFY(!controller_->modified());
        QVERIFY(!window_->title().startsWith(QStringLiteral("•")));
        QVERIFY(window_->title().startsWith(QStringLiteral("first design.archlens")));
        QVERIFY(contents(saved).contains("\"kind\": \"app_service\""));
    }

    void saveAsProposesTheTitle() {
        controller_->newDocument();
        QVERIFY(controller_->setAttribute("", "title", QStringLiteral("Chat: v2/draft")));
        shortcut(Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QFileDialog* dialog = waitForDialog();
        QVERIFY(dialog);
        // Characters a file name cannot hold become spaces.
        QCOMPARE(nameField(dialog)->text(), QStringLiteral("Chat v2 draft.archlens"));
        dialog->reject();
    }

    void overwritingAFileAsksFirst() {
        unsavedDesign();
        const QString target = path("existing.archlens");
        {
            QFile f(target);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("keep me");
        }
        shortcut(Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QFileDialog* dialog = waitForDialog();
        QVERIFY(dialog);
        // No: nothing is written, the dialog stays for another name.
        QString asked;
        answerQuestion(QMessageBox::No, &asked);
        typeName(dialog, QStringLiteral("existing"));
        QTRY_VERIFY2(!asked.isEmpty(), "no question before replacing an existing file");
        QVERIFY2(asked.contains(QStringLiteral("existing.archlens")), qPrintable(asked));
        // Answered: the question has gone and the file dialog is in front again.
        QTRY_COMPARE(QApplication::activeModalWidget(), static_cast<QWidget*>(dialog));
        QCOMPARE(contents(target), QByteArray("keep me"));
        QVERIFY(controller_->modified());
        QVERIFY(dialog->isVisible());
        // Yes: replaced.
        asked.clear();
        answerQuestion(QMessageBox::Yes, &asked);
        typeName(dialog, QStringLiteral("existing"));
        QTRY_VERIFY(!asked.isEmpty());
        QTRY_VERIFY(contents(target).startsWith("{"));
        QVERIFY(!controller_->modified());
        QCOMPARE(controller_->filePath(), target);
    }

    void openReadsTheChosenFile() {
        const QString copy = path("shortener.archlens");
        QFile::remove(copy);
        QVERIFY(QFile::copy(ARCHLENS_RESOURCES_DIR "/examples/url-shortener.archlens", copy));
        controller_->newDocument();
        shortcut(Qt::Key_O, Qt::ControlModifier);
        QFileDialog* dialog = waitForDialog();
        QVERIFY(dialog);
        typeName(dialog, copy);
        QTRY_COMPARE(controller_->filePath(), copy);
        QVERIFY(controller_->document().components.size() > 5);
        QVERIFY(!controller_->modified());
    }

    void exportWritesTheDiagramWhereTyped() {
        openCopyOfExample();
        controller_->selection()->clear();
        shortcut(Qt::Key_E, Qt::ControlModifier);
        QQuickItem* button = nullptr;
        QTRY_VERIFY((button = findItem(window_->contentItem(), "exportButton")) &&
                    button->isVisible() && button->width() > 0);
        waitUntilPlaced();
        const QPoint centre = button->mapToScene(QPointF(button->width() / 2, button->height() / 2)).toPoint();
        QTest::mouseClick(window_, Qt::LeftButton, {}, centre);
        QFileDialog* dialog = waitForDialog();
        QVERIFY2(dialog, "Export… did not show a file dialog");
        typeName(dialog, QStringLiteral("diagram"));
        const QString out = path("diagram.svg");
        QTRY_VERIFY(QFile::exists(out));
        QXmlStreamReader xml(contents(out));
        bool svg = false;
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("svg"))
                svg = true;
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(svg);
        // The export dialog closes once the file is written.
        QTRY_VERIFY(!button->isVisible());
    }

    void exportReportWritesTheReportWhereTyped() {
        openCopyOfExample();
        shortcut(Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QQuickItem* button = nullptr;
        QTRY_VERIFY((button = findItem(window_->contentItem(), "exportButton")) &&
                    button->isVisible() && button->width() > 0);
        waitUntilPlaced();
        const QPoint centre = button->mapToScene(QPointF(button->width() / 2, button->height() / 2)).toPoint();
        QTest::mouseClick(window_, Qt::LeftButton, {}, centre);
        QFileDialog* dialog = waitForDialog();
        QVERIFY(dialog);
        QCOMPARE(nameField(dialog)->text(), QStringLiteral("shortener-report.html"));
        typeName(dialog, QStringLiteral("critique"));
        const QString out = path("critique.html");
        QTRY_VERIFY(QFile::exists(out));
        const QByteArray html = contents(out);
        QVERIFY(html.contains("<html"));
        QVERIFY(html.contains("Single point of failure") || html.contains("single point of failure"));
        QTRY_VERIFY(!button->isVisible());
    }

    void aFailedSaveNamesThePathAndKeepsTheChanges() {
        unsavedDesign();
        const QString target = QStringLiteral("/proc/archlens-cannot-write-here.archlens");
        QVERIFY(!controller_->saveAs(target));
        QVERIFY(controller_->modified());
        QVERIFY(controller_->filePath().isEmpty());
        QVERIFY2(controller_->errorText().contains(target), qPrintable(controller_->errorText()));
        // The reason, in words: not an empty or "Unknown error" message.
        QVERIFY(!controller_->errorText().contains(QStringLiteral("Unknown error")));
        QVERIFY(controller_->errorText().size() > target.size() + 20);
        // A vanished folder: the same.
        const QString gone = path("gone/sub/x.archlens");
        QVERIFY(!controller_->saveAs(gone));
        QVERIFY(controller_->errorText().contains(gone));
        QVERIFY(controller_->modified());
        controller_->clearError();
    }

    void hostileFilesAreExplainedAndTheOpenDesignKept() {
        openCopyOfExample();
        QVERIFY(controller_->addComponent("cache", 100, 900).size() > 0);
        const auto before = controller_->document().components.size();
        const QString path = controller_->filePath();
        const QDir cases(QStringLiteral(ARCHLENS_TEST_CASES));
        const QStringList hostile = {"number-overflow.archlens", "deep-nesting.archlens",
                                     "binary-garbage.archlens", "binary-nul.archlens",
                                     "utf16.archlens", "syntax.archlens"};
        for (const QString& name : hostile) {
            QVERIFY2(cases.exists(name), qPrintable(name));
            QVERIFY2(!controller_->openFile(cases.filePath(name)), qPrintable(name));
            QVERIFY2(controller_->errorText().contains(name), qPrintable(controller_->errorText()));
            QCOMPARE(controller_->document().components.size(), before);
            QCOMPARE(controller_->filePath(), path);
            QVERIFY(controller_->modified());
        }
        // A folder and a file too large to be a design are refused the same way.
        QVERIFY(!controller_->openFile(dir_.path()));
        QVERIFY(!controller_->errorText().isEmpty());
        QVERIFY(!controller_->openFile(QStringLiteral("/dev/zero")));
        QVERIFY(!controller_->errorText().isEmpty());
        QCOMPARE(controller_->document().components.size(), before);
        controller_->clearError();
    }

    void cleanupTestCase() {
        // The window is closed without a question: the test's changes are not to be kept.
        controller_->newDocument();
    }
};

int main(int argc, char** argv) {
    archlens::test::QmlMessageGuard::install();
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ArchLens");
    QApplication::setApplicationName("ArchLens file dialog test");
    QQuickStyle::setStyle("Fusion");
    FileDialogsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_file_dialogs.moc"
