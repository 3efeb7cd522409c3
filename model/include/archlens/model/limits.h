#pragma once
// The limits of a design file. A file (or an edit) past any of them is refused with a
// message naming the place, so that hostile or corrupt input can neither crash the program
// nor make it run out of memory or time. README.md ("Limits of a design file") lists them.
#include <cstddef>

namespace archlens {

/// The most bytes a design file may hold: far above any real design (a 100,000-component
/// design is about 30 MB), low enough that a runaway input is refused before parsing.
inline constexpr std::size_t kMaxDesignBytes = 64u * 1024 * 1024;
/// How deeply arrays and objects may nest. A design itself needs 5 levels; the rest is room
/// for unknown fields kept on round trip. Checked while parsing, before the tree is built.
inline constexpr int kMaxNesting = 64;
/// Characters (code points) in an id or a reference to one.
inline constexpr std::size_t kMaxIdLength = 200;
/// Characters in a name, title, region, rule name or text property, and in a field name.
inline constexpr std::size_t kMaxNameLength = 1000;
/// Characters in a note's or an acknowledgement's text.
inline constexpr std::size_t kMaxTextLength = 100000;
/// Coordinates lie within [-kMaxCoordinate, kMaxCoordinate] (pixels at 100 %).
inline constexpr double kMaxCoordinate = 1000000;
/// A resized component box lies within these sizes (pixels at 100 %).
inline constexpr double kMinBoxWidth = 96;
inline constexpr double kMaxBoxWidth = 800;
inline constexpr double kMinBoxHeight = 40;
inline constexpr double kMaxBoxHeight = 400;
/// requirements.max_sync_depth lies within [1, kMaxSyncDepth].
inline constexpr long long kMaxSyncDepth = 1000;
/// A flow's rate_rps and requirements.peak_rps are at most this many requests a second.
inline constexpr double kMaxRateRps = 1e9;
/// Latencies (p50, p99, requirements.p99_ms, a flow's p99_ms) lie within
/// [kMinLatencyMs, kMaxLatencyMs]: from a microsecond to a day.
inline constexpr double kMinLatencyMs = 0.001;
inline constexpr double kMaxLatencyMs = 86400000;
/// At most this many problems are listed for one file; a summary line counts the rest.
inline constexpr std::size_t kMaxProblemsListed = 200;

} // namespace archlens
