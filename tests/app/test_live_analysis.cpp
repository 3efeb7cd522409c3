// The live analysis on a design big enough that a run takes a while: an edit made while a
// run is going stops that run (it is counted, and its report is never shown), and the
// report shown at the end is the one of the final design. No assertion depends on how long
// anything takes: the second edit is made straight after the run is started, in the same
// turn of the event loop, long before a run over thousands of components can end.
#include "analysis_controller.h"
#include "document_controller.h"
#include "freed_memory.h"

#include "archlens/analysis/analyze.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document_io.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

using namespace archlens;

namespace {

/// Clients, then `layers` layers of `width` services (stores last), each calling three
/// neighbours in the next layer; one flow per client. Wide enough, every flow reaches a
/// few dozen components and a run takes a noticeable time.
Document layeredDesign(int clients, int layers, int width) {
    Document doc;
    doc.title = "Layered";
    auto id = [](int layer, int j) {
        return "s" + std::to_string(layer) + "_" + std::to_string(j);
    };
    for (int l = 0; l < layers; ++l)
        for (int j = 0; j < width; ++j)
            doc.components.push_back({id(l, j),
                                      l + 1 == layers ? "key_value_store" : "app_service",
                                      id(l, j),
                                      double(200 * l),
                                      double(60 * j),
                                      Json{{"instances", 2}, {"capacity_rps", 1000 + 37 * j}},
                                      Json::object(),
                                      {},
                                      {}});
    int edge = 0;
    auto connect = [&](const std::string& from, const std::string& to) {
        Connection c;
        c.id = "e" + std::to_string(edge++);
        c.from = from;
        c.to = to;
        c.mode = ConnectionMode::Sync;
        c.props = Json{{"timeout_ms", 500}};
        doc.connections.push_back(std::move(c));
    };
    for (int f = 0; f < clients; ++f) {
        const std::string client = "client" + std::to_string(f);
        doc.components.push_back({client,
                                  "client",
                                  client,
                                  -200,
                                  double(60 * f),
                                  Json::object(),
                                  Json::object(),
                                  {},
                                  {}});
        connect(client, id(0, f * width / clients));
        Flow flow;
        flow.id = "f" + std::to_string(f);
        flow.name = flow.id;
        flow.entry = client;
        flow.op = f % 2 ? "write" : "read";
        flow.rate_rps = 50;
        doc.flows.push_back(flow);
    }
    for (int l = 0; l + 1 < layers; ++l)
        for (int j = 0; j < width; ++j)
            for (int k = 0; k < 3; ++k)
                connect(id(l, j), id(l + 1, (j + k) % width));
    return doc;
}

/// A small layered design (two flows) opened in a controller, with the live analysis on
/// it; ready() waits for the first run to end.
struct SmallDesign {
    QTemporaryDir dir;
    DocumentController controller;
    AnalysisController analysis; // after the controller: it goes first
    /// Whether the design opened and its first run ended, fresh, within 30 s.
    bool ready() {
        const QString path = dir.filePath("small.archlens");
        if (!dir.isValid() ||
            !writeDocumentFile(path.toStdString(), layeredDesign(2, 3, 4)).empty() ||
            !controller.openFile(path))
            return false;
        analysis.setController(&controller);
        analysis.runNow();
        return QTest::qWaitFor(
            [&] { return analysis.status() == AnalysisController::Fresh && analysis.report(); },
            30000);
    }
};

/// The process's own resident memory (RssAnon), in KB; 0 where /proc does not say.
long ownMemoryKb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("RssAnon:", 0) == 0) return std::stol(line.substr(8));
    return 0;
}

} // namespace

class LiveAnalysisTest : public QObject {
    Q_OBJECT

private slots:
    void anEditDuringARunStopsItAndTheFinalDesignIsShown() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("layered.archlens");
        QCOMPARE(writeDocumentFile(path.toStdString(), layeredDesign(40, 6, 700)), std::string());
        DocumentController controller;
        QVERIFY(controller.openFile(path));
        AnalysisController analysis;
        QSignalSpy resultsChanged(&analysis, &AnalysisController::reportChanged);
        analysis.setController(&controller);
        // Nothing to show until the first run ends: the window says it is analysing rather
        // than show no findings.
        QVERIFY(!analysis.hasResults());
        QVERIFY(QTest::qWaitFor(
            [&] { return analysis.status() == AnalysisController::Fresh && analysis.report(); },
            120000));
        QVERIFY(analysis.hasResults());
        QVERIFY(!resultsChanged.isEmpty());
        const auto first = analysis.report();
        QCOMPARE(analysis.cancelledRuns(), 0);
        QCOMPARE(analysis.progress(), -1.0);

        QSignalSpy shown(&analysis, &AnalysisController::reportChanged);
        Editor& editor = controller.editor();
        auto early = editor.addComponent(
            {"", "cache", "Early cache", 10, 10, Json::object(), Json::object(), {}, {}});
        QVERIFY(early.ok());
        analysis.runNow(); // the run for the design with "early" is under way...
        QVERIFY(analysis.running());
        QCOMPARE(analysis.status(), AnalysisController::Pending);
        auto late = editor.addComponent(
            {"", "cache", "Late cache", 10, 80, Json::object(), Json::object(), {}, {}});
        QVERIFY(late.ok()); // ...and this edit stops it.
        QCOMPARE(analysis.status(), AnalysisController::Pending);
        QCOMPARE(analysis.report(), first); // the previous results stay meanwhile

        QVERIFY(QTest::qWaitFor(
            [&] { return analysis.status() == AnalysisController::Fresh && !analysis.running(); },
            120000));
        QCOMPARE(analysis.cancelledRuns(), 1);
        // One report shown since the edits, the final design's: it knows both new components,
        // and it was made from a copy equal to the document as it now is.
        QCOMPARE(shown.count(), 1);
        const auto last = analysis.report();
        QVERIFY(last != first);
        QVERIFY(last->component(early.id));
        QVERIFY(last->component(late.id));
        QCOMPARE(last->components.size(), editor.document().components.size());
        QVERIFY(*analysis.analysedDocument() == editor.document());
        QVERIFY(!last->findings.empty());
        QCOMPARE(analysis.progress(), -1.0);
    }

    /// A run stopped by an edit lets go of its copy of the design before the next run takes
    /// one, so that quick edits keep two copies alive (the one on show and the one being
    /// analysed), not three.
    void aStoppedRunLetsGoOfItsCopyBeforeTheNextRunTakesOne() {
        SmallDesign small;
        QVERIFY(small.ready());
        AnalysisController& analysis = small.analysis;
        Editor& editor = small.controller.editor();
        analysis.setProgressDelayMs(0); // a run shows its progress as it starts
        QVERIFY(editor.setAttribute({ElementType::Component, "s0_0", "props.instances"}, 3).ok());
        analysis.runNow();
        QVERIFY(analysis.running());
        // The editor hands out the run's copy until the document next changes.
        const std::weak_ptr<const Document> stopped = small.controller.snapshot();
        QVERIFY(stopped.lock() != analysis.analysedDocument());
        int starts = 0;
        bool stoppedGoneAtStart = false;
        const auto watching = connect(&analysis, &AnalysisController::progressChanged, this, [&] {
            if (analysis.progress() != 0) return; // a run starting shows 0
            ++starts;
            stoppedGoneAtStart = stopped.expired();
        });
        QVERIFY(editor.setAttribute({ElementType::Component, "s0_0", "props.instances"}, 4).ok());
        // No waiting for the pause after the edit: the stopped run starts the next as it ends.
        analysis.runNow();
        QVERIFY(QTest::qWaitFor(
            [&] { return analysis.status() == AnalysisController::Fresh && !analysis.running(); },
            30000));
        disconnect(watching);
        QCOMPARE(starts, 1);
        QVERIFY(stoppedGoneAtStart);
        // (Whether the stopped run saw the edit in time to cut itself short depends on the
        // threads' timing on a design this small: its results are dropped either way.)
        QVERIFY(*analysis.analysedDocument() == editor.document());
    }

    void aRunThatIsNotInterruptedIsNotCounted() {
        SmallDesign small;
        QVERIFY(small.ready());
        const AnalysisController& analysis = small.analysis;
        QCOMPARE(analysis.cancelledRuns(), 0);
        QCOMPARE(analysis.report()->flows.size(), std::size_t(2));
        QCOMPARE(analysis.progress(), -1.0);
    }

    /// A run's threads give way to the window's: the thread that ran it has a nice value
    /// of 10, the window's thread keeps its own (Linux keeps one per thread).
    void runsGiveWayToTheWindow() {
#ifdef __linux__
        SmallDesign small;
        QVERIFY(small.ready()); // a run has ended on the pool's thread
        // The nice value of each thread of this process, from /proc (field 19 of stat).
        auto niceOf = [](const QString& task) {
            QFile stat("/proc/self/task/" + task + "/stat");
            if (!stat.open(QIODevice::ReadOnly)) return -100;
            const QByteArray text = stat.readAll();
            const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
            return fields.size() > 16 ? fields[16].toInt() : -100;
        };
        const QString self = QString::number(QCoreApplication::applicationPid());
        if (niceOf(self) >= 10) QSKIP("the tests themselves run at a low priority");
        QVERIFY(niceOf(self) >= -20);
        int background = 0;
        for (const QString& task :
             QDir("/proc/self/task").entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            background += niceOf(task) == 10 ? 1 : 0;
        QVERIFY(background >= 1);
#else
        QSKIP("thread priorities are only looked at on Linux");
#endif
    }

    /// Moving and resizing boxes changes nothing the analysis reads: the results stay fresh
    /// and no run starts, however many boxes move. A rename does run it.
    void movingAndResizingBoxesKeepsTheResults() {
        SmallDesign small;
        QVERIFY(small.ready());
        DocumentController& controller = small.controller;
        AnalysisController& analysis = small.analysis;
        analysis.setDebounceMs(0);
        const auto report = analysis.report();
        QSignalSpy reports(&analysis, &AnalysisController::reportChanged);

        const Document& doc = controller.document();
        const QString first = QString::fromStdString(doc.components.front().id);
        const QString last = QString::fromStdString(doc.components.back().id);
        QVERIFY(controller.moveElements({first, last}, 40, 24));
        QVERIFY(controller.resizeComponent(last, 260, 120));
        controller.undo();
        QCOMPARE(analysis.status(), AnalysisController::Fresh);
        QVERIFY(!analysis.running());
        QTest::qWait(50); // a run, had one been scheduled, would start here
        QVERIFY(!analysis.running());
        QCOMPARE(reports.count(), 0);
        QCOMPARE(analysis.report(), report);
        QCOMPARE(analysis.status(), AnalysisController::Fresh);

        QVERIFY(controller.rename(last, "Renamed store"));
        QCOMPARE(analysis.status(), AnalysisController::Pending);
        QVERIFY(QTest::qWaitFor(
            [&] { return analysis.status() == AnalysisController::Fresh && reports.count() == 1; },
            30000));
        QVERIFY(analysis.report() != report);
    }

    /// Load curves are worked out for the flow on show only; choosing another adds its
    /// curves in a run of their own, without a new report, and they are those a full
    /// analysis gives. An edit during that run stops it, and the next report carries the
    /// chosen flow's curves by itself.
    void curvesAreWorkedOutForTheFlowOnShow() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("curves.archlens");
        QCOMPARE(writeDocumentFile(path.toStdString(), layeredDesign(4, 4, 12)), std::string());
        DocumentController controller;
        QVERIFY(controller.openFile(path));
        AnalysisController analysis;
        analysis.setCurveFlow("f1");
        analysis.setController(&controller);
        analysis.runNow();
        QVERIFY(QTest::qWaitFor(
            [&] { return analysis.status() == AnalysisController::Fresh && !analysis.running(); },
            30000));
        const Report full = analyze(controller.document(), Catalogue::builtin());
        auto column = [](const std::vector<CurvePoint>& curves, std::size_t f) {
            std::vector<std::pair<double, double>> out;
            for (const auto& point : curves)
                out.push_back(point.flowLatency.at(f));
            return out;
        };
        auto none = [&](std::size_t f) {
            const auto c = column(*analysis.curves(), f);
            return std::all_of(c.begin(), c.end(), [](const auto& l) {
                return std::isnan(l.first) && std::isnan(l.second);
            });
        };
        QVERIFY(analysis.curves());
        QCOMPARE(analysis.curves()->size(), full.curves.size());
        QVERIFY(column(*analysis.curves(), 1) == column(full.curves, 1));
        QVERIFY(none(0));
        QVERIFY(none(2));
        QVERIFY(none(3));

        // Another flow: its curves join the ones shown; the report and status stay.
        const auto report = analysis.report();
        QSignalSpy reports(&analysis, &AnalysisController::reportChanged);
        QSignalSpy curves(&analysis, &AnalysisController::curvesChanged);
        analysis.setCurveFlow("f2");
        QVERIFY(analysis.running());
        QCOMPARE(analysis.status(), AnalysisController::Fresh);
        QVERIFY(QTest::qWaitFor([&] { return curves.count() == 1 && !analysis.running(); }, 30000));
        QCOMPARE(reports.count(), 0);
        QCOMPARE(analysis.report(), report);
        QVERIFY(column(*analysis.curves(), 2) == column(full.curves, 2));
        QVERIFY(column(*analysis.curves(), 1) == column(full.curves, 1));
        QVERIFY(none(0));

        // A flow already worked out, or none: nothing runs.
        analysis.setCurveFlow("f1");
        QVERIFY(!analysis.running());
        analysis.setCurveFlow("");
        QVERIFY(!analysis.running());

        // An edit while a flow's curves are being worked out stops that run; the report of
        // the edited design carries that flow's curves, and only that flow's.
        analysis.setCurveFlow("f3");
        QVERIFY(analysis.running());
        auto added = controller.editor().addComponent(
            {"", "cache", "Added cache", 10, 10, Json::object(), Json::object(), {}, {}});
        QVERIFY(added.ok());
        QVERIFY(QTest::qWaitFor(
            [&] { return analysis.status() == AnalysisController::Fresh && !analysis.running(); },
            30000));
        QVERIFY(analysis.report()->component(added.id));
        const Report edited = analyze(controller.document(), Catalogue::builtin());
        QVERIFY(column(*analysis.curves(), 3) == column(edited.curves, 3));
        QVERIFY(none(1));
        QVERIFY(none(2));
    }

    /// Once a run has ended and the editing pauses, the freed memory goes back to the
    /// system, once a pause; edits in quick succession put it off until the pause after them.
    void freedMemoryGoesBackWhenTheEditingPauses() {
#if !defined(__GLIBC__)
        QSKIP("only glibc offers a way to hand freed memory back");
#else
        SmallDesign small;
        QVERIFY(small.ready());
        DocumentController& controller = small.controller;
        AnalysisController& analysis = small.analysis;
        analysis.setDebounceMs(0);
        QCOMPARE(analysis.memoryReturnDelayMs(), 2000);
        QCOMPARE(analysis.memoryReturns(), 0); // the first run ended well under 2 s ago
        // A shorter wait starts again from now.
        analysis.setMemoryReturnDelayMs(100);
        QTRY_COMPARE_WITH_TIMEOUT(analysis.memoryReturns(), 1, 10000);
        QTest::qWait(400);
        QCOMPARE(analysis.memoryReturns(), 1);

        // Two edits, each straight after the previous run: no pause, nothing handed back.
        analysis.setMemoryReturnDelayMs(60000);
        const QString last = QString::fromStdString(controller.document().components.back().id);
        QVERIFY(controller.rename(last, "Renamed once"));
        QVERIFY(
            QTest::qWaitFor([&] { return analysis.status() == AnalysisController::Fresh; }, 30000));
        QVERIFY(controller.rename(last, "Renamed twice"));
        QVERIFY(analysis.running() || analysis.status() == AnalysisController::Pending);
        QVERIFY(QTest::qWaitFor(
            [&] { return analysis.status() == AnalysisController::Fresh && !analysis.running(); },
            30000));
        QCOMPARE(analysis.memoryReturns(), 1);
        // The pause after the last run.
        analysis.setMemoryReturnDelayMs(50);
        QTRY_COMPARE_WITH_TIMEOUT(analysis.memoryReturns(), 2, 10000);
#endif
    }

    /// What a thread frees stays with the process until it is handed back: of 32 MB in
    /// blocks of 16 KB, every other block freed (so that the thread's heap can neither merge
    /// them nor shrink) stays in the process's own memory, and handing it back takes most of
    /// that half off it.
    void handingBackFreedMemoryLowersTheProcesssOwn() {
#if !defined(__GLIBC__) || !defined(__linux__)
        QSKIP("glibc on Linux only");
#elif defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
        QSKIP("the sanitizer's allocator keeps freed memory in a quarantine of its own");
#else
        constexpr std::size_t kBlock = 16 * 1024, kBlocks = 2048;
        long before = 0, held = 0, after = 0;
        bool handedBack = false;
        std::thread worker([&] {
            std::vector<char*> blocks;
            blocks.reserve(kBlocks);
            // From a clean slate: what earlier tests freed would otherwise be reused here.
            handBackFreedMemory();
            before = ownMemoryKb();
            for (std::size_t i = 0; i < kBlocks; ++i) {
                blocks.push_back(static_cast<char*>(std::malloc(kBlock)));
                std::fill_n(blocks.back(), kBlock, char(i));
            }
            for (std::size_t i = 1; i < kBlocks; i += 2)
                std::free(blocks[i]);
            held = ownMemoryKb();
            handedBack = handBackFreedMemory();
            after = ownMemoryKb();
            for (std::size_t i = 0; i < kBlocks; i += 2)
                std::free(blocks[i]);
        });
        worker.join();
        QVERIFY(handedBack);
        const QString figures = QString("own memory %1 KB, %2 KB with half the blocks freed, "
                                        "%3 KB once handed back")
                                    .arg(before)
                                    .arg(held)
                                    .arg(after);
        QVERIFY2(held - before > 24 * 1024, qPrintable(figures));
        QVERIFY2(held - after > 8 * 1024, qPrintable(figures));
#endif
    }
};

QTEST_MAIN(LiveAnalysisTest)
#include "test_live_analysis.moc"
