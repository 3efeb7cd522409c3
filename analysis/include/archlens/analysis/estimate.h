#pragma once
// Back-of-the-envelope estimates: from the load an interviewer states (users, requests a
// day, object size, retention, peak factor) to the figures a candidate works out at the
// whiteboard (requests a second, storage, bandwidth, cache, servers). Each figure carries
// its formula with the numbers filled in, so a person can check the arithmetic, and the
// app shows it verbatim. Pure functions, no Qt. Described in docs/scorecard.md.
#include "archlens/model/prompt.h"

#include <string>
#include <vector>

namespace archlens {

/// What an estimate starts from. The first six are the interviewer's numbers (the fields
/// of a prompt's `scale`); the last three are the candidate's assumptions, with the usual
/// defaults. Every field must be a finite number in its range (see checkEstimateInputs).
struct EstimateInputs {
    double daily_users = 0;             ///< > 0
    double reads_per_user_per_day = 0;  ///< >= 0
    double writes_per_user_per_day = 0; ///< >= 0
    double object_bytes = 0;            ///< > 0, one stored object
    double retention_days = 0;          ///< >= 0
    double peak_factor = 1;             ///< >= 1, peak over the daily average
    double hot_fraction = 0.2;          ///< 0 to 1: share of a day's reads worth caching
    double server_rps = 1000;           ///< > 0, requests a second one server takes
    double replication = 3;             ///< >= 1, copies of each stored object
};

/// The interviewer's numbers of a prompt, with the default assumptions.
EstimateInputs estimateInputs(const PromptScale& scale);

/// One worked figure. `id` is stable ("reads_avg", "servers"...); `value` is in `unit`
/// ("req/s", "B", "B/s", "servers"); `formula` reads as a person would write it, numbers
/// and result filled in ("100 M users × 10 reads / 86 400 s = 11.6 k/s"); `inputs` names
/// the EstimateInputs fields it uses, in the order the formula uses them.
struct EstimateFigure {
    std::string id;
    std::string label;
    double value = 0;
    std::string unit;
    std::string formula;
    std::vector<std::string> inputs;
};

/// An input out of range: which field (an EstimateInputs field name, "daily_users") and
/// why, in words that name it ("daily_users must be above 0, got -5").
struct EstimateProblem {
    std::string input;
    std::string message;
};

/// The figures, or the problems that kept them from being worked out: `figures` is empty
/// whenever `problems` is not.
struct Estimates {
    std::vector<EstimateFigure> figures;
    std::vector<EstimateProblem> problems;
    bool ok() const { return problems.empty(); }
    const EstimateFigure* figure(const std::string& id) const;
};

/// Every input that is not a finite number in its range, in field order.
std::vector<EstimateProblem> checkEstimateInputs(const EstimateInputs& inputs);

/// The figures, in this order: reads_avg, reads_peak, writes_avg, writes_peak,
/// storage_year, storage_retention, read_bandwidth, write_bandwidth, cache, servers.
/// Never throws; bad input gives problems and no figures.
Estimates estimate(const EstimateInputs& inputs);

/// A number as the formulas write it: about three significant digits with a short SI
/// suffix from a thousand on ("0.1", "347", "11.6 k", "100 M", "9.13 T").
std::string siText(double value);

} // namespace archlens
