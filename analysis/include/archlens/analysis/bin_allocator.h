#pragma once
// The allocator of Distribution's masses: buffers are kept for reuse by the thread that frees
// them. The load curves compose a few million small grids on each thread, and each grid
// went through malloc and free: glibc's per-thread cache holds seven blocks of a size, so
// most of them took its slower, locked paths. Plain C++; no numbers depend on it.
#include <cstddef>

namespace archlens {

namespace detail {
/// A buffer of at least `bytes` bytes, from this thread's free blocks when it has one.
void* takeBins(std::size_t bytes);
/// Gives a buffer from takeBins back to this thread's free blocks (any thread may free a
/// buffer another took: it only changes whose blocks it joins). Each thread keeps a bounded
/// number of blocks of each size; the rest go back to the system.
void giveBins(void* buffer, std::size_t bytes) noexcept;
/// How many free buffers this thread keeps for requests of `bytes` bytes.
std::size_t binsKept(std::size_t bytes);
/// At most this many a size (a curve point of a dense design holds a few thousand grids).
inline constexpr std::size_t kBinsKeptPerSize = 4096;
} // namespace detail

/// A std::allocator for the masses of distributions (see above). Stateless: any two are
/// equal, so buffers move freely between distributions.
template <class T> struct BinAllocator {
    using value_type = T;
    BinAllocator() = default;
    template <class U> BinAllocator(const BinAllocator<U>&) noexcept {}
    T* allocate(std::size_t n) { return static_cast<T*>(detail::takeBins(n * sizeof(T))); }
    void deallocate(T* p, std::size_t n) noexcept { detail::giveBins(p, n * sizeof(T)); }
    friend bool operator==(const BinAllocator&, const BinAllocator&) { return true; }
};

} // namespace archlens
