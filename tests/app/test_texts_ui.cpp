// Texts a person reads in the real window: counts in the status line, the status bar and
// the undo texts say "1 item" and "2 items", never "1 items"; the design's title field
// shows the start of a long title.
#include "diagram_view.h"
#include "document_controller.h"

#include "main_window_fixture.h"
#include "qml_message_guard.h"

#include <QApplication>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQmlExpression>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <algorithm>

Q_IMPORT_QML_PLUGIN(ArchLensPlugin)

using namespace archlens;
using archlens::test::findItem;

class TextsTest : public QObject {
    Q_OBJECT

    QQmlApplicationEngine* engine_ = nullptr;
    QQuickWindow* window_ = nullptr;
    DocumentController* controller_ = nullptr;
    DiagramView* view_ = nullptr;

    QQuickItem* item(const QString& name) const { return findItem(window_->contentItem(), name); }
    QString textOf(const QString& name) const { return item(name)->property("text").toString(); }

private slots:
    void cleanup() { ARCHLENS_VERIFY_NO_QML_MESSAGES(); }

    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        engine_ = new QQmlApplicationEngine(this);
        const test::Ui ui = test::openUi(*engine_);
        QVERIFY(ui.ok());
        window_ = ui.window;
        controller_ = ui.controller;
        view_ = ui.view;
        ARCHLENS_VERIFY_NO_QML_MESSAGES();
    }

    /// One of a thing is singular, several plural: in the status after copy, paste,
    /// delete and layout, in the undo texts and in the status bar's counts.
    void countsAgreeWithTheirNouns() {
        controller_->newDocument();
        view_->setZoom(1);
        view_->setOrigin(QPointF(0, 0));
        const QString api = controller_->addComponent("app_service", 300, 200);
        QVERIFY(controller_->rename(api, "Shortener API"));
        QCOMPARE(textOf("documentCounts"), QStringLiteral("1 component · 0 connections · 0 zones"));

        controller_->selection()->select(api);
        QTest::keyClick(window_, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(controller_->status(), QStringLiteral("Copied Shortener API"));
        QTest::keyClick(window_, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(controller_->status(), QStringLiteral("Pasted Shortener API 2"));
        QCOMPARE(controller_->undoText(), QStringLiteral("Paste 1 item"));
        QTRY_COMPARE(textOf("documentCounts"),
                     QStringLiteral("2 components · 0 connections · 0 zones"));

        const QString note = controller_->addNote(700, 200, "Hot keys");
        controller_->selection()->setIds({api, note});
        QTest::keyClick(window_, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(controller_->status(), QStringLiteral("Copied 1 component and 1 note"));
        QTest::keyClick(window_, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(controller_->status(), QStringLiteral("Pasted 2 items"));
        QCOMPARE(controller_->undoText(), QStringLiteral("Paste 2 items"));
        controller_->selection()->setIds({note});
        QTest::keyClick(window_, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(controller_->status(), QStringLiteral("Copied 1 note"));

        // Two arrow-key moves of two boxes: "Move 2 items"; of one: named.
        QVERIFY(controller_->moveElements({api, note}, 48, 0));
        QCOMPARE(controller_->undoText(), QStringLiteral("Move 2 items"));
        QVERIFY(controller_->deleteElements({note}));
        QCOMPARE(controller_->status(), QStringLiteral("Deleted note"));
        const QString db = controller_->addComponent("rdbms", 700, 500);
        QVERIFY(controller_->deleteElements({api, db}));
        QCOMPARE(controller_->status(), QStringLiteral("Deleted 2 items"));
        QCOMPARE(controller_->undoText(), QStringLiteral("Delete 2 items"));

        // The critique summary: "1 warning", never "1 warnings", whatever the counts are.
        QVERIFY(controller_->openFile(
            QStringLiteral(ARCHLENS_RESOURCES_DIR "/examples/url-shortener.archlens")));
        QTRY_VERIFY_WITH_TIMEOUT(
            test::liveCritique(*engine_)->status() == AnalysisController::Fresh, 10000);
        const QString summary = textOf("critiqueSummary");
        const QRegularExpression count(QStringLiteral("(\\d+) (error|warning)(s?)\\b"));
        int seen = 0;
        for (auto m = count.globalMatch(summary); m.hasNext(); ++seen) {
            const auto match = m.next();
            QVERIFY2((match.captured(1) == "1") == match.captured(3).isEmpty(),
                     qPrintable(summary));
        }
        QCOMPARE(seen, 2);
        QVERIFY2(textOf("documentCounts")
                     .contains(QRegularExpression(
                         QStringLiteral("^\\d+ components · \\d+ connections · \\d+ zones?$"))),
                 qPrintable(textOf("documentCounts")));
    }

    /// A long title in the Inspector (nothing selected) shows its start after loading and
    /// after being edited and left, not its end.
    void longTitleShowsItsStart() {
        QTemporaryDir dir;
        const QString path = dir.filePath("long-title.archlens");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "archlens", "version": 1,
            "title": "Global URL shortener with analytics, custom domains and expiring links for a very large audience",
            "components": [{"id": "api", "kind": "app_service", "name": "API", "x": 300, "y": 200}]})");
        file.close();
        QVERIFY(controller_->openFile(path));
        controller_->selection()->clear();
        item("sideTabs")->setProperty("currentIndex", 0);
        QQuickItem* title = nullptr;
        QTRY_VERIFY((title = item("field_title")) && title->isVisible() && title->width() > 0);
        // Far longer than the field: it scrolls, and the first character is at its left edge.
        QVERIFY(title->property("contentWidth").toReal() > title->width());
        // The character at the field's left edge (positionAt is callable from QML only).
        const auto leftmost = [title] {
            QQmlExpression at(qmlContext(title), title,
                              QStringLiteral("positionAt(leftPadding + 1, height / 2)"));
            return at.evaluate().toInt();
        };
        QCOMPARE(title->property("cursorPosition").toInt(), 0);
        QCOMPARE(leftmost(), 0);

        // Clicked into, sent to the end, then left with Tab: the start shows again.
        const QPointF centre = title->mapToScene(QPointF(title->width() / 2, title->height() / 2));
        QTest::mouseClick(window_, Qt::LeftButton, {}, centre.toPoint());
        QTRY_VERIFY(title->hasActiveFocus());
        QTest::keyClick(window_, Qt::Key_End);
        QVERIFY(leftmost() > 0);
        QTest::keyClick(window_, Qt::Key_Tab);
        QTRY_VERIFY(!title->hasActiveFocus());
        QCOMPARE(leftmost(), 0);
        QCOMPARE(controller_->title().left(10), QStringLiteral("Global URL"));
    }

    /// A typed availability target reads the same in the inspector and in the finding that
    /// quotes it, including digits the computed figures would cut off.
    void critiqueQuotesTheTargetAsTheInspectorShowsIt() {
        QVERIFY(controller_->openFile(
            QStringLiteral(ARCHLENS_RESOURCES_DIR "/examples/url-shortener.archlens")));
        controller_->selection()->clear();
        item("sideTabs")->setProperty("currentIndex", 0);
        QQuickItem* target = nullptr;
        QTRY_VERIFY((target = item("field_requirements.availability")) && target->isVisible() &&
                    target->width() > 0);
        QTest::mouseClick(
            window_, Qt::LeftButton, {},
            target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
        QTRY_VERIFY(target->hasActiveFocus());
        QTest::keyClick(window_, Qt::Key_A, Qt::ControlModifier);
        for (const QChar ch : QStringLiteral("99.99123%"))
            QTest::keyClick(window_, ch.toLatin1());
        QTest::keyClick(window_, Qt::Key_Return);
        QTRY_COMPARE(controller_->document().requirements.availability.value_or(0), 0.9999123);
        QTRY_COMPARE(target->property("text").toString(), QStringLiteral("99.99123%"));
        AnalysisController* critique = test::liveCritique(*engine_);
        QTRY_VERIFY_WITH_TIMEOUT(
            critique->status() == AnalysisController::Fresh && critique->report() &&
                std::any_of(critique->report()->findings.begin(),
                            critique->report()->findings.end(),
                            [](const Finding& f) { return f.rule == "availability-below-target"; }),
            10000);
        for (const Finding& f : critique->report()->findings)
            if (f.rule == "availability-below-target")
                QVERIFY2(QString::fromStdString(f.title + " " + f.message)
                             .contains(QStringLiteral("99.99123%")),
                         f.message.c_str());
    }
};

int main(int argc, char** argv) {
    archlens::test::QmlMessageGuard::install();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ArchLensTests");
    QApplication::setApplicationName("texts");
    QQuickStyle::setStyle("Fusion");
    TextsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_texts_ui.moc"
