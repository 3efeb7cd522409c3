// A hidden test ([.dump]) that prints the analysis of every example, for reading by eye:
//   analysis_tests "[.dump]"
#include "support.h"

#include "archlens/analysis/analyze.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

using namespace archlens;

TEST_CASE("dump examples", "[.dump]") {
    for (const auto& path : test::examplePaths()) {
        std::ifstream in(path);
        std::stringstream text;
        text << in.rdbuf();
        const Report r = analyze(test::load(text.str()), Catalogue::builtin());
        std::printf("== %s\n", path.filename().string().c_str());
        for (const auto& f : r.flows) {
            std::printf(
                "flow %s A=%.6f %s depth=%d p50=%.2f p99=%.2f async=%.2f/%.2f cycle=%zu path=",
                f.id.c_str(), f.availability, f.availabilityMethod.c_str(), f.syncDepth, f.p50_ms,
                f.p99_ms, f.asyncP50_ms, f.asyncP99_ms, f.cycle.size());
            for (const auto& h : f.hops)
                std::printf("%s(%.1f/%.1f) ", h.component.c_str(), h.p50_ms, h.p99_ms);
            std::printf("\n");
        }
        for (const auto& c : r.components) {
            std::printf("  comp %s rps=%.1f u=%.3f spof=", c.id.c_str(), c.offeredRps,
                        c.utilisation);
            for (const auto& s : c.spofFor)
                std::printf("%s ", s.c_str());
            std::printf("\n");
        }
        for (const auto& z : r.zones) {
            std::printf("  zone %s spof=", z.id.c_str());
            for (const auto& s : z.spofFor)
                std::printf("%s ", s.c_str());
            std::printf("\n");
        }
        if (r.saturation)
            std::printf("  saturation %.3f at %s, %zu curve points\n", r.saturation->multiplier,
                        r.saturation->component.c_str(), r.curves.size());
    }
}
