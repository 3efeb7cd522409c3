#include "flow_structure.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace archlens::detail {

bool FlowDag::terminal(const Graph& g, const LocalEdge& e) const {
    return !tail && g.edges[e.edge].mode == ConnectionMode::Async;
}

namespace {

// Iterative depth-first walk that numbers nodes in post-order and drops the edges that
// close a cycle (recording the first such cycle). `expand(node)` says whether the walk
// goes on from a node; `follow(edge)` whether an edge is part of this DAG at all.
template <class Expand, class Follow>
void walk(const Graph& g, FlowDag& dag, const std::vector<int>& starts, Expand expand,
          Follow follow, std::vector<int>& cycle) {
    enum : char { OnStack = 1, Done = 2 };
    std::unordered_map<int, char> state;
    std::unordered_map<int, int> local;
    struct Frame {
        int node;
        std::size_t next;
        std::vector<LocalEdge> kids;
    };
    std::vector<Frame> stack;
    for (int start : starts) {
        if (state.count(start)) continue;
        state[start] = OnStack;
        stack.push_back({start, 0, {}});
        while (!stack.empty()) {
            Frame& top = stack.back();
            const std::vector<int>& out = g.out[top.node];
            const bool expands = expand(top.node);
            if (expands && top.next < out.size()) {
                const int e = out[top.next++];
                if (!follow(g.edges[e])) continue;
                const int v = g.edges[e].to;
                auto it = state.find(v);
                if (it == state.end()) {
                    state[v] = OnStack;
                    top.kids.push_back({e, -1});
                    stack.push_back({v, 0, {}}); // invalidates `top`
                } else if (it->second == OnStack) {
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
                    top.kids.push_back({e, local.at(v)});
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
                if (k.target < 0) k.target = local.at(g.edges[k.edge].to);
            dag.nodes.push_back(done.node);
            dag.kids.push_back(std::move(done.kids));
        }
    }
    for (int start : starts)
        dag.roots.push_back(local.at(start));
    // Roots could repeat when one start was reached from another; keep each once.
    std::sort(dag.roots.begin(), dag.roots.end());
    dag.roots.erase(std::unique(dag.roots.begin(), dag.roots.end()), dag.roots.end());
}

} // namespace

FlowStructure buildFlowStructure(const Graph& g, int flowIndex) {
    FlowStructure s;
    s.flow = flowIndex;
    const Flow& flow = g.doc->flows[flowIndex];
    auto entry = g.nodeIndex.find(flow.entry);
    if (entry == g.nodeIndex.end()) return s;

    // Which nodes the synchronous part goes on from: those reached through sync calls,
    // except queues and topics (what leaves them is consumption, the async tail).
    std::unordered_set<int> expanded;
    {
        std::vector<int> todo{entry->second};
        expanded.insert(entry->second);
        while (!todo.empty()) {
            const int u = todo.back();
            todo.pop_back();
            if (g.nodes[u].queueKind) continue;
            for (int e : g.out[u]) {
                const Edge& edge = g.edges[e];
                if (edge.mode != ConnectionMode::Sync || !edge.matches(flow)) continue;
                if (expanded.insert(edge.to).second) todo.push_back(edge.to);
            }
        }
    }
    walk(
        g, s.sync, {entry->second},
        [&](int node) { return !g.nodes[node].queueKind && expanded.count(node) > 0; },
        [&](const Edge& e) { return e.matches(flow); }, s.cycleNodes);

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
            g, s.tail, starts, [](int) { return true; },
            [&](const Edge& e) { return e.matches(flow); }, s.cycleNodes);

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
