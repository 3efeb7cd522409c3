#pragma once
// Pass 5: latency distributions per flow (synchronous part and asynchronous tail), from
// per-component log-normal service times, network hops by placement and M/M/c queueing.
#include "archlens/analysis/distribution.h"
#include "archlens/analysis/report.h"
#include "flow_structure.h"

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace archlens::detail {

/// Bins of a flow's latency grid; the grid's step adapts to each flow's range.
inline constexpr std::size_t kLatencyBins = 256;
/// Bins of the grids behind the load curves: a plot needs less and there are many points.
inline constexpr std::size_t kCurveLatencyBins = 48;
/// Queueing delay when a component is saturated (utilisation >= 1): the queue grows
/// without bound, so the wait is taken as this cap, at least 10 service times.
inline constexpr double kSaturatedWaitMs = 10000;

struct FlowLatency {
    double p50 = 0, p99 = 0;
    double asyncP50 = 0, asyncP99 = 0;
    /// P(a request of the synchronous part gives up): every attempt of some required call
    /// was cut by its timeout or failed below it, or a saturated component could not take
    /// it (it serves 1/rho of what it is offered).
    double failed = 0;
    std::vector<int> criticalPath;     ///< global node indices, entry first
    std::vector<HopContribution> hops; ///< along the critical path
    Distribution sync;                 ///< the whole distribution of the synchronous part
};

/// Service-time grids (the log-normal of each component's `latency_ms`, discretised) kept
/// across the nodes and runs that use them: a service time depends on the component's
/// latency class (its p50 and p99) and the grid, not on the load, so the components of one
/// class share one grid per step, and the load curves, which compute the same flow at many
/// multipliers, reuse it at every point. Reused only on a grid of exactly the same step:
/// the curves round their steps up to a power of 2^(1/kStepsPerOctave) so that points and
/// flows meet on few grids; flowLatency's own steps are exact and differ from run to run,
/// so its cache holds one run's grids.
/// Not thread-safe; clear() it to bound memory (the curves clear theirs when it holds more
/// than kMaxGrids grids). Aligned to a cache line: the curves keep one per thread side by
/// side, and one thread's count of grids shared a line with the next thread's table, which
/// cost the curves of the dense bench design 5-7% (paired runs).
class alignas(64) ServiceTimeCache {
public:
    static constexpr int kStepsPerOctave = 8;
    /// The smallest quantised step at or above `step`, and its index.
    static std::pair<double, int> quantise(double step);
    /// The node's service time on the grid of `bins` bins of `step` ms; valid until the
    /// next call.
    const Distribution& serviceTime(const Node& node, double step, std::size_t bins);
    void clear();
    /// The grids held.
    std::size_t size() const { return size_; }
    /// Grids the curves let a cache hold (about 8 MB at their 48 bins) before clearing it.
    static constexpr std::size_t kMaxGrids = 20000;

private:
    /// One of a latency class's grids.
    struct Entry {
        double step = 0;
        std::size_t bins = 0;
        Distribution grid;
    };
    /// By latency class: the few grids of each, searched in turn (a flat table per grid
    /// cost a design's size for every grid, a hash table a search per component and run).
    std::vector<std::vector<Entry>> byClass_;
    std::vector<int> filled_; ///< the classes with grids
    std::size_t size_ = 0;
};

/// Each component's queueing at one set of utilisations (global index): the M/M/c chance of
/// waiting and mean wait given a wait (the cap when saturated), and a high quantile of its
/// whole step (service and wait) for sizing grids. Worked out once for all the flows that
/// use these utilisations rather than once per flow, node and grid.
struct QueueFigures {
    double waitProbability = 0;
    double waitMean = 0;
    double high = 0;
};
std::vector<QueueFigures> queueFigures(const Graph& graph, const std::vector<double>& utilisation);

/// The p50 and p99 of a flow's synchronous part on the curves' grid (kCurveLatencyBins,
/// steps quantised through `cache`): the figures flowLatency gives with these bins and a
/// cache, without the tail and the critical path, which the curves do not show.
/// curveLatencies of this flow alone.
std::pair<double, double> curveLatency(const Graph& graph, const FlowStructure& structure,
                                       const std::vector<double>& utilisation,
                                       const std::vector<QueueFigures>& queueing,
                                       ServiceTimeCache& cache);

/// A call as latency reads it: the kept edge with the connection's figures copied beside
/// it. Composing a flow then reads its calls in order; reading them from the design's
/// connections, scattered over megabytes, kept a dense design's passes waiting on memory.
struct Call {
    int edge = -1;         ///< index into Graph::edges
    int target = -1;       ///< local index of the callee
    bool terminal = false; ///< FlowDag::terminal: only the callee's own step counts
    bool parallel = false;
    bool required = true;
    int retries = 0;
    double calls = 1;
    double timeout = 0;
    double hopMs = 0;
    LocalEdge local() const { return {edge, target}; }
};

/// Every node's calls as latency sees them, one node's after another's: an `alternative`
/// group is served by its first member (the others only take over on failure).
struct KeptCalls {
    std::vector<Call> calls;
    std::vector<int> first; ///< per local node, where its calls start; then the end
    std::span<const Call> of(int local) const {
        return {calls.data() + first[local], calls.data() + first[local + 1]};
    }
};
KeptCalls keptCalls(const Graph& graph, const FlowDag& dag);

/// Names the subtrees of synchronous parts so that flows can share them: two nodes, of one
/// flow or of two, get the same id exactly when they are the same component making the same
/// calls, in the same order, into subtrees with the same ids. Composing such a subtree on one
/// grid at one load gives the same bits whichever flow asks, so it need be done once. (On a
/// dense design the flows of one operation reach the same backends through the same calls.)
/// Exact, not hashed: equal ids are never a collision.
class SubtreeIds {
public:
    /// The id of every local node of `dag`, a synchronous part.
    std::vector<int> name(const Graph& graph, const FlowDag& dag);
    std::size_t size() const { return ids_.size(); }

private:
    struct Hash {
        std::size_t operator()(const std::vector<int>& key) const;
    };
    std::unordered_map<std::vector<int>, int, Hash> ids_;
};

/// What the curves need of one flow, worked out once for all its points: its calls kept for
/// latency (see flowLatency) and its subtrees' ids (SubtreeIds).
struct CurveFlow {
    const FlowStructure* structure = nullptr;
    KeptCalls calls;
    std::vector<int> ids;
};
CurveFlow curveFlow(const Graph& graph, const FlowStructure& structure, SubtreeIds& ids);

/// curveLatency of each of `flows` at one load, subtrees the flows share composed once per
/// grid; `subtrees` is the SubtreeIds that named them. The same bits as curveLatency.
std::vector<std::pair<double, double>>
curveLatencies(const Graph& graph, const std::vector<CurveFlow>& flows, std::size_t subtrees,
               const std::vector<double>& utilisation, const std::vector<QueueFigures>& queueing,
               ServiceTimeCache& cache);

/// Latency of one flow given every component's utilisation (global index).
/// `bins` sets the grid's resolution; `detail` whether to trace the critical path.
/// With a `cache`, grid steps are quantised (see ServiceTimeCache) and service times reused;
/// without one, steps are exact and a run's components of one latency class share a grid.
/// `queueing`, when given, is queueFigures(graph, utilisation), shared between flows.
FlowLatency flowLatency(const Graph& graph, const FlowStructure& structure,
                        const std::vector<double>& utilisation, std::size_t bins = kLatencyBins,
                        bool detail = true, ServiceTimeCache* cache = nullptr,
                        const std::vector<QueueFigures>* queueing = nullptr);

} // namespace archlens::detail
