#include "latency.h"

#include "archlens/analysis/queueing.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace archlens::detail {

namespace {

constexpr double kZ99 = 2.3263478740408408;
constexpr double kZHigh = 4.753424; // z of 1 - 1e-6: far enough out for the grid's range
// Bins below which a flow's median counts as unresolved on the grid of its 99.99% point.
constexpr double kResolvedMedianBins = 12;

double saturatedWait(const Node& node) {
    return std::max(kSaturatedWaitMs, 10 * 1000.0 / node.capacity);
}

// M/M/c wait in ms: probability of waiting and mean wait given a wait (capped).
struct Wait {
    double probability = 0;
    double mean = 0;
};

Wait queueWait(const Node& node, double rho) {
    if (node.entryKind || rho <= 0) return {};
    const double cap = saturatedWait(node);
    if (rho >= 1) return {1, cap};
    const int c = node.instances;
    const double service = 1000.0 / node.capacity;
    return {erlangC(c, rho * c), std::min(cap, service / (c * (1 - rho)))};
}

// A high quantile of the node's own step, for sizing the grid.
double ownHigh(const Node& node, double rho) {
    double service = node.p50;
    if (node.p99 > node.p50 && node.p50 > 0)
        service = std::exp(std::log(node.p50) + kZHigh * std::log(node.p99 / node.p50) / kZ99);
    const Wait w = queueWait(node, rho);
    const double wait = rho >= 1            ? w.mean
                        : w.probability > 0 ? std::min(saturatedWait(node), 14 * w.mean)
                                            : 0;
    return service + wait;
}

// The chance that one attempt is cut by `timeout`: the same reading of the grid that
// withTimeout cuts by.
double cutProbability(const Distribution& d, double timeout) {
    return timeout > 0 ? std::clamp(d.exceedance(timeout), 0.0, 1.0) : 0.0;
}

// x^y, without the call for y = 1 (no retries, or one call: most calls of a design). pow
// gives x^1 = x exactly (the result is exact, and pow misrounds only near midpoints), so
// the bits are the same.
double powOf(double x, double y) {
    return y == 1 ? x : std::pow(x, y);
}

// The share of requests a saturated component cannot take: it serves its capacity and
// no more, so at utilisation rho > 1 a fraction 1 - 1/rho is never served.
double overloadFailure(const Node& node, double rho) {
    return node.entryKind || rho <= 1 ? 0.0 : 1.0 - 1.0 / rho;
}

} // namespace

KeptCalls keptCalls(const Graph& g, const FlowDag& dag) {
    KeptCalls kept;
    kept.first.reserve(dag.nodes.size() + 1);
    std::size_t calls = 0;
    for (const auto& kids : dag.kids)
        calls += kids.size();
    kept.calls.reserve(calls); // at most every call: a dense flow has thousands
    std::vector<int> seen;
    for (std::size_t i = 0; i < dag.nodes.size(); ++i) {
        kept.first.push_back(static_cast<int>(kept.calls.size()));
        seen.clear();
        for (const auto& k : dag.kids[i]) {
            const Edge& e = g.edges[k.edge];
            if (e.alternative >= 0) {
                if (std::find(seen.begin(), seen.end(), e.alternative) != seen.end()) continue;
                seen.push_back(e.alternative);
            }
            kept.calls.push_back({.edge = k.edge,
                                  .target = k.target,
                                  .terminal = dag.terminal(g, k),
                                  .parallel = e.parallel,
                                  .required = e.required,
                                  .retries = e.retries,
                                  .calls = e.calls,
                                  .timeout = e.timeout,
                                  .hopMs = e.hopMs});
        }
    }
    kept.first.push_back(static_cast<int>(kept.calls.size()));
    return kept;
}

namespace {

struct Composer {
    const Graph& g;
    const FlowDag& dag;
    const std::vector<double>& util;
    const std::vector<QueueFigures>& queueing;
    double step = 1;
    std::size_t bins = kLatencyBins;
    ServiceTimeCache* cache = nullptr;
    /// Whether steps are rounded to the cache's quantised ones (the curves), or kept exact.
    bool quantised = true;
    int stepIndex = 0; ///< of the quantised step
    /// Whether to work out P(gives up) beside the distributions (the curves need only
    /// the latency).
    bool failures = true;

    double rho(int local) const { return util[dag.nodes[local]]; }
    double high(int local) const { return queueing[dag.nodes[local]].high; }

    // Sets the grid step: rounded up to a quantised one for the curves, else as given.
    void setStep(double s) {
        step = s;
        if (cache && quantised) std::tie(step, stepIndex) = ServiceTimeCache::quantise(s);
    }

    Distribution own(int local) const {
        const int index = dag.nodes[local];
        const Node& node = g.nodes[index];
        Distribution computed;
        if (!cache) computed = Distribution::logNormal(step, bins, node.p50, node.p99);
        const Distribution& service = cache ? cache->serviceTime(node, step, bins) : computed;
        const Wait w{queueing[index].waitProbability, queueing[index].waitMean};
        if (rho(local) >= 1 && !node.entryKind) return service.shifted(w.mean); // the cap
        if (w.probability > 0)
            return service.plus(
                Distribution::waiting(step, bins, w.probability, w.mean, saturatedWait(node)));
        return cache ? service : computed;
    }

    /// keptCalls of every node, worked out once for all the runs of a part.
    const KeptCalls* callsOf = nullptr;
    std::span<const Call> calls(int local) const { return callsOf->of(local); }

    // Upper bound of each node's subtree latency, bottom-up, to size the grid.
    double upperBound(const std::vector<int>& roots, bool withOwnRoot) const {
        std::vector<double> ub(dag.nodes.size(), 0.0), kidsUb(dag.nodes.size(), 0.0);
        for (std::size_t i = 0; i < dag.nodes.size(); ++i) {
            kidsUb[i] = callsBound(static_cast<int>(i), [&](int k) { return ub[k]; });
            ub[i] = high(static_cast<int>(i)) + kidsUb[i];
        }
        double top = 0;
        for (int r : roots)
            top = std::max(top, withOwnRoot ? ub[r] : kidsUb[r]);
        return top;
    }

    /// The upper bound of node `i`'s calls, given `sub(callee)`, that of a callee's subtree.
    template <class Sub> double callsBound(int i, Sub&& sub) const {
        double sum = 0;
        for (const Call& e : calls(i)) {
            double x = e.hopMs + (e.terminal ? high(e.target) : sub(e.target));
            if (e.timeout > 0) x = std::min(x, (e.retries + 1) * e.timeout + e.hopMs);
            sum += e.parallel ? x : x * std::max(1.0, std::ceil(e.calls));
        }
        return sum;
    }
};

// The first grid spans a safe upper bound of the flow (every step at its 1e-6 tail),
// which can be far wider than the flow really is and leave the median a few bins wide.
// When 99.99% of the mass sits in the first quarter, a run on a grid fitted to it is
// better (what lies beyond is kept in the last bin, far above the p99): its step, or 0.
double refinedStep(const Distribution& d, std::size_t bins) {
    const double q = d.quantile(0.9999);
    const double range = d.step() * static_cast<double>(d.bins() - 1);
    // A probe bin of margin: the probe only knows q to within a bin.
    const double top = std::max(1.25 * q, q + d.step());
    return top < 0.5 * range ? std::max(1e-3, top / static_cast<double>(bins - 1)) : 0.0;
}

/// One node's subtree on one flow: its calls composed (timeouts and retries, repeats,
/// parallel maxima, sequential sums), its own step added, and P(it gives up).
struct NodeResult {
    Distribution full;     ///< own step and calls
    Distribution kidsOnly; ///< the calls alone (where a tail starts)
    double failed = 0;
    LocalEdge best; ///< the call with the largest mean, for the critical path
};

/// `kid(local)` gives a callee's subtree (by value: the caller may move it in), `kidFailed`
/// its P(gives up). The same arithmetic whoever asks, so that a subtree computed once for
/// several flows has the bits it would have for each.
template <class Kid, class KidFailed>
NodeResult composeNode(const Composer& c, int i, bool tail, Kid&& kid, KidFailed&& kidFailed) {
    const Graph& g = c.g;
    const FlowDag& dag = c.dag;
    const std::size_t bins = c.bins;
    const Node& node = g.nodes[dag.nodes[i]];
    NodeResult result;
    // In the tail every consumer of a queue takes its messages independently.
    const bool fanOut = tail && node.queueKind;
    // Empty until the first call of each kind (an empty one counts as zero): most
    // nodes have no parallel calls, and the first sequential call needs no sum.
    Distribution sequential, parallel;
    double bestMean = -1;
    double served = 1 - overloadFailure(node, c.rho(i));
    for (const Call& e : c.calls(i)) {
        Distribution x;
        if (e.terminal)
            x = c.own(e.target);
        else
            x = kid(e.target);
        x = std::move(x).shifted(e.hopMs);
        if (!tail && e.required && c.failures) {
            const double below =
                e.terminal ? overloadFailure(g.nodes[dag.nodes[e.target]], c.rho(e.target))
                           : kidFailed(e.target);
            const double attempt = 1 - (1 - below) * (1 - cutProbability(x, e.timeout));
            const double givesUp = powOf(attempt, e.retries + 1);
            served *= e.calls < 1 ? 1 - e.calls * givesUp : powOf(1 - givesUp, e.calls);
        }
        x = std::move(x).withTimeout(e.timeout, e.retries);
        const bool inParallel = e.parallel || fanOut;
        x = inParallel ? std::move(x).maxOf(e.calls) : std::move(x).repeated(e.calls);
        const double mean = x.mean();
        if (mean > bestMean) {
            bestMean = mean;
            result.best = e.local();
        }
        // The first call of each kind is taken as it is, except where summing or
        // maxing it with zero would round it (a near point mass loses its dust; a
        // max goes through the CDF), so that the numbers stay the same to the bit.
        if (inParallel) {
            if (parallel.bins() == 0) parallel = Distribution(c.step, bins);
            parallel = parallel.max(x);
        } else if (sequential.bins() == 0 && !x.pointMass()) {
            sequential = std::move(x);
        } else {
            if (sequential.bins() == 0) sequential = Distribution(c.step, bins);
            sequential = std::move(sequential).plus(x);
        }
    }
    // A tail starts after the hand-over point's own step (counted in the sync part),
    // so roots keep their calls alone as well.
    if (sequential.bins() == 0) sequential = Distribution(c.step, bins);
    result.kidsOnly =
        parallel.bins() == 0 ? std::move(sequential) : std::move(sequential).plus(parallel);
    result.full = c.own(i).plus(result.kidsOnly);
    result.failed = std::clamp(1 - served, 0.0, 1.0);
    return result;
}

/// Every node's subtree on the composer's grid, bottom-up (a FlowDag's nodes are in
/// post-order), with P(it gives up) and its call of largest mean beside it. A root keeps
/// its calls alone too (where a tail starts); other nodes' `kidsOnly` stay empty, and a
/// subtree's grid goes to its last caller, so `full` holds only what is still needed: the
/// roots' at least.
struct Composed {
    std::vector<Distribution> full, kidsOnly;
    std::vector<double> failed;
    std::vector<LocalEdge> best;
};

Composed composeAll(const Composer& c, bool tail) {
    const FlowDag& dag = c.dag;
    const std::size_t m = dag.nodes.size();
    Composed out{std::vector<Distribution>(m), std::vector<Distribution>(m),
                 std::vector<double>(m, 0.0), std::vector<LocalEdge>(m)};
    std::vector<int> uses(m, 0);
    for (std::size_t i = 0; i < m; ++i)
        for (const Call& k : c.calls(static_cast<int>(i)))
            if (!k.terminal) ++uses[k.target];
    std::vector<char> isRoot(m, 0);
    for (int r : dag.roots)
        isRoot[r] = 1;
    for (std::size_t i = 0; i < m; ++i) {
        NodeResult r = composeNode(
            c, static_cast<int>(i), tail,
            [&](int k) {
                // The last caller takes the grid over.
                return --uses[k] == 0 && !isRoot[k] ? std::move(out.full[k]) : out.full[k];
            },
            [&](int k) { return out.failed[k]; });
        out.full[i] = std::move(r.full);
        if (isRoot[i]) out.kidsOnly[i] = std::move(r.kidsOnly);
        out.failed[i] = r.failed;
        out.best[i] = r.best;
    }
    return out;
}

} // namespace

std::pair<double, int> ServiceTimeCache::quantise(double step) {
    // A hair below the exact power so that a step already on the lattice stays there.
    const int index = static_cast<int>(std::ceil(std::log2(step) * kStepsPerOctave - 1e-9));
    return {std::exp2(static_cast<double>(index) / kStepsPerOctave), index};
}

const Distribution& ServiceTimeCache::serviceTime(const Node& node, double step, std::size_t bins) {
    const auto c = static_cast<std::size_t>(node.latencyClass);
    if (c >= byClass_.size()) byClass_.resize(c + 1);
    std::vector<Entry>& grids = byClass_[c];
    // Newest first: the curves work grid by grid, so a grid asked again is mostly the last.
    for (auto e = grids.rbegin(); e != grids.rend(); ++e)
        if (e->step == step && e->bins == bins) return e->grid;
    if (grids.empty()) filled_.push_back(node.latencyClass);
    grids.push_back({step, bins, Distribution::logNormal(step, bins, node.p50, node.p99)});
    ++size_;
    return grids.back().grid;
}

void ServiceTimeCache::clear() {
    // Only the classes that hold grids: clearing after every flow costs what the flow used.
    for (int c : filled_)
        byClass_[static_cast<std::size_t>(c)].clear();
    filled_.clear();
    size_ = 0;
}

std::vector<QueueFigures> queueFigures(const Graph& g, const std::vector<double>& util) {
    std::vector<QueueFigures> figures(g.nodes.size());
    for (std::size_t n = 0; n < figures.size(); ++n) {
        const Wait w = queueWait(g.nodes[n], util[n]);
        figures[n] = {w.probability, w.mean, ownHigh(g.nodes[n], util[n])};
    }
    return figures;
}

FlowLatency flowLatency(const Graph& g, const FlowStructure& s, const std::vector<double>& util,
                        std::size_t bins, bool detail, ServiceTimeCache* cache,
                        const std::vector<QueueFigures>* shared) {
    FlowLatency result;
    std::vector<QueueFigures> computed;
    if (!shared) computed = queueFigures(g, util);
    const std::vector<QueueFigures>& queueing = shared ? *shared : computed;
    // A step's own p50/p99 on a grid sized for that step alone, so that a slow step is
    // not clipped by the flow's grid (which timeouts may have made short).
    auto ownQuantiles = [&](const FlowDag& dag, int local) {
        Composer own{.g = g,
                     .dag = dag,
                     .util = util,
                     .queueing = queueing,
                     .step = std::max(1e-4, queueing[dag.nodes[local]].high / (kLatencyBins - 1)),
                     .bins = kLatencyBins};
        const Distribution d = own.own(local);
        return std::make_pair(d.quantile(0.5), d.quantile(0.99));
    };
    // Each part's calls as latency keeps them, worked out once for all its runs (a dense
    // flow's synchronous part runs at least twice: its first grid, then the fitted one).
    const KeptCalls syncCalls = keptCalls(g, s.sync);
    const KeptCalls tailCalls = keptCalls(g, s.tail);
    // Without the curves' cache, one for the run on hand: its components of one latency
    // class share a grid (the step of each run is its own, so nothing is kept between runs).
    ServiceTimeCache exact;
    auto run = [&](const FlowDag& dag, bool tail, double step, std::size_t bins) {
        if (!cache) exact.clear();
        Composer c{.g = g,
                   .dag = dag,
                   .util = util,
                   .queueing = queueing,
                   .bins = bins,
                   .cache = cache ? cache : &exact,
                   .quantised = cache != nullptr};
        c.callsOf = tail ? &tailCalls : &syncCalls;
        c.setStep(step > 0 ? step
                           : std::max(1e-3, c.upperBound(dag.roots, !tail) /
                                                static_cast<double>(bins - 1)));
        return composeAll(c, tail);
    };

    if (!s.sync.roots.empty()) {
        Composed first = run(s.sync, false, 0.0, bins);
        if (const double step = refinedStep(first.full[s.sync.roots.front()], bins); step > 0)
            first = run(s.sync, false, step, bins);
        const std::vector<LocalEdge>& best = first.best;
        const int root = s.sync.roots.front();
        result.sync = first.full[root];
        result.failed = first.failed[root];
        result.p50 = result.sync.quantile(0.5);
        result.p99 = result.sync.quantile(0.99);
        // A long tail (a cache miss, a retry after a timeout) can put the 99.99% point tens
        // of medians out, and the median within a few bins of that grid. Each hop and short
        // step is split between the two grid points around it: the mean stays exact, but the
        // spread this adds pulls a median so few bins wide towards the tail (by 3% at 5
        // bins). Read the percentiles from a run on a grid fitted to the p99 then: what
        // lies beyond it only needs its total, which the last bin keeps. Not on the curves'
        // coarse grids: a plot needs less, and they are run for every multiplier.
        if (bins >= kLatencyBins && result.p50 < kResolvedMedianBins * result.sync.step()) {
            const double top = std::max(1.25 * result.p99, result.p99 + result.sync.step());
            const double step = std::max(1e-3, top / static_cast<double>(bins - 1));
            if (step < 0.5 * result.sync.step()) {
                const Composed body = run(s.sync, false, step, bins);
                const Distribution& d = body.full[root];
                result.p50 = d.quantile(0.5);
                result.p99 = d.quantile(0.99);
            }
        }
        if (!detail) return result;
        // Critical path: from the entry, always into the call with the largest mean.
        int at = root;
        std::string via;
        double hop = 0;
        for (std::size_t guard = 0; at >= 0 && guard <= s.sync.nodes.size(); ++guard) {
            result.criticalPath.push_back(s.sync.nodes[at]);
            const auto [p50, p99] = ownQuantiles(s.sync, at);
            result.hops.push_back(
                {g.nodes[s.sync.nodes[at]].component->id, via, p50 + hop, p99 + hop});
            if (best[at].edge < 0) break;
            const LocalEdge k = best[at];
            via = g.edges[k.edge].connection->id;
            hop = g.edges[k.edge].hopMs;
            if (s.sync.terminal(g, k)) { // enqueue: the queue's own step ends the path
                const auto [p50, p99] = ownQuantiles(s.sync, k.target);
                result.criticalPath.push_back(s.sync.nodes[k.target]);
                result.hops.push_back(
                    {g.nodes[s.sync.nodes[k.target]].component->id, via, p50 + hop, p99 + hop});
                break;
            }
            at = k.target;
        }
    }
    if (!s.tail.roots.empty()) {
        const std::vector<Distribution> kidsOnly = run(s.tail, true, 0.0, bins).kidsOnly;
        // Hand-over points run concurrently: the tail ends when the slowest one is done.
        Distribution total;
        bool first = true;
        for (int r : s.tail.roots) {
            total = first ? kidsOnly[r] : total.max(kidsOnly[r]);
            first = false;
        }
        result.asyncP50 = total.quantile(0.5);
        result.asyncP99 = total.quantile(0.99);
    }
    return result;
}

std::size_t SubtreeIds::Hash::operator()(const std::vector<int>& key) const {
    std::size_t h = key.size();
    for (int v : key)
        h = (h ^ static_cast<std::size_t>(static_cast<unsigned>(v))) * 0x100000001b3ULL;
    return h;
}

std::vector<int> SubtreeIds::name(const Graph& g, const FlowDag& dag) {
    std::vector<int> ids(dag.nodes.size());
    std::vector<int> key;
    for (std::size_t i = 0; i < dag.nodes.size(); ++i) {
        // What composeNode reads of a node: which part it is in, the component, and its
        // calls in order with, past each, either the callee's own step (an enqueue, -1) or
        // the callee's subtree. Post-order: the callees are named first.
        key.assign({dag.tail ? 1 : 0, dag.nodes[i]});
        for (const auto& k : dag.kids[i]) {
            key.push_back(k.edge);
            key.push_back(dag.terminal(g, k) ? -1 : ids[k.target]);
        }
        ids[i] = ids_.try_emplace(key, static_cast<int>(ids_.size())).first->second;
    }
    return ids;
}

CurveFlow curveFlow(const Graph& g, const FlowStructure& s, SubtreeIds& ids) {
    return {&s, keptCalls(g, s.sync), ids.name(g, s.sync)};
}

namespace {

// One flow's run on one grid, within curveLatencies.
struct CurveRun {
    std::size_t flow = 0; ///< in curveLatencies' `flows`
    int stepIndex = 0;
    double step = 0;
};

} // namespace

std::vector<std::pair<double, double>>
curveLatencies(const Graph& g, const std::vector<CurveFlow>& flows, std::size_t subtrees,
               const std::vector<double>& util, const std::vector<QueueFigures>& queueing,
               ServiceTimeCache& cache) {
    const std::size_t bins = kCurveLatencyBins;
    // flowLatency's synchronous part with these bins and a cache, less what the curves do
    // not show: P(gives up), the tail, the critical path and the median's extra run.
    auto composer = [&](const CurveFlow& f) {
        Composer c{.g = g,
                   .dag = f.structure->sync,
                   .util = util,
                   .queueing = queueing,
                   .bins = bins,
                   .cache = &cache,
                   .failures = false};
        c.callsOf = &f.calls;
        return c;
    };
    std::vector<std::pair<double, double>> result(flows.size(), {0.0, 0.0});
    std::vector<CurveRun> runs, refined;
    // Composer::upperBound(roots, true) of each flow, a shared subtree's bound worked out
    // once (the bound does not depend on the grid).
    std::vector<double> bound(subtrees, -1.0);
    for (std::size_t f = 0; f < flows.size(); ++f) {
        const FlowDag& dag = flows[f].structure->sync;
        if (dag.roots.empty()) continue;
        Composer c = composer(flows[f]);
        const std::vector<int>& ids = flows[f].ids;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if (bound[ids[i]] >= 0) continue;
            const int local = static_cast<int>(i);
            bound[ids[i]] =
                c.high(local) + c.callsBound(local, [&](int k) { return bound[ids[k]]; });
        }
        c.setStep(std::max(1e-3, bound[ids[dag.roots.front()]] / static_cast<double>(bins - 1)));
        runs.push_back({f, c.stepIndex, c.step});
    }
    // Every subtree composed on the current grid, by id; what was filled is emptied before
    // the next grid.
    std::vector<Distribution> memo(subtrees);
    std::vector<int> filled;
    auto forget = [&] {
        for (int id : filled)
            memo[id] = Distribution();
        filled.clear();
    };
    auto runAll = [&](std::vector<CurveRun>& todo, auto&& done) {
        std::stable_sort(todo.begin(), todo.end(), [](const CurveRun& a, const CurveRun& b) {
            return a.stepIndex < b.stepIndex;
        });
        for (std::size_t r = 0; r < todo.size(); ++r) {
            if (r > 0 && todo[r].stepIndex != todo[r - 1].stepIndex) {
                forget();
                // Service times are kept for the next points (they do not depend on the
                // load) while they fit: kept for every grid of a point, they were 40 MB
                // on the dense 10k bench design.
                if (cache.size() > ServiceTimeCache::kMaxGrids) cache.clear();
            }
            const CurveFlow& f = flows[todo[r].flow];
            Composer c = composer(f);
            c.step = todo[r].step;
            c.stepIndex = todo[r].stepIndex;
            // composeAll's bottom-up pass, each subtree taken from the memo when another
            // flow (or this one) already composed it on this grid.
            for (std::size_t i = 0; i < f.ids.size(); ++i) {
                const int id = f.ids[i];
                if (memo[id].bins() > 0) continue;
                memo[id] = composeNode(
                               c, static_cast<int>(i), false,
                               [&](int k) -> Distribution { return memo[f.ids[k]]; },
                               [](int) { return 0.0; })
                               .full;
                filled.push_back(id);
            }
            done(todo[r], memo[f.ids[f.structure->sync.roots.front()]]);
        }
        forget();
    };
    runAll(runs, [&](const CurveRun& run, const Distribution& d) {
        if (const double step = refinedStep(d, bins); step > 0) {
            const auto [quantised, index] = ServiceTimeCache::quantise(step);
            refined.push_back({run.flow, index, quantised});
        } else {
            result[run.flow] = {d.quantile(0.5), d.quantile(0.99)};
        }
    });
    runAll(refined, [&](const CurveRun& run, const Distribution& d) {
        result[run.flow] = {d.quantile(0.5), d.quantile(0.99)};
    });
    return result;
}

std::pair<double, double> curveLatency(const Graph& g, const FlowStructure& s,
                                       const std::vector<double>& util,
                                       const std::vector<QueueFigures>& queueing,
                                       ServiceTimeCache& cache) {
    SubtreeIds ids;
    const std::vector<CurveFlow> one{curveFlow(g, s, ids)};
    return curveLatencies(g, one, ids.size(), util, queueing, cache).front();
}

} // namespace archlens::detail
