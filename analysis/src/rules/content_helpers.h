#pragma once
// Shared by the caching and payload rules: sizes and bandwidths in finding texts, the rate a
// connection carries, and whether a cache is ever told that its store changed.
#include "rule.h"

#include <optional>
#include <string>
#include <vector>

namespace archlens::rules {

/// A payload size given in KB: "300 KB", "2.5 MB", "40 MB", "1.2 GB".
std::string sizeText(double kb);
/// A data rate given in KB per second: "800 KB/s", "12 MB/s", "1.5 GB/s".
std::string bandwidthText(double kbPerSecond);

/// Requests a second over a connection: each flow that takes it (sync part or tail) at its
/// own rate, times the connection's calls. Multipliers above the connection are not applied,
/// so it is the figure a reader checks against the flows, not the analysis's offered load.
double connectionRate(const Context& ctx, std::size_t connection);

/// A cache that readers fill from a store which write flows change, while no write flow
/// ever reaches the cache: nothing but expiry removes an entry whose record changed.
struct UninvalidatedCache {
    std::vector<std::string> stores;     ///< the stores read beside or behind it, document order
    std::vector<std::string> readFlows;  ///< flows that read the cache
    std::vector<std::string> writeFlows; ///< flows that change one of the stores
};
std::optional<UninvalidatedCache> uninvalidatedCache(const Context& ctx, const Component& cache);

} // namespace archlens::rules
