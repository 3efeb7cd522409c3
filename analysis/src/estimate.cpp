#include "archlens/analysis/estimate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace archlens {

namespace {

constexpr double kSecondsPerDay = 86400;
constexpr double kDaysPerYear = 365;

/// A number the person gave, as they would write it: whole numbers below 100 000 in full,
/// grouped by spaces like the 86 400 of a day ("1 825 days", not "1.83 k days"); anything
/// else as siText.
std::string inputText(double value) {
    if (value != std::floor(value) || std::abs(value) >= 1e5) return siText(value);
    std::string text = std::to_string(static_cast<long long>(value));
    const size_t start = text[0] == '-' ? 1 : 0;
    for (size_t i = text.size(); i > start + 3; i -= 3)
        text.insert(i - 3, " ");
    return text;
}

/// A rate in the formulas' style: "11.6 k/s", "116/s".
std::string rateText(double perSecond) {
    return siText(perSecond) + "/s";
}

/// Bytes with an SI prefix: "500 B", "1.83 TB" (powers of 1000, as disks are sold).
std::string bytesText(double bytes) {
    const std::string text = siText(bytes);
    return text + (text.back() >= '0' && text.back() <= '9' ? " B" : "B");
}

void require(std::vector<EstimateProblem>& problems, const char* input, double value, bool inRange,
             const char* range) {
    if (std::isfinite(value) && inRange) return;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    problems.push_back({input, std::string(input) + " must be " + range + ", got " + buffer});
}

} // namespace

std::string siText(double value) {
    if (!std::isfinite(value)) return "—";
    if (value == 0) return "0";
    static const char* const suffixes[] = {"", " k", " M", " G", " T", " P", " E"};
    double magnitude = std::abs(value);
    size_t i = 0;
    // 999.5 and above would print as "1e+03" at three digits: it is the next unit's 1.
    while (magnitude >= 999.5 && i + 1 < std::size(suffixes)) {
        magnitude /= 1000;
        ++i;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", magnitude);
    return (value < 0 ? "-" : "") + std::string(buffer) + suffixes[i];
}

EstimateInputs estimateInputs(const PromptScale& scale) {
    EstimateInputs in;
    in.daily_users = scale.daily_users;
    in.reads_per_user_per_day = scale.reads_per_user_per_day;
    in.writes_per_user_per_day = scale.writes_per_user_per_day;
    in.object_bytes = scale.object_bytes;
    in.retention_days = scale.retention_days;
    in.peak_factor = scale.peak_factor;
    return in;
}

const EstimateFigure* Estimates::figure(const std::string& id) const {
    for (const auto& f : figures)
        if (f.id == id) return &f;
    return nullptr;
}

std::vector<EstimateProblem> checkEstimateInputs(const EstimateInputs& in) {
    std::vector<EstimateProblem> p;
    require(p, "daily_users", in.daily_users, in.daily_users > 0, "above 0");
    require(p, "reads_per_user_per_day", in.reads_per_user_per_day, in.reads_per_user_per_day >= 0,
            "0 or more");
    require(p, "writes_per_user_per_day", in.writes_per_user_per_day,
            in.writes_per_user_per_day >= 0, "0 or more");
    require(p, "object_bytes", in.object_bytes, in.object_bytes > 0, "above 0");
    require(p, "retention_days", in.retention_days, in.retention_days >= 0, "0 or more");
    require(p, "peak_factor", in.peak_factor, in.peak_factor >= 1, "at least 1");
    require(p, "hot_fraction", in.hot_fraction, in.hot_fraction >= 0 && in.hot_fraction <= 1,
            "from 0 to 1");
    require(p, "server_rps", in.server_rps, in.server_rps > 0, "above 0");
    require(p, "replication", in.replication, in.replication >= 1, "at least 1");
    return p;
}

Estimates estimate(const EstimateInputs& in) {
    Estimates out;
    out.problems = checkEstimateInputs(in);
    if (!out.ok()) return out;
    auto& f = out.figures;
    const std::string users = inputText(in.daily_users) + " users";
    const std::string day = " / " + inputText(kSecondsPerDay) + " s";

    const double readsAvg = in.daily_users * in.reads_per_user_per_day / kSecondsPerDay;
    const double readsPeak = readsAvg * in.peak_factor;
    f.push_back({"reads_avg",
                 "Reads a second, average",
                 readsAvg,
                 "req/s",
                 users + " × " + inputText(in.reads_per_user_per_day) + " reads" + day + " = " +
                     rateText(readsAvg),
                 {"daily_users", "reads_per_user_per_day"}});
    f.push_back(
        {"reads_peak",
         "Reads a second, peak",
         readsPeak,
         "req/s",
         rateText(readsAvg) + " × " + inputText(in.peak_factor) + " peak = " + rateText(readsPeak),
         {"daily_users", "reads_per_user_per_day", "peak_factor"}});

    const double writesAvg = in.daily_users * in.writes_per_user_per_day / kSecondsPerDay;
    const double writesPeak = writesAvg * in.peak_factor;
    f.push_back({"writes_avg",
                 "Writes a second, average",
                 writesAvg,
                 "req/s",
                 users + " × " + inputText(in.writes_per_user_per_day) + " writes" + day + " = " +
                     rateText(writesAvg),
                 {"daily_users", "writes_per_user_per_day"}});
    f.push_back({"writes_peak",
                 "Writes a second, peak",
                 writesPeak,
                 "req/s",
                 rateText(writesAvg) + " × " + inputText(in.peak_factor) +
                     " peak = " + rateText(writesPeak),
                 {"daily_users", "writes_per_user_per_day", "peak_factor"}});

    // A year of new data is one copy, what the application writes; what the disks hold over
    // the retention is every replica of it.
    const double writtenPerDay = in.daily_users * in.writes_per_user_per_day;
    const double perYear = writtenPerDay * kDaysPerYear * in.object_bytes;
    const std::string written = users + " × " + inputText(in.writes_per_user_per_day) + " writes";
    f.push_back({"storage_year",
                 "Storage written a year (one copy)",
                 perYear,
                 "B",
                 written + " × " + inputText(kDaysPerYear) + " days × " +
                     bytesText(in.object_bytes) + " = " + bytesText(perYear),
                 {"daily_users", "writes_per_user_per_day", "object_bytes"}});
    const double kept = writtenPerDay * in.retention_days * in.object_bytes * in.replication;
    f.push_back({"storage_retention",
                 "Storage over the retention, every replica",
                 kept,
                 "B",
                 written + " × " + inputText(in.retention_days) + " days × " +
                     bytesText(in.object_bytes) + " × " + inputText(in.replication) +
                     " replicas = " + bytesText(kept),
                 {"daily_users", "writes_per_user_per_day", "retention_days", "object_bytes",
                  "replication"}});

    const double readBandwidth = readsPeak * in.object_bytes;
    const double writeBandwidth = writesPeak * in.object_bytes;
    f.push_back({"read_bandwidth",
                 "Read bandwidth at peak",
                 readBandwidth,
                 "B/s",
                 rateText(readsPeak) + " × " + bytesText(in.object_bytes) + " = " +
                     bytesText(readBandwidth) + "/s",
                 {"daily_users", "reads_per_user_per_day", "peak_factor", "object_bytes"}});
    f.push_back({"write_bandwidth",
                 "Write bandwidth at peak",
                 writeBandwidth,
                 "B/s",
                 rateText(writesPeak) + " × " + bytesText(in.object_bytes) + " = " +
                     bytesText(writeBandwidth) + "/s",
                 {"daily_users", "writes_per_user_per_day", "peak_factor", "object_bytes"}});

    // The distinct objects read in a day are not among the inputs; counting every read as a
    // different object gives the most the hot set can be.
    const double readsPerDay = in.daily_users * in.reads_per_user_per_day;
    const double cache = in.hot_fraction * readsPerDay * in.object_bytes;
    f.push_back({"cache",
                 "Cache for the hot set",
                 cache,
                 "B",
                 inputText(in.hot_fraction) + " hot × " + siText(readsPerDay) + " reads a day × " +
                     bytesText(in.object_bytes) + " = " + bytesText(cache) +
                     ", assuming every read is of a different object (an upper bound)",
                 {"hot_fraction", "daily_users", "reads_per_user_per_day", "object_bytes"}});

    const double peakTotal = readsPeak + writesPeak;
    const double needed = std::ceil(peakTotal / in.server_rps);
    const double servers = std::max(2.0, needed);
    f.push_back({"servers",
                 "Servers at peak",
                 servers,
                 "servers",
                 "(" + rateText(readsPeak) + " + " + rateText(writesPeak) + ") / " +
                     inputText(in.server_rps) + "/s per server, rounded up = " + inputText(needed) +
                     (needed < 2 ? ", raised to 2" : "") +
                     "; at least 2, so that one can fail or be upgraded while the other serves",
                 {"daily_users", "reads_per_user_per_day", "writes_per_user_per_day", "peak_factor",
                  "server_rps"}});
    return out;
}

} // namespace archlens
