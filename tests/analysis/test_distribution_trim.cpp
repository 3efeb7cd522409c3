// Distribution's operations keep its invariant: no mass above the last one worth keeping.
#include "archlens/analysis/distribution.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <utility>

using namespace archlens;

TEST_CASE("every operation leaves no mass above its last one worth keeping") {
    // Each operation trims from the highest point it wrote rather than from the top of the
    // grid: a point it wrote above that bound would stay behind the trimmed end. After any
    // chain of operations, the masses above the last one of at least 1e-13 must be zero,
    // and the total must stay 1.
    std::uint32_t state = 12345;
    auto next = [&] {
        state = state * 1664525u + 1013904223u;
        return static_cast<double>(state >> 8) / static_cast<double>(1u << 24);
    };
    int checked = 0;
    for (std::size_t bins : {std::size_t{48}, std::size_t{256}}) {
        for (int chain = 0; chain < 200; ++chain) {
            const double step = 0.05 + 4 * next();
            Distribution d =
                Distribution::logNormal(step, bins, 1 + 20 * next(), 30 + 200 * next());
            for (int op = 0; op < 6; ++op) {
                const double r = next();
                const Distribution other =
                    r < 0.5
                        ? Distribution::waiting(step, bins, next(), 1 + 50 * next(), 400)
                        : Distribution::logNormal(step, bins, 0.5 + 5 * next(), 10 + 90 * next());
                switch (static_cast<int>(next() * 8)) {
                case 0:
                    d = d.plus(other);
                    break;
                case 1:
                    d = std::move(d).plus(other);
                    break;
                case 2:
                    d = d.max(other);
                    break;
                case 3:
                    d = std::move(d).maxOf(1 + 3 * next());
                    break;
                case 4:
                    d = d.repeated(1 + 2.5 * next());
                    break;
                case 5:
                    d = std::move(d).happensWith(next());
                    break;
                case 6:
                    d = std::move(d).withTimeout(step * bins * next(),
                                                 static_cast<int>(3 * next()));
                    break;
                default:
                    d = std::move(d).shifted(step * bins * next() * 0.5);
                    break;
                }
                const auto& m = d.masses();
                std::size_t last = 0;
                double total = 0;
                for (std::size_t i = 0; i < m.size(); ++i) {
                    total += m[i];
                    if (m[i] >= 1e-13) last = i;
                }
                bool zeroAbove = true;
                for (std::size_t i = last + 1; i < m.size(); ++i)
                    zeroAbove = zeroAbove && m[i] == 0.0;
                INFO("bins " << bins << ", chain " << chain << ", operation " << op);
                REQUIRE(zeroAbove);
                REQUIRE(total == Approx(1.0).margin(1e-9));
                ++checked;
            }
        }
    }
    CHECK(checked == 2 * 200 * 6);
}
