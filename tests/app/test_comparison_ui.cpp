// A comparison in the real window (offscreen): an example compared with a copy of it that
// names one box differently and has one box more. The banner counts one changed and one
// removed; the changed box is framed in the theme's amber (light and dark) in the window's
// picture and the removed one is ghosted in red where it was; adding a box to the design
// updates the counts; a report exported from the window includes the comparison; the
// prompts' reference designs are offered and compared with; End Comparison clears it all.
#include "comparison_controller.h"
#include "comparison_overlay.h"
#include "diagram_geometry.h"
#include "diagram_theme.h"
#include "diagram_view.h"
#include "document_controller.h"
#include "export_controller.h"
#include "report_content.h"
#include "report_pdf.h"
#include "status_palette.h"

#include "main_window_fixture.h"
#include "qml_message_guard.h"

#include "archlens/model/document_io.h"

#include <QApplication>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlListReference>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(ArchLensPlugin)

using namespace archlens;
using archlens::test::findItem;

namespace {

QQuickItem* withText(QQuickItem* root, const QString& text) {
    if (root->property("text").toString() == text) return root;
    for (QQuickItem* child : root->childItems())
        if (QQuickItem* found = withText(child, text)) return found;
    return nullptr;
}

/// Whether two colours are within a few steps of each other on every channel.
bool near(QColor a, QColor b, int tolerance = 12) {
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

class ComparisonUiTest : public QObject {
    Q_OBJECT

    QQmlApplicationEngine* engine_ = nullptr;
    QQuickWindow* window_ = nullptr;
    DocumentController* controller_ = nullptr;
    DiagramView* view_ = nullptr;
    ComparisonController* comparison_ = nullptr;
    QTemporaryDir dir_;
    QString copy_;
    QRectF ghost_;

    QQuickItem* item(const QString& name) const { return findItem(window_->contentItem(), name); }
    void clickCentre(QQuickItem* target) {
        QTest::mouseClick(
            window_, Qt::LeftButton, {},
            target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
    }
    void clickMenu(const QString& menuTitle, const QString& entry) {
        auto* bar = qvariant_cast<QObject*>(window_->property("menuBar"));
        QVERIFY(bar);
        QQmlListReference menus(bar, "menus");
        QObject* menu = nullptr;
        for (qsizetype i = 0; i < menus.count(); ++i)
            if (menus.at(i)->property("title").toString().remove('&') == menuTitle)
                menu = menus.at(i);
        QVERIFY2(menu, qPrintable(menuTitle));
        QMetaObject::invokeMethod(menu, "open");
        QTRY_VERIFY(menu->property("opened").toBool());
        QQuickItem* found = nullptr;
        for (int i = 0; i < menu->property("count").toInt() && !found; ++i) {
            QQuickItem* e = nullptr;
            QMetaObject::invokeMethod(menu, "itemAt", Q_RETURN_ARG(QQuickItem*, e), Q_ARG(int, i));
            if (e && (e->property("text").toString().remove('&') == entry || withText(e, entry)))
                found = e;
        }
        QVERIFY2(found, qPrintable(entry));
        clickCentre(found);
        QTRY_VERIFY(!menu->property("visible").toBool());
    }
    /// The colour the window shows at a document point.
    QColor shownAt(QPointF docPoint) {
        QTest::qWait(50);
        const QImage shot = window_->grabWindow();
        const QPointF p =
            view_->mapToScene(view_->mapFromDocument(docPoint)) * shot.devicePixelRatio();
        return shot.pixelColor(p.toPoint());
    }
    QRectF boxOf(const char* id) const {
        return geometry::componentRect(*controller_->document().component(id));
    }

private slots:
    void cleanup() { ARCHLENS_VERIFY_NO_QML_MESSAGES(); }

    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        engine_ = new QQmlApplicationEngine(this);
        const test::Ui ui = test::openUi(*engine_, {1400, 900});
        QVERIFY(ui.ok());
        window_ = ui.window;
        controller_ = ui.controller;
        view_ = ui.view;
        comparison_ = window_->findChild<ComparisonController*>(QStringLiteral("comparison"));
        QVERIFY(comparison_);
        QCOMPARE(view_->comparison(), comparison_);

        // The copy: the gateway named otherwise, and a box the example does not have, far
        // to the right of everything else.
        QVERIFY(controller_->openFile(QStringLiteral(":/examples/url-shortener.archlens")));
        Document other = controller_->document();
        Component* gateway = nullptr;
        for (auto& c : other.components)
            if (c.id == "gateway") gateway = &c;
        QVERIFY(gateway);
        gateway->name = "Edge gateway";
        double right = 0;
        for (const auto& c : other.components)
            right = std::max(right, geometry::componentRect(c).right());
        Component cache;
        cache.id = "old-cache";
        cache.kind = "cache";
        cache.name = "Old cache";
        cache.x = right + 200;
        cache.y = gateway->y;
        other.components.push_back(cache);
        ghost_ = geometry::componentRect(other.components.back());
        copy_ = dir_.filePath(QStringLiteral("other.archlens"));
        QFile out(copy_);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QByteArray::fromStdString(writeDocument(other)));
    }

    void comparingShowsTheCountsAndColoursTheCanvas() {
        QVERIFY(!comparison_->active());
        QVERIFY(!item("comparisonBanner")->isVisible());
        QVERIFY(comparison_->compareWithFile(copy_));
        QVERIFY(comparison_->active());
        QCOMPARE(comparison_->changedCount(), 1);
        QCOMPARE(comparison_->removedCount(), 1);
        QCOMPARE(comparison_->addedCount(), 0);
        QCOMPARE(comparison_->diff().changed[0].element.id, std::string("gateway"));
        QTRY_VERIFY(item("comparisonBanner")->isVisible());
        QCOMPARE(comparison_->summary(),
                 QStringLiteral("Compared with other.archlens: 0 added, 1 removed, 1 changed"));
        QCOMPARE(item("comparisonWith")->property("text").toString(),
                 QStringLiteral("Compared with other.archlens:"));
        QCOMPARE(item("comparisonCounts")->property("text").toString(),
                 QStringLiteral("0 added, 1 removed, 1 changed"));

        // The changed box, framed in amber just outside its edge; the removed one ghosted
        // in red where it was.
        controller_->selection()->clear();
        view_->setZoom(1);
        const QRectF gateway = boxOf("gateway");
        view_->setOrigin(gateway.center() - QPointF(300, 300));
        const QColor amber = StatusPalette::light().warning;
        const QPointF frame(gateway.left() - 3, gateway.center().y());
        QTRY_VERIFY2(near(shownAt(frame), amber), qPrintable(shownAt(frame).name()));
        view_->setOrigin(ghost_.center() - QPointF(300, 300));
        const QColor ghostEdge = shownAt(QPointF(ghost_.left(), ghost_.center().y()));
        QVERIFY2(ghostEdge.red() > ghostEdge.green() + 60, qPrintable(ghostEdge.name()));
        // Its name written in it, struck through.
        QTRY_VERIFY(item("comparisonGhost"));
        QCOMPARE(item("comparisonGhost")->property("text").toString(), QStringLiteral("Old cache"));
        // Only drawn: the ghost is no element of the design and takes no click.
        QCOMPARE(view_->elementAt(view_->mapFromDocument(ghost_.center())), QString());
        QVERIFY(!controller_->document().component("old-cache"));

        // Dark theme: the dark palette's amber.
        QObject* settings = window_->findChild<QObject*>(QStringLiteral("settings"));
        QVERIFY(settings);
        settings->setProperty("theme", "dark");
        QTRY_VERIFY(view_->dark());
        view_->setOrigin(gateway.center() - QPointF(300, 300));
        const QColor darkAmber = StatusPalette::dark().warning;
        QTRY_VERIFY2(near(shownAt(frame), darkAmber), qPrintable(shownAt(frame).name()));
        settings->setProperty("theme", "light");
        QTRY_VERIFY(!view_->dark());
    }

    void editingUpdatesTheComparison() {
        QVERIFY(comparison_->active());
        const QString id = controller_->addComponent("cache", 100, 900);
        QTRY_COMPARE(comparison_->addedCount(), 1);
        QVERIFY(comparison_->overlay().added.contains(id));
        QTRY_VERIFY(item("comparisonCounts")->property("text").toString().startsWith("1 added"));
        controller_->undo();
        QTRY_COMPARE(comparison_->addedCount(), 0);
    }

    void aReportExportedFromTheWindowIncludesTheComparison() {
        auto* exporter = window_->findChild<ExportController*>();
        QVERIFY(exporter);
        QCOMPARE(exporter->comparison(), comparison_);
        const QString path = dir_.filePath(QStringLiteral("report.md"));
        QVERIFY2(exporter->exportReportToPath(path), qPrintable(exporter->errorText()));
        QFile in(path);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(in.readAll());
        QVERIFY(text.contains(QStringLiteral("## Compared with other.archlens")));
        QVERIFY(text.contains(QStringLiteral("Name: Edge gateway → API gateway")));
    }

    void thePdfReportCarriesTheComparison() {
        const ReportComparison comparison{QStringLiteral("other.archlens"), comparison_->diff()};
        const Report report = critique(controller_->document(), Catalogue::builtin());
        QTextDocument text;
        layoutReportForPrint(text, controller_->document(), report, {}, &comparison);
        const QString plain = text.toPlainText();
        QVERIFY(plain.contains(QStringLiteral("Compared with other.archlens")));
        QVERIFY(plain.contains(QStringLiteral("Name: Edge gateway → API gateway")));
        QVERIFY(plain.contains(QStringLiteral("Removed (1)")));
    }

    void endComparisonFromTheMenuClearsIt() {
        clickMenu("File", "End Comparison");
        QVERIFY(!comparison_->active());
        QTRY_VERIFY(!item("comparisonBanner")->isVisible());
        QTRY_VERIFY(!item("comparisonGhost"));
        view_->setOrigin(boxOf("gateway").center() - QPointF(300, 300));
        const QRectF gateway = boxOf("gateway");
        const QColor plain = shownAt(QPointF(gateway.left() - 3, gateway.center().y()));
        QVERIFY2(!near(plain, StatusPalette::light().warning), qPrintable(plain.name()));
    }

    void referenceDesignsOfThePrompts() {
        const QVariantList prompts = comparison_->prompts();
        QVERIFY(!prompts.isEmpty());
        QString shortener;
        for (const QVariant& p : prompts)
            if (p.toMap().value("id").toString() == "url-shortener")
                shortener = p.toMap().value("title").toString();
        QVERIFY(!shortener.isEmpty());
        QVERIFY(comparison_->compareWithPrompt(QStringLiteral("url-shortener")));
        QVERIFY(comparison_->otherName().contains(shortener));
        QTRY_VERIFY(item("comparisonBanner")->isVisible());
        QVERIFY(!comparison_->compareWithPrompt(QStringLiteral("no-such-prompt")));
        QVERIFY(comparison_->errorText().contains("no-such-prompt"));
        QVERIFY(comparison_->active()); // the comparison shown stays
        QTRY_VERIFY(item("comparisonError")->isVisible());
        QTest::qWait(100); // the banner grew by the error's line: let it be laid out
        // The banner keeps its button on the canvas whatever the length of the name.
        QQuickItem* banner = item("comparisonBanner");
        const QRectF onCanvas =
            banner->mapRectToItem(view_, QRectF(0, 0, banner->width(), banner->height()));
        QVERIFY(QRectF(0, 0, view_->width(), view_->height()).contains(onCanvas));
        QQuickItem* end = item("endComparisonButton");
        QVERIFY(banner->mapRectFromItem(end, QRectF(0, 0, end->width(), end->height())).right() <=
                banner->width());
        clickCentre(item("endComparisonButton"));
        QTRY_VERIFY(!comparison_->active());
    }

    void aFileThatCannotBeReadIsNamed() {
        const QString broken = dir_.filePath(QStringLiteral("broken.archlens"));
        QFile out(broken);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{ \"format\": ");
        out.close();
        QVERIFY(!comparison_->compareWithFile(broken));
        QVERIFY(comparison_->errorText().contains("broken.archlens"));
        QVERIFY(!comparison_->active());
        // The banner says why, until dismissed.
        QTRY_VERIFY(item("comparisonBanner")->isVisible());
        QVERIFY(item("comparisonError")->property("text").toString().contains("broken.archlens"));
        clickCentre(item("dismissComparisonError"));
        QTRY_VERIFY(!item("comparisonBanner")->isVisible());
        QCOMPARE(comparison_->errorText(), QString());
    }
};

int main(int argc, char** argv) {
    archlens::test::QmlMessageGuard::install();
    QQuickStyle::setStyle("Fusion");
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ArchLensTests");
    QApplication::setApplicationName("comparison-ui");
    ComparisonUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_comparison_ui.moc"
