#include "flow_structure.h"

#include <algorithm>

namespace archlens::detail {

namespace {

// Iterative depth-first walk that numbers nodes in post-order and drops the edges that
// close a cycle (recording the first such cycle). `expand(node)` says whether the walk
// goes on from a node; `follow(edge index)` whether an edge is part of this DAG at all.
// Every node it marks in `scratch` is done by the end, so unmarking the DAG's nodes resets it.
template <class Expand, class Follow>
void walk(const Graph& g, FlowDag& dag, const std::vector<int>& starts, Expand expand,
          Follow follow, std::vector<int>& cycle, StructureScratch& scratch) {
    enum : char { Unseen = 0, OnStack = 1, Done = 2 };
    std::vector<char>& state = scratch.state;
    std::vector<int>& local = scratch.local;
    struct Frame {
        int node;
        std::size_t next;
        std::vector<LocalEdge> kids;
    };
    std::vector<Frame> stack;
    for (int start : starts) {
        if (state[start] != Unseen) continue;
        state[start] = OnStack;
        stack.push_back({start, 0, {}});
        while (!stack.empty()) {
            Frame& top = stack.back();
            const std::vector<int>& out = g.out[top.node];
            const bool expands = expand(top.node);
            if (expands && top.next < out.size()) {
                const int e = out[top.next++];
                if (!follow(e)) continue;
                const int v = g.edges[e].to;
                if (state[v] == Unseen) {
                    state[v] = OnStack;
                    top.kids.push_back({e, -1});
                    stack.push_back({v, 0, {}}); // invalidates `top`
                } else if (state[v] == OnStack) {
                    // Back to a component on the current chain: the edge is dropped so the
                    // part stays a DAG. It is a call cycle only when every step of the loop
                    // is a synchronous call and none goes through a queue: then each caller
                    // is still waiting. A loop through a queue (a crawler's frontier fed by
                    // its own parsers) is a pipeline, not a cycle.
                    if (cycle.empty() && g.edges[e].mode == ConnectionMode::Sync) {
                        std::size_t from = stack.size();
                        for (std::size_t i = 0; i < stack.size(); ++i)
                            if (stack[i].node == v) {
                                from = i;
                                break;
                            }
                        bool waiting = from < stack.size();
                        for (std::size_t j = from; waiting && j < stack.size(); ++j) {
                            waiting = !g.nodes[stack[j].node].queueKind;
                            if (j + 1 < stack.size())
                                waiting = waiting && g.edges[stack[j].kids.back().edge].mode ==
                                                         ConnectionMode::Sync;
                        }
                        if (waiting) {
                            for (std::size_t j = from; j < stack.size(); ++j)
                                cycle.push_back(stack[j].node);
                            cycle.push_back(v);
                        }
                    }
                } else {
                    top.kids.push_back({e, local[v]});
                }
                continue;
            }
            // All callees done: number this node and resolve the edges into it.
            Frame done = std::move(stack.back());
            stack.pop_back();
            const int index = static_cast<int>(dag.nodes.size());
            local[done.node] = index;
            state[done.node] = Done;
            for (auto& k : done.kids)
                if (k.target < 0) k.target = local[g.edges[k.edge].to];
            dag.nodes.push_back(done.node);
            dag.kids.push_back(std::move(done.kids));
        }
    }
    for (int start : starts)
        dag.roots.push_back(local[start]);
    // Roots could repeat when one start was reached from another; keep each once.
    std::sort(dag.roots.begin(), dag.roots.end());
    dag.roots.erase(std::unique(dag.roots.begin(), dag.roots.end()), dag.roots.end());
    for (int node : dag.nodes)
        state[node] = Unseen; // `local` is only read where `state` says done
}

} // namespace

StructureScratch::StructureScratch(const Graph& graph)
    : state(graph.nodes.size(), 0), local(graph.nodes.size(), -1), expands(graph.nodes.size(), 0) {}

FlowStructure buildFlowStructure(const Graph& g, int flowIndex) {
    StructureScratch scratch(g);
    return buildFlowStructure(g, flowIndex, scratch);
}

FlowStructure buildFlowStructure(const Graph& g, int flowIndex, StructureScratch& scratch) {
    FlowStructure s;
    s.flow = flowIndex;
    const Flow& flow = g.doc->flows[flowIndex];
    auto entry = g.nodeIndex.find(flow.entry);
    if (entry == g.nodeIndex.end()) return s;

    // Which nodes the synchronous part goes on from: those reached through sync calls,
    // except queues and topics (what leaves them is consumption, the async tail).
    std::vector<char>& expanded = scratch.expands;
    std::vector<int> marked{entry->second}; // what `expanded` holds, to reset it after
    expanded[entry->second] = 1;
    for (std::size_t next = 0; next < marked.size(); ++next) {
        const int u = marked[next];
        if (g.nodes[u].queueKind) continue;
        for (int e : g.out[u]) {
            const Edge& edge = g.edges[e];
            if (edge.mode != ConnectionMode::Sync || !g.carries(e, flow)) continue;
            if (!expanded[edge.to]) {
                expanded[edge.to] = 1;
                marked.push_back(edge.to);
            }
        }
    }
    walk(
        g, s.sync, {entry->second},
        [&](int node) { return !g.nodes[node].queueKind && expanded[node]; },
        [&](int e) { return g.carries(e, flow); }, s.cycleNodes, scratch);
    for (int node : marked)
        expanded[node] = 0;

    // The tail starts where the synchronous part hands over: async targets and queues.
    std::vector<int> starts;
    for (std::size_t i = 0; i < s.sync.nodes.size(); ++i) {
        const int node = s.sync.nodes[i];
        if (g.nodes[node].queueKind && node != entry->second) starts.push_back(node);
        for (const auto& k : s.sync.kids[i]) {
            s.syncEdges.push_back(k.edge);
            if (g.edges[k.edge].mode == ConnectionMode::Async) starts.push_back(g.edges[k.edge].to);
        }
    }
    if (g.nodes[entry->second].queueKind) starts.push_back(entry->second);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    s.tail.tail = true;
    if (!starts.empty())
        walk(
            g, s.tail, starts, [](int) { return true; }, [&](int e) { return g.carries(e, flow); },
            s.cycleNodes, scratch);

    // Longest chain of sync calls: bottom-up over the post-order.
    std::vector<int> depth(s.sync.nodes.size(), 0);
    for (std::size_t i = 0; i < s.sync.nodes.size(); ++i)
        for (const auto& k : s.sync.kids[i]) {
            if (g.edges[k.edge].mode != ConnectionMode::Sync) continue;
            depth[i] = std::max(depth[i], 1 + depth[k.target]);
        }
    if (!s.sync.roots.empty()) s.syncDepth = depth[s.sync.roots.front()];
    std::sort(s.syncEdges.begin(), s.syncEdges.end());
    return s;
}

} // namespace archlens::detail
