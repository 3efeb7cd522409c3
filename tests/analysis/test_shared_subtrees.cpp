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
