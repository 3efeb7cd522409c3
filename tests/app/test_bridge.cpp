// The QML-facing bridge: the list models follow edits row by row and stay consistent
// (QAbstractItemModelTester), a broken file leaves the open document as it was, and an
// accepted trade-off is one undo step that the next critique marks.
#include "analysis_controller.h"
#include "document_controller.h"
#include "finding_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace archlens;

class BridgeTest : public QObject {
    Q_OBJECT

    static QString example(const char* name) {
        return QStringLiteral(ARCHLENS_RESOURCES_DIR "/examples/") + name + ".archlens";
    }

    /// Runs the analysis now and waits for a report newer than `previous`.
    static std::shared_ptr<const Report>
    freshReport(AnalysisController& analysis, const std::shared_ptr<const Report>& previous) {
        analysis.runNow();
        if (!QTest::qWaitFor(
                [&] {
                    return analysis.status() == AnalysisController::Fresh &&
                           analysis.report() != previous;
                },
                10000))
            return nullptr;
        return analysis.report();
    }

    static const Finding* findingOf(const Report& report, const std::string& rule) {
        for (const auto& f : report.findings)
            if (f.rule == rule) return &f;
        return nullptr;
    }

private slots:
    void opensAnExample() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("url-shortener")));
        QCOMPARE(controller.title(), QStringLiteral("URL shortener"));
        QCOMPARE(controller.components()->count(),
                 int(controller.editor().document().components.size()));
        QVERIFY(controller.components()->count() >= 8);
        const QModelIndex first = controller.components()->index(0);
        QCOMPARE(first.data(ComponentModel::IdRole).toString(),
                 QString::fromStdString(controller.editor().document().components[0].id));
        QVERIFY(first.data(ComponentModel::IconRole).toString().startsWith("qrc:/icons/"));
        QVERIFY(controller.errorText().isEmpty());
        QVERIFY(controller.bounds().width() > 0);
    }

    void brokenFileKeepsTheDocument() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("chat-system")));
        const std::string before = controller.editor().document().title;
        QSignalSpy errors(&controller, &DocumentController::errorChanged);
        QVERIFY(!controller.openFile(QStringLiteral(
            ARCHLENS_RESOURCES_DIR "/../tests/app/malformed/dangling-reference.archlens")));
        QCOMPARE(errors.count(), 1);
        QVERIFY(controller.errorText().contains("/connections/0/to"));
        QCOMPARE(controller.editor().document().title, before);
        QVERIFY(controller.filePath().endsWith("chat-system.archlens"));
    }

    void modelsFollowEditsAndUndo() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("ecommerce-checkout")));
        QAbstractItemModelTester componentTester(
            controller.components(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester connectionTester(
            controller.connections(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        Editor& editor = controller.editor();
        const int components = controller.components()->count();
        const int connections = controller.connections()->count();

        auto added = editor.addComponent(
            {"", "cache", "Session cache", 10, 10, Json::object(), Json::object(), {}, {}});
        QVERIFY(added.ok());
        QCOMPARE(controller.components()->count(), components + 1);
        const int row = controller.components()->indexOfId(QString::fromStdString(added.id));
        QCOMPARE(controller.components()->index(row).data(ComponentModel::NameRole).toString(),
                 QStringLiteral("Session cache"));

        // Moving a component moves the end of its connections.
        const auto& firstConn = editor.document().connections.front();
        const QString from = QString::fromStdString(firstConn.from);
        const double before =
            controller.connections()->index(0).data(ConnectionModel::X1Role).toDouble();
        QSignalSpy changed(controller.connections(), &QAbstractItemModel::dataChanged);
        const int fromRow = controller.components()->indexOfId(from);
        const double x =
            controller.components()->index(fromRow).data(ComponentModel::XRole).toDouble();
        QVERIFY(editor.move({{{ElementType::Component, firstConn.from}, x + 100, 0}}).ok());
        QVERIFY(changed.count() >= 1);
        QVERIFY(controller.connections()->index(0).data(ConnectionModel::X1Role).toDouble() !=
                before);

        // A compound delete, then undo of everything.
        QVERIFY(editor.removeElements({{ElementType::Component, firstConn.from}}).ok());
        QVERIFY(controller.connections()->count() < connections);
        while (editor.canUndo())
            editor.undo();
        QCOMPARE(controller.components()->count(), components);
        QCOMPARE(controller.connections()->count(), connections);
        QVERIFY(!controller.modified());
    }

    void acknowledgingAFindingIsOneStepAndMarksIt() {
        DocumentController controller;
        QVERIFY(controller.openFile(example("url-shortener")));
        AnalysisController analysis;
        analysis.setController(&controller);
        auto before = freshReport(analysis, nullptr);
        QVERIFY(before);
        const Finding* storm = findingOf(*before, "retry-storm");
        QVERIFY(storm);
        QVERIFY(!storm->acknowledged);
        QVERIFY(storm->subjects.size() >= 2);
        QStringList subjects;
        for (auto it = storm->subjects.rbegin(); it != storm->subjects.rend(); ++it)
            subjects << QString::fromStdString(*it); // the other way round still names it

        const size_t steps = controller.editor().history().size();
        QSignalSpy history(&controller, &DocumentController::historyChanged);
        QVERIFY(controller.acknowledgeFinding("retry-storm", subjects, "bounded by the LB"));
        QCOMPARE(controller.editor().history().size(), steps + 1);
        QCOMPARE(controller.undoText(), QStringLiteral("Accept trade-off"));
        QVERIFY(controller.modified());
        QVERIFY(history.count() >= 1);
        QCOMPARE(controller.acknowledgementNote("retry-storm", subjects).toString(),
                 QStringLiteral("bounded by the LB"));
        QVERIFY(controller.acknowledgementNote("single-point-of-failure", subjects).isNull());

        auto marked = freshReport(analysis, before);
        QVERIFY(marked);
        int accepted = 0;
        for (const auto& f : marked->findings)
            if (f.acknowledged) {
                ++accepted;
                QCOMPARE(f.rule, std::string("retry-storm"));
                QCOMPARE(*f.acknowledged, std::string("bounded by the LB"));
            }
        QCOMPARE(accepted, 1);

        // The critique rows say so too.
        FindingModel findings;
        findings.setAnalysis(&analysis);
        findings.setRule("retry-storm");
        QCOMPARE(findings.count(), 1);
        QCOMPARE(findings.index(0).data(FindingModel::AcknowledgedRole).toBool(), true);
        QCOMPARE(findings.index(0).data(FindingModel::AcknowledgementRole).toString(),
                 QStringLiteral("bounded by the LB"));

        // Changing the note and withdrawing are a step each; undo reopens the finding.
        QVERIFY(controller.acknowledgeFinding("retry-storm", subjects, "revisit at 10x"));
        QCOMPARE(controller.editor().history().size(), steps + 2);
        QVERIFY(controller.withdrawAcknowledgement("retry-storm", subjects));
        QCOMPARE(controller.editor().history().size(), steps + 3);
        QVERIFY(!controller.withdrawAcknowledgement("retry-storm", subjects));
        QVERIFY(!controller.acknowledgeFinding("", subjects, "no rule"));
        QCOMPARE(controller.editor().history().size(), steps + 3);
        controller.undo();
        controller.undo();
        controller.undo();
        QVERIFY(controller.editor().document().acknowledgements.empty());
        auto reopened = freshReport(analysis, marked);
        QVERIFY(reopened);
        QVERIFY(!findingOf(*reopened, "retry-storm")->acknowledged);
        QVERIFY(!controller.modified());
    }
};

QTEST_MAIN(BridgeTest)
#include "test_bridge.moc"
