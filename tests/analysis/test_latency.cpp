// Pass 5: latency distributions, checked against published figures.
#include "analysis_helpers.h"

#include "archlens/analysis/distribution.h"
#include "archlens/analysis/queueing.h"

#include <catch2/catch.hpp>
#include <cmath>

using namespace archlens;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

namespace {

// client -> s1 -> s2 -> ... -> sN, each with the given latency, no queueing to speak of.
Document chain(int n, double p50, double p99, const std::string& lastCall = "") {
    std::string components = R"([{"id": "client", "kind": "client", "name": "c",
        "props": {"latency_ms": {"p50": 0.001, "p99": 0.002}}})";
    std::string connections = "[";
    for (int i = 1; i <= n; ++i) {
        const std::string id = "s" + std::to_string(i);
        components += R"(, {"id": ")" + id + R"(", "kind": "app_service", "name": "s",
            "props": {"capacity_rps": 1000000, "latency_ms": {"p50": )" +
                      std::to_string(p50) + R"(, "p99": )" + std::to_string(p99) + "}}}";
        const std::string from = i == 1 ? "client" : "s" + std::to_string(i - 1);
        connections += (i == 1 ? "" : ", ") + std::string(R"({"id": "c)") + std::to_string(i) +
                       R"(", "from": ")" + from + R"(", "to": ")" + id + R"(", "mode": "sync")" +
                       (i == n ? lastCall : "") + "}";
    }
    return test::design(
        "[]", components + "]", connections + "]",
        R"([{"id": "f", "name": "f", "entry": "client", "op": "read", "rate_rps": 1}])");
}

} // namespace

TEST_CASE("five sequential log-normal hops: p99 near 134 ms, not 250") {
    // On the distribution itself.
    Distribution one = Distribution::logNormal(0.25, 2048, 10, 50);
    CHECK_THAT(one.quantile(0.5), WithinRel(10.0, 0.02));
    CHECK_THAT(one.quantile(0.99), WithinRel(50.0, 0.02));
    Distribution five = one.plus(one).plus(one).plus(one).plus(one);
    CHECK_THAT(five.quantile(0.99), WithinRel(134.0, 0.10));
    // Through the analysis (network hops add 5 x 0.5 ms).
    const Report r = test::analyzeNoCurves(chain(5, 10, 50));
    CHECK_THAT(r.flows[0].p99_ms, WithinRel(134.0, 0.10));
    CHECK(r.flows[0].p99_ms < 200);
    CHECK(r.flows[0].p50_ms > 50); // the medians add up: about 5 x 10 plus the hops
    CHECK(r.flows[0].syncDepth == 5);
    CHECK(r.flows[0].criticalPath.size() == 6);
    CHECK(r.flows[0].hops.at(3).component == "s3");
    CHECK_THAT(r.flows[0].hops.at(3).p99_ms, WithinRel(50.5, 0.02));
}

TEST_CASE("tail at scale: 100 parallel calls with a 1% chance of exceeding 1 s") {
    Distribution leaf = Distribution::logNormal(5, 2048, 100, 1000);
    CHECK_THAT(leaf.exceedance(1000), WithinAbs(0.01, 0.002));
    const Distribution fan = leaf.maxOf(100);
    CHECK_THAT(fan.exceedance(1000), WithinAbs(1 - std::pow(0.99, 100), 0.02)); // ~0.634
    // Through the analysis: a caller fanning out to 100 copies of the leaf in parallel.
    const Report r = test::analyzeNoCurves(
        chain(2, 100, 1000, R"(, "props": {"calls": 100, "parallel": true})"));
    CHECK(r.flows[0].p50_ms > 1000); // the flow's median exceeds the leaf's p99
}

TEST_CASE("Erlang C for 8 servers at 90% utilisation") {
    CHECK_THAT(erlangC(8, 7.2), WithinAbs(0.70, 0.02));
    CHECK_THAT(1 + meanWaitInServiceTimes(8, 0.9), WithinAbs(1.88, 0.02));
    CHECK(erlangC(1, 0.5) == Approx(0.5)); // M/M/1: P(wait) = rho
    CHECK(erlangC(4, 4.0) == 1.0);         // saturated
    CHECK(std::isinf(meanWaitInServiceTimes(4, 1.0)));
    CHECK(erlangC(500, 250) < 1e-6); // large pools barely queue at half load
}

TEST_CASE("calls below 1 mix, above 1 repeat") {
    Distribution d = Distribution::constant(1, 256, 10);
    CHECK_THAT(d.happensWith(0.3).mean(), WithinAbs(3, 1e-9));
    CHECK_THAT(d.repeated(3).quantile(0.5), WithinAbs(30, 0.6));
    CHECK_THAT(d.repeated(2.5).mean(), WithinAbs(25, 1e-9));
    CHECK_THAT(d.maxOf(4).quantile(0.5), WithinAbs(10, 0.6));
}

TEST_CASE("a timeout cuts an attempt and a retry starts over") {
    // 50% of attempts take 10 ms, 50% take 200 ms; timeout 50 ms, 1 retry.
    Distribution slow =
        Distribution::constant(1, 512, 10).mixedWith(Distribution::constant(1, 512, 200), 0.5);
    const Distribution cut = slow.withTimeout(50, 1);
    // 0.5 at 10, 0.25 at 50 + 10, 0.25 give up at 100.
    CHECK_THAT(cut.mean(), WithinAbs(0.5 * 10 + 0.25 * 60 + 0.25 * 100, 1e-9));
    CHECK(cut.exceedance(101) == 0);
    CHECK(slow.withTimeout(0, 3).mean() == slow.mean()); // no timeout: unchanged
}

TEST_CASE("queueing delay grows with utilisation and saturates") {
    const Document doc = test::design(
        "[]",
        R"([{"id": "client", "kind": "client", "name": "c"},
            {"id": "api", "kind": "app_service", "name": "a",
             "props": {"instances": 1, "capacity_rps": 100, "latency_ms": {"p50": 10, "p99": 11}}}])",
        R"([{"id": "c1", "from": "client", "to": "api", "mode": "sync"}])",
        R"([{"id": "f", "name": "f", "entry": "client", "op": "read", "rate_rps": 50}])");
    const Report half = test::analyzeNoCurves(doc);
    CHECK_THAT(half.component("api")->utilisation, WithinAbs(0.5, 1e-12));
    // M/M/1 at rho 0.5, service 10 ms: mean wait 10 ms, P(wait) 0.5 -> p99 well above 11 ms.
    CHECK(half.flows[0].p99_ms > 30);
    AnalysisOptions saturated;
    saturated.trafficMultiplier = 3;
    const Report full = test::analyzeNoCurves(doc, saturated);
    CHECK(full.component("api")->utilisation > 1);
    CHECK(full.flows[0].p50_ms >= 9900); // the capped wait (10 s) of a saturated component
}
