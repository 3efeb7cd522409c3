// A large design's analysis spread over threads gives the report of one thread, and the
// load curves' own pass (synchronous part only, no failures, shared queueing figures)
// gives exactly what the latency pass gives on the curves' grid.
#include "analysis_helpers.h"

#include "archlens/analysis/report_json.h"
#include "archlens/analysis/rules.h"
#include "bench/dense_design.h"
#include "flow_structure.h"
#include "graph.h"
#include "latency.h"
#include "parallel.h"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <set>
#include <stdexcept>

using namespace archlens;

using test::everything;

TEST_CASE("parallelFor runs every index once, stops when asked and passes an exception on") {
    using detail::parallelFor;
    std::vector<std::atomic<int>> hits(1000);
    std::atomic<int> badWorker{0};
    parallelFor(hits.size(), 2, [&](std::size_t i, unsigned worker) {
        hits[i].fetch_add(1);
        if (worker >= 2) badWorker.fetch_add(1);
    });
    int once = 0;
    for (const auto& h : hits)
        once += h.load() == 1 ? 1 : 0;
    CHECK(once == 1000);
    CHECK(badWorker.load() == 0);

    // Once `stop` says so no new index starts: at most one more per thread than asked.
    std::atomic<int> ran{0};
    parallelFor(
        1000, 2, [&](std::size_t, unsigned) { ran.fetch_add(1); },
        [&] { return ran.load() >= 10; });
    CHECK(ran.load() >= 10);
    CHECK(ran.load() <= 12);

    CHECK_THROWS_WITH(parallelFor(100, 2,
                                  [](std::size_t i, unsigned) {
                                      if (i == 37) throw std::runtime_error("index 37");
                                  }),
                      "index 37");

    // Small work stays on the calling thread; large work takes what is asked.
    CHECK(detail::threadsFor(detail::kParallelWork - 1, 4) == 1);
    CHECK(detail::threadsFor(detail::kParallelWork, 3) == 3);
    CHECK(detail::threadsFor(detail::kParallelWork, 0) >= 1);
}

TEST_CASE("A large design analysed on two threads gives the report and findings of one") {
    // 400 components, each flow reaching about 40% of them: over the threshold at which
    // the per-flow passes and the rules spread over threads.
    const Document doc = bench::denseDesign(400);
    AnalysisOptions one, two;
    one.threads = 1;
    two.threads = 2;
    Report single = analyze(doc, Catalogue::builtin(), one);
    Report spread = analyze(doc, Catalogue::builtin(), two);
    REQUIRE(single.flows.size() == 50);
    REQUIRE_FALSE(single.curves.empty());
    std::size_t reached = 0;
    for (const auto& f : single.flows)
        reached += f.syncComponents.size();
    REQUIRE(detail::threadsFor(reached, 2) == 2);
    REQUIRE(runRulesUnlessCancelled(doc, Catalogue::builtin(), single, nullptr, {}, 1));
    REQUIRE(runRulesUnlessCancelled(doc, Catalogue::builtin(), spread, nullptr, {}, 2));
    CHECK(single.findings.size() > 100);
    CHECK(everything(doc, single) == everything(doc, spread));
    // Each rule's list is sorted on its thread and the lists merged: the report's order
    // (severity, rule, subjects) must hold across the lists as within them.
    CHECK(std::is_sorted(spread.findings.begin(), spread.findings.end(),
                         [](const Finding& a, const Finding& b) {
                             if (a.severity != b.severity) return a.severity > b.severity;
                             if (a.rule != b.rule) return a.rule < b.rule;
                             return a.subjects < b.subjects;
                         }));
    std::set<std::string> rules;
    for (const auto& f : spread.findings)
        rules.insert(f.rule);
    CHECK(rules.size() > 3); // lists of several rules were merged
}

TEST_CASE("The load curves at 1x are the latency pass's figures on the curves' grid") {
    std::vector<Document> designs{
        test::example("url-shortener"), test::example("ecommerce-checkout"),
        test::example("chat-system"),   test::example("video-platform"),
        test::example("ride-matching"), bench::denseDesign(400)};
    int compared = 0;
    for (const Document& doc : designs) {
        const Report report = analyze(doc, Catalogue::builtin());
        const auto point = std::find_if(report.curves.begin(), report.curves.end(),
                                        [](const CurvePoint& p) { return p.multiplier == 1.0; });
        // A design already saturated at 1x has no point there (the curves end before it).
        if (point == report.curves.end()) continue;
        const detail::Graph g = detail::buildGraph(doc, Catalogue::builtin(), {});
        std::vector<double> util;
        for (const auto& c : report.components)
            util.push_back(c.utilisation);
        REQUIRE(util.size() == g.nodes.size());
        const auto queueing = detail::queueFigures(g, util);
        for (std::size_t f = 0; f < doc.flows.size(); ++f) {
            const detail::FlowStructure s = detail::buildFlowStructure(g, static_cast<int>(f));
            detail::ServiceTimeCache a, b;
            const auto curve = detail::curveLatency(g, s, util, queueing, a);
            const detail::FlowLatency full =
                detail::flowLatency(g, s, util, detail::kCurveLatencyBins, false, &b);
            INFO(doc.title << ", flow " << doc.flows[f].id);
            CHECK(curve.first == full.p50);
            CHECK(curve.second == full.p99);
            CHECK(point->flowLatency[f] == curve);
            ++compared;
        }
    }
    CHECK(compared > 50);
}
