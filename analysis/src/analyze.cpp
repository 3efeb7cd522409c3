#include "archlens/analysis/analyze.h"

#include "availability.h"
#include "curves.h"
#include "flow_structure.h"
#include "graph.h"
#include "latency.h"
#include "load.h"
#include "parallel.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <mutex>

namespace archlens {

namespace {

class Stopwatch {
public:
    double lap() {
        const auto now = std::chrono::steady_clock::now();
        const double ms = std::chrono::duration<double, std::milli>(now - last_).count();
        last_ = now;
        return ms;
    }

private:
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// Counts the steps of one run for `AnalysisOptions::progress` and reads its cancel flag.
// Reading a relaxed atomic and calling an empty std::function cost nothing beside a flow's
// work, so the checks sit between flows.
// Safe to call from the threads of a parallel pass: the callback is never entered twice at
// once and sees the count rise.
class Steps {
public:
    Steps(const AnalysisOptions& options, int total) : options_(options), total_(total) {}
    bool cancelled() const {
        return options_.cancel && options_.cancel->load(std::memory_order_relaxed);
    }
    /// One step done; false when the run is to stop.
    bool done() {
        if (options_.progress) {
            const std::lock_guard<std::mutex> lock(mutex_);
            options_.progress(++done_, total_);
        }
        return !cancelled();
    }

private:
    const AnalysisOptions& options_;
    int total_;
    int done_ = 0;
    std::mutex mutex_;
};

constexpr double kMinutesPerMonth = 30.0 * 24 * 60;
constexpr double kMinutesPerYear = 365.25 * 24 * 60;

// Which flows' curves to compute (see AnalysisOptions::curveFlows): empty for all.
std::vector<bool> wantedCurves(const Document& doc, const AnalysisOptions& options) {
    if (!options.curveFlows) return {};
    std::vector<bool> wanted(doc.flows.size(), false);
    for (std::size_t f = 0; f < doc.flows.size(); ++f)
        wanted[f] = std::find(options.curveFlows->begin(), options.curveFlows->end(),
                              doc.flows[f].id) != options.curveFlows->end();
    return wanted;
}

int curveSteps(const Document& doc, const AnalysisOptions& options,
               const std::vector<bool>& wanted) {
    if (!options.curves) return 0;
    const bool any = wanted.empty() ? !doc.flows.empty()
                                    : std::find(wanted.begin(), wanted.end(), true) != wanted.end();
    return any ? detail::kCurveSteps : 0;
}

// What every later pass starts from: the document indexed, each flow's structure and the
// load it offers each component at 1x.
struct Groundwork {
    detail::Graph graph;
    std::vector<detail::FlowStructure> structures;
    std::vector<double> baseLoad;
    unsigned threads = 1; ///< for the per-flow passes after the structure
};

// The first passes (graph, structure, load), shared by a whole run and by the curves
// alone; nothing once `steps` says the run is cancelled.
std::optional<Groundwork> groundwork(const Document& doc, const Catalogue& catalogue,
                                     const AnalysisOptions& options, Steps& steps, PassTimings& t,
                                     Stopwatch& clock) {
    using namespace detail;
    if (steps.cancelled()) return std::nullopt;
    Groundwork w{buildGraph(doc, catalogue, options), {}, {}, 1};
    const Graph& g = w.graph;
    t.graph = clock.lap();
    if (!steps.done()) return std::nullopt;

    // The per-flow passes run on several threads when the design is large (each flow's
    // result goes to its own slot, so the numbers are those of one thread); `stop` ends a
    // pass at the next flow once the run is cancelled.
    w.structures.resize(doc.flows.size());
    const unsigned walkers = threadsFor(g.nodes.size() * doc.flows.size(), options.threads);
    std::vector<StructureScratch> scratch(walkers, StructureScratch(g));
    parallelFor(
        doc.flows.size(), walkers,
        [&](std::size_t f, unsigned worker) {
            w.structures[f] = buildFlowStructure(g, static_cast<int>(f), scratch[worker]);
            steps.done();
        },
        [&steps] { return steps.cancelled(); });
    if (steps.cancelled()) return std::nullopt;
    t.structure = clock.lap();
    std::size_t reached = 0; // what the later per-flow passes work through
    for (const auto& s : w.structures)
        reached += s.sync.nodes.size() + s.tail.nodes.size();
    // The latency pass works through each reached component once and the curves once a
    // point: a sparse design of 10,000 components whose flows reach 2,500 in all spent 56 ms
    // in them on one thread, under the threshold when counted once.
    w.threads = threadsFor(reached * (1 + kCurvePoints), options.threads);

    MarginalAvailabilities marginal(g);
    w.baseLoad = offeredLoad(g, w.structures, marginal);
    t.load = clock.lap();
    return w;
}

// A flow's structure and availability as the report gives them: its components and
// connections by id, its depth and cycle, and its availability before timeouts count.
void describeFlow(const Document& doc, const detail::Graph& g, std::size_t f,
                  const detail::FlowStructure& s, const detail::FlowAvailability& a,
                  FlowResult& r) {
    using namespace detail;
    r.id = doc.flows[f].id;
    r.name = doc.flows[f].name;
    r.syncComponents.reserve(s.sync.nodes.size());
    for (int n : s.sync.nodes)
        r.syncComponents.push_back(g.nodes[n].component->id);
    r.syncConnections.reserve(s.syncEdges.size());
    for (int e : s.syncEdges)
        r.syncConnections.push_back(g.edges[e].connection->id);
    for (int n : s.tail.nodes)
        r.asyncComponents.push_back(g.nodes[n].component->id);
    for (const auto& kids : s.tail.kids)
        for (const LocalEdge& k : kids)
            r.tailConnections.push_back(g.edges[k.edge].connection->id);
    std::sort(r.tailConnections.begin(), r.tailConnections.end());
    if (auto entry = g.nodeIndex.find(doc.flows[f].entry); entry != g.nodeIndex.end())
        r.background = !g.nodes[entry->second].entryKind;
    r.syncDepth = s.syncDepth;
    for (int n : s.cycleNodes)
        r.cycle.push_back(g.nodes[n].component->id);
    r.availability = r.availabilityUp = a.availability;
    r.availabilityMethod = a.method;
    r.availabilityInterval = a.interval;
}

// The passes, stopping with nothing as soon as `options.cancel` is seen set. A run that is
// not cancelled does exactly what it did before cancellation existed: the checks read the
// flag and count, and touch no number.
std::optional<Report> run(const Document& doc, const Catalogue& catalogue,
                          const AnalysisOptions& options, PassTimings* timings) {
    using namespace detail;
    const int flows = static_cast<int>(doc.flows.size());
    const std::vector<bool> wanted = wantedCurves(doc, options);
    Steps steps(options, 2 + flows * 3 + curveSteps(doc, options, wanted));
    PassTimings t;
    Stopwatch clock;
    Report report;
    std::optional<Groundwork> ground = groundwork(doc, catalogue, options, steps, t, clock);
    if (!ground) return std::nullopt;
    const Graph& g = ground->graph;
    const std::vector<FlowStructure>& structures = ground->structures;
    const std::vector<double>& baseLoad = ground->baseLoad;
    const unsigned threads = ground->threads;
    const auto stop = [&steps] { return steps.cancelled(); };

    std::vector<double> util(g.nodes.size());
    for (std::size_t n = 0; n < g.nodes.size(); ++n)
        util[n] = utilisation(g.nodes[n], baseLoad[n] * options.trafficMultiplier);

    // Each thread fills its own tables (they are filled on first use). A flow's part of the
    // report (its components and connections by id, its availability) is written on the same
    // thread: at 50 flows of 4,000 components, copying their ids was 57 ms on one core.
    std::vector<UpTables> tables(threads, UpTables(g));
    std::vector<FlowAvailability> availabilities(doc.flows.size());
    report.flows.resize(doc.flows.size());
    parallelFor(
        doc.flows.size(), threads,
        [&](std::size_t f, unsigned worker) {
            availabilities[f] = flowAvailability(g, structures[f], tables[worker], options.seed);
            describeFlow(doc, g, f, structures[f], availabilities[f], report.flows[f]);
            steps.done();
        },
        stop);
    if (steps.cancelled()) return std::nullopt;
    // Which flows each component and zone is a single point of failure for, in flow order.
    std::vector<std::vector<std::string>> componentSpofs(g.nodes.size());
    std::vector<std::vector<std::string>> zoneSpofs(doc.zones.size());
    for (std::size_t f = 0; f < doc.flows.size(); ++f) {
        for (int n : availabilities[f].componentSpofs)
            componentSpofs[n].push_back(report.flows[f].id);
        for (int z : availabilities[f].zoneSpofs)
            zoneSpofs[z].push_back(report.flows[f].id);
    }
    t.availability = clock.lap();

    const std::vector<QueueFigures> queueing = queueFigures(g, util);
    std::vector<FlowLatency> latencies(doc.flows.size());
    parallelFor(
        doc.flows.size(), threads,
        [&](std::size_t f, unsigned) {
            latencies[f] =
                flowLatency(g, structures[f], util, kLatencyBins, true, nullptr, &queueing);
            steps.done();
        },
        stop);
    if (steps.cancelled()) return std::nullopt;
    for (std::size_t f = 0; f < doc.flows.size(); ++f) {
        FlowLatency& l = latencies[f];
        FlowResult& r = report.flows[f];
        r.p50_ms = l.p50;
        r.p99_ms = l.p99;
        r.asyncP50_ms = l.asyncP50;
        r.asyncP99_ms = l.asyncP99;
        // A request that gives up has failed as surely as one that met a dead component.
        r.timedOut = l.failed;
        r.availability = r.availabilityUp * (1 - l.failed);
        if (r.availabilityInterval)
            r.availabilityInterval = std::make_pair(r.availabilityInterval->first * (1 - l.failed),
                                                    r.availabilityInterval->second * (1 - l.failed));
        r.downtimeMinPerMonth = (1 - r.availability) * kMinutesPerMonth;
        r.downtimeMinPerYear = (1 - r.availability) * kMinutesPerYear;
        for (int n : l.criticalPath)
            r.criticalPath.push_back(g.nodes[n].component->id);
        r.hops = std::move(l.hops);
    }
    t.latency = clock.lap();

    report.components.reserve(g.nodes.size());
    for (std::size_t n = 0; n < g.nodes.size(); ++n) {
        ComponentResult c;
        c.id = g.nodes[n].component->id;
        c.offeredRps = baseLoad[n] * options.trafficMultiplier;
        c.utilisation = util[n];
        c.availability = nodeUpGivenZones(g.nodes[n], ~uint32_t{0});
        c.spofFor = std::move(componentSpofs[n]);
        report.components.push_back(std::move(c));
    }
    for (std::size_t z = 0; z < doc.zones.size(); ++z)
        report.zones.push_back({doc.zones[z].id, std::move(zoneSpofs[z]), g.zoneAvailability[z]});
    if (!steps.done()) return std::nullopt;

    report.saturation = saturation(g, baseLoad);
    if (options.curves) {
        report.curves = loadCurves(
            g, structures, baseLoad, wanted, threads, [&steps] { steps.done(); }, stop);
        if (steps.cancelled()) return std::nullopt;
    }
    t.curves = clock.lap();
    if (timings) *timings = t;
    return report;
}

} // namespace

Report analyze(const Document& doc, const Catalogue& catalogue, const AnalysisOptions& options) {
    return analyze(doc, catalogue, options, nullptr);
}

Report analyze(const Document& doc, const Catalogue& catalogue, const AnalysisOptions& options,
               PassTimings* timings) {
    return run(doc, catalogue, options, timings).value_or(Report{});
}

std::optional<Report> analyzeUnlessCancelled(const Document& doc, const Catalogue& catalogue,
                                             const AnalysisOptions& options) {
    return run(doc, catalogue, options, nullptr);
}

std::optional<std::vector<CurvePoint>> loadCurvesUnlessCancelled(const Document& doc,
                                                                 const Catalogue& catalogue,
                                                                 const AnalysisOptions& options) {
    using namespace detail;
    const std::vector<bool> wanted = wantedCurves(doc, options);
    Steps steps(options, 1 + static_cast<int>(doc.flows.size()) + curveSteps(doc, options, wanted));
    PassTimings t;
    Stopwatch clock;
    std::optional<Groundwork> ground = groundwork(doc, catalogue, options, steps, t, clock);
    if (!ground) return std::nullopt;
    std::vector<CurvePoint> points = loadCurves(
        ground->graph, ground->structures, ground->baseLoad, wanted, ground->threads,
        [&steps] { steps.done(); }, [&steps] { return steps.cancelled(); });
    if (steps.cancelled()) return std::nullopt;
    return points;
}

} // namespace archlens
