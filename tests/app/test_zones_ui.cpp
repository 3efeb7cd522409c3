// Zones in the real window (offscreen), with the mouse: Edit ▸ Add Zone puts a chip in the
// canvas's zone legend at once; ticking two zones in the inspector gives the box two zone
// chips; in failure mode a click on a chip (on a box or in the legend) fails the zone in
// the analysis, and another click brings it back.
#include "analysis_controller.h"
#include "canvas_shapes.h"
#include "critique_overlay.h"
#include "diagram_geometry.h"
#include "diagram_shapes.h"
#include "diagram_view.h"
#include "document_controller.h"
#include "status_palette.h"
#include "zone_geometry.h"

#include "main_window_fixture.h"
#include "qml_message_guard.h"

#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQmlListReference>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(ArchLensPlugin)

using namespace archlens;
using archlens::test::findItem;

namespace {
const QString kDesigns = QStringLiteral(ARCHLENS_TEST_DESIGNS);

/// The items of a subtree whose "text" reads `text` (menu entries' labels).
QQuickItem* withText(QQuickItem* root, const QString& text) {
    if (root->property("text").toString() == text) return root;
    for (QQuickItem* child : root->childItems())
        if (QQuickItem* found = withText(child, text)) return found;
    return nullptr;
}
} // namespace

class ZonesUiTest : public QObject {
    Q_OBJECT

    QQmlApplicationEngine* engine_ = nullptr;
    QQuickWindow* window_ = nullptr;
    DocumentController* controller_ = nullptr;
    DiagramView* view_ = nullptr;
    AnalysisController* analysis_ = nullptr;

    QQuickItem* item(const QString& name) const { return findItem(window_->contentItem(), name); }
    void clickCentre(QQuickItem* target) {
        QTest::mouseClick(
            window_, Qt::LeftButton, {},
            target->mapToScene(QPointF(target->width() / 2, target->height() / 2)).toPoint());
    }
    QPoint onScreen(QPointF docPoint) const {
        return view_->mapToScene(view_->mapFromDocument(docPoint)).toPoint();
    }
    int legendChips() const {
        auto* repeater = item("zoneLegendChips");
        return repeater ? repeater->property("count").toInt() : -1;
    }
    const Document& doc() const { return controller_->document(); }
    void waitFresh() {
        analysis_->runNow();
        QTRY_VERIFY_WITH_TIMEOUT(
            analysis_->status() == AnalysisController::Fresh && analysis_->report(), 5000);
    }
    /// Clicks the entry reading `entry` in the menu bar's menu titled `menuTitle`.
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
    /// A check box of the inspector, scrolled into view.
    QQuickItem* inspectorField(const QString& name) {
        QQuickItem* box = nullptr;
        [&] { QTRY_VERIFY((box = item(name)) != nullptr); }();
        if (!box) return nullptr;
        for (QQuickItem* p = box->parentItem(); p; p = p->parentItem())
            if (p->inherits("QQuickFlickable")) {
                const double y =
                    box->mapToItem(p->property("contentItem").value<QQuickItem*>(), QPointF(0, 0))
                        .y();
                p->setProperty("contentY", std::max(0.0, y - 40));
                break;
            }
        QTest::qWait(50);
        return box;
    }

private slots:
    // Any warning or error QML printed during a test fails that test.
    void cleanup() { ARCHLENS_VERIFY_NO_QML_MESSAGES(); }

    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        engine_ = new QQmlApplicationEngine(this);
        const test::Ui ui = test::openUi(*engine_);
        QVERIFY(ui.ok());
        window_ = ui.window;
        controller_ = ui.controller;
        view_ = ui.view;
        analysis_ = ui.analysis;
    }

    void addZoneShowsALegendChipAtOnce() {
        controller_->newDocument();
        QCOMPARE(legendChips(), 0);
        QVERIFY(!item("zoneLegend")->isVisible());

        clickMenu("Edit", "Add Zone");
        QTRY_COMPARE(legendChips(), 1);
        QCOMPARE(doc().zones.size(), size_t(1));
        const QString first = QString::fromStdString(doc().zones[0].id);
        auto* legend = item("zoneLegend");
        QVERIFY(legend->isVisible());
        // Over the canvas's top-left corner, the same size whatever the zoom.
        const QPointF corner = legend->mapToItem(view_, QPointF(0, 0));
        QVERIFY(corner.x() >= 0 && corner.x() < 20 && corner.y() >= 0 && corner.y() < 20);
        const double width = legend->width();
        view_->setZoom(0.5);
        QCOMPARE(legend->width(), width);
        view_->setZoom(1);

        clickMenu("Edit", "Add Zone");
        QTRY_COMPARE(legendChips(), 2);
        const QString second = QString::fromStdString(doc().zones[1].id);
        QVERIFY(second != first);
        auto* chip = item("zoneLegendChip_" + second);
        QVERIFY(chip && chip->isVisible());
        QCOMPARE(chip->property("color").value<QColor>(), geometry::zoneColour(1));
        QVERIFY(legend->width() > width);

        // Clicking a chip selects the zone; the inspector shows it.
        clickCentre(chip);
        QCOMPARE(controller_->selection()->current(), second);
        QTRY_COMPARE(item("inspectorHeading")->property("text").toString().contains(second), true);
        QVERIFY(chip->property("selected").toBool());

        controller_->undo();
        QTRY_COMPARE(legendChips(), 1);
    }

    void twoZonesTickedInTheInspectorGiveTheBoxTwoChips() {
        controller_->newDocument();
        const QString az1 = controller_->addZone("eu-west");
        const QString az2 = controller_->addZone("eu-west");
        const QString id = controller_->addComponent("app_service", 300, 200);
        view_->setZoom(1);
        view_->setOrigin(QPointF(0, 0));
        const double plainHeight =
            geometry::componentRect(*doc().component(id.toStdString())).height();
        // Select it with the mouse, then tick both zones in the inspector.
        QTest::mouseClick(window_, Qt::LeftButton, {}, onScreen(QPointF(300, 200)));
        QCOMPARE(controller_->selection()->current(), id);
        item("sideTabs")->setProperty("currentIndex", 0);
        for (const QString& zone : {az1, az2}) {
            QQuickItem* box = inspectorField("field_props.zones_" + zone);
            QVERIFY(box);
            clickCentre(box);
            QTRY_VERIFY(box->property("checked").toBool());
        }
        const Component& c = *doc().component(id.toStdString());
        QCOMPARE(geometry::componentZones(c),
                 (std::vector<std::string>{az1.toStdString(), az2.toStdString()}));
        // The box grew by the chip row and shows two chips, az1's and az2's, as the canvas
        // draws them (both renderers draw this list).
        const QRectF box = geometry::componentRect(c);
        QCOMPARE(box.height(), plainHeight + geometry::kZoneChipRow);
        const auto chips = geometry::zoneChips(doc(), c, box);
        QCOMPARE(chips.size(), size_t(2));
        QCOMPARE(chips[0].text, az1);
        QCOMPARE(chips[1].text, az2);
        const DiagramShapes drawn = canvasDiagramShapes(view_->sceneState(), ShapeOptions::All);
        const LabelShape* card = nullptr;
        for (const LabelShape& l : drawn.labels)
            if (l.kind == LabelShape::Component && l.row == 0) card = &l;
        QVERIFY(card);
        QCOMPARE(card->rect, box);
        const LabelContent content =
            labelContent(*card, doc(), controller_->editor().catalogue(), view_->theme());
        QStringList chipTexts;
        for (const TextShape& t : content.texts)
            if (t.font == geometry::zoneChipFont()) chipTexts << t.text;
        QCOMPARE(chipTexts, (QStringList{az1, az2}));
        int coloured = 0;
        for (const BoxShape& b : content.boxes)
            coloured += b.fill == geometry::zoneColour(0) || b.fill == geometry::zoneColour(1);
        QCOMPARE(coloured, 2);
        // Spread over two zones: no zone frame claims it.
        QVERIFY(geometry::zoneAreas(doc(), {box}).empty());

        // Selecting az2 from the legend rings its chip on the box.
        clickCentre(item("zoneLegendChip_" + az2));
        QCOMPARE(controller_->selection()->current(), az2);
        const DiagramShapes selected = canvasDiagramShapes(view_->sceneState(), ShapeOptions::All);
        bool ringed = false;
        for (const BoxShape& b : selected.selection.boxes)
            ringed =
                ringed || (b.rect.contains(chips[1].rect) && !b.rect.intersects(chips[0].rect));
        QVERIFY(ringed);
        QVERIFY(!selected.selection.lines.empty()); // the dashed frame around the box
    }

    void aChipClickInFailureModeFailsTheZoneAndAnotherRestoresIt() {
        analysis_->setFailed({});
        QVERIFY(controller_->openFile(kDesigns + "/zone-redundant.archlens"));
        view_->setZoom(1);
        view_->setOrigin(QPointF(0, 0));
        waitFresh();
        const double before = analysis_->report()->flow("read")->availability;
        const int findingsBefore = int(analysis_->report()->findings.size());

        // The failure toggle of the numbers panel.
        auto* toggle = item("failureMode");
        QVERIFY(toggle);
        clickCentre(toggle);
        QTRY_VERIFY(view_->failureMode());

        const Component& app = *doc().component("app");
        const QRectF box = geometry::componentRect(app);
        const auto chips = geometry::zoneChips(doc(), app, box);
        QCOMPARE(chips.size(), size_t(3));
        QCOMPARE(chips[0].text, QString("az1"));
        QTest::mouseClick(window_, Qt::LeftButton, {}, onScreen(chips[0].rect.center()));
        QCOMPARE(analysis_->failed(), QStringList{"az1"}); // the zone, not the box
        waitFresh();
        const double failed = analysis_->report()->flow("read")->availability;
        QVERIFY2(failed < before, qPrintable(QString("%1 -> %2").arg(before).arg(failed)));
        QVERIFY(failed > 0.9); // two zones still serve it
        QVERIFY(item("zoneLegendChip_az1")->property("failed").toBool());
        // Its chips are drawn failed on every box: framed in red.
        const DiagramShapes drawn = canvasDiagramShapes(view_->sceneState(), ShapeOptions::All);
        const QColor red = StatusPalette::light().error;
        int framed = 0;
        for (const auto& c : doc().components)
            for (const ZoneChip& chip : geometry::zoneChips(doc(), c, geometry::componentRect(c)))
                for (const BoxShape& b : drawn.critique.boxes)
                    if (chip.zone == 0 && b.stroke == red && b.rect.contains(chip.rect.center()) &&
                        b.rect.width() < chip.rect.width() + 4)
                        ++framed;
        QCOMPARE(framed, 3); // lb, app and db each have an az1 chip

        // Another click brings it back, and the numbers with it.
        QTest::mouseClick(window_, Qt::LeftButton, {}, onScreen(chips[0].rect.center()));
        QVERIFY(analysis_->failed().isEmpty());
        waitFresh();
        QCOMPARE(analysis_->report()->flow("read")->availability, before);
        QCOMPARE(int(analysis_->report()->findings.size()), findingsBefore);

        // The legend's chip does the same.
        auto* legendChip = item("zoneLegendChip_az3");
        QVERIFY(legendChip);
        clickCentre(legendChip);
        QCOMPARE(analysis_->failed(), QStringList{"az3"});
        QTRY_VERIFY(legendChip->property("failed").toBool());
        waitFresh();
        QVERIFY(analysis_->report()->flow("read")->availability < before);
        clickCentre(legendChip);
        QVERIFY(analysis_->failed().isEmpty());
        QTRY_VERIFY(!legendChip->property("failed").toBool());
        QCOMPARE(controller_->selection()->current(), QString()); // failure mode selects nothing

        clickCentre(toggle);
        QTRY_VERIFY(!view_->failureMode());
    }
};

int main(int argc, char** argv) {
    archlens::test::QmlMessageGuard::install();
    QQuickStyle::setStyle("Fusion");
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ArchLensTests");
    QApplication::setApplicationName("zones-ui");
    ZonesUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_zones_ui.moc"
