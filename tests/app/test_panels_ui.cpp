// The panels around the canvas, driven through the real window (offscreen): the inspector
// keeps its rows still while the critique of the selection changes, the numbers panel
// collapses to its bar and comes back at the height it had, the export dialog's title stays
// clear of its fields, and the dark theme's controls can be seen.
#include "analysis_controller.h"
#include "archlens/analysis/analyze.h"
#include "archlens/model/catalogue.h"
#include "document_controller.h"
#include "plot_builder.h"
#include "plot_item.h"
#include "selection_model.h"

#include "main_window_fixture.h"
#include "qml_message_guard.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QColor>
#include <QQmlApplicationEngine>
#include <QQmlProperty>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <functional>

#include <cmath>
#include <qcustomplot.h>

Q_IMPORT_QML_PLUGIN(ArchLensPlugin)

using namespace archlens;
using archlens::test::findItem;

namespace {
const QString kDesigns = QStringLiteral(ARCHLENS_TEST_DESIGNS);
} // namespace

class PanelsUiTest : public QObject {
    Q_OBJECT

    QQmlApplicationEngine* engine_ = nullptr;
    QQuickWindow* window_ = nullptr;
    DocumentController* controller_ = nullptr;
    AnalysisController* analysis_ = nullptr;

    QQuickItem* item(const QString& name) const { return findItem(window_->contentItem(), name); }
    /// An item shown on the screen, once it is laid out.
    QQuickItem* shown(const QString& name) {
        QQuickItem* found = nullptr;
        const bool ok = QTest::qWaitFor(
            [&] {
                found = item(name);
                return found && found->isVisible() && found->width() > 0 && found->height() > 0;
            },
            5000);
        return ok ? found : nullptr;
    }
    QPointF sceneTopLeft(const QQuickItem* i) const { return i->mapToScene(QPointF(0, 0)); }
    void click(QQuickItem* i) {
        QTest::mouseClick(window_, Qt::LeftButton, {},
                          i->mapToScene(QPointF(i->width() / 2, i->height() / 2)).toPoint());
    }
    QObject* settings() const { return window_->findChild<QObject*>("settings"); }
    /// WCAG's contrast ratio of two opaque colours, 1 to 21.
    static double contrast(const QColor& a, const QColor& b) {
        auto luminance = [](const QColor& c) {
            auto channel = [](double v) {
                return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
            };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
                   0.0722 * channel(c.blueF());
        };
        const double la = luminance(a), lb = luminance(b);
        return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
    }
    static QColor colourOf(QObject* object, const char* path) {
        return QQmlProperty(object, QString::fromLatin1(path)).read().value<QColor>();
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
        analysis_ = ui.analysis;
        // Settings outlive a run: start from the panel shown at its usual height.
        QObject* s = settings();
        QVERIFY(s);
        s->setProperty("numbersCollapsed", false);
        s->setProperty("numbersHeight", 300);
        s->setProperty("theme", "light");
        ARCHLENS_VERIFY_NO_QML_MESSAGES();
    }

    /// The findings about the selected component come and go as it is edited; its property
    /// rows stay where they were.
    void inspectorRowsStayWhileFindingsComeAndGo() {
        QVERIFY(controller_->openFile(kDesigns + "/single-database.archlens"));
        item("sideTabs")->setProperty("currentIndex", 0);
        controller_->selection()->select("app");
        auto* findings = window_->findChild<QAbstractItemModel*>("selectionFindings");
        QVERIFY(findings);
        // Three instances in three zones with automatic failover: nothing to say about it.
        QTRY_VERIFY_WITH_TIMEOUT(analysis_->status() == AnalysisController::Fresh, 5000);
        QCOMPARE(findings->rowCount(), 0);
        QQuickItem* instances = shown("field_props.instances");
        QVERIFY(instances);
        QQuickItem* availability = shown("field_props.availability");
        QVERIFY(availability);
        QQuickItem* list = item("selectionFindingList");
        QVERIFY(list);
        const QPointF instancesAt = sceneTopLeft(instances);
        const QPointF availabilityAt = sceneTopLeft(availability);

        // Typed down to one instance: it becomes a single point of failure.
        click(instances);
        QTRY_VERIFY(instances->hasActiveFocus());
        QTest::keyClick(window_, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(window_, Qt::Key_1);
        QTest::keyClick(window_, Qt::Key_Return);
        QTRY_COMPARE(controller_->document().component("app")->props.value("instances", 0), 1);
        QTRY_VERIFY_WITH_TIMEOUT(findings->rowCount() > 0, 5000);
        QTRY_VERIFY(list->isVisible() && list->height() > 0);
        QTest::qWait(100); // a frame for the layout to settle
        QCOMPARE(sceneTopLeft(instances), instancesAt);
        QCOMPARE(sceneTopLeft(availability), availabilityAt);
        // The list is shown, under the rows.
        QVERIFY(list->mapToScene(QPointF(0, 0)).y() > availabilityAt.y());

        // Undo takes the finding away again; still nothing moves.
        controller_->undo();
        QTRY_COMPARE_WITH_TIMEOUT(findings->rowCount(), 0, 5000);
        QTest::qWait(100);
        QCOMPARE(sceneTopLeft(instances), instancesAt);
        QCOMPARE(sceneTopLeft(availability), availabilityAt);
    }

    /// The numbers panel folds to its what-if bar (button or Ctrl+J) giving the canvas the
    /// room, unfolds at the height it had, and the split handle still resizes it.
    /// A flow added and selected is the one the numbers table marks once its numbers come,
    /// though it had no row when it was selected.
    void theNumbersTableMarksAFlowJustAdded() {
        QVERIFY(controller_->openFile(QStringLiteral(ARCHLENS_RESOURCES_DIR) +
                                       "/examples/url-shortener.archlens"));
        QQuickItem* panel = shown("numbersPanel");
        QQuickItem* table = shown("flowTable");
        QTRY_COMPARE(table->property("count").toInt(), 3);
        const QString id = controller_->addFlow();
        QVERIFY(!id.isEmpty());
        controller_->selection()->select(id);
        QTRY_COMPARE(table->property("count").toInt(), 4);
        QTRY_COMPARE(panel->property("flowId").toString(), id);
    }

    /// The load curves tab plots the flow the table marks, and the analysis works out
    /// curves for that flow only while the tab is on show: choosing another flow brings its
    /// curves (those of a full analysis) without a new report.
    void theLoadCurvesTabPlotsTheFlowOnShow() {
        QVERIFY(controller_->openFile(QStringLiteral(ARCHLENS_RESOURCES_DIR) +
                                      "/examples/url-shortener.archlens"));
        QQuickItem* panel = shown("numbersPanel");
        QVERIFY(panel);
        QTRY_COMPARE(shown("flowTable")->property("count").toInt(), 3);
        QTRY_VERIFY(analysis_->status() == AnalysisController::Fresh && !analysis_->running());
        panel->setProperty("page", 0);
        QCOMPARE(analysis_->curveFlow(), QString()); // nothing plotted, nothing worked out

        panel->setProperty("page", 2);
        // The previous test marked a fourth flow, which this design does not have: the
        // first is marked instead.
        QTRY_VERIFY(!panel->property("flowId").toString().isEmpty());
        const QString first = panel->property("flowId").toString();
        QCOMPARE(analysis_->curveFlow(), first);
        auto* plotItem = qobject_cast<PlotItem*>(shown("plot"));
        QVERIFY(plotItem);
        const Report full = analyze(controller_->document(), Catalogue::builtin());
        // The plot's p99 line, point by point, against the full analysis' curve of `flow`.
        auto plotsCurveOf = [&](const QString& flow) {
            const FlowResult* result = full.flow(flow.toStdString());
            if (!result) return false;
            const auto f = std::size_t(result - full.flows.data());
            QCustomPlot& plot = plotItem->plot();
            for (int i = 0; i < plot.plottableCount(); ++i) {
                auto* graph = qobject_cast<QCPGraph*>(plot.plottable(i));
                if (!graph || graph->objectName() != QLatin1String(plotnames::p99)) continue;
                if (std::size_t(graph->data()->size()) != full.curves.size()) return false;
                auto it = graph->data()->constBegin();
                for (std::size_t p = 0; p < full.curves.size(); ++p, ++it)
                    if (it->value != full.curves[p].flowLatency[f].second) return false;
                return true;
            }
            return false;
        };
        QTRY_VERIFY(!analysis_->running() && plotsCurveOf(first));

        // Another flow marked in the table: its curves come without a new report.
        QSignalSpy reports(analysis_, &AnalysisController::reportChanged);
        const QString second =
            QString::fromStdString(full.flows[full.flows[0].id == first.toStdString() ? 1 : 0].id);
        controller_->selection()->select(second);
        QTRY_COMPARE(panel->property("flowId").toString(), second);
        QCOMPARE(analysis_->curveFlow(), second);
        QTRY_VERIFY(!analysis_->running() && plotsCurveOf(second));
        QCOMPARE(reports.count(), 0);
        QCOMPARE(analysis_->status(), AnalysisController::Fresh);

        panel->setProperty("page", 0);
        QCOMPARE(analysis_->curveFlow(), QString());
    }

    void numbersPanelCollapsesAndResizes() {
        QQuickItem* panel = shown("numbersPanel");
        QVERIFY(panel);
        QQuickItem* canvas = shown("diagramView");
        QVERIFY(canvas);
        QObject* s = settings();
        QTRY_COMPARE(panel->height(), 300.0);
        const qreal canvasHeight = canvas->height();
        const qreal header = panel->property("headerHeight").toReal();
        QVERIFY(header > 20 && header < 80);

        // The handle between the canvas and the panel, dragged up by 100 px.
        const QPointF handle = panel->mapToScene(QPointF(panel->width() / 2, -3));
        QTest::mouseMove(window_, handle.toPoint());
        QTest::mousePress(window_, Qt::LeftButton, {}, handle.toPoint());
        for (int i = 1; i <= 10; ++i)
            QTest::mouseMove(window_, (handle - QPointF(0, 10 * i)).toPoint());
        QTest::mouseRelease(window_, Qt::LeftButton, {}, (handle - QPointF(0, 100)).toPoint());
        QTRY_VERIFY2(std::abs(panel->height() - 400) <= 2,
                     qPrintable(QString::number(panel->height())));
        const qreal dragged = panel->height();
        QTRY_COMPARE(s->property("numbersHeight").toReal(), dragged);
        QTRY_COMPARE(canvas->height(), canvasHeight - (dragged - 300));

        // Collapsed by its button: only the bar is left, and the canvas has the room.
        QQuickItem* button = shown("numbersCollapse");
        QVERIFY(button);
        click(button);
        QTRY_COMPARE(panel->height(), header);
        QVERIFY(s->property("numbersCollapsed").toBool());
        QTRY_COMPARE(canvas->height(), canvasHeight + 300 - header);
        QVERIFY(!item("numberTabs")->isVisible());
        QVERIFY(!item("plot")->isVisible());

        // Expanded by the View menu's shortcut: back at the dragged height.
        window_->requestActivate();
        QTest::keyClick(window_, Qt::Key_J, Qt::ControlModifier);
        QTRY_COMPARE(panel->height(), dragged);
        QVERIFY(!s->property("numbersCollapsed").toBool());
        QTRY_VERIFY(item("numberTabs")->isVisible());
        QCOMPARE(canvas->height(), canvasHeight - (dragged - 300));

        // And folded again by the shortcut.
        QTest::keyClick(window_, Qt::Key_J, Qt::ControlModifier);
        QTRY_COMPARE(panel->height(), header);
        QTest::keyClick(window_, Qt::Key_J, Qt::ControlModifier);
        QTRY_COMPARE(panel->height(), dragged);
        s->setProperty("numbersHeight", 300);
    }

    /// Export Report: its title sits above its fields, at the usual size and in a small
    /// window.
    void exportDialogTitleClearsItsFields_data() {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("report");
        QTest::newRow("report, 1400x900") << QSize(1400, 900) << true;
        QTest::newRow("diagram, 1400x900") << QSize(1400, 900) << false;
        QTest::newRow("report, 800x480") << QSize(800, 480) << true;
        QTest::newRow("diagram, 800x480") << QSize(800, 480) << false;
    }
    void exportDialogTitleClearsItsFields() {
        QFETCH(QSize, size);
        QFETCH(bool, report);
        window_->resize(size);
        QTRY_COMPARE(window_->size(), size);
        QVERIFY(controller_->openFile(kDesigns + "/single-database.archlens"));
        QObject* menu = window_->property("menuBar").value<QObject*>();
        QVERIFY(menu);
        QObject* dialog = menu->property("exportDialog").value<QObject*>();
        QVERIFY(dialog);
        window_->requestActivate();
        QTest::keyClick(window_, Qt::Key_E,
                        report ? Qt::ControlModifier | Qt::ShiftModifier : Qt::ControlModifier);
        QTRY_VERIFY(dialog->property("opened").toBool());
        auto* header = dialog->property("header").value<QQuickItem*>();
        QVERIFY(header);
        QQuickItem* format = shown("exportFormat");
        QVERIFY(format);
        QQuickItem* button = shown("exportButton");
        QVERIFY(button);
        const qreal headerBottom = header->mapToScene(QPointF(0, header->height())).y();
        QVERIFY2(headerBottom <= sceneTopLeft(format).y(),
                 qPrintable(QStringLiteral("title ends at %1, the format box starts at %2")
                                .arg(headerBottom)
                                .arg(sceneTopLeft(format).y())));
        // Every option lies under the title, in its column and clear of the others (a
        // wrapped text included), and the Export button above the dialog's buttons.
        QQuickItem* options = shown("exportOptions");
        QVERIFY(options);
        QQuickItem* preview = shown("exportPreview");
        QVERIFY(preview);
        // What is wrong with the options' places, "" when nothing is (and how many are shown).
        int shownOptions = 0;
        auto misplaced = [&]() -> QString {
            QList<QRectF> placed;
            for (QQuickItem* option : options->childItems()) {
                if (!option->isVisible() || option->height() <= 0) continue;
                const QRectF r(option->mapToScene(QPointF(0, 0)), option->size());
                const QString name = option->objectName().isEmpty()
                                         ? option->property("text").toString()
                                         : option->objectName();
                if (r.top() < headerBottom) return name + " is under the title";
                if (r.right() > sceneTopLeft(preview).x()) return name + " runs into the preview";
                for (const QRectF& other : placed)
                    if (r.intersects(other)) return name + " overlaps another option";
                placed << r;
            }
            shownOptions = int(placed.size());
            return {};
        };
        QTRY_COMPARE(misplaced(), QString());
        QCOMPARE(shownOptions, report ? 3 : 8);
        if (report) {
            QQuickItem* contents = item("exportReportContents");
            QVERIFY(contents && contents->isVisible());
            QVERIFY(contents->property("lineCount").toInt() > 1); // wrapped to the column
        }
        auto* footer = dialog->property("footer").value<QQuickItem*>();
        QVERIFY(footer);
        QVERIFY(button->mapToScene(QPointF(0, button->height())).y() <= sceneTopLeft(footer).y());
        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!dialog->property("visible").toBool());
        window_->resize(1400, 900);
    }
    /// In the dark theme the edges of check boxes, radio buttons, buttons, combo boxes and
    /// spin boxes stand out from the window (3:1, as WCAG asks of a control's edge), and so
    /// does a check mark from its box.
    void darkThemeControlsCanBeSeen() {
        settings()->setProperty("theme", "dark");
        QTRY_VERIFY(window_->property("dark").toBool());
        QVERIFY(controller_->openFile(kDesigns + "/single-database.archlens"));
        const QColor background = colourOf(window_, "palette.window");
        QVERIFY(background.lightnessF() < 0.3);

        QQuickItem* showLoad = shown("showLoad");
        QVERIFY(showLoad);
        auto* box = showLoad->property("indicator").value<QQuickItem*>();
        QVERIFY(box);
        QVERIFY2(contrast(colourOf(box, "border.color"), background) >= 3,
                 qPrintable(colourOf(box, "border.color").name()));
        // The mark drawn in a ticked box against the box's fill.
        QVERIFY(contrast(colourOf(box, "checkMarkColor"), colourOf(box, "color")) >= 3);

        QQuickItem* failure = shown("failureMode");
        QVERIFY(failure);
        auto* frame = failure->property("background").value<QQuickItem*>();
        QVERIFY(frame);
        QVERIFY2(contrast(colourOf(frame, "border.color"), background) >= 3,
                 qPrintable(colourOf(frame, "border.color").name()));
        QVERIFY(contrast(colourOf(failure, "palette.buttonText"), colourOf(frame, "color")) >= 4.5);

        // The inspector's spin box and combo box, with a component selected.
        item("sideTabs")->setProperty("currentIndex", 0);
        controller_->selection()->select("app");
        for (const char* name : {"field_props.instances", "field_props.failover"}) {
            QQuickItem* field = shown(QString::fromLatin1(name));
            QVERIFY2(field, name);
            auto* edge = field->property("background").value<QQuickItem*>();
            QVERIFY2(edge, name);
            QVERIFY2(contrast(colourOf(edge, "border.color"), background) >= 3, name);
        }

        // The export dialog's radio buttons and check boxes.
        QObject* dialog = window_->property("menuBar")
                              .value<QObject*>()
                              ->property("exportDialog")
                              .value<QObject*>();
        QVERIFY(QMetaObject::invokeMethod(dialog, "openFor", Q_ARG(QVariant, false)));
        QTRY_VERIFY(dialog->property("opened").toBool());
        QQuickItem* options = shown("exportOptions");
        QVERIFY(options);
        int indicators = 0;
        for (QQuickItem* option : options->childItems()) {
            auto* indicator = option->property("indicator").value<QQuickItem*>();
            // Radio buttons and check boxes (a combo box's indicator is its arrow).
            if (!indicator || !option->isVisible() || !option->property("checked").isValid())
                continue;
            ++indicators;
            QVERIFY2(contrast(colourOf(indicator, "border.color"), background) >= 3,
                     qPrintable(option->property("text").toString()));
        }
        QCOMPARE(indicators, 4); // whole diagram, selection only, white background, badges
        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!dialog->property("visible").toBool());
        settings()->setProperty("theme", "light");
        QTRY_VERIFY(!window_->property("dark").toBool());
    }

    /// In the dark theme text fields (the inspector's, the palette's search) and text areas
    /// have an edge that stands out from the window, and a dialog's standard buttons are
    /// outlined as the window's other buttons are.
    void darkThemeTextFieldsAndDialogButtonsHaveEdges() {
        settings()->setProperty("theme", "dark");
        QTRY_VERIFY(window_->property("dark").toBool());
        QVERIFY(controller_->openFile(kDesigns + "/single-database.archlens"));
        const QColor background = colourOf(window_, "palette.window");
        QVERIFY(background.lightnessF() < 0.3);
        auto edgeContrast = [&](QQuickItem* field) {
            auto* frame = field->property("background").value<QQuickItem*>();
            return frame ? contrast(colourOf(frame, "border.color"), background) : 0.0;
        };

        item("sideTabs")->setProperty("currentIndex", 0);
        controller_->selection()->clear();
        QQuickItem* title = shown("field_title");
        QVERIFY(title);
        QVERIFY2(edgeContrast(title) >= 3, qPrintable(QString::number(edgeContrast(title))));
        controller_->selection()->select("app");
        QQuickItem* availability = shown("field_props.availability");
        QVERIFY(availability);
        QVERIFY2(edgeContrast(availability) >= 3,
                 qPrintable(QString::number(edgeContrast(availability))));
        // A note's text is a text area.
        const QString note = controller_->addNote(40, 40, QStringLiteral("Hot keys"));
        controller_->selection()->select(note);
        QQuickItem* text = shown("field_text");
        QVERIFY(text);
        QVERIFY2(edgeContrast(text) >= 3, qPrintable(QString::number(edgeContrast(text))));
        controller_->undo();
        // The palette's search field, found by what it asks for.
        std::function<QQuickItem*(QQuickItem*)> search = [&](QQuickItem* i) -> QQuickItem* {
            if (i->property("placeholderText").toString() == QStringLiteral("Search components"))
                return i;
            for (QQuickItem* child : i->childItems())
                if (QQuickItem* found = search(child)) return found;
            return nullptr;
        };
        QQuickItem* paletteSearch = search(window_->contentItem());
        QVERIFY(paletteSearch);
        QVERIFY(edgeContrast(paletteSearch) >= 3);

        // The About dialog's Close button.
        QObject* dialog = window_->property("menuBar")
                              .value<QObject*>()
                              ->property("aboutDialog")
                              .value<QObject*>();
        QVERIFY(dialog);
        QMetaObject::invokeMethod(dialog, "open");
        QTRY_VERIFY(dialog->property("opened").toBool());
        auto* footer = dialog->property("footer").value<QQuickItem*>();
        QVERIFY(footer);
        QQuickItem* close = nullptr;
        for (QQuickItem* b : footer->findChildren<QQuickItem*>())
            if (b->property("text").toString() == QStringLiteral("Close") &&
                b->property("background").isValid())
                close = b;
        QVERIFY(close);
        QTRY_VERIFY(close->isVisible() && close->width() > 0);
        QVERIFY2(edgeContrast(close) >= 3, qPrintable(QString::number(edgeContrast(close))));
        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!dialog->property("visible").toBool());
        settings()->setProperty("theme", "light");
        QTRY_VERIFY(!window_->property("dark").toBool());
    }
};

int main(int argc, char** argv) {
    archlens::test::QmlMessageGuard::install();
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ArchLensTests");
    QApplication::setApplicationName("panels-ui");
    QQuickStyle::setStyle("Fusion");
    PanelsUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_panels_ui.moc"
