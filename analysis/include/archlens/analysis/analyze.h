#pragma once
// The analysis entry point: every pass over a const document snapshot, returning a Report.
// Semantics: ../shared/DESIGN.md "What the numbers mean"; choices made where it is silent
// are written down in analysis/README.md.
#include "archlens/analysis/report.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"

#include <cstdint>
#include <string>
#include <vector>

namespace archlens {

/// How to run the analysis. The defaults give the design as drawn, at its declared load.
struct AnalysisOptions {
    double trafficMultiplier = 1.0;            ///< scales every flow's rate_rps
    std::vector<std::string> failedComponents; ///< what-if: treated as down with probability 1
    std::vector<std::string> failedZones;      ///< what-if: treated as down with probability 1
    bool curves = true;                        ///< compute the load curves (the costliest pass)
    uint64_t seed = 12345;                     ///< Monte Carlo seed (same seed, same numbers)
};

/// Runs passes 1-6 (structure, load, availability, single points of failure, latency,
/// curves) and fills every part of the report except `findings`, which the rules add.
/// Deterministic: the same document, catalogue and options give identical numbers.
/// Expects a document that passed validation (references resolve).
Report analyze(const Document& doc, const Catalogue& catalogue,
               const AnalysisOptions& options = {});

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
