// File ▸ Export in the real window: the dialog opens from the menu bar, its preview shows
// the diagram, the options reach the controller and the export writes the file.
#include "document_controller.h"
#include "export_controller.h"

#include "main_window_fixture.h"
#include "qml_message_guard.h"

#include <QApplication>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(ArchLensPlugin)

using namespace archlens;
using archlens::test::findItem;

class ExportDialogTest : public QObject {
    Q_OBJECT

private slots:
    // Any warning or error QML printed during a test fails that test.
    void cleanup() { ARCHLENS_VERIFY_NO_QML_MESSAGES(); }

    void exportFromTheWindow() {
        QQmlApplicationEngine engine;
        QQuickWindow* window = test::openMainWindow(engine, {1200, 800});
        QVERIFY(window);
        auto* documents = test::documentController(engine);
        QVERIFY(documents);
        QVERIFY(documents->openFile(ARCHLENS_RESOURCES_DIR "/examples/url-shortener.archlens"));
        documents->selection()->setIds({"link_cache", "link_store"});

        QObject* menu = window->property("menuBar").value<QObject*>();
        QVERIFY(menu);
        QObject* dialog = menu->property("exportDialog").value<QObject*>();
        QVERIFY(dialog);
        QVERIFY(QMetaObject::invokeMethod(dialog, "openFor", Q_ARG(QVariant, false)));
        QTRY_VERIFY(dialog->property("visible").toBool());
        auto* exporter = dialog->property("exporter").value<ExportController*>();
        QVERIFY(exporter);
        QCOMPARE(exporter->document(), documents);
        // With a selection, the dialog offers it first.
        QVERIFY(exporter->selectionOnly());
        QCOMPARE(int(exporter->previewDocument().components.size()), 2);

        exporter->setFormat("png");
        exporter->setScale(2);
        exporter->setBadges(true);
        QQuickItem* preview = findItem(window->contentItem(), "exportPreview");
        QVERIFY(preview);
        QTRY_VERIFY2(preview->width() > 200 && preview->height() > 200,
                     qPrintable(QStringLiteral("%1x%2").arg(preview->width()).arg(preview->height())));
        // Grabbed once the opening transition is over: while it runs the dialog is still
        // fading in over the dimmed window, and the cards are not yet white.
        QTRY_VERIFY(dialog->property("opened").toBool());
        const QImage shot = window->grabWindow();
        shot.save(QStringLiteral("/tmp/archlens-export-dialog.png"));
        // The preview shows the cards: white card fill in the middle of the preview area.
        const QPointF centre = preview->mapToScene(QPointF(preview->width() / 2, preview->height() / 2));
        int white = 0;
        for (int dx = -150; dx <= 150; dx += 10)
            for (int dy = -150; dy <= 150; dy += 10)
                white += shot.pixelColor(centre.toPoint() + QPoint(dx, dy)).lightness() > 250;
        QVERIFY2(white > 5, qPrintable(QString::number(white)));

        QTemporaryDir dir;
        const QString out = dir.filePath("part.png");
        QVERIFY(exporter->exportDiagramTo(QUrl::fromLocalFile(out)));
        QImage image(out);
        QVERIFY(!image.isNull());
        QCOMPARE(exporter->sizeText(), QStringLiteral("%1 × %2 px").arg(image.width()).arg(image.height()));
        // The open dialog shows that size, and follows a change of scale (the label reads
        // the size only while the dialog is shown).
        QQuickItem* sizeLabel = findItem(window->contentItem(), "exportSizeLabel");
        QVERIFY(sizeLabel);
        QCOMPARE(sizeLabel->property("text").toString(), exporter->sizeText());
        exporter->setScale(1);
        QCOMPARE(sizeLabel->property("text").toString(),
                 QStringLiteral("%1 × %2 px").arg(image.width() / 2).arg(image.height() / 2));
        QVERIFY(!exporter->exportDiagramTo(QUrl::fromLocalFile(dir.filePath("part.gif"))));
        QVERIFY(exporter->errorText().contains("part.gif"));
        exporter->setReportFormat("md");
        QVERIFY(exporter->exportReportTo(QUrl::fromLocalFile(dir.filePath("r.md"))));
        QVERIFY(QFile::exists(dir.filePath("r-diagram.png")));
    }
};

int main(int argc, char** argv) {
    archlens::test::QmlMessageGuard::install();
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ArchLens");
    QApplication::setApplicationName("ArchLens export dialog test");
    QQuickStyle::setStyle("Fusion");
    ExportDialogTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_export_dialog.moc"
