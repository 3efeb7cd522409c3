// The editor driven like a person drives it: mouse and keyboard events sent to the real
// main window (offscreen), with each step checked against the document.
#include "analysis_controller.h"
#include "diagram_geometry.h"
#include "diagram_view.h"
#include "document_controller.h"
#include "finding_model.h"

#include "main_window_fixture.h"
#include "qml_message_guard.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(ArchLensPlugin)

using namespace archlens;
using archlens::test::findItem;

class EditorUiTest : public QObject {
    Q_OBJECT

    QQmlApplicationEngine* engine_ = nullptr;
    QQuickWindow* window_ = nullptr;
    DocumentController* controller_ = nullptr;
    DiagramView* view_ = nullptr;

    const Document& doc() const { return controller_->document(); }
    const Component* byName(const std::string& name) const {
        for (const auto& c : doc().components)
            if (c.name == name) return &c;
        return nullptr;
    }
    /// A document point in window coordinates.
    QPoint onScreen(QPointF docPoint) const {
        return view_->mapToScene(view_->mapFromDocument(docPoint)).toPoint();
    }
    QPoint centreOf(const Component& c) const {
        return onScreen(geometry::componentRect(c).center());
    }
    /// Drags with the left button in steps; the caller waits for what the drop does. The
    /// steps need no pause: each move is handled before mouseMove returns, and a Drag's drop
    /// carries its last position.
    void drag(QPoint from, QPoint to, Qt::KeyboardModifiers mods = {}) {
        QTest::mousePress(window_, Qt::LeftButton, mods, from);
        const int steps = 8;
        for (int i = 1; i <= steps; ++i) {
            QTest::mouseMove(window_, from + (to - from) * i / steps);
        }
        QTest::mouseRelease(window_, Qt::LeftButton, mods, to);
    }
    /// The palette's entry for `kind`, once the palette has laid it out.
    QQuickItem* paletteEntry(const QString& kind) {
        QQuickItem* entry = nullptr;
        const bool shown = QTest::qWaitFor(
            [&] {
                entry = findItem(window_->contentItem(), "palette_" + kind);
                return entry && entry->isVisible() && entry->width() > 0 && entry->height() > 0;
            },
            5000);
        return shown ? entry : nullptr;
    }
    /// A fresh design with two components at known places, at 100% zoom.
    void twoComponents() {
        controller_->newDocument();
        QVERIFY(!controller_->addComponent("app_service", 200, 200).isEmpty());
        QVERIFY(!controller_->addComponent("rdbms", 600, 200).isEmpty());
        view_->setZoom(1);
        view_->setOrigin(QPointF(0, 0));
        controller_->selection()->clear();
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
    }

    void dropFromPaletteCreatesAComponentWhereDropped() {
        controller_->newDocument();
        view_->setZoom(1);
        view_->setOrigin(QPointF(0, 0));
        auto* entry = paletteEntry("cache");
        QVERIFY(entry);
        const QPoint from =
            entry->mapToScene(QPointF(entry->width() / 2, entry->height() / 2)).toPoint();
        const QPointF dropDoc(500, 300);
        drag(from, onScreen(dropDoc));
        QTRY_COMPARE(doc().components.size(), size_t(1));
        const Component& c = doc().components.front();
        QCOMPARE(c.kind, std::string("cache"));
        // Centred on the drop point, corner on the 8 px grid.
        const QRectF box = geometry::componentRect(c);
        QCOMPARE(c.x, DocumentController::snap(dropDoc.x() - box.width() / 2));
        QCOMPARE(c.y, DocumentController::snap(dropDoc.y() - box.height() / 2));
        QCOMPARE(controller_->selection()->current(), QString::fromStdString(c.id));
        QVERIFY(controller_->canUndo());
        controller_->undo();
        QVERIFY(doc().components.empty());
    }

    void droppingIntoAZoneAreaPutsTheComponentInThatZone() {
        controller_->newDocument();
        view_->setZoom(1);
        view_->setOrigin(QPointF(0, 0));
        const QString east = controller_->addZone("eu");
        const QString west = controller_->addZone("eu");
        const QString a = controller_->addComponent("app_service", 200, 200);
        const QString b = controller_->addComponent("app_service", 900, 200);
        QVERIFY(controller_->setAttribute(a, "props.zones", QStringList{east}));
        QVERIFY(controller_->setAttribute(b, "props.zones", QStringList{west}));
        // Below a, inside east's area (which grows with its members, so aim inside the box).
        auto* entry = paletteEntry("cache");
        QVERIFY(entry);
        const QPoint from =
            entry->mapToScene(QPointF(entry->width() / 2, entry->height() / 2)).toPoint();
        drag(from, onScreen(QPointF(200, 215)));
        QTRY_COMPARE(doc().components.size(), size_t(3));
        const Component& dropped = doc().components.back();
        QCOMPARE(dropped.kind, std::string("cache"));
        QCOMPARE(geometry::componentZones(dropped), std::vector<std::string>{east.toStdString()});
        // Moving it into the other zone's area moves it into that zone.
        const QString id = QString::fromStdString(dropped.id);
        QVERIFY(controller_->moveElements({id}, 700, 0));
        QCOMPARE(geometry::componentZones(*controller_->index().component(id.toStdString())),
                 std::vector<std::string>{west.toStdString()});
        QVERIFY(controller_->undoText().startsWith("Move"));
    }

    void draggingFromTheHandleConnects() {
        twoComponents();
        const Component a = doc().components[0], b = doc().components[1];
        const QRectF box = geometry::componentRect(a);
        const QPoint handle = onScreen(QPointF(box.right(), box.center().y()));
        QTest::mouseMove(window_, centreOf(a)); // hovering shows the handle
        QTest::mouseMove(window_, handle);
        drag(handle, centreOf(b));
        QTRY_COMPARE(doc().connections.size(), size_t(1));
        QCOMPARE(doc().connections[0].from, a.id);
        QCOMPARE(doc().connections[0].to, b.id);
        QCOMPARE(doc().connections[0].mode, ConnectionMode::Sync);
        QCOMPARE(controller_->status(),
                 QString::fromStdString("Connected " + a.name + " \u2192 " + b.name));
    }

    void aConnectionIsSelectedRetargetedAndDeleted() {
        twoComponents();
        QVERIFY(!controller_->addComponent("cache", 600, 400).isEmpty());
        const Component a = doc().components[0], b = doc().components[1], c = doc().components[2];
        const QString id = controller_->connectComponents(QString::fromStdString(a.id),
                                                          QString::fromStdString(b.id));
        controller_->selection()->clear();
        const ConnectionCurve curve =
            geometry::connectionCurve(geometry::componentRect(a), geometry::componentRect(b));
        QTest::mouseClick(window_, Qt::LeftButton, {}, onScreen(curve.at(0.5)));
        QCOMPARE(controller_->selection()->current(), id);
        drag(onScreen(curve.points[3]), centreOf(c));
        QTRY_COMPARE(doc().connections[0].to, c.id);
        QCOMPARE(doc().connections[0].from, a.id);
        QTest::keyClick(window_, Qt::Key_Delete);
        QVERIFY(doc().connections.empty());
        QCOMPARE(doc().components.size(), size_t(3));
    }

    void movingIsOneSnappedUndoStep() {
        twoComponents();
        const Component a = doc().components[0];
        drag(centreOf(a), centreOf(a) + QPoint(101, 43));
        QTRY_COMPARE(byName(a.name)->x, a.x + 104); // 101 px at 100% snaps to 104
        QCOMPARE(byName(a.name)->y, a.y + 40);
        QVERIFY(controller_->undoText().startsWith("Move"));
        controller_->undo();
        QCOMPARE(byName(a.name)->x, a.x);
        QCOMPARE(byName(a.name)->y, a.y);
        controller_->redo();
        QCOMPARE(byName(a.name)->x, a.x + 104);
    }

    void arrowKeysNudgeTheSelection() {
        twoComponents();
        const Component a = doc().components[0];
        QTest::mouseClick(window_, Qt::LeftButton, {}, centreOf(a));
        QTest::keyClick(window_, Qt::Key_Right);
        QTest::keyClick(window_, Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(byName(a.name)->x, a.x + 8);
        QCOMPARE(byName(a.name)->y, a.y + 32);
    }

    void renameInPlace() {
        twoComponents();
        const Component a = doc().components[0];
        QTest::mouseDClick(window_, Qt::LeftButton, {}, centreOf(a));
        auto* field = window_->findChild<QQuickItem*>("renameField");
        QVERIFY(field);
        QTRY_VERIFY(field->isVisible());
        QTest::keyClick(window_, Qt::Key_A, Qt::ControlModifier);
        for (QChar ch : QStringLiteral("Orders DB"))
            QTest::keyClick(window_, ch.toLatin1());
        QTest::keyClick(window_, Qt::Key_Return);
        QVERIFY(!field->isVisible());
        QCOMPARE(doc().components[0].name, std::string("Orders DB"));
        controller_->undo();
        QCOMPARE(doc().components[0].name, a.name);
    }

    void deleteTakesConnectionsAlongAndUndoRestores() {
        twoComponents();
        const Component a = doc().components[0], b = doc().components[1];
        QVERIFY(!controller_
                     ->connectComponents(QString::fromStdString(a.id), QString::fromStdString(b.id))
                     .isEmpty());
        QTest::mouseClick(window_, Qt::LeftButton, {}, centreOf(a));
        QCOMPARE(controller_->selection()->ids(), QStringList{QString::fromStdString(a.id)});
        QTest::keyClick(window_, Qt::Key_Delete);
        QCOMPARE(doc().components.size(), size_t(1));
        QVERIFY(doc().connections.empty());
        QTest::keyClick(window_, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(doc().components.size(), size_t(2));
        QCOMPARE(doc().connections.size(), size_t(1));
        QTest::keyClick(window_, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(doc().components.size(), size_t(1));
    }

    void rubberBandSelects() {
        twoComponents();
        drag(onScreen(QPointF(20, 20)), onScreen(QPointF(900, 400)));
        QTRY_COMPARE(controller_->selection()->count(), 2);
        // A click on empty canvas clears it.
        QTest::mouseClick(window_, Qt::LeftButton, {}, onScreen(QPointF(60, 450)));
        QCOMPARE(controller_->selection()->count(), 0);
    }

    void copyPasteAndDuplicate() {
        twoComponents();
        const Component a = doc().components[0];
        QTest::mouseClick(window_, Qt::LeftButton, {}, centreOf(a));
        QTest::keyClick(window_, Qt::Key_C, Qt::ControlModifier);
        QTest::keyClick(window_, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(doc().components.size(), size_t(3));
        const Component& pasted = doc().components.back();
        QCOMPARE(pasted.kind, a.kind);
        QVERIFY(pasted.id != a.id);
        // Beside the original, not on it (test_drawing_aids.cpp has the details).
        QVERIFY(!geometry::componentRect(pasted).intersects(geometry::componentRect(a)));
        QCOMPARE(controller_->selection()->current(), QString::fromStdString(pasted.id));
        QTest::keyClick(window_, Qt::Key_D, Qt::ControlModifier);
        QCOMPARE(doc().components.size(), size_t(4));
        // The clipboard holds a design of its own, so another window could paste it.
        QVERIFY(QGuiApplication::clipboard()->text().contains("\"components\""));
    }

    void saveAndReopen() {
        twoComponents();
        QTemporaryDir dir;
        const QString path = dir.filePath("two.archlens");
        QVERIFY(controller_->modified());
        QVERIFY(controller_->saveAs(path));
        QVERIFY(!controller_->modified());
        QVERIFY(window_->title().startsWith("two.archlens"));
        const Document saved = doc();
        controller_->newDocument();
        QVERIFY(doc().components.empty());
        QVERIFY(controller_->openFile(path));
        QCOMPARE(doc(), saved);
        QCOMPARE(controller_->recentFiles().value(0), QFileInfo(path).absoluteFilePath());
    }

    void automaticLayoutIsOneStepFromTheMenu() {
        controller_->newDocument();
        // A chain drawn right to left, all piled up: the layout must spread it left to right.
        const QString a = controller_->addComponent("load_balancer", 600, 200);
        const QString b = controller_->addComponent("app_service", 400, 200);
        const QString c = controller_->addComponent("rdbms", 200, 200);
        controller_->connectComponents(a, b);
        controller_->connectComponents(b, c);
        const Document before = doc();
        QSignalSpy done(controller_, &DocumentController::layoutFinished);
        view_->forceActiveFocus(); // as after a click on the canvas; a text field keeps its keys
        QTest::keyClick(window_, Qt::Key_L, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
        auto x = [&](const QString& id) {
            return controller_->index().component(id.toStdString())->x;
        };
        QVERIFY(x(a) < x(b));
        QVERIFY(x(b) < x(c));
        QCOMPARE(controller_->undoText(), QStringLiteral("Automatic layout"));
        controller_->undo();
        QCOMPARE(doc(), before);
    }

    /// A box grows to fit its name (a second line) and is resized by the
    /// grip on its bottom-right corner, one undo step.
    void aBoxFitsItsNameAndIsResizedByItsCorner() {
        controller_->newDocument();
        view_->setZoom(1);
        view_->setOrigin(QPointF(0, 0));
        const QString id = controller_->addComponent("app_service", 300, 200);
        auto comp = [&] { return controller_->index().component(id.toStdString()); };
        QVERIFY(controller_->rename(id, "Redirect"));
        QCOMPARE(geometry::componentRect(*comp()).width(), geometry::kComponentWidth);
        QVERIFY(controller_->rename(id, "Redirect service (public)"));
        QRectF box = geometry::componentRect(*comp());
        QCOMPARE(box.width(), geometry::kComponentWidth); // two lines are room enough
        QCOMPARE(box.height(), geometry::kTwoLineHeight);
        QStringList lines = geometry::nameLines(QString::fromStdString(comp()->name),
                                                geometry::nameRoom(box.width(), 1), 2);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.front(), QString("Redirect service")); // broken at a space
        QCOMPARE(lines.back(), QString("(public)"));

        // A name that two lines of the default width cannot hold widens the box, in grid
        // steps, just enough to hold it whole.
        const QString longer = "Shortener redirect service for the public web";
        QVERIFY(controller_->rename(id, longer));
        box = geometry::componentRect(*comp());
        QVERIFY(box.width() > geometry::kComponentWidth);
        QVERIFY(box.width() <= geometry::kMaxFittedWidth);
        QCOMPARE(std::fmod(box.width(), 8.0), 0.0);
        lines = geometry::nameLines(longer, geometry::nameRoom(box.width(), 1), 2);
        QCOMPARE(lines.join(' '), longer);
        QVERIFY(geometry::nameLines(longer, geometry::nameRoom(box.width() - 8, 1), 2).join(' ') !=
                longer);
        // Beyond the limit the name is cut, and the box stops growing.
        QVERIFY(controller_->rename(
            id, "Shortener redirect service for the public web, the apps and the partners"));
        box = geometry::componentRect(*comp());
        QCOMPARE(box.width(), geometry::kMaxFittedWidth);

        controller_->selection()->select(id);
        drag(onScreen(box.bottomRight()), onScreen(box.bottomRight() + QPointF(64, 30)));
        QVERIFY(comp()->width && comp()->height);
        QCOMPARE(*comp()->width, box.width() + 64);
        QCOMPARE(std::fmod(box.top() + *comp()->height, 8.0), 0.0);
        QVERIFY(controller_->undoText().startsWith("Resize "));
        QVERIFY(controller_->isResized(id));
        QVERIFY(controller_->resizeComponent(id, qQNaN(), qQNaN()));
        QVERIFY(!controller_->isResized(id));
        QCOMPARE(geometry::componentRect(*comp()), box);
    }

    void alignAndDistributeTheSelection() {
        controller_->newDocument();
        const QString a = controller_->addComponent("app_service", 200, 100);
        const QString b = controller_->addComponent("app_service", 500, 180);
        const QString c = controller_->addComponent("app_service", 1100, 260);
        controller_->selection()->setIds({a, b, c});
        QVERIFY(controller_->alignSelection("top"));
        auto at = [&](const QString& id) {
            return controller_->index().component(id.toStdString());
        };
        QCOMPARE(at(b)->y, at(a)->y);
        QCOMPARE(at(c)->y, at(a)->y);
        QVERIFY(controller_->distributeSelection("horizontal"));
        // Equal gaps between the boxes, which fit their names and so may differ in width.
        const QRectF ra = geometry::componentRect(*at(a)), rb = geometry::componentRect(*at(b)),
                     rc = geometry::componentRect(*at(c));
        QCOMPARE(rb.left() - ra.right(), rc.left() - rb.right());
        QVERIFY(!controller_->alignSelection("diagonal"));
    }

    void anEditIsCritiquedWithinASecond() {
        auto* analysis = test::liveCritique(*engine_);
        QVERIFY(analysis);
        controller_->newDocument();
        const QString client = controller_->addComponent("client", 100, 200);
        const QString db = controller_->addComponent("rdbms", 500, 200);
        controller_->connectComponents(client, db);
        controller_->addFlow(client);
        QElapsedTimer clock;
        clock.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            analysis->status() == AnalysisController::Fresh && analysis->report(), 5000);
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        // One database instance serving the flow: a single point of failure, named.
        const auto report = analysis->report();
        const auto spof =
            std::find_if(report->findings.begin(), report->findings.end(),
                         [](const Finding& f) { return f.rule == "single-point-of-failure"; });
        QVERIFY(spof != report->findings.end());
        QVERIFY(std::find(spof->subjects.begin(), spof->subjects.end(), db.toStdString()) !=
                spof->subjects.end());

        // The findings as rows, most severe first, narrowed by severity and by subject.
        FindingModel findings;
        findings.setAnalysis(analysis);
        QCOMPARE(findings.count(), int(report->findings.size()));
        QVERIFY(findings.count() > 0);
        findings.setShowInfo(false);
        findings.setShowWarnings(false);
        for (int i = 0; i < findings.count(); ++i)
            QCOMPARE(findings.index(i).data(FindingModel::SeverityRole).toString(),
                     QStringLiteral("error"));
        findings.setShowInfo(true);
        findings.setShowWarnings(true);
        findings.setSubjects({client});
        for (int i = 0; i < findings.count(); ++i)
            QVERIFY(findings.subjectsAt(i).contains(client));

        // Removing the database takes its findings with it on the next run.
        QVERIFY(controller_->deleteElements({db}));
        QTRY_VERIFY_WITH_TIMEOUT(
            analysis->status() == AnalysisController::Fresh && analysis->report() != report, 5000);
        const auto after = analysis->report();
        QVERIFY(std::none_of(after->findings.begin(), after->findings.end(), [&](const Finding& f) {
            return std::find(f.subjects.begin(), f.subjects.end(), db.toStdString()) !=
                   f.subjects.end();
        }));
    }

    /// Every example opens where its names can be read (at least 11 px high on screen),
    /// showing where its first flow enters.
    void examplesOpenWithReadableNames() {
        const QDir examples(QStringLiteral(ARCHLENS_RESOURCES_DIR) + "/examples");
        const QStringList files = examples.entryList({"*.archlens"});
        QVERIFY(files.size() >= 5);
        for (const QString& file : files) {
            QVERIFY(controller_->openFile(examples.filePath(file)));
            QTRY_VERIFY2(view_->zoom() * 13 >= 11 - 1e-9, qPrintable(file));
            QVERIFY2(view_->zoom() <= 1.0, qPrintable(file));
            const Component* entry = doc().component(doc().flows.front().entry);
            QVERIFY(entry);
            const QRectF onScreen(
                view_->mapFromDocument(geometry::componentRect(*entry).topLeft()),
                view_->mapFromDocument(geometry::componentRect(*entry).bottomRight()));
            QVERIFY2(QRectF(0, 0, view_->width(), view_->height()).contains(onScreen),
                     qPrintable(file + ": the entry is off screen"));
            // Boxes that grew for their names still leave their neighbours room.
            QStringList crowded;
            for (size_t i = 0; i < doc().components.size(); ++i)
                for (size_t j = i + 1; j < doc().components.size(); ++j) {
                    const Component& a = doc().components[i];
                    const Component& b = doc().components[j];
                    if (geometry::componentRect(a)
                            .adjusted(-8, -8, 8, 8)
                            .intersects(geometry::componentRect(b)))
                        crowded += QString::fromStdString(a.name) + " runs into " +
                                   QString::fromStdString(b.name);
                }
            QVERIFY2(crowded.isEmpty(), qPrintable(file + ": " + crowded.join("; ")));
        }
    }

    /// An empty design says how to begin, and one click on an example opens it.
    void theEmptyCanvasSaysHowToStart() {
        controller_->newDocument();
        auto* hint = findItem(window_->contentItem(), "emptyHint");
        QVERIFY(hint);
        QTRY_VERIFY(hint->isVisible());
        QQuickItem* button = nullptr;
        for (QQuickItem* child : hint->childItems())
            for (QQuickItem* grandchild : child->childItems())
                if (grandchild->objectName().startsWith("example_"))
                    button = button ? button : grandchild;
        QVERIFY(button);
        QTest::mouseClick(
            window_, Qt::LeftButton, {},
            button->mapToScene(QPointF(button->width() / 2, button->height() / 2)).toPoint());
        QTRY_VERIFY(!doc().components.empty());
        QTRY_VERIFY(!hint->isVisible());
    }

    /// A name too long for its box is cut short there; hovering the box shows all of it.
    void hoveringABoxShowsItsFullName() {
        twoComponents();
        const Component& c = doc().components.front();
        const QString name = QStringLiteral("Recommendation candidate generation service");
        QVERIFY(controller_->rename(QString::fromStdString(c.id), name));
        QTest::mouseMove(window_, centreOf(doc().components.front()));
        QTRY_COMPARE(view_->hoveredId(), QString::fromStdString(c.id));
        auto* tip = window_->findChild<QObject*>("nameTip");
        QVERIFY(tip);
        QTRY_VERIFY(tip->property("visible").toBool());
        QCOMPARE(tip->property("text").toString(), name);
        // Away from every box, the tip goes.
        QTest::mouseMove(window_, onScreen(QPointF(120, 600)));
        QTRY_COMPARE(view_->hoveredId(), QString());
        QTRY_VERIFY(!tip->property("visible").toBool());
    }

    /// The availability target is typed as people write it: "99.9%", "99.95" or 0.999, and
    /// shown as a percentage.
    void availabilityIsTypedAsAPercentage() {
        controller_->newDocument();
        findItem(window_->contentItem(), "sideTabs")->setProperty("currentIndex", 0);
        QQuickItem* field = nullptr;
        QTRY_VERIFY((field = findItem(window_->contentItem(), "field_requirements.availability")) &&
                    field->isVisible() && field->width() > 0);
        auto type = [&](const QString& text) {
            QTest::mouseClick(
                window_, Qt::LeftButton, {},
                field->mapToScene(QPointF(field->width() / 2, field->height() / 2)).toPoint());
            QTRY_VERIFY(field->hasActiveFocus());
            QTest::keyClick(window_, Qt::Key_A, Qt::ControlModifier);
            for (const QChar c : text)
                QTest::keyClick(window_, c.toLatin1());
            QTest::keyClick(window_, Qt::Key_Return);
        };
        type("99.9%");
        QTRY_COMPARE(doc().requirements.availability, std::optional<double>(0.999));
        QTRY_COMPARE(field->property("text").toString(), QString("99.9%"));
        type("99.95");
        QTRY_COMPARE(doc().requirements.availability, std::optional<double>(0.9995));
        type("0.99");
        QTRY_COMPARE(doc().requirements.availability, std::optional<double>(0.99));
        QTRY_COMPARE(field->property("text").toString(), QString("99%"));
        // Undo names the target, not its key.
        QCOMPARE(controller_->undoText(), QString("Change availability target"));
    }

    /// A tick in the inspector is an edit: a click on a yes/no property changes the design,
    /// one undo step, and a second click takes it back.
    void aClickOnAnInspectorCheckBoxEditsTheDesign() {
        controller_->newDocument();
        const QString id = controller_->addComponent("load_balancer", 300, 200);
        controller_->selection()->select(id);
        findItem(window_->contentItem(), "sideTabs")->setProperty("currentIndex", 0);
        QQuickItem* box = nullptr;
        QTRY_VERIFY((box = findItem(window_->contentItem(), "field_props.rate_limit")) &&
                    box->isVisible() && box->width() > 0);
        QTest::qWait(300);
        auto rateLimited = [&] {
            const Component* c = controller_->index().component(id.toStdString());
            auto it = c->props.find("rate_limit");
            return it != c->props.end() && it->is_boolean() && it->get<bool>();
        };
        QVERIFY(!rateLimited());
        const QPoint centre =
            box->mapToScene(QPointF(box->width() / 2, box->height() / 2)).toPoint();
        QTest::mouseClick(window_, Qt::LeftButton, {}, centre);
        QTRY_VERIFY(rateLimited());
        QVERIFY(controller_->undoText().startsWith("Change "));
        QVERIFY(box->property("checked").toBool());
        QTest::mouseClick(window_, Qt::LeftButton, {}, centre);
        QTRY_VERIFY(!rateLimited());
        controller_->undo();
        QTRY_VERIFY(rateLimited());
        QTRY_VERIFY(box->property("checked").toBool());
    }

    /// What the catalogue supplies looks like a placeholder, what the person chose does not,
    /// and a choice nobody made says "not set" rather than showing an empty box.
    void defaultsLookUnchosenInTheInspector() {
        controller_->newDocument();
        const QString id = controller_->addComponent("load_balancer", 300, 200);
        controller_->selection()->select(id);
        findItem(window_->contentItem(), "sideTabs")->setProperty("currentIndex", 0);
        QQuickItem* latency = nullptr;
        QQuickItem* layer = nullptr;
        QTRY_VERIFY((latency = findItem(window_->contentItem(), "field_props.latency_ms")) &&
                    (layer = findItem(window_->contentItem(), "field_props.layer")) &&
                    latency->isVisible());
        QQuickItem* p50 = findItem(latency, "p50");
        QVERIFY(p50);
        QVERIFY(!p50->property("text").toString().isEmpty()); // the catalogue's figure
        QVERIFY(p50->property("font").value<QFont>().italic());
        QCOMPARE(layer->property("displayText").toString(), QString("not set"));
        // A yes/no the catalogue decides says "default" beside its box until one is chosen.
        QQuickItem* healthDefault = nullptr;
        QTRY_VERIFY(
            (healthDefault = findItem(window_->contentItem(), "default_props.health_checks")));
        QVERIFY(healthDefault->isVisible());
        QVERIFY(controller_->setAttribute(id, "props.health_checks", true));
        QTRY_VERIFY(!healthDefault->isVisible());

        QVERIFY(controller_->setAttribute(id, "props.latency_ms",
                                          QVariantMap{{"p50", 2.0}, {"p99", 9.0}}));
        QTRY_VERIFY(!p50->property("font").value<QFont>().italic());
        QCOMPARE(p50->property("text").toString(), QString("2"));
    }

    void ctrlWheelZoomsAroundTheCursor() {
        twoComponents();
        const QPoint at = onScreen(QPointF(400, 300));
        const QPointF before = view_->mapToDocument(view_->mapFromScene(at));
        QWheelEvent wheel(at, view_->mapToGlobal(view_->mapFromScene(at)), QPoint(), QPoint(0, 240),
                          Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QGuiApplication::sendEvent(window_, &wheel);
        QVERIFY(view_->zoom() > 1.3);
        const QPointF after = view_->mapToDocument(view_->mapFromScene(at));
        QVERIFY(std::abs(after.x() - before.x()) < 0.5 && std::abs(after.y() - before.y()) < 0.5);
    }
};

int main(int argc, char** argv) {
    archlens::test::QmlMessageGuard::install();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ArchLensTests");
    QApplication::setApplicationName("editor-ui");
    QQuickStyle::setStyle("Fusion");
    EditorUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_editor_ui.moc"
