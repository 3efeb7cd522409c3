// The drawing aids a draw.io user expects, driven through the real window with mouse and
// keyboard: alignment guides and snapping to other boxes, paste and duplicate into free
// space with a fresh name, arrows spread along a shared side, automatic layout re-fitting
// the view, and the quick-add search.
#include "diagram_geometry.h"
#include "diagram_shapes.h"
#include "diagram_view.h"
#include "document_controller.h"

#include "main_window_fixture.h"
#include "qml_message_guard.h"

#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <cmath>
#include <string>

Q_IMPORT_QML_PLUGIN(ArchLensPlugin)

using namespace archlens;
using archlens::test::findItem;

class DrawingAidsTest : public QObject {
    Q_OBJECT

    QQmlApplicationEngine* engine_ = nullptr;
    QQuickWindow* window_ = nullptr;
    DocumentController* controller_ = nullptr;
    DiagramView* view_ = nullptr;

    const Document& doc() const { return controller_->document(); }
    const Component& component(const QString& id) const {
        return *controller_->index().component(id.toStdString());
    }
    QRectF rectOf(const QString& id) const { return geometry::componentRect(component(id)); }
    /// A document point in window coordinates.
    QPoint onScreen(QPointF docPoint) const {
        return view_->mapToScene(view_->mapFromDocument(docPoint)).toPoint();
    }
    void freshDesign() {
        controller_->newDocument();
        view_->setZoom(1);
        view_->setOrigin(QPointF(0, 0));
        controller_->selection()->clear();
    }
    /// A mouse move with the left button held and `mods`, as a person's hand makes it
    /// (QTest's own moves carry no modifiers).
    void moveHeld(QPoint to, Qt::KeyboardModifiers mods) {
        QMouseEvent move(QEvent::MouseMove, QPointF(to), window_->mapToGlobal(QPointF(to)),
                         Qt::NoButton, Qt::LeftButton, mods);
        QGuiApplication::sendEvent(window_, &move);
    }

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

    /// A box dragged to 3 px off another's centre line lands on it; a guide is drawn across
    /// both while dragging and goes away on release.
    void draggingSnapsToAnotherBoxWithAGuide() {
        freshDesign();
        const QString a = controller_->addComponent("app_service", 300, 200);
        const QString b = controller_->addComponent("rdbms", 760, 520);
        const QRectF ra = rectOf(a), rb = rectOf(b);
        // Aim B's centre 3 px right of A's centre line, well below A.
        const QPointF target(ra.center().x() + 3, 420);
        const QPoint from = onScreen(rb.center());
        const QPoint to = onScreen(target);
        QTest::mouseMove(window_, from);
        QTest::mousePress(window_, Qt::LeftButton, {}, from);
        for (int i = 1; i <= 8; ++i)
            QTest::mouseMove(window_, from + (to - from) * i / 8);
        // The name tip does not follow the dragged box.
        QCOMPARE(view_->hoveredId(), QString());
        // During the drag: one vertical guide on A's centre line, spanning both boxes.
        const std::vector<QLineF> guides = view_->sceneState().guides;
        QVERIFY2(!guides.empty(), "no guide while the centres line up");
        const auto guide = std::find_if(guides.begin(), guides.end(), [&](const QLineF& g) {
            return g.x1() == g.x2() && std::abs(g.x1() - ra.center().x()) < 1e-9;
        });
        QVERIFY(guide != guides.end());
        QVERIFY(std::min(guide->y1(), guide->y2()) <= ra.top());
        QVERIFY(std::max(guide->y1(), guide->y2()) >= target.y() + rb.height() / 2 - 8);
        QTest::mouseRelease(window_, Qt::LeftButton, {}, to);
        QCOMPARE(rectOf(b).center().x(), ra.center().x());
        // The other axis went on the grid, as without guides.
        QCOMPARE(component(b).y, DocumentController::snap(component(b).y));
        QVERIFY(view_->sceneState().guides.empty());
        QVERIFY(controller_->undoText().startsWith("Move"));
    }

    /// Alt held: no snapping at all, neither to boxes nor to the grid.
    void altDisablesSnapping() {
        freshDesign();
        const QString a = controller_->addComponent("app_service", 300, 200);
        const QString b = controller_->addComponent("rdbms", 760, 520);
        const QRectF ra = rectOf(a), rb = rectOf(b);
        const QPoint from = onScreen(rb.center());
        const QPoint to = onScreen(QPointF(ra.center().x() + 3, 421));
        QTest::mouseMove(window_, from);
        QTest::mousePress(window_, Qt::LeftButton, Qt::AltModifier, from);
        for (int i = 1; i <= 8; ++i)
            moveHeld(from + (to - from) * i / 8, Qt::AltModifier);
        QVERIFY(view_->sceneState().guides.empty());
        QTest::mouseRelease(window_, Qt::LeftButton, Qt::AltModifier, to);
        QCOMPARE(rectOf(b).center().x(), ra.center().x() + 3);
        QCOMPARE(rectOf(b).center().y(), 421.0);
    }

    /// Dragging the left edge near another box's right edge sets them side by side.
    void edgesMeetEdges() {
        freshDesign();
        const QString a = controller_->addComponent("app_service", 300, 200);
        const QString b = controller_->addComponent("rdbms", 760, 520);
        const QRectF ra = rectOf(a), rb = rectOf(b);
        // B's left edge 4 px right of A's right edge, its top 2 px below A's top.
        const QPointF shift(ra.right() + 4 - rb.left(), ra.top() + 2 - rb.top());
        const QPoint from = onScreen(rb.center());
        const QPoint to = from + shift.toPoint();
        QTest::mouseMove(window_, from);
        QTest::mousePress(window_, Qt::LeftButton, {}, from);
        for (int i = 1; i <= 8; ++i)
            QTest::mouseMove(window_, from + (to - from) * i / 8);
        QCOMPARE(int(view_->sceneState().guides.size()) >= 2, true);
        QTest::mouseRelease(window_, Qt::LeftButton, {}, to);
        QCOMPARE(rectOf(b).left(), ra.right());
        QCOMPARE(rectOf(b).top(), ra.top());
    }

    /// Duplicate and paste land where they cover no box, with the next free number.
    void duplicateAndPasteGoToFreeSpaceWithAFreshName() {
        freshDesign();
        const QString api = controller_->addComponent("app_service", 300, 200);
        QVERIFY(controller_->rename(api, "Shortener API"));
        // A box right where a copy offset by one step would land.
        const QRectF r = rectOf(api);
        const QString blocker =
            controller_->addComponent("rdbms", r.center().x() + 40, r.center().y() + 40);
        QVERIFY(!blocker.isEmpty());
        QTest::mouseClick(window_, Qt::LeftButton, {}, onScreen(rectOf(api).center()));
        QCOMPARE(controller_->selection()->current(), api);

        QTest::keyClick(window_, Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(doc().components.size(), size_t(3));
        const Component first = doc().components.back();
        QCOMPARE(first.name, std::string("Shortener API 2"));
        QCOMPARE(controller_->selection()->current(), QString::fromStdString(first.id));
        // Again, from the copy: Ctrl+D keeps working and keeps numbering.
        QTest::keyClick(window_, Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(doc().components.size(), size_t(4));
        QCOMPARE(doc().components.back().name, std::string("Shortener API 3"));
        // Copy and paste the original: the next number again, and free space again.
        controller_->selection()->select(api);
        QTest::keyClick(window_, Qt::Key_C, Qt::ControlModifier);
        QTest::keyClick(window_, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(doc().components.size(), size_t(5));
        QCOMPARE(doc().components.back().name, std::string("Shortener API 4"));
        // No copy lies on any other box (the original and the blocker may touch).
        for (size_t i = 2; i < doc().components.size(); ++i)
            for (size_t j = 0; j < doc().components.size(); ++j)
                if (i != j)
                    QVERIFY2(
                        !geometry::componentRect(doc().components[i])
                             .intersects(geometry::componentRect(doc().components[j])),
                        (doc().components[i].name + " covers " + doc().components[j].name).c_str());
        // A numbered name counts on from its number.
        const QString second = QString::fromStdString(doc().components[2].id);
        controller_->selection()->select(second);
        QVERIFY(controller_->rename(second, "API 2"));
        controller_->selection()->select(second);
        QVERIFY(controller_->duplicateSelection());
        QCOMPARE(doc().components.back().name, std::string("API 3"));
        QVERIFY(controller_->duplicateSelection());
        QCOMPARE(doc().components.back().name, std::string("API 4"));
    }

    /// Three connections into one side of a box end at three points spread along it, in
    /// the order of their callers, on the canvas, in exports and for the mouse alike.
    void arrowsIntoOneBoxSpreadAlongItsSide() {
        freshDesign();
        const QString target = controller_->addComponent("rdbms", 800, 300);
        const QString top = controller_->addComponent("app_service", 200, 160);
        const QString middle = controller_->addComponent("app_service", 200, 300);
        const QString bottom = controller_->addComponent("app_service", 200, 440);
        // Connected out of order, so that the order on the side has to come from positions.
        const QString c1 = controller_->connectComponents(bottom, target);
        const QString c2 = controller_->connectComponents(top, target);
        const QString c3 = controller_->connectComponents(middle, target);
        QVERIFY(!c1.isEmpty() && !c2.isEmpty() && !c3.isEmpty());
        std::vector<QRectF> boxes;
        for (const auto& c : doc().components)
            boxes.push_back(geometry::componentRect(c));
        const auto curves = geometry::connectionCurves(doc(), boxes);
        auto endOf = [&](const QString& id) {
            const auto e = controller_->index().find(id.toStdString());
            return curves[size_t(e->row)]->points[3];
        };
        const QRectF t = rectOf(target);
        const QPointF e1 = endOf(c2), e2 = endOf(c3), e3 = endOf(c1); // top, middle, bottom
        for (const QPointF& e : {e1, e2, e3}) {
            QCOMPARE(e.x(), t.left());
            QVERIFY(e.y() > t.top() && e.y() < t.bottom());
        }
        QVERIFY2(e1.y() < e2.y() && e2.y() < e3.y(),
                 qPrintable(QString("%1 %2 %3").arg(e1.y()).arg(e2.y()).arg(e3.y())));
        // Evenly spread.
        QVERIFY(std::abs((e2.y() - e1.y()) - (e3.y() - e2.y())) < 1e-9);
        // A lone connection still meets the middle of its side.
        QCOMPARE(geometry::connectionCurve(rectOf(top), t).points[3].y(), t.center().y());

        // What the exporters draw (the same shape list, default options) ends there too.
        const DiagramShapes shapes =
            diagramShapes(doc(), controller_->editor().catalogue(), DiagramTheme::light(), {});
        QCOMPARE(shapes.connections.lines.size(), size_t(3));
        std::vector<double> ends;
        for (const LineShape& l : shapes.connections.lines) {
            QCOMPARE(l.points.back().x(), t.left());
            ends.push_back(l.points.back().y());
        }
        std::sort(ends.begin(), ends.end());
        QCOMPARE(ends, (std::vector<double>{e1.y(), e2.y(), e3.y()}));

        // Clicking each curve on its way in picks that connection.
        for (const QString& id : {c1, c2, c3}) {
            const auto e = controller_->index().find(id.toStdString());
            QTest::mouseClick(window_, Qt::LeftButton, {},
                              onScreen(curves[size_t(e->row)]->at(0.7)));
            QCOMPARE(controller_->selection()->current(), id);
        }
    }

    /// After Arrange ▸ Automatic Layout the view shows the design again, whole when its
    /// names stay readable.
    void automaticLayoutRefitsTheView() {
        freshDesign();
        const QString client = controller_->addComponent("client", 200, 200);
        const QString lb = controller_->addComponent("load_balancer", 3000, 2600);
        const QString app = controller_->addComponent("app_service", -2400, 1800);
        const QString db = controller_->addComponent("rdbms", 5200, -900);
        controller_->connectComponents(client, lb);
        controller_->connectComponents(lb, app);
        controller_->connectComponents(app, db);
        controller_->addFlow(client);
        // Looking far away, zoomed in.
        view_->setZoom(3);
        view_->setOrigin(QPointF(9000, 9000));
        QSignalSpy done(controller_, &DocumentController::layoutFinished);
        view_->forceActiveFocus();
        QTest::keyClick(window_, Qt::Key_L, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
        const QRectF shown(0, 0, view_->width(), view_->height());
        const bool readable = view_->zoom() >= DiagramView::kReadableZoom - 1e-9;
        QVERIFY(readable);
        QVERIFY(view_->zoom() <= 1.0);
        bool allShown = true;
        for (const auto& c : doc().components)
            allShown =
                allShown && shown.contains(view_->rectFromDocument(geometry::componentRect(c)));
        const bool atReadable = std::abs(view_->zoom() - DiagramView::kReadableZoom) < 1e-9;
        QVERIFY2(allShown ||
                     (atReadable && shown.contains(view_->rectFromDocument(rectOf(client)))),
                 qPrintable(QString("zoom %1").arg(view_->zoom())));
    }

    /// A letter on the canvas opens the search at the pointer; Enter adds the kind there,
    /// called from the selected component; one undo takes both away.
    void quickAddPlacesAndConnectsInOneStep() {
        freshDesign();
        const QString api = controller_->addComponent("app_service", 300, 200);
        QTest::mouseClick(window_, Qt::LeftButton, {}, onScreen(rectOf(api).center()));
        QCOMPARE(controller_->selection()->current(), api);
        QVERIFY(view_->hasActiveFocus());
        const QPointF where(700, 420);
        QTest::mouseMove(window_, onScreen(where));
        auto* popup = window_->findChild<QObject*>("quickAdd");
        QVERIFY(popup);
        QVERIFY(!popup->property("visible").toBool());

        QTest::keyClick(window_, 'c');
        QTRY_VERIFY(popup->property("visible").toBool());
        auto* field = findItem(window_->contentItem(), "quickAddField");
        QVERIFY(field);
        QTRY_VERIFY(field->hasActiveFocus());
        QCOMPARE(field->property("text").toString(), QString("c"));
        for (char ch : std::string("ach"))
            QTest::keyClick(window_, ch);
        QCOMPARE(field->property("text").toString(), QString("cach"));
        auto* list = findItem(window_->contentItem(), "quickAddList");
        QVERIFY(list);
        QTRY_VERIFY(list->property("count").toInt() >= 1);
        // The arrow keys move through the matches and back.
        QTest::keyClick(window_, Qt::Key_Down);
        QTest::keyClick(window_, Qt::Key_Up);
        QCOMPARE(list->property("currentIndex").toInt(), 0);
        const size_t components = doc().components.size();
        QTest::keyClick(window_, Qt::Key_Return);
        QTRY_VERIFY(!popup->property("visible").toBool());
        QCOMPARE(doc().components.size(), components + 1);
        const Component added = doc().components.back();
        QCOMPARE(added.kind, std::string("cache"));
        QVERIFY(geometry::componentRect(added).contains(where));
        QCOMPARE(doc().connections.size(), size_t(1));
        QCOMPARE(doc().connections[0].from, api.toStdString());
        QCOMPARE(doc().connections[0].to, added.id);
        QCOMPARE(controller_->selection()->ids(), QStringList{QString::fromStdString(added.id)});
        QTRY_VERIFY(view_->hasActiveFocus());
        // One step: one Ctrl+Z takes the cache and its connection away.
        QTest::keyClick(window_, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc().components.size(), components);
        QVERIFY(doc().connections.empty());

        // "/" opens it empty; Escape closes it and adds nothing.
        QTest::keyClick(window_, '/');
        QTRY_VERIFY(popup->property("visible").toBool());
        QCOMPARE(field->property("text").toString(), QString());
        QTest::keyClick(window_, Qt::Key_Escape);
        QTRY_VERIFY(!popup->property("visible").toBool());
        QCOMPARE(doc().components.size(), components);

        // Ctrl+K with nothing selected: the new component stands alone.
        controller_->selection()->clear();
        QTest::keyClick(window_, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(popup->property("visible").toBool());
        for (char ch : std::string("queue"))
            QTest::keyClick(window_, ch);
        QTest::keyClick(window_, Qt::Key_Return);
        QTRY_COMPARE(doc().components.size(), components + 1);
        QCOMPARE(doc().components.back().kind, std::string("message_queue"));
        QVERIFY(doc().connections.empty());

        // At the very edge of the view the box would hang out of sight: the view follows it.
        const QPoint edge(int(view_->width()) - 4, int(view_->height()) - 4);
        QTest::mouseMove(window_, view_->mapToScene(QPointF(edge)).toPoint());
        QTest::keyClick(window_, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(popup->property("visible").toBool());
        for (char ch : std::string("cache"))
            QTest::keyClick(window_, ch);
        QTest::keyClick(window_, Qt::Key_Return);
        QTRY_COMPARE(doc().components.size(), components + 2);
        const QRectF box = geometry::componentRect(doc().components.back());
        QTRY_VERIFY(QRectF(0, 0, view_->width(), view_->height())
                        .contains(QRectF(view_->mapFromDocument(box.topLeft()),
                                         view_->mapFromDocument(box.bottomRight()))));
    }

    /// Ctrl+D on the middle of a 3x3 block of boxes: the copy covers no box and lands at the
    /// nearest free place (just below the block), not far off along the diagonal; a copy
    /// placed out of sight is scrolled into view.
    void duplicateInACrowdLandsNearby() {
        freshDesign();
        QStringList block;
        for (int row = 0; row < 3; ++row)
            for (int column = 0; column < 3; ++column)
                block << controller_->addComponent("app_service", 300 + column * 216,
                                                   200 + row * 80);
        const QString middle = block[4];
        const QRectF original = rectOf(middle);
        QTest::mouseClick(window_, Qt::LeftButton, {}, onScreen(original.center()));
        QCOMPARE(controller_->selection()->current(), middle);
        QTest::keyClick(window_, Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(doc().components.size(), size_t(10));
        const QRectF copy = geometry::componentRect(doc().components.back());
        for (const QString& id : block)
            QVERIFY2(!copy.intersects(rectOf(id)), qPrintable(id));
        // The nearest free place is just below the block's bottom row, a grid step clear,
        // one preferred step (24 px) to the right; the old diagonal walk went as far down
        // and as far across.
        double blockBottom = 0;
        for (const QString& id : block)
            blockBottom = std::max(blockBottom, rectOf(id).bottom());
        // (Offsets are whole grid steps, so the first step at or past that.)
        const double grid = DocumentController::kGrid;
        const double down = std::ceil((blockBottom + grid - original.top()) / grid) * grid;
        const QPointF moved = copy.topLeft() - original.topLeft();
        const double distance = std::hypot(moved.x(), moved.y());
        QVERIFY2(distance <= std::hypot(24.0, down) + 0.5,
                 qPrintable(QString("moved by %1, %2").arg(moved.x()).arg(moved.y())));
        QCOMPARE(moved, QPointF(24, down));

        // Far out of view: duplicating scrolls to the copy.
        controller_->selection()->select(middle);
        view_->setOrigin(QPointF(-3000, -3000));
        QVERIFY(controller_->duplicateSelection());
        const QRectF second = geometry::componentRect(doc().components.back());
        const QRectF shown(view_->origin(),
                           QSizeF(view_->width(), view_->height()) / view_->zoom());
        QVERIFY2(shown.contains(second), "the copy is not in view");
    }
};

int main(int argc, char** argv) {
    archlens::test::QmlMessageGuard::install();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ArchLensTests");
    QApplication::setApplicationName("drawing-aids");
    QQuickStyle::setStyle("Fusion");
    DrawingAidsTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_drawing_aids.moc"
