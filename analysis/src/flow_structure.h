#pragma once
// Pass 1: which components and connections each flow reaches, split into the synchronous
// part (the caller waits) and the asynchronous tail (what consumers do after an enqueue).
#include "graph.h"

#include <string>
#include <vector>

namespace archlens::detail {

/// A call edge kept in a flow's DAG, with the local index of its target.
struct LocalEdge {
    int edge = -1;   ///< index into Graph::edges
    int target = -1; ///< local index of the callee
};

/// One part of a flow (synchronous part or asynchronous tail) as a DAG over local indices.
/// Local index order is a post-order (every callee before its callers), so bottom-up
/// passes iterate forwards. Cycle-closing edges are dropped (and reported).
struct FlowDag {
    std::vector<int> nodes;                   ///< global node index per local index
    std::vector<std::vector<LocalEdge>> kids; ///< outgoing kept edges per local index
    std::vector<int> roots;                   ///< local indices the part starts from
    /// Edges whose target is only waited on for acceptance (async in the synchronous part):
    /// the callee's own step counts, its calls do not.
    bool terminal(const Graph& g, const LocalEdge& e) const {
        return !tail && g.edges[e.edge].mode == ConnectionMode::Async;
    }
    bool tail = false; ///< whether this is an asynchronous tail
};

struct FlowStructure {
    int flow = -1; ///< index into Document::flows
    FlowDag sync;  ///< root: the entry
    FlowDag tail;  ///< roots: the components where the synchronous part hands over
    int syncDepth = 0;
    std::vector<int> cycleNodes; ///< global node indices of the first cycle found, closed
    std::vector<int> syncEdges;  ///< global edge indices of the synchronous part
};

/// What the walks of buildFlowStructure mark per component, kept between flows: flat tables
/// the size of the design (a hash lookup a step cost more than the rest of the walk on a
/// dense design), reset after each walk only where it marked, so a flow's walk costs what
/// it reaches. One per thread; it holds no result.
struct StructureScratch {
    explicit StructureScratch(const Graph& graph);
    std::vector<char> state;   ///< per node: 0 unseen, else on the walk's stack or done
    std::vector<int> local;    ///< per node: its local index once done
    std::vector<char> expands; ///< per node: whether the synchronous part goes on from it
};

/// Builds the structure of one flow by walking only what it reaches.
FlowStructure buildFlowStructure(const Graph& graph, int flowIndex);
/// The same, with tables kept between the flows one thread builds.
FlowStructure buildFlowStructure(const Graph& graph, int flowIndex, StructureScratch& scratch);

} // namespace archlens::detail
