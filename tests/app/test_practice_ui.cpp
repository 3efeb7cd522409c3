// A practice interview in the real window (offscreen): every bundled prompt loads, File ▸
// New Practice starts a session on the chosen prompt and length, the clock (injected)
// counts the current phase, pausing stops it, the next phase and the notes are undo steps
// that never wind the clock back, and the session survives a save and a reopen.
#include "document_controller.h"
#include "practice_controller.h"
#include "practice_history_store.h"
#include "prompt_library.h"

#include "main_window_fixture.h"
#include "qml_message_guard.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

#include <memory>
#include <string>

Q_IMPORT_QML_PLUGIN(ArchLensPlugin)

using namespace archlens;
using archlens::test::findItem;

class PracticeUiTest : public QObject {
    Q_OBJECT

    QQmlApplicationEngine* engine_ = nullptr;
    QQuickWindow* window_ = nullptr;
    DocumentController* controller_ = nullptr;
    PracticeController* practice_ = nullptr;
    std::shared_ptr<qint64> now_ = std::make_shared<qint64>(0);

    QQuickItem* item(const QString& name) const { return findItem(window_->contentItem(), name); }
    QString text(const QString& name) const {
        QQuickItem* i = item(name);
        return i ? i->property("text").toString() : QStringLiteral("<no %1>").arg(name);
    }
    void advance(double seconds) {
        *now_ += static_cast<qint64>(seconds * 1000);
        emit practice_->clockChanged();
    }

private slots:
    void cleanup() { ARCHLENS_VERIFY_NO_QML_MESSAGES(); }

    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(PracticeHistoryStore::path()); // a history from an earlier run
        engine_ = new QQmlApplicationEngine(this);
        const test::Ui ui = test::openUi(*engine_);
        QVERIFY(ui.ok());
        window_ = ui.window;
        controller_ = ui.controller;
        practice_ = window_->findChild<PracticeController*>(QStringLiteral("practice"));
        QVERIFY(practice_);
        auto now = now_;
        practice_->setClock([now] { return *now; });
        ARCHLENS_VERIFY_NO_QML_MESSAGES();
    }

    void everyBundledPromptLoads() {
        QVERIFY2(PromptLibrary::problems().isEmpty(),
                 qPrintable(PromptLibrary::problems().join('\n')));
        QVERIFY(PromptLibrary::all().size() >= 3);
        QVERIFY(PromptLibrary::find("url-shortener"));
        // Each reference design is bundled and opens.
        for (const auto& p : PromptLibrary::all()) {
            QVERIFY2(controller_->openFile(PromptLibrary::referencePath(p.id)),
                     qPrintable(controller_->errorText()));
        }
    }

    void newPracticeDialogStartsTheChosenPrompt() {
        QVERIFY(!item("practiceBar")->isVisible());
        auto* dialog = window_->findChild<QObject*>(QStringLiteral("newPracticeDialog"));
        QVERIFY(dialog);
        QMetaObject::invokeMethod(dialog, "open");
        QTRY_VERIFY(dialog->property("opened").toBool());
        dialog->setProperty("promptId", "url-shortener");
        QTRY_VERIFY(text("promptStatement").contains("bit.ly"));
        QQuickItem* thirty = item("length30");
        QVERIFY(thirty);
        QTest::mouseClick(window_, Qt::LeftButton, {},
                          thirty->mapToScene(QPointF(10, thirty->height() / 2)).toPoint());
        QTRY_COMPARE(dialog->property("minutes").toInt(), 30);
        QMetaObject::invokeMethod(dialog, "accept");

        QTRY_VERIFY(practice_->active());
        const Document& doc = controller_->document();
        QCOMPARE(QString::fromStdString(doc.title), QStringLiteral("URL shortener"));
        QCOMPARE(doc.requirements.availability.value_or(0), 0.9999);
        QCOMPARE(doc.requirements.p99_ms.value_or(0), 100.0);
        QCOMPARE(doc.practice->minutes, 30);
        QVERIFY(practice_->running());
        QVERIFY(controller_->modified());
        QTRY_VERIFY(item("practiceBar")->isVisible());
        QCOMPARE(text("practiceRemaining"), QStringLiteral("30:00 left"));
    }

    void theClockCountsTheCurrentPhaseAndPauses() {
        advance(90);
        QCOMPARE(practice_->currentUsedS(), 90.0);
        QCOMPARE(text("practiceRemaining"), QStringLiteral("28:30 left"));
        QVERIFY(text("practicePhase")
                    .startsWith(QStringLiteral("Requirements (1 of 6) · 1:30 of 3:20")));
        practice_->pause();
        QVERIFY(!practice_->running());
        QCOMPARE(controller_->document().practice->phases[0].used_s, 90.0); // recorded on pause
        advance(600); // paused: the clock does not count
        QCOMPARE(practice_->currentUsedS(), 90.0);
        practice_->resume();
        advance(150); // past the phase's 3:20
        QCOMPARE(practice_->currentUsedS(), 240.0);
        QVERIFY(text("practicePhase").contains(QStringLiteral("4:00 of 3:20")));
    }

    void phasesAndNotesAreUndoStepsThatKeepTheClock() {
        QVERIFY(practice_->nextPhase());
        QCOMPARE(practice_->currentIndex(), 1);
        QCOMPARE(controller_->document().practice->phases[0].used_s, 240.0);
        advance(30);
        QVERIFY(practice_->setNotes(1, QStringLiteral("35 k redirects/s at peak")));
        QVERIFY(practice_->setChecked(1, QStringLiteral("rates"), true));
        QCOMPARE(practice_->phases()[1].toMap()["checkedCount"].toInt(), 1);

        controller_->undo(); // the tick
        controller_->undo(); // the notes
        QCOMPARE(practice_->notes(1), QString());
        controller_->undo(); // back to the first phase; its minutes stay spent
        QCOMPARE(practice_->currentIndex(), 0);
        QCOMPARE(controller_->document().practice->phases[0].used_s, 240.0);
        controller_->redo();
        controller_->redo();
        QCOMPARE(practice_->notes(1), QStringLiteral("35 k redirects/s at peak"));
    }

    void theInterviewerAsksOneQuestionAtATimeAndKeepsTheAnswers() {
        // An empty design draws no finding: the questions are the prompt's deep dives.
        const Prompt* prompt = PromptLibrary::find("url-shortener");
        QVERIFY(prompt);
        const int deepDives = static_cast<int>(prompt->deep_dives.size());
        QTRY_COMPARE(practice_->questionsLeft(), deepDives);
        QObject* panel = item("practicePanel");
        QVERIFY(panel);
        QMetaObject::invokeMethod(panel, "ask");
        const QString first = QString::fromStdString(prompt->deep_dives[0]);
        QCOMPARE(text("questionText"), first);
        QQuickItem* box = item("answerBox");
        QVERIFY(box);
        QTRY_VERIFY(box->hasActiveFocus());
        for (const char c : std::string("Ranges from a counter"))
            QTest::keyClick(window_, c);
        // Typing the answer is one undo step, and the question on show stays while typing.
        QCOMPARE(practice_->answerTo(first), QStringLiteral("Ranges from a counter"));
        QCOMPARE(controller_->undoText(), QStringLiteral("Answer a question"));
        QCOMPARE(text("questionText"), first);
        QCOMPARE(practice_->questionsLeft(), deepDives - 1);

        QMetaObject::invokeMethod(panel, "ask");
        const QString second = QString::fromStdString(prompt->deep_dives[1]);
        QCOMPARE(text("questionText"), second);
        practice_->skipQuestion(second);
        QCOMPARE(practice_->question()["text"].toString(),
                 QString::fromStdString(prompt->deep_dives[2]));
        QCOMPARE(practice_->answers().size(), 1);
    }

    void theDesignComparesWithThePromptsReference() {
        QObject* panel = item("practicePanel");
        QVERIFY(panel);
        QMetaObject::invokeMethod(panel, "compareWithReference");
        auto* comparison = window_->findChild<QObject*>(QStringLiteral("comparison"));
        QVERIFY(comparison);
        QTRY_VERIFY(comparison->property("active").toBool());
        QVERIFY(
            comparison->property("otherName").toString().contains(QStringLiteral("URL shortener")));
        // The practice design is still empty: everything of the reference is missing from it.
        QVERIFY(controller_->document().components.empty());
        QVERIFY(comparison->property("removedCount").toInt() > 10);
        QCOMPARE(comparison->property("addedCount").toInt(), 0);
        QMetaObject::invokeMethod(comparison, "endComparison");
        QTRY_VERIFY(!comparison->property("active").toBool());
    }

    void theSessionSurvivesSaveAndReopen() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("practice.archlens"));
        advance(20);
        const double before = practice_->usedS();
        QVERIFY(controller_->saveAs(path));
        QVERIFY(!controller_->modified());
        // The save took the live time of the running phase.
        QCOMPARE(controller_->document().practice->usedSeconds(), before);

        controller_->newDocument();
        QVERIFY(!practice_->active());
        QVERIFY(!practice_->running());
        QVERIFY(!item("practiceBar")->isVisible());

        QVERIFY(controller_->openFile(path));
        QVERIFY(practice_->active());
        QVERIFY(!practice_->running()); // a reopened session waits to be resumed
        QCOMPARE(practice_->usedS(), before);
        QCOMPARE(practice_->currentIndex(), 1);
        QCOMPARE(practice_->notes(1), QStringLiteral("35 k redirects/s at peak"));
        QCOMPARE(practice_->minutes(), 30);
        QCOMPARE(practice_->answerTo(
                     QString::fromStdString(PromptLibrary::find("url-shortener")->deep_dives[0])),
                 QStringLiteral("Ranges from a counter"));
        QVERIFY(text("practiceRemaining").endsWith(QStringLiteral(" left")));

        // Finishing shows the scorecard and records the session in the history.
        QQuickItem* finish = item("practiceFinish");
        QVERIFY(finish);
        QTest::mouseClick(
            window_, Qt::LeftButton, {},
            finish->mapToScene(QPointF(finish->width() / 2, finish->height() / 2)).toPoint());
        QTRY_VERIFY(practice_->finished());
        QVERIFY(text("practiceRemaining").startsWith(QStringLiteral("Finished in")));
        auto* scorecard = window_->findChild<QObject*>(QStringLiteral("scorecardDialog"));
        QVERIFY(scorecard);
        QTRY_VERIFY(scorecard->property("opened").toBool());
        QVERIFY2(scorecard->property("title").toString().contains(
                     QStringLiteral("/100 against URL shortener")),
                 qPrintable(scorecard->property("title").toString()));
        // An empty design against its prompt: the capabilities and the targets are missed,
        // the requirements (the prompt's targets) and the time per phase are not.
        const QVariantMap card = practice_->scorecard();
        QVERIFY(card["total"].toDouble() < 60);
        QCOMPARE(card["prompt"].toMap()["id"].toString(), QStringLiteral("url-shortener"));
        QStringList categories;
        for (const QVariant& c : card["categories"].toList())
            categories << c.toMap()["id"].toString();
        QCOMPARE(categories, (QStringList{"requirements", "targets", "findings", "capabilities",
                                          "tradeoffs", "time"}));
        QMetaObject::invokeMethod(scorecard, "close");

        auto* history = engine_->singletonInstance<PracticeHistoryStore*>(
            qmlTypeId("ArchLens", 1, 0, "PracticeHistory"));
        QVERIFY(history);
        QCOMPARE(history->records().size(), size_t(1));
        const PracticeRecord& r = history->records().front();
        QCOMPARE(QString::fromStdString(r.prompt), QStringLiteral("url-shortener"));
        QCOMPARE(r.minutes, 30);
        QVERIFY(r.score.has_value());
        QCOMPARE(*r.score, card["total"].toDouble());
        QVERIFY(QFile::exists(PracticeHistoryStore::path()));
        auto* historyDialog = window_->findChild<QObject*>(QStringLiteral("practiceHistoryDialog"));
        QVERIFY(historyDialog);
        QMetaObject::invokeMethod(historyDialog, "open");
        QTRY_VERIFY(historyDialog->property("opened").toBool());
        QTRY_VERIFY(item("scoreHistoryPlot") && item("scoreHistoryPlot")->isVisible());
        QMetaObject::invokeMethod(historyDialog, "close");
        practice_->resume(); // a finished session does not run again
        QVERIFY(!practice_->running());
    }

    void estimatesShowTheirFormulasAndSizeTheDesignInOneStep() {
        QVERIFY(controller_->openFile(PromptLibrary::referencePath("url-shortener")));
        auto* dialog = window_->findChild<QObject*>(QStringLiteral("estimatesDialog"));
        QVERIFY(dialog);
        dialog->setProperty("promptId", "url-shortener");
        QMetaObject::invokeMethod(dialog, "open");
        QTRY_VERIFY(dialog->property("opened").toBool());
        auto* calculator = dialog->findChild<QObject*>(QStringLiteral("estimateCalculator"));
        QVERIFY(calculator);
        const QVariantList figures = calculator->property("figures").toList();
        QVERIFY(!figures.isEmpty());
        const QVariantMap readsAvg = figures.front().toMap();
        QCOMPARE(readsAvg["id"].toString(), QStringLiteral("reads_avg"));
        QCOMPARE(readsAvg["value"].toDouble(), 100e6 * 10 / 86400);
        QVERIFY2(readsAvg["formula"].toString().contains(QStringLiteral("11.6 k")),
                 qPrintable(readsAvg["formula"].toString()));
        QCOMPARE(text("estimate_daily_users"), QStringLiteral("100000000"));

        // A typed input changes the figures; an impossible one is named and nothing applies.
        QQuickItem* users = item("estimate_daily_users");
        QVERIFY(users);
        users->forceActiveFocus();
        QTest::keyClick(window_, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(window_, Qt::Key_Minus);
        QTest::keyClick(window_, Qt::Key_5);
        QTRY_VERIFY(!calculator->property("problems").toList().isEmpty());
        QVERIFY(calculator->property("problems")
                    .toList()
                    .front()
                    .toMap()["message"]
                    .toString()
                    .contains(QStringLiteral("daily_users")));
        bool applied = true;
        QMetaObject::invokeMethod(calculator, "apply", Q_RETURN_ARG(bool, applied));
        QVERIFY(!applied);
        QVERIFY(calculator->setProperty("inputs", QVariantMap{{"daily_users", 100e6}}));

        const double before = controller_->document().flow("redirect")->rate_rps;
        QCOMPARE(before, 40000.0);
        QMetaObject::invokeMethod(calculator, "apply", Q_RETURN_ARG(bool, applied));
        QVERIFY(applied);
        // 34 722 reads a second at peak, shared by the two read flows as they were (40 000
        // and 50); 347.2 writes; each rounded up.
        const Document& doc = controller_->document();
        QCOMPARE(doc.flow("redirect")->rate_rps, 34679.0);
        QCOMPARE(doc.flow("stats")->rate_rps, 44.0);
        QCOMPARE(doc.flow("create")->rate_rps, 348.0);
        QCOMPARE(doc.requirements.peak_rps.value_or(0), 35070.0);
        QCOMPARE(controller_->undoText(), QStringLiteral("Apply estimates"));
        controller_->undo();
        QCOMPARE(controller_->document().flow("redirect")->rate_rps, 40000.0);
        QCOMPARE(controller_->document().flow("create")->rate_rps, 400.0);
        QMetaObject::invokeMethod(dialog, "close");
    }

    void clockTexts() {
        QCOMPARE(PracticeController::clockText(0), QStringLiteral("0:00"));
        QCOMPARE(PracticeController::clockText(59.9), QStringLiteral("0:59"));
        QCOMPARE(PracticeController::clockText(754), QStringLiteral("12:34"));
        QCOMPARE(PracticeController::clockText(3723), QStringLiteral("1:02:03"));
        QCOMPARE(PracticeController::clockText(-30), QStringLiteral("−0:30"));
    }

    /// A damaged history file is named in the history dialog and left as it was; the
    /// dialog still opens, with no sessions, and QML says nothing.
    void aDamagedHistoryIsNamedAndLeftAsItWas() {
        const QString path = PracticeHistoryStore::path();
        QDir().mkpath(QFileInfo(path).absolutePath());
        const QByteArray damaged = "{\"format\": \"archlens-practice-history\", \"sessions\": [{";
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            QCOMPARE(file.write(damaged), qint64(damaged.size()));
        }
        auto* historyDialog = window_->findChild<QObject*>(QStringLiteral("practiceHistoryDialog"));
        QVERIFY(historyDialog);
        QMetaObject::invokeMethod(historyDialog, "open");
        QTRY_VERIFY(historyDialog->property("opened").toBool());
        QTRY_VERIFY(item("practiceHistoryProblem") && item("practiceHistoryProblem")->isVisible());
        const QString problem = text("practiceHistoryProblem");
        QVERIFY2(problem.contains(QStringLiteral("is damaged")) && problem.contains(path),
                 qPrintable(problem));
        auto* history = engine_->singletonInstance<PracticeHistoryStore*>(
            qmlTypeId("ArchLens", 1, 0, "PracticeHistory"));
        QVERIFY(history);
        QVERIFY(history->records().empty());
        QMetaObject::invokeMethod(historyDialog, "close");
        QTRY_VERIFY(!historyDialog->property("opened").toBool());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), damaged); // read, never written over
        file.close();
        QVERIFY(QFile::remove(path));
    }
};

int main(int argc, char** argv) {
    archlens::test::QmlMessageGuard::install();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ArchLensTests");
    QApplication::setApplicationName("practice-ui");
    QQuickStyle::setStyle("Fusion");
    PracticeUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_practice_ui.moc"
