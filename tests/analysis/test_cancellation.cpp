// Stopping a run part-way (AnalysisOptions::cancel) and following it (::progress): a flag
// set before the run stops it at once, a flag set during it stops it at the next step, and
// a run that is never stopped gives exactly the numbers and findings it gives without them.
#include "analysis_helpers.h"

#include "archlens/analysis/report_json.h"
#include "archlens/analysis/rules.h"
#include "curves.h"

#include <catch2/catch.hpp>

using namespace archlens;

using test::everything;

TEST_CASE("A cancel flag already set stops the run before any step") {
    const Document doc = test::example("url-shortener");
    std::atomic<bool> cancel{true};
    int calls = 0;
    AnalysisOptions options;
    options.cancel = &cancel;
    options.progress = [&calls](int, int) { ++calls; };
    CHECK_FALSE(analyzeUnlessCancelled(doc, Catalogue::builtin(), options).has_value());
    CHECK(calls == 0);
    // The plain entry point gives an empty report rather than a partial one.
    const Report plain = analyze(doc, Catalogue::builtin(), options);
    CHECK(plain.flows.empty());
    CHECK(plain.components.empty());
    CHECK(calls == 0);

    // The rules leave the findings as they were.
    Report report = analyze(doc, Catalogue::builtin());
    REQUIRE(report.findings.empty());
    CHECK_FALSE(runRulesUnlessCancelled(doc, Catalogue::builtin(), report, &cancel));
    CHECK(report.findings.empty());
}

TEST_CASE("A cancel flag set part-way stops the run at the next step") {
    const Document doc = test::example("ecommerce-checkout");
    REQUIRE(doc.flows.size() >= 2);
    // 2 fixed steps, 3 per flow, and the curves' points.
    const int total = 2 + 3 * static_cast<int>(doc.flows.size()) + detail::kCurveSteps;
    std::atomic<bool> cancel{false};
    int calls = 0;
    int lastTotal = 0;
    AnalysisOptions options;
    options.cancel = &cancel;
    options.progress = [&](int done, int all) {
        ++calls;
        lastTotal = all;
        CHECK(done == calls);
        if (done == 3) cancel = true; // after indexing and two flows' structure
    };
    CHECK_FALSE(analyzeUnlessCancelled(doc, Catalogue::builtin(), options).has_value());
    CHECK(calls == 3);
    CHECK(lastTotal == total);

    // Later, in the curves pass (the last pass): still nothing, and no more calls.
    cancel = false;
    calls = 0;
    options.progress = [&](int done, int) {
        ++calls;
        if (done == total - 1) cancel = true;
    };
    CHECK_FALSE(analyzeUnlessCancelled(doc, Catalogue::builtin(), options).has_value());
    CHECK(calls == total - 1);
}

TEST_CASE("A run that is not stopped gives the same report with or without progress") {
    for (const char* name : {"url-shortener", "chat-system", "ecommerce-checkout"}) {
        CAPTURE(name);
        const Document doc = test::example(name);
        Report plain = analyze(doc, Catalogue::builtin());
        runRules(doc, Catalogue::builtin(), plain);

        std::atomic<bool> cancel{false};
        int calls = 0;
        int lastDone = 0;
        int lastTotal = -1;
        AnalysisOptions options;
        options.cancel = &cancel;
        options.progress = [&](int done, int total) {
            ++calls;
            lastDone = done;
            lastTotal = total;
        };
        auto watched = analyzeUnlessCancelled(doc, Catalogue::builtin(), options);
        REQUIRE(watched.has_value());
        int rulesDone = 0;
        int rules = 0;
        CHECK(runRulesUnlessCancelled(doc, Catalogue::builtin(), *watched, &cancel,
                                      [&](int done, int total) {
                                          rulesDone = done;
                                          rules = total;
                                      }));
        CHECK(rules == static_cast<int>(ruleInfos().size()));
        CHECK(rulesDone == rules);
        CHECK(calls == 2 + 3 * static_cast<int>(doc.flows.size()) + detail::kCurveSteps);
        CHECK(lastDone == lastTotal);
        CHECK(everything(doc, *watched) == everything(doc, plain));
        REQUIRE(watched->findings.size() == plain.findings.size());
        REQUIRE_FALSE(plain.findings.empty());
        for (std::size_t i = 0; i < plain.findings.size(); ++i) {
            CHECK(watched->findings[i].rule == plain.findings[i].rule);
            CHECK(watched->findings[i].subjects == plain.findings[i].subjects);
            CHECK(watched->findings[i].message == plain.findings[i].message);
        }
    }
}

TEST_CASE("A cancel flag set during the rules leaves no findings") {
    const Document doc = test::example("url-shortener");
    Report report = analyze(doc, Catalogue::builtin());
    std::atomic<bool> cancel{false};
    int calls = 0;
    CHECK_FALSE(
        runRulesUnlessCancelled(doc, Catalogue::builtin(), report, &cancel, [&](int done, int) {
            ++calls;
            if (done == 2) cancel = true;
        }));
    CHECK(calls == 2);
    CHECK(report.findings.empty());
}

TEST_CASE("Without curves the progress total leaves out the curves pass") {
    const Document doc = test::example("url-shortener");
    int lastTotal = 0;
    AnalysisOptions options;
    options.curves = false;
    options.progress = [&lastTotal](int, int total) { lastTotal = total; };
    const Report report = analyze(doc, Catalogue::builtin(), options);
    CHECK(report.curves.empty());
    CHECK(lastTotal == 2 + 3 * static_cast<int>(doc.flows.size()));
}
