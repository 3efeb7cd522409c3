// The QML-facing bridge: the list models follow edits row by row and stay consistent
// (QAbstractItemModelTester), and a broken file leaves the open document as it was.
#include "document_controller.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace archlens;

class BridgeTest : public QObject {
    Q_OBJECT

    static QString example(const char* name) {
        return QStringLiteral(ARCHLENS_RESOURCES_DIR "/examples/") + name + ".archlens";
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
            {"", "cache", "Session cache", 10, 10, Json::object(), Json::object()});
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
};

QTEST_MAIN(BridgeTest)
#include "test_bridge.moc"
