#include "analysis_controller.h"

#include "archlens/analysis/analyze.h"
#include "archlens/analysis/rules.h"
#include "archlens/model/describe.h"
#include "document_controller.h"
#include "freed_memory.h"

#include <QElapsedTimer>
#include <QPointer>
#include <algorithm>
#include <cmath>
#include <exception>
#include <optional>
#ifdef __linux__
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace archlens {

namespace {

/// Lets the window's threads go before this one. On a machine with two cores, a run's
/// threads would otherwise share the processor with the window's on equal terms, and
/// every frame drawn during a run (the next edit, a pan) would take twice as long. Linux
/// keeps a nice value per thread, and the threads the analysis starts inherit it; the
/// pool's thread keeps it, which suits the other background work the pool runs. Raising
/// the value needs no privilege; a failure leaves the priority as it was.
void yieldToTheWindow() {
#ifdef __linux__
    constexpr int kBackgroundNice = 10;
    const auto thread = static_cast<id_t>(::gettid());
    if (::getpriority(PRIO_PROCESS, thread) < kBackgroundNice)
        ::setpriority(PRIO_PROCESS, thread, kBackgroundNice);
#endif
}

/// The pause in the editing after which the freed memory goes back: the recovery file's
/// idle wait (Autosave), so that both follow the same pause.
constexpr int kMemoryReturnDelayMs = 2000;

} // namespace

AnalysisController::AnalysisController(QObject* parent) : QObject(parent) {
    timer_.setSingleShot(true);
    timer_.setInterval(150);
    connect(&timer_, &QTimer::timeout, this, &AnalysisController::start);
    progressPoll_.setInterval(100);
    connect(&progressPoll_, &QTimer::timeout, this, &AnalysisController::pollProgress);
    runs_.setMaxThreadCount(1);
    runs_.setExpiryTimeout(-1);
    memoryReturn_.setSingleShot(true);
    memoryReturn_.setInterval(kMemoryReturnDelayMs);
    connect(&memoryReturn_, &QTimer::timeout, this, &AnalysisController::handBackMemory);
}

void AnalysisController::setMemoryReturnDelayMs(int ms) {
    memoryReturn_.setInterval(std::max(0, ms));
}

void AnalysisController::ranToEnd() {
    memoryReturn_.start();
}

void AnalysisController::handBackMemory() {
    // Never during a run: starting one stops the wait, and its end starts it again. On the
    // worker thread, behind any run queued there: the walk takes tens of milliseconds on a
    // large design, and the window's thread only waits on its own heap's lock while that one
    // heap is gone through.
    runs_.start([count = memoryReturns_] {
        if (handBackFreedMemory()) ++*count;
    });
}

AnalysisController::~AnalysisController() {
    // Nobody will read the run in flight: let the worker thread stop at its next check.
    if (run_) run_->cancel = true;
}

void AnalysisController::setController(DocumentController* controller) {
    if (controller == controller_) return;
    if (controller_) disconnect(controller_, nullptr, this, nullptr);
    controller_ = controller;
    if (controller_)
        connect(controller_, &DocumentController::meaningChanged, this,
                &AnalysisController::schedule);
    emit controllerChanged();
    schedule();
}

int AnalysisController::countOf(Severity severity) const {
    if (!report_) return 0;
    // Open findings only: an accepted trade-off is no longer a problem to count.
    return int(std::count_if(report_->findings.begin(), report_->findings.end(),
                             [severity](const Finding& f) {
                                 return f.severity == severity && !f.acknowledged;
                             }));
}

int AnalysisController::acceptedCount() const {
    if (!report_) return 0;
    return int(std::count_if(report_->findings.begin(), report_->findings.end(),
                             [](const Finding& f) { return f.acknowledged.has_value(); }));
}

void AnalysisController::setTrafficMultiplier(double multiplier) {
    multiplier = std::clamp(multiplier, 0.01, 1000.0);
    if (qFuzzyCompare(multiplier, multiplier_)) return;
    multiplier_ = multiplier;
    emit whatIfChanged();
    schedule();
}

void AnalysisController::setFailed(const QStringList& ids) {
    if (ids == failed_) return;
    failed_ = ids;
    emit whatIfChanged();
    schedule();
}

void AnalysisController::toggleFailed(const QString& id) {
    QStringList next = failed_;
    if (!next.removeAll(id)) next << id;
    setFailed(next);
}

void AnalysisController::setDebounceMs(int ms) {
    if (ms == timer_.interval()) return;
    timer_.setInterval(std::max(0, ms));
    emit debounceChanged();
}

void AnalysisController::schedule() {
    ++generation_;
    // The run in flight now describes a design that is gone: stop it rather than wait for it.
    if (run_) run_->cancel = true;
    setStatus(Pending);
    timer_.start();
}

void AnalysisController::runNow() {
    timer_.stop();
    start();
}

void AnalysisController::setStatus(Status status, const QString& problem) {
    if (status == status_ && problem == problem_) return;
    status_ = status;
    problem_ = problem;
    emit statusChanged();
}

void AnalysisController::start() {
    // One run at a time: a run in flight that turns out stale starts the next when it ends.
    if (running_ || !controller_) return;
    running_ = true;
    memoryReturn_.stop();
    auto run = std::make_shared<Run>();
    run_ = run;
    runClock_.start();
    progressPoll_.start();
    pollProgress(); // shows at once only when there is no delay
    // Shared with the recovery file's writer and the results on show when they are of the
    // same revision: a what-if run, or a run after an autosave, copies nothing.
    std::shared_ptr<const Document> doc = controller_->snapshot();
    AnalysisOptions options = whatIfOptions();
    options.cancel = &run->cancel;
    // The passes count for the first half of a run and the rules for the second: which is
    // the longer depends on the design (on a large layered one the rules are), so neither
    // half is allowed to run the bar to its end.
    options.progress = [run](int done, int total) {
        run->permille.store(total > 0 ? done * 500 / total : 0, std::memory_order_relaxed);
    };
    const quint64 generation = generation_;
    QPointer<AnalysisController> self(this);
    runs_.start([doc, options, generation, self, run]() mutable {
        yieldToTheWindow();
        QElapsedTimer clock;
        clock.start();
        std::shared_ptr<const Report> report;
        bool cancelled = false;
        std::string problem;
        try {
            std::optional<Report> r = analyzeUnlessCancelled(*doc, Catalogue::builtin(), options);
            cancelled =
                !r || !runRulesUnlessCancelled(*doc, Catalogue::builtin(), *r, &run->cancel,
                                               [&run](int done, int total) {
                                                   run->permille.store(500 + done * 500 / total,
                                                                       std::memory_order_relaxed);
                                               });
            if (!cancelled) report = std::make_shared<const Report>(std::move(*r));
        } catch (const std::exception& e) {
            problem = e.what();
        }
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        // The copy and the report are handed on, not shared: finished() may let go of them
        // before the next run takes its copy.
        QMetaObject::invokeMethod(
            self.data(),
            [self, report = std::move(report), doc = std::move(doc), generation, ms, cancelled,
             problem]() mutable {
                if (self)
                    self->finished(std::move(report), std::move(doc), generation, ms, cancelled,
                                   QString::fromStdString(problem));
            },
            Qt::QueuedConnection);
    });
}

AnalysisOptions AnalysisController::whatIfOptions() const {
    AnalysisOptions options;
    options.trafficMultiplier = multiplier_;
    for (const QString& id : failed_) {
        const auto e = controller_->index().find(id.toStdString());
        if (!e) continue;
        if (e->type == ElementType::Component) options.failedComponents.push_back(id.toStdString());
        if (e->type == ElementType::Zone) options.failedZones.push_back(id.toStdString());
    }
    // Every point, but the latency of the flow on show only (none when nothing is plotted).
    options.curveFlows = std::vector<std::string>();
    if (!curveFlow_.isEmpty()) options.curveFlows->push_back(curveFlow_.toStdString());
    return options;
}

void AnalysisController::setCurveFlow(const QString& flow) {
    if (flow == curveFlow_) return;
    curveFlow_ = flow;
    emit curveFlowChanged();
    startCurves();
}

bool AnalysisController::hasCurves() const {
    if (curveFlow_.isEmpty() || !report_ || !curves_ || curves_->empty()) return true;
    const std::string id = curveFlow_.toStdString();
    for (std::size_t f = 0; f < report_->flows.size(); ++f)
        if (report_->flows[f].id == id)
            return f < curves_->front().flowLatency.size() &&
                   !std::isnan(curves_->front().flowLatency[f].second);
    return true; // a flow the report does not know: its run is on the way
}

void AnalysisController::startCurves() {
    // Only for the design shown, when nothing else runs: an edit brings a whole run, which
    // works out the curves of the flow on show by itself.
    if (running_ || !controller_ || !doc_ || shownGeneration_ != generation_ || hasCurves()) return;
    running_ = true;
    memoryReturn_.stop();
    auto run = std::make_shared<Run>();
    run_ = run;
    AnalysisOptions options = whatIfOptions();
    options.cancel = &run->cancel;
    const quint64 generation = generation_;
    QPointer<AnalysisController> self(this);
    runs_.start([doc = doc_, options, generation, self, run] {
        yieldToTheWindow();
        std::optional<std::vector<CurvePoint>> curves;
        try {
            curves = loadCurvesUnlessCancelled(*doc, Catalogue::builtin(), options);
        } catch (const std::exception&) {
            // The whole run of this design succeeded: nothing to show but the missing curve.
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, curves = std::move(curves), generation]() mutable {
                if (self) self->curvesFinished(std::move(curves), generation);
            },
            Qt::QueuedConnection);
    });
}

void AnalysisController::curvesFinished(std::optional<std::vector<CurvePoint>> curves,
                                        quint64 generation) {
    running_ = false;
    run_.reset();
    ranToEnd();
    if (generation != generation_) {
        if (!timer_.isActive()) start();
        return;
    }
    // Not worked out (it failed, though the whole run did not): asking again would fail again.
    if (!curves) return;
    if (curves_ && curves->size() == curves_->size()) {
        // Whatever was worked out is added; what is shown stays.
        auto merged = std::make_shared<std::vector<CurvePoint>>(*curves_);
        for (std::size_t p = 0; p < merged->size(); ++p) {
            auto& into = (*merged)[p].flowLatency;
            const auto& from = (*curves)[p].flowLatency;
            for (std::size_t f = 0; f < into.size() && f < from.size(); ++f)
                if (!std::isnan(from[f].second)) into[f] = from[f];
        }
        curves_ = std::move(merged);
        emit curvesChanged();
    }
    startCurves(); // another flow may have been chosen meanwhile
}

void AnalysisController::finished(std::shared_ptr<const Report> report,
                                  std::shared_ptr<const Document> doc, quint64 generation,
                                  double ms, bool cancelled, const QString& problem) {
    running_ = false;
    run_.reset();
    ranToEnd();
    progressPoll_.stop();
    setProgress(-1);
    if (cancelled) ++cancelledRuns_;
    if (generation != generation_) {
        // The design changed while this ran: its numbers (or its failure) are for a design
        // that is gone, and a stopped run has none. The previous results stay, pending.
        // The run's copy of the design goes before the next run takes one: during quick
        // edits there would otherwise be three alive (shown, stopped, next), about 8 MB
        // each at 10,000 components.
        report.reset();
        doc.reset();
        if (!timer_.isActive()) start();
        return;
    }
    if (!report) {
        // Not stopped by an edit (that would have changed the generation): the design
        // cannot be analysed.
        setStatus(Invalid, problem);
        return;
    }
    report_ = std::move(report);
    doc_ = std::move(doc);
    curves_ = std::make_shared<const std::vector<CurvePoint>>(report_->curves);
    shownGeneration_ = generation;
    lastRunMs_ = ms;
    setStatus(Fresh);
    emit reportChanged();
    emit curvesChanged();
    startCurves(); // when another flow was chosen while this ran
}

void AnalysisController::pollProgress() {
    // Short runs show no number: it would flicker past unread.
    if (!run_ || runClock_.elapsed() < progressDelayMs_) return;
    setProgress(run_->permille.load(std::memory_order_relaxed) / 1000.0);
}

void AnalysisController::setProgress(double progress) {
    if (progress == progress_) return;
    progress_ = progress;
    emit progressChanged();
}

QString AnalysisController::severityOf(const QString& id) const {
    if (!report_) return {};
    const std::string key = id.toStdString();
    int worst = -1;
    for (const Finding& f : report_->findings)
        if (!f.acknowledged &&
            std::find(f.subjects.begin(), f.subjects.end(), key) != f.subjects.end())
            worst = std::max(worst, int(f.severity));
    return worst < 0 ? QString() : QString::fromLatin1(toString(Severity(worst)));
}

QVariantList AnalysisController::routeOf(const QString& flow) const {
    QVariantList out;
    const FlowResult* f = report_ ? report_->flow(flow.toStdString()) : nullptr;
    if (!f || !doc_) return out;
    auto add = [&](const std::string& id, bool tail) {
        const Connection* c = doc_->connection(id);
        if (!c) return;
        const QString text = QString::fromStdString(
            describeElement(*doc_, ElementType::Component, c->from) + " \u2192 " +
            describeElement(*doc_, ElementType::Component, c->to));
        out.push_back(QVariantMap{{QStringLiteral("id"), QString::fromStdString(id)},
                                  {QStringLiteral("text"), text},
                                  {QStringLiteral("tail"), tail}});
    };
    for (const auto& id : f->syncConnections)
        add(id, false);
    for (const auto& id : f->tailConnections)
        add(id, true);
    return out;
}

} // namespace archlens
