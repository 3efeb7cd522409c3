// The allocator of distributions' masses: a thread reuses the buffers it freed, sizes are
// served whole, large ones bypass it, and a distribution's numbers do not depend on where
// its buffer came from.
#include "archlens/analysis/bin_allocator.h"
#include "archlens/analysis/distribution.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <thread>
#include <vector>

using namespace archlens;

TEST_CASE("a freed buffer is the next one of its size on that thread") {
    void* a = detail::takeBins(48 * sizeof(double));
    detail::giveBins(a, 48 * sizeof(double));
    void* b = detail::takeBins(48 * sizeof(double));
    CHECK(b == a);
    // Any size of the same 128-byte class reuses it too, and the whole class is writable.
    detail::giveBins(b, 48 * sizeof(double));
    void* c = detail::takeBins(41 * sizeof(double));
    CHECK(c == a);
    std::memset(c, 0xab, 48 * sizeof(double));
    detail::giveBins(c, 41 * sizeof(double));
}

TEST_CASE("sizes of another class do not take the buffer") {
    void* small = detail::takeBins(48 * sizeof(double));
    detail::giveBins(small, 48 * sizeof(double));
    void* large = detail::takeBins(256 * sizeof(double));
    CHECK(large != small);
    std::memset(large, 0, 256 * sizeof(double));
    detail::giveBins(large, 256 * sizeof(double));
    CHECK(detail::takeBins(48 * sizeof(double)) == small);
    detail::giveBins(small, 48 * sizeof(double));
}

TEST_CASE("buffers beyond the largest class are not kept") {
    // 4 KB and more go straight back: asking again need not return the same one, and
    // freeing must not keep it (asan would see a leak or a double free otherwise).
    std::vector<void*> big;
    for (int i = 0; i < 8; ++i) {
        big.push_back(detail::takeBins(1000 * sizeof(double)));
        std::memset(big.back(), 0, 1000 * sizeof(double));
    }
    for (void* p : big)
        detail::giveBins(p, 1000 * sizeof(double));
}

TEST_CASE("a buffer freed on another thread joins that thread's buffers") {
    void* mine = detail::takeBins(256 * sizeof(double));
    void* reused = nullptr;
    std::thread other([&] {
        detail::giveBins(mine, 256 * sizeof(double));
        reused = detail::takeBins(256 * sizeof(double));
        detail::giveBins(reused, 256 * sizeof(double));
    }); // the other thread's buffers are freed when it ends
    other.join();
    CHECK(reused == mine);
}

TEST_CASE("a thread keeps a bounded number of buffers of a size") {
    // Far more than a thread keeps: the surplus goes back to the system.
    constexpr std::size_t kMany = 3 * detail::kBinsKeptPerSize;
    const std::size_t bytes = 16 * sizeof(double);
    std::vector<void*> taken;
    for (std::size_t i = 0; i < kMany; ++i)
        taken.push_back(detail::takeBins(bytes));
    CHECK(detail::binsKept(bytes) == 0);
    for (void* p : taken)
        detail::giveBins(p, bytes);
    CHECK(detail::binsKept(bytes) == detail::kBinsKeptPerSize);
    // They are handed out again, last freed first.
    CHECK(detail::takeBins(bytes) == taken[detail::kBinsKeptPerSize - 1]);
    CHECK(detail::binsKept(bytes) == detail::kBinsKeptPerSize - 1);
    detail::giveBins(taken[detail::kBinsKeptPerSize - 1], bytes);
    // Beyond the classes nothing is kept.
    void* big = detail::takeBins(1000 * sizeof(double));
    detail::giveBins(big, 1000 * sizeof(double));
    CHECK(detail::binsKept(1000 * sizeof(double)) == 0);
}

TEST_CASE("a distribution's masses are the same whatever buffer it gets") {
    // Dirty the recycled buffers first: every mass must still be written before it is read.
    for (int i = 0; i < 64; ++i) {
        void* p = detail::takeBins(256 * sizeof(double));
        std::memset(p, 0x7f, 256 * sizeof(double));
        detail::giveBins(p, 256 * sizeof(double));
    }
    const Distribution a = Distribution::logNormal(0.5, 256, 12, 60);
    const Distribution b = Distribution::waiting(0.5, 256, 0.3, 4, 100);
    const Distribution sum = a.plus(b).withTimeout(40, 2);
    CHECK(sum.mean() == Approx(a.mean() + b.mean()).epsilon(0.2));
    double total = 0;
    for (double m : sum.masses())
        total += m;
    CHECK(total == Approx(1.0).margin(1e-12));
    CHECK(sum.quantile(0.5) > a.quantile(0.5));
}
