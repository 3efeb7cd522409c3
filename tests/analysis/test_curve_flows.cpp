// Load curves for chosen flows only (AnalysisOptions::curveFlows) and the curves alone
// (loadCurvesUnlessCancelled), which the window uses to plot one flow of a large design
// without paying for every flow's curves: a flow's points are exactly those of a full run,
// whoever else is computed, and nothing else in the report changes.
#include "analysis_helpers.h"

#include "bench/dense_design.h"
#include "curves.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace archlens;

namespace {

/// Every point's multiplier, utilisation and busiest component equal, and flow `f`'s latency
/// the same to the bit, or NaN when `computed` is false.
void checkColumn(const std::vector<CurvePoint>& full, const std::vector<CurvePoint>& some,
                 std::size_t f, bool computed) {
    REQUIRE(some.size() == full.size());
    for (std::size_t p = 0; p < full.size(); ++p) {
        INFO("point " << p << ", flow " << f);
        CHECK(some[p].multiplier == full[p].multiplier);
        CHECK(some[p].maxUtilisation == full[p].maxUtilisation);
        CHECK(some[p].busiestComponent == full[p].busiestComponent);
        REQUIRE(some[p].flowLatency.size() == full[p].flowLatency.size());
        const auto [p50, p99] = some[p].flowLatency[f];
        if (computed) {
            CHECK(p50 == full[p].flowLatency[f].first);
            CHECK(p99 == full[p].flowLatency[f].second);
        } else {
            CHECK(std::isnan(p50));
            CHECK(std::isnan(p99));
        }
    }
}

/// The report without its curves, as comparable text.
std::string withoutCurves(const Document& doc, Report report) {
    report.curves.clear();
    return test::everything(doc, report);
}

} // namespace

TEST_CASE("Curves for one flow are that flow's curves of a full run, and the rest is unchanged") {
    for (const auto& path : test::examplePaths()) {
        const Document doc = test::example(path.stem().string());
        INFO(path.filename().string());
        const Report full = analyze(doc, Catalogue::builtin());
        REQUIRE(!full.curves.empty());
        for (std::size_t f = 0; f < doc.flows.size(); ++f) {
            AnalysisOptions options;
            options.curveFlows = std::vector<std::string>{doc.flows[f].id};
            const Report some = analyze(doc, Catalogue::builtin(), options);
            CHECK(withoutCurves(doc, some) == withoutCurves(doc, full));
            for (std::size_t g = 0; g < doc.flows.size(); ++g)
                checkColumn(full.curves, some.curves, g, g == f);

            // The curves alone give the same points.
            const auto alone = loadCurvesUnlessCancelled(doc, Catalogue::builtin(), options);
            REQUIRE(alone);
            for (std::size_t g = 0; g < doc.flows.size(); ++g)
                checkColumn(full.curves, *alone, g, g == f);
        }
    }
}

TEST_CASE("No flow named: the points are there without any flow's latency") {
    const Document doc = test::example("url-shortener");
    const Report full = analyze(doc, Catalogue::builtin());
    for (const auto& names : {std::vector<std::string>{}, std::vector<std::string>{"no-such"}}) {
        AnalysisOptions options;
        options.curveFlows = names;
        const Report none = analyze(doc, Catalogue::builtin(), options);
        for (std::size_t f = 0; f < doc.flows.size(); ++f)
            checkColumn(full.curves, none.curves, f, false);
    }
}

TEST_CASE("The curves alone follow the what-if and the threads as a full run does") {
    // Over the threshold at which flows spread over threads.
    const Document doc = bench::denseDesign(400);
    AnalysisOptions options;
    options.failedComponents = {doc.components[120].id};
    options.failedZones = {doc.zones.front().id};
    options.trafficMultiplier = 3; // the curves are relative to the declared rates
    const Report full = analyze(doc, Catalogue::builtin(), options);
    REQUIRE(full.curves.size() >= 10);
    options.threads = 2;
    const auto all = loadCurvesUnlessCancelled(doc, Catalogue::builtin(), options);
    REQUIRE(all);
    for (std::size_t f = 0; f < doc.flows.size(); ++f)
        checkColumn(full.curves, *all, f, true);

    options.curveFlows = std::vector<std::string>{doc.flows[7].id, doc.flows[30].id};
    int steps = 0, total = 0;
    options.progress = [&](int done, int all) {
        steps = done;
        total = all;
    };
    const auto two = loadCurvesUnlessCancelled(doc, Catalogue::builtin(), options);
    REQUIRE(two);
    for (std::size_t f = 0; f < doc.flows.size(); ++f)
        checkColumn(full.curves, *two, f, f == 7 || f == 30);
    // Indexing, each flow's structure, and the curves' points (the two flows together).
    CHECK(total == 1 + static_cast<int>(doc.flows.size()) + detail::kCurveSteps);
    CHECK(steps == total);

    std::atomic<bool> cancel{true};
    options.cancel = &cancel;
    CHECK_FALSE(loadCurvesUnlessCancelled(doc, Catalogue::builtin(), options));
}

TEST_CASE("A run with curves for one flow counts the curves' points once") {
    const Document doc = test::example("ecommerce-checkout");
    int lastTotal = 0;
    AnalysisOptions options;
    options.curveFlows = std::vector<std::string>{doc.flows.front().id};
    options.progress = [&lastTotal](int, int total) { lastTotal = total; };
    (void)analyze(doc, Catalogue::builtin(), options);
    CHECK(lastTotal == 2 + 3 * static_cast<int>(doc.flows.size()) + detail::kCurveSteps);
    // And none when no flow's are wanted (an id no flow has).
    options.curveFlows = std::vector<std::string>{"no-such-flow"};
    (void)analyze(doc, Catalogue::builtin(), options);
    CHECK(lastTotal == 2 + 3 * static_cast<int>(doc.flows.size()));
}
