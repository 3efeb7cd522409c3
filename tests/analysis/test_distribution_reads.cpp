// Distribution's shortcuts give the bits of the plain computation they stand for: the
// exceedance read from the first bin that reaches the value, and the waits of a short mean,
// whose far bins exp answers with zero.
#include "archlens/analysis/distribution.h"

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>

using namespace archlens;

namespace {

/// P(latency > ms) summed over every bin, as the grid is read (bin i spreads its mass over
/// [(i-0.5) step, (i+0.5) step]).
double exceedanceOverEveryBin(const Distribution& d, double ms) {
    const auto& p = d.masses();
    double tail = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double lo = (static_cast<double>(i) - 0.5) * d.step();
        const double hi = (static_cast<double>(i) + 0.5) * d.step();
        if (lo >= ms)
            tail += p[i];
        else if (hi > ms)
            tail += p[i] * (hi - ms) / d.step();
    }
    return tail;
}

} // namespace

TEST_CASE("the exceedance is the sum over every bin, to the bit, wherever the value falls") {
    std::uint32_t state = 777;
    auto next = [&] {
        state = state * 1664525u + 1013904223u;
        return static_cast<double>(state >> 8) / static_cast<double>(1u << 24);
    };
    int checked = 0, inside = 0;
    for (std::size_t bins : {std::size_t{48}, std::size_t{256}}) {
        for (int k = 0; k < 300; ++k) {
            const double step = 0.05 + 4 * next();
            const Distribution d =
                next() < 0.5
                    ? Distribution::logNormal(step, bins, 1 + 20 * next(), 30 + 200 * next())
                    : Distribution::logNormal(step, bins, 2, 3)
                          .plus(Distribution::waiting(step, bins, next(), 1 + 50 * next(), 400));
            const double top = step * static_cast<double>(bins);
            // Bin edges and centres (where the loop's tests change), values inside the grid,
            // beyond it, at zero and below it.
            const std::size_t at = static_cast<std::size_t>(next() * static_cast<double>(bins));
            for (double ms :
                 {(static_cast<double>(at) + 0.5) * step, (static_cast<double>(at) - 0.5) * step,
                  static_cast<double>(at) * step, next() * top, 2 * top, 0.0, -step,
                  std::nextafter(step / 2, 0.0)}) {
                const double fast = d.exceedance(ms);
                const double plain = exceedanceOverEveryBin(d, ms);
                INFO("bins " << bins << " step " << step << " ms " << ms);
                REQUIRE(std::bit_cast<std::uint64_t>(fast) == std::bit_cast<std::uint64_t>(plain));
                ++checked;
                if (fast > 0 && fast < 1) ++inside;
            }
        }
    }
    CHECK(checked == 2 * 300 * 8);
    CHECK(inside > 1000); // most values cut the distribution somewhere inside
}

TEST_CASE("a short wait keeps the small masses exp gives it, and none where exp gives zero") {
    const double step = 2, p = 0.3, cap = 400;
    // Mean 0.2 ms: e^(-x/m) is e^-10 at the second bin, small but not zero. What lands on
    // the third bin or above is (H(step) - H(2 step)) / step, H(x) = p m (e^(-x/m) - e^(-cap/m)).
    {
        const double mean = 0.2;
        const Distribution w = Distribution::waiting(step, 256, p, mean, cap);
        const auto& m = w.masses();
        double beyond = 0;
        for (std::size_t i = 2; i < m.size(); ++i)
            beyond += m[i];
        CHECK(beyond ==
              Approx(p * mean * (std::exp(-step / mean) - std::exp(-2 * step / mean)) / step)
                  .margin(1e-12)); // what the binning drops as negligible is below 1e-13
        CHECK(beyond > 1e-6);
    }
    // Mean 0.001 ms: e^(-x/m) underflows from the second bin on, so all of the mass is on
    // the first two bins, and the mean (kept exactly by the binning) is p x mean.
    {
        const double mean = 0.001;
        const Distribution w = Distribution::waiting(step, 256, p, mean, cap);
        const auto& m = w.masses();
        CHECK(m[1] > 0);
        CHECK(m[0] + m[1] == Approx(1.0).margin(1e-15));
        for (std::size_t i = 2; i < m.size(); ++i)
            REQUIRE(m[i] == 0);
        CHECK(w.mean() == Approx(p * mean).epsilon(1e-9));
    }
}
