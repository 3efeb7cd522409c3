#pragma once
// The allocator's set-up for one run of a subcommand.

#include <cstdint>

namespace archlens::cli {

/// Readies the heap for a run that reads designs of `inputBytes` in all, works on them and
/// exits. On this kind of machine a run of `check` on a 10,000-component design spent half
/// its time in page faults (some 20,000 of them, one for each 4 KiB page the heap touched,
/// some pages twice because freed memory went back to the system and was asked for again).
/// So the heap is grown once to a size in proportion to the input, asked to be backed by
/// huge pages where the system allows it, and kept whole until the process ends. The
/// memory is only reserved: pages count as used when they are first written. Does nothing
/// where the C library is not glibc, and nothing harmful where the system refuses.
void prepareHeapForBatch(std::uintmax_t inputBytes);

} // namespace archlens::cli
