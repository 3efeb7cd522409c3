#pragma once
// Work spread over the machine's cores: the per-flow passes of a large design are
// independent of each other, and on two cores the second one halves them.
#include <cstddef>
#include <functional>

namespace archlens::detail {

/// How many threads a run should use for `work` units of comparable size: one below
/// `kParallelWork` (starting a thread costs more than a small design's whole analysis),
/// otherwise `requested`, or the machine's cores when `requested` is 0.
unsigned threadsFor(std::size_t work, unsigned requested);
inline constexpr std::size_t kParallelWork = 5000;

/// Calls `body(i, worker)` once for every i in [0, count), on up to `threads` threads, the
/// caller's among them (`worker` < threads numbers the thread, for state of its own); indices are
/// handed out in increasing order, one at a time. `body` must be safe to call concurrently for
/// different indices. Before taking an index a thread asks `stop` (when given): once it says true
/// no further index is started, and parallelFor returns after those already started end. The first
/// exception a body throws is thrown again here, after every thread has stopped.
void parallelFor(std::size_t count, unsigned threads,
                 const std::function<void(std::size_t, unsigned)>& body,
                 const std::function<bool()>& stop = {});

} // namespace archlens::detail
