// Flows that reach the same components through the same calls share those subtrees in the
// load curves (SubtreeIds, curveLatencies): a subtree is named the same only when composing
// it must give the same bits, and the shared computation gives each flow exactly what its
// own computation (curveLatency) gives.
#include "analysis_helpers.h"

#include "bench/dense_design.h"
#include "flow_structure.h"
#include "graph.h"
#include "latency.h"
#include "load.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

using namespace archlens;

namespace {

struct Built {
    detail::Graph graph;
    std::vector<detail::FlowStructure> flows;
};

Built build(const Document& doc) {
    Built b{detail::buildGraph(doc, Catalogue::builtin(), {}), {}};
    for (std::size_t f = 0; f < doc.flows.size(); ++f)
        b.flows.push_back(detail::buildFlowStructure(b.graph, static_cast<int>(f)));
    return b;
}

} // namespace

TEST_CASE("Subtrees are named alike exactly when they make the same calls") {
    const Document doc = bench::denseDesign(400);
    const Built b = build(doc);
    detail::SubtreeIds ids;
    std::vector<std::vector<int>> named;
    std::size_t nodes = 0;
    for (const auto& s : b.flows) {
        named.push_back(ids.name(b.graph, s.sync));
        nodes += s.sync.nodes.size();
    }
    // Flows of one operation reach the same backends the same way: far fewer subtrees
    // than nodes.
    CHECK(ids.size() < nodes / 4);
    // Naming again gives the same ids and adds none.
    const std::size_t before = ids.size();
    CHECK(ids.name(b.graph, b.flows[3].sync) == named[3]);
    CHECK(ids.size() == before);

    // Two nodes with one id are one component with the same calls into subtrees of the
    // same ids; nodes of different components never share one.
    std::map<int, std::pair<std::size_t, int>> first; // id -> (flow, local)
    int sharedAcrossFlows = 0;
    for (std::size_t f = 0; f < b.flows.size(); ++f) {
        const detail::FlowDag& dag = b.flows[f].sync;
        for (std::size_t i = 0; i < dag.nodes.size(); ++i) {
            const auto [it, added] = first.try_emplace(named[f][i], f, static_cast<int>(i));
            if (added) continue;
            const auto [g, j] = it->second;
            const detail::FlowDag& other = b.flows[g].sync;
            INFO("flow " << f << " node " << i << " against flow " << g << " node " << j);
            REQUIRE(dag.nodes[i] == other.nodes[j]);
            REQUIRE(dag.kids[i].size() == other.kids[j].size());
            for (std::size_t k = 0; k < dag.kids[i].size(); ++k) {
                CHECK(dag.kids[i][k].edge == other.kids[j][k].edge);
                CHECK(named[f][dag.kids[i][k].target] == named[g][other.kids[j][k].target]);
            }
            if (g != f) ++sharedAcrossFlows;
        }
    }
    CHECK(sharedAcrossFlows > 1000);

    // The entries differ, so every flow's root is its own; reads and writes take different
    // calls (ops), so the layer below the clients differs between a read and a write flow.
    std::set<int> roots;
    for (std::size_t f = 0; f < b.flows.size(); ++f)
        roots.insert(named[f][b.flows[f].sync.roots.front()]);
    CHECK(roots.size() == b.flows.size());
}

TEST_CASE("Curves computed for many flows at once give each flow its own computation's bits") {
    for (const Document& doc :
         {bench::denseDesign(400), bench::denseDesign(1000, 7), test::example("chat-system"),
          test::example("ecommerce-checkout")}) {
        INFO(doc.title << ", " << doc.components.size() << " components");
        const Built b = build(doc);
        detail::MarginalAvailabilities marginal(b.graph);
        const std::vector<double> base = detail::offeredLoad(b.graph, b.flows, marginal);
        detail::SubtreeIds ids;
        std::vector<detail::CurveFlow> shared;
        for (const auto& s : b.flows)
            shared.push_back(detail::curveFlow(b.graph, s, ids));
        // Light load, 1x, and past saturation: waits, no waits and capped waits.
        for (const double multiplier : {0.1, 1.0, 6.0}) {
            INFO("at " << multiplier << "x");
            std::vector<double> util;
            for (std::size_t n = 0; n < b.graph.nodes.size(); ++n)
                util.push_back(detail::utilisation(b.graph.nodes[n], base[n] * multiplier));
            const auto queueing = detail::queueFigures(b.graph, util);
            detail::ServiceTimeCache together, alone;
            const auto all =
                detail::curveLatencies(b.graph, shared, ids.size(), util, queueing, together);
            REQUIRE(all.size() == b.flows.size());
            for (std::size_t f = 0; f < b.flows.size(); ++f) {
                INFO("flow " << doc.flows[f].id);
                const auto own = detail::curveLatency(b.graph, b.flows[f], util, queueing, alone);
                CHECK(all[f].first == own.first);
                CHECK(all[f].second == own.second);
                CHECK(own.second >= own.first);
            }
        }
    }
}

TEST_CASE("Components of one latency share one service-time grid per step") {
    // Two app services of their kind's latency are one class; an app service of a latency
    // of its own and a store of its kind's are two others.
    const Document doc =
        test::design("[]",
                     R"([{"id": "a", "kind": "app_service"}, {"id": "b", "kind": "app_service"},
            {"id": "c", "kind": "app_service", "props": {"latency_ms": {"p50": 7, "p99": 90}}},
            {"id": "d", "kind": "key_value_store"}])",
                     "[]", "[]");
    const detail::Graph g = detail::buildGraph(doc, Catalogue::builtin(), {});
    const auto& n = g.nodes;
    CHECK(n[0].latencyClass == n[1].latencyClass);
    CHECK(n[2].latencyClass != n[0].latencyClass);
    CHECK(n[3].latencyClass != n[0].latencyClass);
    CHECK(n[3].latencyClass != n[2].latencyClass);
    CHECK(std::max({n[0].latencyClass, n[1].latencyClass, n[2].latencyClass, n[3].latencyClass}) ==
          2); // numbered from 0, in order of first use

    detail::ServiceTimeCache cache;
    const Distribution a = cache.serviceTime(n[0], 0.5, 64);
    const Distribution b = cache.serviceTime(n[1], 0.5, 64);
    CHECK(cache.size() == 1); // b was a's grid
    CHECK(a.masses() == b.masses());
    CHECK(a.masses() == Distribution::logNormal(0.5, 64, n[1].p50, n[1].p99).masses());
    const Distribution c = cache.serviceTime(n[2], 0.5, 64);
    CHECK(cache.size() == 2);
    CHECK(c.masses() == Distribution::logNormal(0.5, 64, 7, 90).masses());
    CHECK(c.masses() != a.masses());
    (void)cache.serviceTime(n[0], 0.25, 64); // another step, another grid
    (void)cache.serviceTime(n[0], 0.5, 32);  // and other bins
    CHECK(cache.size() == 4);
    cache.clear();
    CHECK(cache.size() == 0);
}
