#pragma once
// Runs the analysis and the rules on a worker thread after every edit, so the critique is
// there while a person draws. Moving and resizing boxes is not such an edit: nothing the
// analysis computes depends on the layout, so dragging on a large design keeps the results
// (fresh) and both cores for the canvas. Each edit restarts a short debounce (about 150 ms); the
// run works on its own copy of the document, so the window never waits for it. A run that finishes
// after a newer edit is dropped (its numbers describe a design that is gone) and the newer one runs
// next; an edit made while a run is going asks that run to stop at its next check (between passes
// and flows), so on a big design the newer run need not wait for a stale one to finish. A stopped
// run shows nothing; the previous results stay, marked pending. `status` says whether what is shown
// is fresh, and `progress` how far a run that has taken more than a second has come. Load curves
// are worked out only for `curveFlow`, the flow the window plots (on a design whose flows each
// reach thousands of components, every flow's curves cost more than the rest of the analysis):
// choosing another flow adds its curves to `curves` in a short run of their own, which changes
// neither the report nor the status. What-if options (traffic multiplier, failed components and
// zones) re-run the analysis without touching the document or its history. Once a run has
// ended and no other has started for `memoryReturnDelayMs` (a pause in the editing, as long as
// the recovery file waits for), the worker thread hands the freed memory of every thread's heap
// back to the system (handBackFreedMemory): a run is the window's largest burst of allocation,
// and what it freed would otherwise stay held under whatever the window does next.
#include "archlens/analysis/analyze.h"
#include "archlens/analysis/report.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace archlens {

class DocumentController;

class AnalysisController : public QObject {
    Q_OBJECT
    Q_MOC_INCLUDE("document_controller.h")
    Q_PROPERTY(archlens::DocumentController* controller READ controller WRITE setController NOTIFY
                   controllerChanged)
    /// Whether the shown results match the design (see Status).
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY statusChanged)
    /// Milliseconds the last run took.
    Q_PROPERTY(double lastRunMs READ lastRunMs NOTIFY reportChanged)
    Q_PROPERTY(int errorCount READ errorCount NOTIFY reportChanged)
    Q_PROPERTY(int warningCount READ warningCount NOTIFY reportChanged)
    Q_PROPERTY(int infoCount READ infoCount NOTIFY reportChanged)
    /// Findings the design accepts as trade-offs (not in the counts above).
    Q_PROPERTY(int acceptedCount READ acceptedCount NOTIFY reportChanged)
    /// Whether there are results to show: false until the first run ends (on a large
    /// design, for a second or more after it opens), when the counts above are not yet
    /// the design's.
    Q_PROPERTY(bool hasResults READ hasResults NOTIFY reportChanged)
    Q_PROPERTY(double trafficMultiplier READ trafficMultiplier WRITE setTrafficMultiplier NOTIFY
                   whatIfChanged)
    Q_PROPERTY(QStringList failed READ failed WRITE setFailed NOTIFY whatIfChanged)
    Q_PROPERTY(int debounceMs READ debounceMs WRITE setDebounceMs NOTIFY debounceChanged)
    /// How far the run in flight has come, 0..1, once it has gone on for more than a second;
    /// -1 otherwise (no run, or one too short to be worth a number).
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    /// The flow whose load curves are wanted (the one on show); "" for none.
    Q_PROPERTY(QString curveFlow READ curveFlow WRITE setCurveFlow NOTIFY curveFlowChanged)

public:
    enum Status {
        Fresh,   ///< the shown results match the design
        Pending, ///< an edit is waiting or being analysed
        Invalid  ///< the design cannot be analysed; see `problem`
    };
    Q_ENUM(Status)

    explicit AnalysisController(QObject* parent = nullptr);
    ~AnalysisController() override;

    DocumentController* controller() const { return controller_; }
    void setController(DocumentController* controller);
    Status status() const { return status_; }
    QString problem() const { return problem_; }
    double lastRunMs() const { return lastRunMs_; }
    int errorCount() const { return countOf(Severity::Error); }
    int warningCount() const { return countOf(Severity::Warning); }
    int infoCount() const { return countOf(Severity::Info); }
    int acceptedCount() const;
    double trafficMultiplier() const { return multiplier_; }
    void setTrafficMultiplier(double multiplier);
    /// Ids of components and zones the what-if treats as down.
    QStringList failed() const { return failed_; }
    void setFailed(const QStringList& ids);
    Q_INVOKABLE void toggleFailed(const QString& id);
    int debounceMs() const { return timer_.interval(); }
    void setDebounceMs(int ms);
    double progress() const { return progress_; }
    bool hasResults() const { return report_ != nullptr; }
    /// Whether a run is in flight on the worker thread.
    bool running() const { return running_; }
    /// Runs stopped part-way by a newer edit since this controller was made (tests).
    int cancelledRuns() const { return cancelledRuns_; }
    /// How long after the last run ended, with none started since, the freed memory is
    /// handed back (2000 ms).
    int memoryReturnDelayMs() const { return memoryReturn_.interval(); }
    void setMemoryReturnDelayMs(int ms);
    /// How many times the freed memory was handed back (tests, benchmarks); not counted
    /// where the C library offers no way to.
    int memoryReturns() const { return memoryReturns_->load(); }
    /// How long a run goes on before `progress` shows (1000 ms; tests set 0 to see it at once).
    void setProgressDelayMs(int ms) { progressDelayMs_ = std::max(0, ms); }
    QString curveFlow() const { return curveFlow_; }
    void setCurveFlow(const QString& flow);
    /// The load curves of the latest report's design: every point, with the latency of
    /// `curveFlow` once worked out (and of any flow shown before since the last edit), NaN
    /// for the others. Shared and immutable like the report; null before the first run.
    std::shared_ptr<const std::vector<CurvePoint>> curves() const { return curves_; }

    /// The latest report, or null before the first run. Shared and immutable: holders may
    /// keep it as long as they like, on any thread.
    std::shared_ptr<const Report> report() const { return report_; }
    /// The copy of the design the latest report describes (names, targets), or null. Its
    /// layout may be older than the design's: moves and resizes do not run the analysis.
    std::shared_ptr<const Document> analysedDocument() const { return doc_; }
    /// The most severe open finding naming this element: "error", "warning", "info" or "".
    Q_INVOKABLE QString severityOf(const QString& id) const;
    /// The connections a flow travels over, as the latest report found them: its
    /// synchronous part, then its asynchronous tail. Each a map: `id`, `text` ("API →
    /// Links table"), `tail` (true in the asynchronous tail). Empty when the report does not
    /// know the flow.
    Q_INVOKABLE QVariantList routeOf(const QString& flow) const;
    /// Runs now, skipping the debounce (tests, screenshots).
    Q_INVOKABLE void runNow();

signals:
    void controllerChanged();
    void statusChanged();
    void reportChanged();
    void whatIfChanged();
    void debounceChanged();
    void progressChanged();
    void curveFlowChanged();
    /// `curves` changed: after every report, and when a flow's curves were added.
    void curvesChanged();

private:
    /// What the window and the worker thread share about one run: the stop request, and the
    /// progress in thousandths, written by the worker and read by the window's poll.
    struct Run {
        std::atomic<bool> cancel{false};
        std::atomic<int> permille{0};
    };

    int countOf(Severity severity) const;
    void schedule();
    void start();
    /// Runs the curves of `curveFlow` for the report shown, when they are missing and the
    /// report is of the current design.
    void startCurves();
    bool hasCurves() const;
    AnalysisOptions whatIfOptions() const;
    void curvesFinished(std::optional<std::vector<CurvePoint>> curves, quint64 generation);
    void finished(std::shared_ptr<const Report> report, std::shared_ptr<const Document> doc,
                  quint64 generation, double ms, bool cancelled, const QString& problem);
    void setStatus(Status status, const QString& problem = {});
    void pollProgress();
    void setProgress(double progress);
    /// A run ended: the freed memory goes back once the delay passes with no run started.
    void ranToEnd();
    void handBackMemory();

    DocumentController* controller_ = nullptr;
    QTimer timer_;
    std::shared_ptr<const Report> report_;
    std::shared_ptr<const Document> doc_;
    std::shared_ptr<const std::vector<CurvePoint>> curves_;
    quint64 shownGeneration_ = 0; ///< the generation report_ was made for
    QString curveFlow_;
    Status status_ = Pending;
    QString problem_;
    double lastRunMs_ = 0;
    double multiplier_ = 1;
    QStringList failed_;
    quint64 generation_ = 0; ///< bumped by every edit and what-if change
    bool running_ = false;
    std::shared_ptr<Run> run_; ///< the run in flight, or null
    QTimer progressPoll_;      ///< reads the run's progress a few times a second
    QElapsedTimer runClock_;   ///< since the run in flight started
    double progress_ = -1;
    int progressDelayMs_ = 1000;
    int cancelledRuns_ = 0;
    int observer_ = 0;
    QTimer memoryReturn_;
    /// Counted on the worker thread, read on the window's (and kept alive by the job).
    std::shared_ptr<std::atomic<int>> memoryReturns_ = std::make_shared<std::atomic<int>>(0);
    /// The one thread every run goes to. On the shared pool, runs took turns on its two
    /// threads, and the C library gave each thread a heap of its own: each heap grew to hold
    /// a report and a run's scratch (about 40 MB apiece on a 10,000-component design).
    /// Last, so that it is destroyed first, waiting for the (cancelled) run in flight.
    QThreadPool runs_;
};

} // namespace archlens
