// The live critique driven through the real window (offscreen): findings tied to the
// canvas, the traffic multiplier, and failure injection by clicking components and zones.
#include "analysis_controller.h"
#include "diagram_geometry.h"
#include "diagram_shapes.h"
#include "diagram_view.h"
#include "document_controller.h"
#include "flow_result_model.h"
#include "status_palette.h"

#include "main_window_fixture.h"
#include "qml_message_guard.h"

#include <QApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(ArchLensPlugin)

using namespace archlens;
using archlens::test::findItem;

namespace {
const QString kDesigns = QStringLiteral(ARCHLENS_TEST_DESIGNS);
const QString kExamples = QStringLiteral(ARCHLENS_RESOURCES_DIR "/examples");
} // namespace

class CritiqueUiTest : public QObject {
    Q_OBJECT

    QQmlApplicationEngine* engine_ = nullptr;
    QQuickWindow* window_ = nullptr;
    DocumentController* controller_ = nullptr;
    DiagramView* view_ = nullptr;
    AnalysisController* analysis_ = nullptr;

    QQuickItem* item(const QString& name) const { return findItem(window_->contentItem(), name); }
    /// A click on `target` at `at`. The caller waits for what the click does.
    void click(QQuickItem* target, QPointF at) {
        QTest::mouseClick(window_, Qt::LeftButton, {}, target->mapToScene(at).toPoint());
    }
    void clickCentre(QQuickItem* target) {
        click(target, QPointF(target->width() / 2, target->height() / 2));
    }
    /// Opens a design, shows it at 60% and waits for its first analysis.
    void open(const QString& path) {
        analysis_->setFailed({});
        QVERIFY(controller_->openFile(path));
        view_->setZoom(0.6);
        view_->setOrigin(QPointF(0, 0));
        waitFresh();
    }
    void waitFresh() {
        analysis_->runNow();
        QTRY_VERIFY_WITH_TIMEOUT(
            analysis_->status() == AnalysisController::Fresh && analysis_->report(), 5000);
    }
    QPoint onScreen(QPointF docPoint) const {
        return view_->mapToScene(view_->mapFromDocument(docPoint)).toPoint();
    }
    const Component* component(const std::string& id) const {
        for (const auto& c : controller_->document().components)
            if (c.id == id) return &c;
        return nullptr;
    }
    const FlowResult* flow(const std::string& id) const { return analysis_->report()->flow(id); }

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
        QCOMPARE(view_->analysis(), analysis_);
    }

    void selectingAFindingSelectsAndLightsUpItsSubjects() {
        open(kExamples + "/ecommerce-checkout.archlens");
        // The critique tab, from the summary in the status bar.
        clickCentre(item("critiqueSummary"));
        QTRY_COMPARE(item("sideTabs")->property("currentIndex").toInt(), 2);
        auto* list = item("findingList");
        QVERIFY(list);
        QTRY_VERIFY(list->property("count").toInt() > 0);
        QCOMPARE(list->property("count").toInt(), int(analysis_->report()->findings.size()));

        // The first finding about a flow. Clicking it selects its subjects and lights up the
        // flow's critical path.
        // The list makes its rows once it is laid out in the tab just shown: wait for them.
        // A row the list has made may lie in its cache, below what it shows: the row is
        // scrolled into view, and clicked once it is there.
        int flowIndex = -1;
        auto rowAt = [&](int i) {
            QQuickItem* candidate = nullptr;
            QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem*, candidate),
                                      Q_ARG(int, i));
            return candidate;
        };
        auto flowRow = [&]() -> QQuickItem* {
            for (int i = 0; i < list->property("count").toInt(); ++i)
                if (QQuickItem* candidate = rowAt(i);
                    candidate && !candidate->property("flow").toString().isEmpty()) {
                    flowIndex = i;
                    return candidate;
                }
            return nullptr;
        };
        QQuickItem* row = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((row = flowRow()) != nullptr, 5000);
        QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, flowIndex),
                                  Q_ARG(int, 4 /* ListView.Contain */));
        const auto shown = [&] {
            row = rowAt(flowIndex);
            if (!row) return false;
            const QRectF inList = row->mapRectToItem(list, row->boundingRect());
            return inList.top() >= 0 && inList.bottom() <= list->height();
        };
        QTRY_VERIFY(shown());
        clickCentre(row);
        const QStringList subjects = row->property("subjects").toStringList();
        QVERIFY(!subjects.isEmpty());
        QTRY_COMPARE(controller_->selection()->ids(), subjects);
        const FlowResult* placeOrder = flow(row->property("flow").toString().toStdString());
        QVERIFY2(placeOrder, qPrintable(row->property("title").toString()));
        // The card names the flow it is about, in its title or its message.
        const QString flowName = QString::fromStdString(placeOrder->name);
        QVERIFY(row->property("title").toString().contains(flowName) ||
                row->property("message").toString().contains(flowName));
        const auto& lit = view_->critique().highlight;
        QVERIFY(!placeOrder->criticalPath.empty());
        for (const std::string& c : placeOrder->criticalPath)
            QVERIFY2(lit.contains(QString::fromStdString(c)), c.c_str());
        for (const HopContribution& hop : placeOrder->hops)
            if (!hop.connection.empty()) QVERIFY(lit.contains(QString::fromStdString(hop.connection)));

        // A finding about a component selects it; the canvas carries its badge.
        const auto& findings = analysis_->report()->findings;
        const auto spof = std::find_if(findings.begin(), findings.end(), [&](const Finding& f) {
            return f.rule == "missing-idempotency";
        });
        QVERIFY(spof != findings.end());
        for (const std::string& s : spof->subjects)
            QVERIFY2(view_->critique().badges.contains(QString::fromStdString(s)), s.c_str());
        QCOMPARE(view_->critique().badges.value(QString::fromStdString(spof->subjects.front())),
                 Severity::Error);

        // A click on empty canvas moves on: the glow goes.
        // Where the canvas is empty depends on where selecting the finding scrolled it.
        QPointF empty(-1, -1);
        for (qreal y = 6; y < view_->height() && empty.x() < 0; y += 24)
            for (qreal x = view_->width() - 6; x > 0 && empty.x() < 0; x -= 24)
                if (view_->elementAt(QPointF(x, y)).isEmpty()) empty = QPointF(x, y);
        QVERIFY(empty.x() >= 0);
        click(view_, empty);
        QTRY_VERIFY(view_->critique().highlight.isEmpty());
    }

    /// The open finding is the same finding after the list is rebuilt: new findings above it
    /// move it down, and it stays open and lit; once it is fixed, nothing is open or lit.
    void theOpenFindingFollowsTheFindingNotItsRow() {
        open(kExamples + "/url-shortener.archlens");
        clickCentre(item("critiqueSummary"));
        QTRY_COMPARE(item("sideTabs")->property("currentIndex").toInt(), 2);
        auto* list = item("findingList");
        auto* panel = window_->findChild<QObject*>("findingsPanel");
        QVERIFY(list && panel);
        QTRY_VERIFY(list->property("count").toInt() > 1);
        auto rowAt = [&](int i) {
            QQuickItem* row = nullptr;
            QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, i),
                                      Q_ARG(int, 0 /* ListView.Beginning */));
            QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem*, row),
                                      Q_ARG(int, i));
            return row;
        };
        auto openRows = [&]() {
            QStringList open;
            for (int i = 0; i < list->property("count").toInt(); ++i)
                if (QQuickItem* r = rowAt(i); r && r->property("highlighted").toBool())
                    open << r->property("identity").toString();
            return open;
        };
        // The last finding about a component: looked at.
        int last = list->property("count").toInt() - 1;
        QQuickItem* row = nullptr;
        QString component;
        for (; last >= 0 && component.isEmpty(); --last) {
            QTRY_VERIFY((row = rowAt(last)) != nullptr);
            for (const QString& s : row->property("subjects").toStringList())
                if (this->component(s.toStdString())) component = s;
        }
        ++last;
        QVERIFY(!component.isEmpty());
        const QString identity = row->property("identity").toString();
        const QStringList subjects = row->property("subjects").toStringList();
        clickCentre(row);
        QTRY_COMPARE(panel->property("currentIdentity").toString(), identity);
        QCOMPARE(openRows(), QStringList{identity});

        // A client wired straight to a new store: an error, listed above it.
        const QString store = controller_->addComponent("rdbms", 40, 900);
        QVERIFY(!store.isEmpty());
        QVERIFY(!controller_->connectComponents("client", store).isEmpty());
        waitFresh();
        QTRY_VERIFY(list->property("currentIndex").toInt() > last);
        QCOMPARE(panel->property("currentIdentity").toString(), identity);
        QCOMPARE(openRows(), QStringList{identity});
        for (const QString& s : subjects)
            QVERIFY2(view_->critique().highlight.contains(s), qPrintable(s));

        // Its subject deleted, the finding is gone: nothing open, nothing lit.
        QVERIFY(controller_->deleteElements({component}));
        waitFresh();
        QTRY_COMPARE(panel->property("currentIdentity").toString(), QString());
        QVERIFY(openRows().isEmpty());
        QVERIFY(view_->critique().highlight.isEmpty());
    }

    /// The findings panel and the status bar colour severities with the palette the canvas,
    /// the exports and the reports use (StatusPalette, through the Theme singleton).
    void findingsAreColouredByThePalette() {
        open(kExamples + "/url-shortener.archlens");
        clickCentre(item("critiqueSummary"));
        auto* list = item("findingList");
        QVERIFY(list);
        QTRY_VERIFY(list->property("count").toInt() > 0);
        const StatusPalette& palette = StatusPalette::light();
        QSet<QString> seen;
        for (int i = 0; i < list->property("count").toInt(); ++i) {
            QMetaObject::invokeMethod(list, "positionViewAtIndex", Q_ARG(int, i), Q_ARG(int, 0));
            QQuickItem* row = nullptr;
            QTRY_VERIFY((QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem*, row),
                                                   Q_ARG(int, i)),
                         row));
            QQuickItem* bar = findItem(row, "severityBar");
            QVERIFY(bar);
            const QString severity = row->property("severity").toString();
            const QColor expected = row->property("acknowledged").toBool()
                                        ? palette.accepted
                                        : palette.severity(*severityFromString(severity.toStdString()));
            QCOMPARE(bar->property("color").value<QColor>(), expected);
            seen.insert(severity);
        }
        QCOMPARE(seen, QSet<QString>({"error", "warning", "info"}));
        // Errors open: the summary in the status bar is in the error colour.
        QVERIFY(analysis_->errorCount() > 0);
        auto* label = item("critiqueSummary")->property("contentItem").value<QQuickItem*>();
        QVERIFY(label);
        QCOMPARE(label->property("color").value<QColor>(), palette.error);
    }

    void aFindingIsAcceptedAsATradeOffWithANote() {
        open(kExamples + "/ecommerce-checkout.archlens");
        clickCentre(item("critiqueSummary"));
        auto* list = item("findingList");
        QTRY_VERIFY(list->property("count").toInt() > 0);
        const int errors = analysis_->errorCount();
        QVERIFY(errors > 0);
        QCOMPARE(analysis_->acceptedCount(), 0);

        QQuickItem* row = nullptr;
        QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem*, row), Q_ARG(int, 0));
        QVERIFY(row);
        clickCentre(row);
        const QString rule = row->property("rule").toString();
        auto* note = findItem(row, "acceptNote");
        auto* accept = findItem(row, "acceptFinding");
        QVERIFY(note && accept);
        QTRY_VERIFY(note->isVisible());
        clickCentre(note);
        QTRY_VERIFY(note->hasActiveFocus());
        for (char ch : std::string("Orders queue while the region recovers"))
            QTest::keyClick(window_, ch);
        clickCentre(accept);

        // Saved in the design, one undo step; the finding moves to its own section.
        const auto& acks = controller_->document().acknowledgements;
        QTRY_COMPARE(acks.size(), size_t(1));
        QCOMPARE(QString::fromStdString(acks.front().rule), rule);
        QCOMPARE(acks.front().note, std::string("Orders queue while the region recovers"));
        QVERIFY(controller_->modified());
        waitFresh();
        QCOMPARE(analysis_->errorCount(), errors - 1);
        QCOMPARE(analysis_->acceptedCount(), 1);
        QTRY_COMPARE(list->property("count").toInt(), int(analysis_->report()->findings.size()));
        QQuickItem* last = nullptr;
        const int lastRow = list->property("count").toInt() - 1;
        QMetaObject::invokeMethod(list, "positionViewAtEnd");
        QTRY_VERIFY([&] {
            QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem*, last),
                                      Q_ARG(int, lastRow));
            return last != nullptr;
        }());
        QCOMPARE(last->property("acknowledged").toBool(), true);
        QCOMPARE(last->property("rule").toString(), rule);

        controller_->undo();
        QVERIFY(controller_->document().acknowledgements.empty());
        waitFresh();
        QCOMPARE(analysis_->errorCount(), errors);
    }

    void theInspectorListsTheSelectionsFindings() {
        open(kExamples + "/ecommerce-checkout.archlens");
        const auto& findings = analysis_->report()->findings;
        const auto f = std::find_if(findings.begin(), findings.end(), [&](const Finding& x) {
            return x.rule == "missing-idempotency";
        });
        QVERIFY(f != findings.end());
        const QString id = QString::fromStdString(f->subjects.back());
        controller_->selection()->select(id);
        auto* list = item("selectionFindingList");
        QVERIFY(list);
        int expected = 0;
        for (const Finding& x : findings)
            expected += std::find(x.subjects.begin(), x.subjects.end(), id.toStdString()) !=
                                x.subjects.end()
                            ? 1
                            : 0;
        auto* model = window_->findChild<QAbstractItemModel*>("selectionFindings");
        QVERIFY(model);
        QTRY_COMPARE(model->rowCount(), expected);
        QVERIFY(expected > 0);
    }

    void theMultiplierChangesTheUtilisationShown() {
        open(kDesigns + "/zone-redundant.archlens");
        const double before = analysis_->report()->component("app")->utilisation;
        QVERIFY(before > 0);
        QVERIFY(!view_->showLoad());
        // A click at the far right of the slider: 100x, applied when the slider settles.
        auto* slider = item("multiplierSlider");
        QVERIFY(slider);
        click(slider, QPointF(slider->width() - 2, slider->height() / 2));
        QTRY_VERIFY_WITH_TIMEOUT(analysis_->trafficMultiplier() > 50, 3000);
        const double m = analysis_->trafficMultiplier();
        waitFresh();
        const double after = analysis_->report()->component("app")->utilisation;
        QVERIFY2(std::abs(after / before - m) < 0.01 * m,
                 qPrintable(QStringLiteral("%1 -> %2 at x%3").arg(before).arg(after).arg(m)));
        // The canvas colours by load now, and shows the app saturated.
        QVERIFY(view_->showLoad());
        QTRY_VERIFY(view_->critique().utilisation.value("app") > 1);
        QCOMPARE(view_->critique().utilisation.value("app"), after);
        QCOMPARE(item("multiplierLabel")->property("text").toString(), QStringLiteral("100×"));

        // Back to the declared load.
        analysis_->setTrafficMultiplier(1);
        waitFresh();
        QCOMPARE(analysis_->report()->component("app")->utilisation, before);
    }

    /// The flows table, empty, says it is analysing while there are no results yet (a
    /// large design's first run takes a second or more), not that the design has no flows.
    void theFlowsTableSaysItIsAnalysingUntilTheFirstResults() {
        open(kDesigns + "/single-database.archlens");
        QQuickItem* panel = item("numbersPanel");
        QQuickItem* empty = item("flowsEmptyText");
        QVERIFY(panel && empty);
        {
            AnalysisController fresh; // no design yet: nothing has run
            QVERIFY(!fresh.hasResults());
            QVERIFY(panel->setProperty("analysis", QVariant::fromValue(&fresh)));
            // Put back before `fresh` goes, even when a check below fails.
            const auto restore = qScopeGuard(
                [&] { panel->setProperty("analysis", QVariant::fromValue(analysis_)); });
            QCOMPARE(empty->property("text").toString(), QStringLiteral("Analysing…"));
        }
        QVERIFY(analysis_->hasResults());
        QVERIFY2(empty->property("text").toString().startsWith("No flows yet"),
                 qPrintable(empty->property("text").toString()));
    }

    /// A new traffic multiplier leaves the canvas's critique drawing as it is until the
    /// report it brings arrives (on a large design each rebuild costs a frame of tens of
    /// milliseconds, at every step of the slider); failing a component redraws it at once.
    void onlyTheWhatIfsTheCanvasDrawsRedrawIt() {
        open(kDesigns + "/single-database.archlens");
        const quint64 before = view_->sceneState().critiqueRevision;
        analysis_->setTrafficMultiplier(3);
        QCOMPARE(analysis_->status(), AnalysisController::Pending);
        QCOMPARE(view_->sceneState().critiqueRevision, before);
        waitFresh();
        const quint64 withReport = view_->sceneState().critiqueRevision;
        QVERIFY(withReport > before);
        analysis_->setFailed({QStringLiteral("db")});
        QVERIFY(view_->sceneState().critiqueRevision > withReport);
        QVERIFY(view_->critique().failed.contains(QStringLiteral("db")));
        analysis_->setFailed({});
        analysis_->setTrafficMultiplier(1);
        waitFresh();
    }

    void failingTheOnlyDatabaseBreaksTheFlowsThatNeedIt() {
        open(kDesigns + "/single-database.archlens");
        const int undoSteps = controller_->canUndo() ? 1 : 0;
        auto* button = item("failureMode");
        QVERIFY(button);
        clickCentre(button);
        QTRY_VERIFY(view_->failureMode());
        const Component* db = component("db");
        QVERIFY(db);
        QTest::mouseClick(window_, Qt::LeftButton, {}, onScreen(geometry::componentRect(*db).center()));
        QCOMPARE(analysis_->failed(), QStringList{"db"});
        QTRY_VERIFY_WITH_TIMEOUT(analysis_->status() == AnalysisController::Fresh, 5000);
        QVERIFY(flow("read")->availability < 1e-9);
        QVERIFY(flow("session")->availability > 0.99);
        // The table says which flows broke; the canvas draws their connections broken.
        auto* results = window_->findChild<FlowResultModel*>("flowResults");
        QVERIFY(results);
        QCOMPARE(results->brokenCount(), 1);
        QCOMPARE(results->index(results->rowOf("read")).data(FlowResultModel::BrokenRole).toBool(), true);
        QCOMPARE(results->index(results->rowOf("session")).data(FlowResultModel::BrokenRole).toBool(), false);
        QVERIFY(view_->critique().failed.contains("db"));
        QVERIFY(view_->critique().broken.contains("c3"));
        QVERIFY(view_->critique().surviving.contains("c4"));
        // Nothing of this is an edit.
        QCOMPARE(controller_->canUndo() ? 1 : 0, undoSteps);
        QVERIFY(!controller_->modified());

        // A second click brings the database back.
        QTest::mouseClick(window_, Qt::LeftButton, {}, onScreen(geometry::componentRect(*db).center()));
        QVERIFY(analysis_->failed().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(analysis_->status() == AnalysisController::Fresh, 5000);
        QVERIFY(flow("read")->availability > 0.99);
        clickCentre(button);
        QTRY_VERIFY(!view_->failureMode());
    }

    /// The flows table judges each figure against the design's targets as an enum QML
    /// compares with FlowResultModel.Met / .Missed; a failed component turns a met
    /// availability target into a missed one.
    void flowVerdictsFollowTheTargets() {
        open(kExamples + "/chat-system.archlens");
        const Requirements& req = controller_->document().requirements;
        QVERIFY(req.availability && req.p99_ms);
        auto* results = window_->findChild<FlowResultModel*>("flowResults");
        QVERIFY(results && results->count() > 0);
        auto verdict = [&](int row, int role) {
            return FlowResultModel::Verdict(results->index(row).data(role).toInt());
        };
        for (int row = 0; row < results->count(); ++row) {
            const FlowResult* f = flow(results->flowIdAt(row).toStdString());
            QVERIFY(f);
            QCOMPARE(verdict(row, FlowResultModel::AvailabilityVerdictRole),
                     f->availability >= *req.availability ? FlowResultModel::Met
                                                          : FlowResultModel::Missed);
            QCOMPARE(verdict(row, FlowResultModel::LatencyVerdictRole),
                     f->p99_ms <= *req.p99_ms ? FlowResultModel::Met : FlowResultModel::Missed);
            QCOMPARE(results->index(row).data(FlowResultModel::EstimatedRole).toBool(),
                     f->availabilityMethod != "exact");
        }
        const Flow& first = controller_->document().flows.front();
        // Fail the last component the flow waits on: the flow cannot meet its target then.
        const std::vector<std::string>& path = flow(first.id)->syncComponents;
        QVERIFY(path.size() >= 2);
        analysis_->setFailed({QString::fromStdString(path.back())});
        QTRY_VERIFY_WITH_TIMEOUT(analysis_->status() == AnalysisController::Fresh &&
                                     flow(first.id)->availability < *req.availability,
                                 5000);
        QCOMPARE(verdict(results->rowOf(QString::fromStdString(first.id)),
                         FlowResultModel::AvailabilityVerdictRole),
                 FlowResultModel::Missed);
        // The numbers panel sums it up in words, the noun in the right number.
        auto* summary = findItem(window_->contentItem(), "failureSummary");
        QVERIFY(summary);
        const int flows = int(controller_->document().flows.size());
        QTRY_VERIFY2(summary->property("text").toString().startsWith("1 down · "),
                     qPrintable(summary->property("text").toString()));
        QVERIFY(summary->property("text").toString().endsWith(
            QString(" of %1 %2 broken").arg(flows).arg(flows == 1 ? "flow" : "flows")));
        analysis_->setFailed({});
    }

    void failingOneOfThreeZonesKeepsAZoneRedundantDesignUp() {
        open(kDesigns + "/zone-redundant.archlens");
        view_->setFailureMode(true);
        // Every component is spread over az1, az2 and az3, so no zone gets a frame (one
        // would say they live in that zone alone): the app's az2 chip fails the zone.
        const Document& doc = controller_->document();
        std::vector<QRectF> boxes;
        for (const auto& c : doc.components)
            boxes.push_back(geometry::componentRect(c));
        QVERIFY(geometry::zoneAreas(doc, boxes).empty());
        const Component& app = *doc.component("app");
        const auto chips = geometry::zoneChips(doc, app, geometry::componentRect(app));
        QCOMPARE(chips.size(), size_t(3));
        QCOMPARE(chips[1].text, QString("az2"));
        QTest::mouseClick(window_, Qt::LeftButton, {}, onScreen(chips[1].rect.center()));
        QCOMPARE(analysis_->failed(), QStringList{"az2"});
        const QString zone = analysis_->failed().front();
        QTRY_VERIFY_WITH_TIMEOUT(analysis_->status() == AnalysisController::Fresh, 5000);
        QVERIFY2(flow("read")->availability > 0.99,
                 qPrintable(QString::number(flow("read")->availability)));
        QVERIFY(view_->critique().broken.isEmpty());
        QVERIFY(view_->critique().failed.contains(zone));

        // All three down: nothing is left to serve.
        analysis_->setFailed({"az1", "az2", "az3"});
        waitFresh();
        QVERIFY(flow("read")->availability < 1e-9);
        view_->setFailureMode(false);
        analysis_->setFailed({});
    }

    /// Selecting a flow lights its route and dims the rest; route mode changes the route
    /// with a click on a connection, one undo step each, without touching other flows.
    void aFlowsRouteIsLitAndChangedByClickingConnections() {
        open(kDesigns + "/single-database.archlens");
        const Document& doc = controller_->document();
        controller_->selection()->select("read");
        QCOMPARE(view_->shownFlow(), QString("read"));
        const CritiqueOverlay& o = view_->critique();
        QVERIFY(o.flowShown);
        QCOMPARE(o.flowConnections, (QSet<QString>{"c1", "c2", "c3"}));
        QVERIFY(o.flowComponents.contains("db"));
        QVERIFY(!o.flowComponents.contains("cache"));

        // The flows tab lists the route and turns route mode on.
        auto* tabs = item("sideTabs");
        QVERIFY(tabs);
        tabs->setProperty("currentIndex", 1);
        QTRY_VERIFY(item("routeRow_c3") && item("routeRow_c3")->isVisible());
        auto* button = item("routeButton");
        QVERIFY(button);
        clickCentre(button);
        QTRY_COMPARE(view_->routeFlow(), QString("read"));
        QVERIFY(view_->critique().routing);
        // Escape ends it straight after the button, as its tooltip says (the canvas takes
        // the keyboard, not the button), and the button turns it on again.
        QTest::keyClick(window_, Qt::Key_Escape);
        QCOMPARE(view_->routeFlow(), QString());
        clickCentre(button);
        QTRY_COMPARE(view_->routeFlow(), QString("read"));

        // A click on the database call takes the flow off it.
        auto curveOf = [&](const char* id) {
            const Connection* c = doc.connection(id);
            return geometry::connectionCurve(geometry::componentRect(*doc.component(c->from)),
                                             geometry::componentRect(*doc.component(c->to)));
        };
        QTest::mouseClick(window_, Qt::LeftButton, {}, onScreen(curveOf("c3").at(0.5)));
        QCOMPARE(controller_->undoText(), QString("Take Read off connection App \u2192 Database"));
        QVERIFY(doc.connection("c3")->props.at("flows") == Json::array({"session"}));
        waitFresh();
        QVERIFY(!flow("read")->syncComponents.empty());
        QVERIFY(std::find(flow("read")->syncComponents.begin(), flow("read")->syncComponents.end(),
                          "db") == flow("read")->syncComponents.end());
        QVERIFY(view_->critique().routeCandidates.contains("c3"));
        QCOMPARE(analysis_->routeOf("read").size(), 2);
        QTRY_VERIFY(!item("routeRow_c3"));
        // The session flow's route is as it was.
        QVERIFY(controller_->carriesFlow("c4", "session"));

        // A second click puts it back; a click on something else only says how it works.
        QTest::mouseClick(window_, Qt::LeftButton, {}, onScreen(curveOf("c3").at(0.5)));
        QVERIFY(doc.connection("c3")->props.at("flows") == Json::array({"read", "session"}));
        const QString undo = controller_->undoText();
        QTest::mouseClick(window_, Qt::LeftButton, {},
                          onScreen(geometry::componentRect(*doc.component("db")).center()));
        QCOMPARE(controller_->undoText(), undo);
        QVERIFY(controller_->status().contains("click a connection"));

        // Escape ends route mode; the flow stays selected and lit.
        view_->forceActiveFocus();
        QTest::keyClick(window_, Qt::Key_Escape);
        QCOMPARE(view_->routeFlow(), QString());
        QVERIFY(!view_->critique().routing);
        QVERIFY(view_->critique().flowShown);
        controller_->selection()->clear();
        QVERIFY(!view_->critique().flowShown);
        tabs->setProperty("currentIndex", 0);
    }

    /// A connection's label is drawn on its curve as a pill, in the canvas and exports.
    /// The status line under the findings: "Analysing…" while an edit waits, the progress
    /// of a run once it has gone on long enough (no delay here, so from its start), then
    /// the time of the run that is shown.
    void theStatusLineShowsTheProgressOfALongRun() {
        open(kExamples + "/url-shortener.archlens");
        QQuickItem* status = item("analysisStatus");
        QVERIFY(status);
        auto text = [status] { return status->property("text").toString(); };
        QVERIFY2(text().startsWith("Up to date · analysed in "), qPrintable(text()));
        QCOMPARE(analysis_->progress(), -1.0);

        QVERIFY(controller_->rename("gateway", "Edge gateway"));
        QCOMPARE(text(), QStringLiteral("Analysing…"));
        // The summary in the status bar keeps the shown counts while an edit waits...
        auto summary = [this] { return item("critiqueSummary")->property("text").toString(); };
        const QString counts = summary();
        QVERIFY2(counts.contains(" · ") && counts.endsWith(" info"), qPrintable(counts));
        analysis_->setProgressDelayMs(0);
        analysis_->runNow();
        QCOMPARE(analysis_->progress(), 0.0);
        QCOMPARE(text(), QStringLiteral("Analysing… 0 %"));
        // ...and shows the progress of a long run in their place, not in the errors' colour.
        QCOMPARE(summary(), QStringLiteral("Analysing… 0 %"));
        auto* summaryLabel = item("critiqueSummary")->property("contentItem").value<QQuickItem*>();
        QVERIFY(summaryLabel && analysis_->errorCount() > 0);
        QVERIFY(summaryLabel->property("color").value<QColor>() != StatusPalette::light().error);
        QTRY_VERIFY_WITH_TIMEOUT(analysis_->status() == AnalysisController::Fresh, 5000);
        QCOMPARE(analysis_->progress(), -1.0);
        QVERIFY2(text().startsWith("Up to date · analysed in "), qPrintable(text()));
        QCOMPARE(summary(), counts);
        analysis_->setProgressDelayMs(1000);
        controller_->undo();
        waitFresh();
    }

    void aConnectionLabelIsDrawnOnItsCurve() {
        open(kDesigns + "/single-database.archlens");
        QVERIFY(controller_->setAttribute("c2", "props.label", "HTTPS"));
        const Document& doc = controller_->document();
        const DiagramShapes shapes =
            diagramShapes(doc, Catalogue::builtin(), DiagramTheme::light(), ShapeOptions{});
        const LabelShape* label = nullptr;
        for (const auto& l : shapes.labels)
            if (l.kind == LabelShape::ConnectionLabel) label = &l;
        QVERIFY(label);
        QCOMPARE(doc.connections[size_t(label->row)].id, std::string("c2"));
        const Connection& c2 = *doc.connection("c2");
        const QPointF mid =
            geometry::connectionCurve(geometry::componentRect(*doc.component("lb")),
                                      geometry::componentRect(*doc.component("app")))
                .at(0.5);
        QVERIFY(label->rect.contains(mid));
        QVERIFY(label->rect.width() > 20 && label->rect.width() < 80);
        const LabelContent content =
            labelContent(*label, doc, Catalogue::builtin(), DiagramTheme::light());
        QCOMPARE(content.texts.size(), size_t(1));
        QCOMPARE(content.texts.front().text, QString("HTTPS"));
        // A badge on the connection moves off the words.
        QVERIFY(!label->rect.contains(geometry::connectionMarker(
            geometry::connectionCurve(geometry::componentRect(*doc.component("lb")),
                                      geometry::componentRect(*doc.component("app"))),
            c2)));
        controller_->undo();
    }
};

int main(int argc, char** argv) {
    archlens::test::QmlMessageGuard::install();
    QQuickStyle::setStyle("Fusion");
    QApplication app(argc, argv);
    // As the program does: the window keeps its settings under these names.
    QApplication::setOrganizationName("ArchLens");
    QApplication::setApplicationName("ArchLens critique UI test");
    CritiqueUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_critique_ui.moc"
