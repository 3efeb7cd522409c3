#include "archlens/analysis/bin_allocator.h"

#include <array>
#include <new>
#include <vector>

namespace archlens::detail {

namespace {

// Sizes are rounded up to classes of 128 bytes (16 masses) up to 256 masses, the latency
// grid; larger buffers, which the passes do not make, go straight to the system.
constexpr std::size_t kClassBytes = 128;
constexpr std::size_t kClasses = 16;

std::size_t classOf(std::size_t bytes) {
    return (bytes + kClassBytes - 1) / kClassBytes; // 1-based; 0 bytes never asked
}

struct FreeBlocks {
    std::array<std::vector<void*>, kClasses + 1> byClass;
    ~FreeBlocks() {
        gone = true;
        for (auto& blocks : byClass)
            for (void* b : blocks)
                ::operator delete(b);
    }
    // Distributions freed on this thread after its blocks were (statics at exit) go to the
    // system: a flag of trivial type outlives the object.
    static thread_local bool gone;
};

thread_local bool FreeBlocks::gone = false;
thread_local FreeBlocks freeBlocks;

} // namespace

void* takeBins(std::size_t bytes) {
    const std::size_t c = classOf(bytes);
    if (c > kClasses || FreeBlocks::gone) return ::operator new(bytes);
    std::vector<void*>& blocks = freeBlocks.byClass[c];
    if (blocks.empty()) return ::operator new(c* kClassBytes);
    void* b = blocks.back();
    blocks.pop_back();
    return b;
}

void giveBins(void* buffer, std::size_t bytes) noexcept {
    const std::size_t c = classOf(bytes);
    if (c > kClasses || FreeBlocks::gone) {
        ::operator delete(buffer);
        return;
    }
    std::vector<void*>& blocks = freeBlocks.byClass[c];
    if (blocks.size() >= kBinsKeptPerSize) { // at most 2 KB x 4096 = 8 MB a class and thread
        ::operator delete(buffer);
        return;
    }
    try {
        blocks.push_back(buffer);
    } catch (...) { // no room to keep it: give it back
        ::operator delete(buffer);
    }
}

std::size_t binsKept(std::size_t bytes) {
    const std::size_t c = classOf(bytes);
    return c > kClasses || FreeBlocks::gone ? 0 : freeBlocks.byClass[c].size();
}

} // namespace archlens::detail
