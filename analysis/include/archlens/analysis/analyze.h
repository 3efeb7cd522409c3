#pragma once
// The analysis entry point: every pass over a const document snapshot, returning a Report.
// Semantics: ../shared/DESIGN.md "What the numbers mean"; choices made where it is silent
// are written down in analysis/README.md.
#include "archlens/analysis/report.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace archlens {

/// How to run the analysis. The defaults give the design as drawn, at its declared load.
struct AnalysisOptions {
    double trafficMultiplier = 1.0;            ///< scales every flow's rate_rps
    std::vector<std::string> failedComponents; ///< what-if: treated as down with probability 1
    std::vector<std::string> failedZones;      ///< what-if: treated as down with probability 1
    bool curves = true;                        ///< compute the load curves (the costliest pass)
    /// The flows whose latency the load curves hold: every flow when unset; when set, only
    /// those named (unknown ids are ignored), the others' (p50, p99) being NaN at every
    /// point. The points themselves (multipliers, utilisation, busiest component) are
    /// always all there. The window asks for the flow it plots: on a design whose flows
    /// each reach thousands of components, every flow's curves cost more than all the
    /// other passes together.
    std::optional<std::vector<std::string>> curveFlows;
    uint64_t seed = 12345;                     ///< Monte Carlo seed (same seed, same numbers)
    /// Set (from any thread) to stop the run at its next check: before indexing, between
    /// passes and between flows within a pass. Null: the run always goes to the end. Only
    /// analyzeUnlessCancelled says whether a run was stopped.
    const std::atomic<bool>* cancel = nullptr;
    /// Called after each step with the steps done and the total: one
    /// step for indexing, one per flow in each per-flow pass (structure, availability,
    /// latency), one for the per-component results and, when curves are on and some flow's
    /// are wanted, 13 for the curves (one per point, computed for every wanted flow at once). Keep
    /// it cheap (an atomic store); empty: not called. It never changes the numbers.
    std::function<void(int done, int total)> progress;
    /// Threads for the per-flow passes of a large design: 0 uses every core, 1 keeps the
    /// run on the calling thread. Small designs always run on one. The numbers do not
    /// depend on it; `progress` may then be called from any of them (never two at once).
    unsigned threads = 0;
};

/// Runs passes 1-6 (structure, load, availability, single points of failure, latency,
/// curves) and fills every part of the report except `findings`, which the rules add.
/// Deterministic: the same document, catalogue and options give identical numbers.
/// Expects a document that passed validation (references resolve). A run stopped through
/// `options.cancel` returns an empty report; callers that cancel use analyzeUnlessCancelled.
Report analyze(const Document& doc, const Catalogue& catalogue,
               const AnalysisOptions& options = {});

/// As analyze, for a run that may be stopped through `options.cancel`: nothing when the
/// flag was seen set (a stopped run has no report to show, not even a partial one), else
/// the same report analyze gives. The flag is read between steps, so a run stops within
/// one flow's work of it being set; a flag set before the call stops it at once.
std::optional<Report> analyzeUnlessCancelled(const Document& doc, const Catalogue& catalogue,
                                             const AnalysisOptions& options);

/// The load curves alone, exactly as `analyze(doc, catalogue, options).curves` (for the
/// flows `options.curveFlows` names), without the availability and latency passes: for
/// the window to add the curves of another flow to a report it already shows. Nothing when
/// stopped through `options.cancel`.
std::optional<std::vector<CurvePoint>> loadCurvesUnlessCancelled(const Document& doc,
                                                                 const Catalogue& catalogue,
                                                                 const AnalysisOptions& options);

/// Wall-clock milliseconds spent in each pass, for the benchmark.
struct PassTimings {
    double graph = 0;        ///< indexing the document (ids, effective properties, adjacency)
    double structure = 0;    ///< pass 1
    double load = 0;         ///< pass 2
    double availability = 0; ///< passes 3 and 4 (Monte Carlo included when it runs)
    double latency = 0;      ///< pass 5
    double curves = 0;       ///< pass 6
};

/// As above, also filling `timings` when it is not null.
Report analyze(const Document& doc, const Catalogue& catalogue, const AnalysisOptions& options,
               PassTimings* timings);

} // namespace archlens
