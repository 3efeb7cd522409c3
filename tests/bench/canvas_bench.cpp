// Benchmark of the editor window (not a test): loads generated designs into the real main
// window and prints the time from opening the file to the first frame, then the median
// and 95th-percentile frame times while panning and zooming continuously, while editing
// with the live critique re-analysing, and while dragging components (which the critique
// does not re-analyse), then the time of a hover (the pointer moved over the canvas: what is under
// it is looked up; as the window delivers it, and handed straight to the canvas) and of moving
// every component at once (one undo step, and the frame that shows it), and the peak memory;
// then the frames of a component dragged by hand, and the peak memory after that; last the
// frames of a zoom out from 100% to the whole design (tiles off screen at 100% hold no
// geometry, so a zoom out batches what it brings on screen); and after a pause, the memory
// the window holds and the analysis of one more edit. Run it
// under a real X server with OpenGL (the figures in the issue are for Xvfb with Mesa's software
// OpenGL):
//   xvfb-run -a -s "-screen 0 1600x1000x24" build/bin/canvas_bench [components...]
//   build/bin/canvas_bench --write N FILE   (writes the generated design and exits)
#include "analysis_controller.h"
#include "archlens/model/document_io.h"
#include "diagram_index.h"
#include "diagram_view.h"
#include "document_controller.h"
#include "zone_geometry.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHoverEvent>
#include <QMouseEvent>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <vector>
#ifdef __GLIBC__
#include <malloc.h>
#endif

Q_IMPORT_QML_PLUGIN(ArchLensPlugin)

using namespace archlens;

namespace {

/// A layered design: columns of components, each calling two in the next column, with
/// the columns spread over six zones in two regions.
Document generate(int n) {
    static const char* kinds[] = {"load_balancer", "app_service", "cache",      "rdbms",
                                  "message_queue", "worker",      "api_gateway"};
    Document doc;
    doc.title = "Canvas benchmark, " + std::to_string(n) + " components";
    for (int z = 0; z < 6; ++z)
        doc.zones.push_back({"az" + std::to_string(z + 1), z < 3 ? "region-a" : "region-b", 0.9995,
                             Json::object()});
    const int rows = std::max(4, int(std::sqrt(n / 2.0)));
    const int cols = (n + rows - 1) / rows;
    for (int i = 0; i < n; ++i) {
        const int col = i / rows, row = i % rows;
        Component c;
        c.id = "c" + std::to_string(i);
        c.kind = kinds[col % 7];
        c.name = std::string("Service ") + std::to_string(i);
        c.x = col * 280.0;
        c.y = row * 104.0 + (row / 8) * 64.0;
        c.props["zones"] = Json::array({"az" + std::to_string(1 + (row * 6) / rows)});
        if (i % 3 == 0) c.props["instances"] = 3;
        doc.components.push_back(std::move(c));
    }
    int k = 0;
    for (int i = 0; i < n; ++i) {
        const int col = i / rows, row = i % rows;
        if (col + 1 >= cols) continue;
        for (int d : {0, 1}) {
            const int target = (col + 1) * rows + (row + d * 3) % rows;
            if (target >= n) continue;
            Connection c;
            c.id = "k" + std::to_string(k++);
            c.from = "c" + std::to_string(i);
            c.to = "c" + std::to_string(target);
            c.mode = (k % 5 == 0) ? ConnectionMode::Async : ConnectionMode::Sync;
            doc.connections.push_back(std::move(c));
        }
    }
    return doc;
}

/// A line of /proc/self/status, in KiB (VmHWM, RssAnon, RssFile...), or 0.
long statusKb(const std::string& field) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
    return 0;
}

/// The C library's heaps now, as "held/in use" MB, the largest first, then the large blocks
/// it maps apart. glibc gives each thread that allocates a heap of its own and keeps what is
/// freed in it for that thread, so this shows where memory the window no longer uses stays
/// (README, canvas section). Empty where the C library is not glibc.
std::string heapArenas() {
#ifdef __GLIBC__
    char* buffer = nullptr;
    size_t length = 0;
    FILE* stream = open_memstream(&buffer, &length);
    if (!stream) return {};
    malloc_info(0, stream);
    std::fclose(stream);
    const std::string xml(buffer, length);
    std::free(buffer);
    // The size="..." of the first `tag` in [from, to), in MB.
    auto sizeIn = [&xml](const char* tag, size_t from, size_t to) {
        size_t at = xml.find(tag, from);
        if (at >= to) return 0.0;
        at = xml.find("size=\"", at);
        return at >= to ? 0.0 : std::atof(xml.c_str() + at + 6) / 1e6;
    };
    std::vector<std::pair<double, double>> heaps; // held, in use
    size_t at = 0;
    while ((at = xml.find("<heap nr=", at)) != std::string::npos) {
        const size_t end = std::min(xml.find("</heap>", at), xml.size());
        const double held = sizeIn("<system type=\"current\"", at, end);
        const double unused =
            sizeIn("<total type=\"fast\"", at, end) + sizeIn("<total type=\"rest\"", at, end);
        if (held >= 1) heaps.emplace_back(held, held - unused);
        at = end;
    }
    std::sort(heaps.rbegin(), heaps.rend());
    std::string out;
    char part[48];
    for (const auto& [held, used] : heaps) {
        std::snprintf(part, sizeof part, "%s%.0f/%.0f", out.empty() ? "" : ", ", held, used);
        out += part;
    }
    const size_t tail = xml.rfind("</heap>");
    std::snprintf(part, sizeof part, "; mapped apart %.0f",
                  sizeIn("<total type=\"mmap\"", tail == std::string::npos ? 0 : tail, xml.size()));
    return out + part;
#else
    return {};
#endif
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

/// Processor time of the whole process (all threads, the software rasteriser's included),
/// which unlike wall time does not grow when other programs share the machine.
double cpuMs() {
    rusage r{};
    getrusage(RUSAGE_SELF, &r);
    return (r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1e3 +
           (r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e3;
}

struct Figures {
    double cpuPerFrameMs = 0;
    double firstFrameMs = 0;
    std::vector<double> frames;
    std::vector<double> phase[5];
    int analyses = 0;        ///< live analyses that finished during the edit phase
    int refusedEdits = 0;    ///< edits of the edit phase the editor refused (none expected)
    double analysisMs = 0;   ///< the last one's duration
    double hoverUs = 0;      ///< one pointer move over the canvas, delivered and handled
    double lookUpUs = 0;     ///< one hover move handed straight to the canvas's handler
    int lookUpChanges = 0;   ///< of those moves, the ones that changed what is hovered
    double moveAllMs = 0;    ///< moving every component by one grid step, as one edit
    double moveAllFrameMs = 0; ///< from the move to the frame that shows it
    double indexMs = 0;        ///< building the canvas's index of one revision
    double zonesMs = 0;        ///< of which finding the zone frames
    /// Frames while a component is dragged by the pointer (pressed, moved, not yet let go:
    /// the canvas draws it where the pointer takes it before the document changes).
    std::vector<double> handDrag;
    bool handDragMoved = false; ///< the component was where the drag left it afterwards
    long peakKb = 0;            ///< peak memory before the drag by hand
    long handDragPeakKb = 0;    ///< and after it
    /// Frames of a zoom out from 100% to the whole design, a wheel's notch or so a frame.
    std::vector<double> zoomOut;
    long zoomOutPeakKb = 0;  ///< peak memory after the zoom out
    double pauseMs = 0;      ///< the window left idle after the zoom out
    long pausedOwnKb = 0;    ///< its own memory at the end of that pause
    int memoryReturns = 0;   ///< times the live analysis handed freed memory back in the run
    double afterPauseMs = 0; ///< the analysis of one edit made after the pause
    /// The peak memory at the end of each step, to tell which step raised it.
    std::vector<std::pair<const char*, long>> peaks;
};

/// Waits for the next frame the window shows, or gives up after a while.
bool waitForFrame(QQuickWindow* window, int timeoutMs = 30000) {
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] { loop.exit(1); });
    auto c = QObject::connect(
        window, &QQuickWindow::frameSwapped, &loop, [&] { loop.exit(0); }, Qt::QueuedConnection);
    timeout.start(timeoutMs);
    const int rc = loop.exec();
    QObject::disconnect(c);
    return rc == 0;
}

/// Waits, drawing frames, until the live analysis has nothing left to run and its results
/// are fresh, or gives up after a minute.
void waitForAnalysis(QQuickWindow* window, AnalysisController* analysis) {
    QElapsedTimer waited;
    waited.start();
    while ((analysis->running() || analysis->status() != AnalysisController::Fresh) &&
           waited.elapsed() < 60000)
        waitForFrame(window, 1000);
}

Figures run(QQuickWindow* window, DocumentController* controller, DiagramView* view,
            AnalysisController* analysis, const QString& path) {
    Figures f;
    QElapsedTimer clock;
    clock.start();
    controller->openFile(path);
    window->requestUpdate();
    waitForFrame(window);
    f.firstFrameMs = double(clock.nsecsElapsed()) / 1e6;
    f.peaks.emplace_back("first frame", statusKb("VmHWM"));
    {
        // What every edit pays on the window's thread: the index of the new revision
        // (boxes, curves, zone and region frames), and the zone frames alone; best of 5.
        f.indexMs = f.zonesMs = 1e300;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer indexClock;
            indexClock.start();
            const DiagramIndex index(controller->document());
            f.indexMs = std::min(f.indexMs, double(indexClock.nsecsElapsed()) / 1e6);
            indexClock.start();
            const auto zones = geometry::zoneAreas(controller->document(), index.boxes());
            f.zonesMs = std::min(f.zonesMs, double(indexClock.nsecsElapsed()) / 1e6);
        }
    }
    // Let the labels of the first view finish painting before measuring motion.
    for (int i = 0; i < 20 && !view->settled(); ++i)
        waitForFrame(window, 2000);

    // Three phases of continuous motion, each step issued when the previous frame shows:
    // pan across the whole design at fit zoom, zoom in from fit to 100%, pan at 100%.
    const double fit = view->zoom();
    const int steps = 90;
    QElapsedTimer frameClock;
    const double cpuStart = cpuMs();
    double cpuMotion = 0; // processor time of the pan and zoom phases
    // A fourth phase edits while the live critique re-analyses in the background: each
    // step changes one component's instances (one undo step, as the inspector does), every
    // edit restarts the analysis debounce, and analyses run on the worker thread meanwhile.
    // No debounce: every edit asks for an analysis, so one is running all through the phase.
    // A fifth drags: each step moves one component, which the analysis does not read, once
    // the last analysis of the edits has ended.
    if (analysis) analysis->setDebounceMs(0);
    int analyses = 0;
    QMetaObject::Connection counting;
    for (int phase = 0; phase < 5; ++phase) {
        if (phase == 2) view->zoomTo(1.0);
        if (phase == 3) cpuMotion = cpuMs() - cpuStart;
        if (phase == 3 && analysis)
            counting = QObject::connect(analysis, &AnalysisController::reportChanged,
                                        [&] { ++analyses; });
        if (phase == 4 && analysis) {
            QObject::disconnect(counting);
            waitForAnalysis(window, analysis);
        }
        for (int i = 0; i < steps; ++i) {
            switch (phase) {
            case 0:
                view->panBy(std::sin(i / 9.0) * 14, 6);
                break;
            case 1:
                view->zoomAt(std::pow(1.0 / fit, 1.0 / steps),
                             QPointF(view->width() / 2, view->height() / 2));
                break;
            case 2:
                view->panBy(-18, std::cos(i / 12.0) * 10);
                break;
            case 3: {
                const Document& d = controller->document();
                const auto& c = d.components[size_t(i * 7919) % d.components.size()];
                if (!controller->setAttribute(QString::fromStdString(c.id),
                                              QStringLiteral("props.instances"), 2 + i % 2))
                    ++f.refusedEdits;
                break;
            }
            case 4: {
                const Document& d = controller->document();
                const auto& c = d.components[size_t(i * 7919) % d.components.size()];
                controller->moveElements({QString::fromStdString(c.id)}, 8, 0);
                break;
            }
            }
            frameClock.start();
            if (!waitForFrame(window, 10000)) break;
            const double ms = double(frameClock.nsecsElapsed()) / 1e6;
            if (phase < 3) f.frames.push_back(ms); // the median and p95 are of pan and zoom
            f.phase[phase].push_back(ms);
        }
        static constexpr const char* kPhases[] = {"pan at fit", "zoom in", "pan at 100%", "edit",
                                                  "drag"};
        f.peaks.emplace_back(kPhases[phase], statusKb("VmHWM"));
    }
    if (!f.frames.empty()) f.cpuPerFrameMs = cpuMotion / double(f.frames.size());
    QObject::disconnect(counting);
    f.analyses = analyses;
    if (analysis) {
        analysis->setDebounceMs(150);
        f.analysisMs = analysis->lastRunMs();
    }

    // The pointer moves below go over the middle of the design at 100%, among boxes (the
    // pan phases leave the view past the design's edge, where nothing is to be found).
    view->zoomTo(1.0);
    {
        const Document& d = controller->document();
        view->revealElements({QString::fromStdString(d.components[d.components.size() / 2].id)});
        waitForFrame(window, 2000);
    }
    // Hover: the pointer moved across the canvas (no button), as the window delivers it;
    // each move looks up the component, handle, connection or zone under the pointer.
    {
        constexpr int kMoves = 400;
        QElapsedTimer hoverClock;
        hoverClock.start();
        for (int i = 0; i < kMoves; ++i) {
            const QPointF local(view->width() * (0.05 + 0.9 * ((i * 37) % 100) / 100.0),
                                view->height() * (0.05 + 0.9 * ((i * 53) % 100) / 100.0));
            const QPointF scene = view->mapToScene(local);
            QMouseEvent move(QEvent::MouseMove, scene, scene, window->mapToGlobal(scene),
                             Qt::NoButton, Qt::NoButton, Qt::NoModifier);
            QCoreApplication::sendEvent(window, &move);
        }
        f.hoverUs = double(hoverClock.nsecsElapsed()) / 1e3 / kMoves;
        waitForFrame(window, 2000);
    }
    // The same kind of moves handed straight to the canvas's hover handler, which finds the
    // component, handle, connection or zone strip under the pointer: under Xvfb the window
    // does not always pass synthetic moves on, so the figure above can be of moves nobody
    // handled. Counting the moves that change the hovered component shows these were.
    {
        constexpr int kMoves = 2000;
        const auto counting =
            QObject::connect(view, &DiagramView::hoveredChanged, [&] { ++f.lookUpChanges; });
        QPointF previous(-1, -1);
        QElapsedTimer lookUpClock;
        lookUpClock.start();
        for (int i = 0; i < kMoves; ++i) {
            const QPointF local(view->width() * (0.02 + 0.96 * ((i * 37) % 997) / 997.0),
                                view->height() * (0.02 + 0.96 * ((i * 53) % 991) / 991.0));
            QHoverEvent move(QEvent::HoverMove, local, window->mapToGlobal(view->mapToScene(local)),
                             previous);
            QCoreApplication::sendEvent(view, &move);
            previous = local;
        }
        f.lookUpUs = double(lookUpClock.nsecsElapsed()) / 1e3 / kMoves;
        QObject::disconnect(counting);
        waitForFrame(window, 2000);
    }
    f.peaks.emplace_back("hover", statusKb("VmHWM"));
    // Move all: every component one grid step right, as one edit (what dragging a
    // select-all does), then the frame that shows it.
    {
        QStringList ids;
        for (const Component& c : controller->document().components)
            ids << QString::fromStdString(c.id);
        QElapsedTimer moveClock;
        moveClock.start();
        controller->moveElements(ids, 8, 0, false);
        f.moveAllMs = double(moveClock.nsecsElapsed()) / 1e6;
        window->requestUpdate();
        waitForFrame(window);
        f.moveAllFrameMs = double(moveClock.nsecsElapsed()) / 1e6;
    }
    // The peak so far, comparable with the runs before the drag by hand was measured.
    f.peakKb = statusKb("VmHWM");
    f.peaks.emplace_back("move all", f.peakKb);
    // Last, a drag by hand: the pointer pressed on the middle component, moved a few pixels a
    // frame and let go, as the window delivers it. While the button is down the document
    // does not change; the canvas draws the component where the pointer takes it. With Alt
    // held, so that every move moves it (snapping would keep it in place for some).
    {
        const Document& d = controller->document();
        const Component& middle = d.components[d.components.size() / 2];
        const QString id = QString::fromStdString(middle.id);
        const QPointF before(middle.x, middle.y);
        view->revealElements({id});
        waitForFrame(window, 2000);
        const QPointF start = view->elementRect(id).center();
        auto send = [&](QEvent::Type type, QPointF local, Qt::MouseButton button,
                        Qt::MouseButtons buttons) {
            const QPointF scene = view->mapToScene(local);
            QMouseEvent e(type, scene, scene, window->mapToGlobal(scene), button, buttons,
                          Qt::AltModifier);
            QCoreApplication::sendEvent(window, &e);
        };
        send(QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
        waitForFrame(window, 2000);
        constexpr int kMoves = 60;
        QPointF at = start;
        for (int i = 0; i < kMoves; ++i) {
            at += QPointF(4, i % 2 ? 3 : -1);
            frameClock.start();
            send(QEvent::MouseMove, at, Qt::NoButton, Qt::LeftButton);
            if (!waitForFrame(window, 10000)) break;
            f.handDrag.push_back(double(frameClock.nsecsElapsed()) / 1e6);
        }
        send(QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
        waitForFrame(window, 2000);
        if (const Component* c = controller->document().component(id.toStdString()))
            f.handDragMoved = QPointF(c->x, c->y) != before;
    }
    f.handDragPeakKb = statusKb("VmHWM");
    // Zooming out from 100% to the whole design, about 15% a frame, as a quick turn of the
    // wheel does: each frame brings tiles on screen that held no geometry.
    {
        view->zoomToFit();
        const double whole = view->zoom();
        view->zoomTo(1.0);
        waitForFrame(window, 2000);
        const int outSteps = std::max(1, int(std::ceil(std::log(1.0 / whole) / std::log(1.15))));
        for (int i = 0; i < outSteps; ++i) {
            view->zoomAt(std::pow(whole, 1.0 / outSteps),
                         QPointF(view->width() / 2, view->height() / 2));
            frameClock.start();
            if (!waitForFrame(window, 10000)) break;
            f.zoomOut.push_back(double(frameClock.nsecsElapsed()) / 1e6);
        }
    }
    f.zoomOutPeakKb = statusKb("VmHWM");
    // Last, a pause (a second longer than the live analysis waits before it hands the
    // memory freed since back to the system), then one edit: what the window holds when
    // idle, and what the next run costs when it faults its pages in again.
    if (analysis) {
        f.pauseMs = analysis->memoryReturnDelayMs() + 1000;
        QEventLoop idle;
        QTimer::singleShot(int(f.pauseMs), &idle, &QEventLoop::quit);
        idle.exec();
        f.pausedOwnKb = statusKb("RssAnon");
        f.memoryReturns = analysis->memoryReturns();
        analysis->setDebounceMs(0);
        const Document& d = controller->document();
        const auto& c = d.components[d.components.size() / 3];
        controller->setAttribute(QString::fromStdString(c.id), QStringLiteral("props.instances"),
                                 5);
        waitForAnalysis(window, analysis);
        f.afterPauseMs = analysis->lastRunMs();
        analysis->setDebounceMs(150);
    }
    return f;
}

} // namespace

int main(int argc, char** argv) {
    // `--write N FILE`: only write the generated design, to look at it in the app.
    if (argc == 4 && std::string(argv[1]) == "--write") {
        const std::string error = writeDocumentFile(argv[3], generate(std::atoi(argv[2])));
        if (!error.empty()) std::fprintf(stderr, "%s\n", error.c_str());
        return error.empty() ? 0 : 2;
    }
    QSurfaceFormat format = QSurfaceFormat::defaultFormat();
    format.setSwapInterval(0); // measure drawing, not waiting for a display refresh
    QSurfaceFormat::setDefaultFormat(format);
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ArchLensBench");
    QStandardPaths::setTestModeEnabled(true);
    // Every run starts as a first start: no settings, and no recovery file left by an
    // earlier run, whose dialog would cover the window and take the pointer.
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .removeRecursively();
    QSettings().clear();
    QQuickStyle::setStyle("Fusion");

    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i)
        if (const int n = std::atoi(argv[i]); n > 0) sizes.push_back(n);
    if (sizes.empty()) sizes = {500, 2000, 10000};

    QTemporaryDir dir;
    QQmlApplicationEngine engine;
    // As the program does: the window's live critique, owned by the engine.
    auto* analysis = new AnalysisController(&engine);
    engine.setInitialProperties({{QStringLiteral("critique"), QVariant::fromValue(analysis)}});
    engine.load(QUrl(QStringLiteral("qrc:/ArchLens/Main.qml")));
    if (engine.rootObjects().isEmpty()) return 3;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().front());
    window->resize(1400, 900);
    window->show();
    auto* controller = engine.singletonInstance<DocumentController*>(
        qmlTypeId("ArchLens", 1, 0, "DocumentController"));
    auto* view = window->findChild<DiagramView*>("diagramView");
    if (!controller || !view) return 3;
    waitForFrame(window);
    const auto api = window->rendererInterface()->graphicsApi();
    std::printf("renderer: %s, window 1400x900\n",
                api == QSGRendererInterface::Software
                    ? "software (no OpenGL: figures not comparable)"
                    : "OpenGL");
    std::printf(
        "%10s %12s %12s | %9s %9s %9s | %22s %22s %22s %22s %22s | %14s | %9s | %18s | %9s\n",
        "components", "connections", "first frame", "median", "p95", "cpu", "pan at fit (med/p95)",
        "zoom in (med/p95)", "pan at 100% (med/p95)", "edit+analyse (med/p95)", "drag (med/p95)",
        "analyses (last)", "hover", "move all (+frame)", "peak RSS");
    std::printf(
        "(frame times are wall time; 'cpu' is processor time per pan or zoom frame over all "
        "threads)\n");
    for (int n : sizes) {
        const QString path = dir.filePath(QStringLiteral("bench-%1.archlens").arg(n));
        std::size_t connections = 0;
        {
            // Only the file is kept: the window reads it, and the peak memory is the
            // window's, not that of a second copy of the design held here.
            const Document doc = generate(n);
            connections = doc.connections.size();
            if (const std::string error = writeDocumentFile(path.toStdString(), doc);
                !error.empty()) {
                std::fprintf(stderr, "cannot write %s: %s\n", qPrintable(path), error.c_str());
                return 2;
            }
        }
        const Figures f = run(window, controller, view, analysis, path);
        auto pair = [](const std::vector<double>& v) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%6.1f / %6.1f ms", percentile(v, 0.5),
                          percentile(v, 0.95));
            return std::string(buf);
        };
        std::printf(
            "%10d %12zu %9.0f ms | %6.1f ms %6.1f ms %6.1f ms | %22s %22s %22s %22s %22s | %4d "
            "(%5.0f ms) | %6.0f us | %6.0f (%6.0f) ms | %6ld MB\n",
            n, connections, f.firstFrameMs, percentile(f.frames, 0.5), percentile(f.frames, 0.95),
            f.cpuPerFrameMs, pair(f.phase[0]).c_str(), pair(f.phase[1]).c_str(),
            pair(f.phase[2]).c_str(), pair(f.phase[3]).c_str(), pair(f.phase[4]).c_str(),
            f.analyses, f.analysisMs, f.hoverUs, f.moveAllMs, f.moveAllFrameMs, f.peakKb / 1024);
        std::printf(
            "           index of one revision %.1f ms, of which zone frames %.1f ms (best of 5)\n",
            f.indexMs, f.zonesMs);
        // What the process holds now, split: its own memory, and the pages of the libraries
        // and other files it maps (Qt, Mesa's LLVM...), which other programs share.
        std::printf("           memory now: %ld MB of its own, %ld MB of mapped files\n",
                    statusKb("RssAnon") / 1024,
                    (statusKb("RssFile") + statusKb("RssShmem")) / 1024);
        if (const std::string heaps = heapArenas(); !heaps.empty())
            std::printf("           heaps held/in use, MB: %s\n", heaps.c_str());
        std::printf("           peak memory after each step, MB:");
        for (const auto& [step, kb] : f.peaks)
            std::printf(" %s %ld%s", step, kb / 1024, step == f.peaks.back().first ? "" : ",");
        std::printf("\n");
        std::printf("           hover handled by the canvas %.1f us a move (%d of 2000 moves "
                    "changed the hovered component)\n",
                    f.lookUpUs, f.lookUpChanges);
        std::printf("           dragging by hand, a frame: %s (median / p95 of %zu moves)%s; "
                    "peak memory after it %ld MB\n",
                    pair(f.handDrag).c_str(), f.handDrag.size(),
                    f.handDragMoved ? "" : "; the component did not move: not measured",
                    f.handDragPeakKb / 1024);
        std::printf("           zooming out from 100%% to the whole design, a frame: %s "
                    "(median / p95 of %zu steps); peak memory after it %ld MB\n",
                    pair(f.zoomOut).c_str(), f.zoomOut.size(), f.zoomOutPeakKb / 1024);
        if (f.pauseMs > 0)
            std::printf("           after a pause of %.1f s: %ld MB of its own (freed memory "
                        "handed back %d times in all); the next edit's analysis %.0f ms (the "
                        "edits' last %.0f ms); peak memory after it %ld MB\n",
                        f.pauseMs / 1000, f.pausedOwnKb / 1024, f.memoryReturns, f.afterPauseMs,
                        f.analysisMs, statusKb("VmHWM") / 1024);
        if (f.refusedEdits > 0)
            std::printf("           (%d of the edits were refused)\n", f.refusedEdits);
        std::fflush(stdout);
    }
    return 0;
}
