#include "batch_heap.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace archlens::cli {

void prepareHeapForBatch(std::uintmax_t inputBytes) {
#if defined(__GLIBC__)
    // About 13 times the input at the peak for a sparse design, 30 for a dense one (the
    // report's JSON text and tree); room for 40 covers both, and past it the heap grows
    // as it always does.
    constexpr std::uintmax_t kMiB = 1 << 20;
    const std::uintmax_t reserve =
        std::clamp<std::uintmax_t>(inputBytes * 40, 64 * kMiB, 1024 * kMiB);
    // Blocks up to 32 MiB (glibc's limit for this setting) come from the heap instead of a
    // mapping of their own, which would be faulted in afresh and returned at every free.
    mallopt(M_MMAP_THRESHOLD, 32 * kMiB);
    // Never hand the top of the heap back: the next phase of the run would fault it in again.
    mallopt(M_TRIM_THRESHOLD, -1);
    char* const before = static_cast<char*>(sbrk(0));
    mallopt(M_TOP_PAD, int(reserve));
    // Grows the heap by the pad, which the trim threshold then keeps. Through a volatile, or
    // the compiler drops the pair.
    void* volatile block = malloc(1 << 20);
    free(block);
    mallopt(M_TOP_PAD, 128 * 1024); // later growth as usual (glibc's default)
    char* const after = static_cast<char*>(sbrk(0));
    if (before == reinterpret_cast<char*>(-1) || after <= before) return;
    // Huge pages need 2 MiB-aligned ranges; a system without them refuses the advice, and
    // nothing else changes.
    constexpr std::uintptr_t kHuge = 2 * kMiB;
    const auto start = (reinterpret_cast<std::uintptr_t>(before) + kHuge - 1) & ~(kHuge - 1);
    const auto end = reinterpret_cast<std::uintptr_t>(after);
    if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
#else
    (void)inputBytes;
#endif
}

} // namespace archlens::cli
