// Pass 5 against a seeded Monte Carlo: the lattice composition of a flow's latency gives the
// p50 and p99 that sampling the documented semantics (analysis/README.md, "5. Latency")
// gives, within 3%, on designs of different shapes. The sampler below is written from the
// README alone and shares no code with the library: it draws every service time, queueing
// wait, hop, timeout and retry of one request and adds them up as the request would.
#include "analysis_helpers.h"

#include "archlens/analysis/distribution.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace archlens;

namespace {

// ---- A design as a tree of calls: written once, turned into a document and a sampler ----

struct Call;

struct Component {
    std::string id;
    std::string kind = "app_service";
    double p50 = 1, p99 = 1; ///< latency_ms
    std::vector<std::string> zones;
    int instances = 1;
    double capacity = 1e6; ///< capacity_rps per instance: no queueing unless a shape asks
    std::vector<Call> calls;
};

struct Call {
    Call(Component callee, double calls = 1, bool parallel = false, double timeout = 0,
         int retries = 0)
        : callee(std::move(callee)), calls(calls), parallel(parallel), timeout(timeout),
          retries(retries) {}
    Component callee;
    double calls;
    bool parallel;
    double timeout; ///< ms, 0 for none
    int retries;
};

struct Shape {
    std::string name;
    double rate = 1;  ///< the flow's rate_rps
    Component client; ///< the entry
};

// Two zones in one region and one in another: hops of 0.5, 1.5 and 40 ms.
const char* const kZones = R"([{"id": "az1", "region": "us-east", "availability": 0.9995},
                               {"id": "az2", "region": "us-east", "availability": 0.9995},
                               {"id": "eu1", "region": "eu-west", "availability": 0.9995}])";

void addToJson(const Component& c, Json& components, Json& connections) {
    Json props = {{"latency_ms", {{"p50", c.p50}, {"p99", c.p99}}}};
    if (c.kind != "client") {
        props["instances"] = c.instances;
        props["capacity_rps"] = c.capacity;
        props["zones"] = c.zones;
    }
    components.push_back({{"id", c.id}, {"kind", c.kind}, {"name", c.id}, {"props", props}});
    for (const Call& call : c.calls) {
        Json p = {{"calls", call.calls}, {"parallel", call.parallel}, {"retries", call.retries}};
        if (call.timeout > 0) p["timeout_ms"] = call.timeout;
        connections.push_back({{"id", c.id + "-" + call.callee.id},
                               {"from", c.id},
                               {"to", call.callee.id},
                               {"mode", "sync"},
                               {"props", p}});
        addToJson(call.callee, components, connections);
    }
}

Document toDocument(const Shape& shape) {
    Json components = Json::array(), connections = Json::array();
    addToJson(shape.client, components, connections);
    Json doc = {{"format", "archlens"},
                {"version", 1},
                {"title", shape.name},
                {"zones", Json::parse(kZones)},
                {"components", components},
                {"connections", connections},
                {"flows", Json::array({{{"id", "f"},
                                        {"name", shape.name},
                                        {"entry", shape.client.id},
                                        {"op", "read"},
                                        {"rate_rps", shape.rate}}})}};
    return test::load(doc.dump());
}

// ---- The sampler ----

// Erlang C: the chance that an arrival at an M/M/c queue with offered load a = lambda / mu
// has to wait.
double erlangC(int c, double a) {
    double term = 1, below = 0; // a^k / k!, and its sum over k < c
    for (int k = 0; k < c; ++k) {
        below += term;
        term *= a / (k + 1);
    }
    const double top = term * c / (c - a);
    return top / (below + top);
}

// Hop cost by placement (README: shared zone, same region, else cross region; a side
// without zones costs a same-zone hop).
double hopMs(const std::vector<std::string>& from, const std::vector<std::string>& to) {
    auto region = [](const std::string& zone) { return zone == "eu1" ? "eu-west" : "us-east"; };
    if (from.empty() || to.empty()) return 0.5;
    for (const auto& a : from)
        if (std::find(to.begin(), to.end(), a) != to.end()) return 0.5;
    for (const auto& a : from)
        for (const auto& b : to)
            if (std::string(region(a)) == region(b)) return 1.5;
    return 40;
}

/// One component as the sampler sees it, everything derived from the design up front.
struct Step {
    double mu = 0, sigma = 0; ///< log-normal service time; sigma 0 is always the p50
    double waitProbability = 0, meanWaitMs = 0;
    struct Edge {
        std::size_t callee;
        double hopMs, calls, timeout;
        int retries;
        bool parallel;
    };
    std::vector<Edge> calls;
};

constexpr double kZ99 = 2.3263478740408408;

// Adds `c` and what it calls; `arrivingRps` is its offered load. Retries are left out of the
// load: the shapes that retry do it towards components far from saturation.
std::size_t addSteps(const Component& c, double arrivingRps, std::vector<Step>& steps) {
    Step s;
    s.mu = std::log(c.p50);
    s.sigma = c.p99 > c.p50 ? std::log(c.p99 / c.p50) / kZ99 : 0;
    if (c.kind != "client") {
        const double lambda = arrivingRps, servers = c.instances, mu = c.capacity;
        REQUIRE(lambda < servers * mu);
        s.waitProbability = erlangC(c.instances, lambda / mu);
        s.meanWaitMs = 1000.0 / (servers * mu - lambda);
    }
    const std::size_t index = steps.size();
    steps.push_back(s);
    for (const Call& call : c.calls) {
        const std::size_t callee = addSteps(call.callee, arrivingRps * call.calls, steps);
        steps[index].calls.push_back({callee, hopMs(c.zones, call.callee.zones), call.calls,
                                      call.timeout, call.retries, call.parallel});
    }
    return index;
}

class MonteCarlo {
public:
    MonteCarlo(const Shape& shape, std::uint64_t seed) : rng_(seed) {
        addSteps(shape.client, shape.rate, steps_);
    }

    /// One request's latency, from the entry client's own time to the last reply.
    double request() { return subtree(0); }

private:
    std::vector<Step> steps_;
    std::mt19937_64 rng_;
    std::normal_distribution<double> normal_;
    std::uniform_real_distribution<double> uniform_;

    double subtree(std::size_t i) {
        const Step& s = steps_[i];
        double t = std::exp(s.mu + s.sigma * normal_(rng_));
        if (uniform_(rng_) < s.waitProbability)
            t += std::exponential_distribution<double>(1 / s.meanWaitMs)(rng_);
        double sequential = 0, slowestParallel = 0;
        for (const Step::Edge& e : s.calls)
            for (int k = count(e.calls); k > 0; --k) {
                const double d = call(e);
                if (e.parallel)
                    slowestParallel = std::max(slowestParallel, d);
                else
                    sequential += d;
            }
        return t + sequential + slowestParallel;
    }

    // calls < 1 is the chance of one call; above 1, floor(calls) or ceil(calls) calls so
    // that the mean is `calls`. (For parallel calls the README's CDF^N is the same thing
    // at whole N, which is all the shapes use.)
    int count(double calls) {
        const double whole = std::floor(calls);
        return static_cast<int>(whole) + (uniform_(rng_) < calls - whole ? 1 : 0);
    }

    // An attempt slower than the timeout costs the timeout and is tried again; after the
    // last one the caller gives up.
    double call(const Step::Edge& e) {
        double spent = 0;
        for (int attempt = 0; attempt <= e.retries; ++attempt) {
            const double t = e.hopMs + subtree(e.callee);
            if (!(e.timeout > 0) || t <= e.timeout) return spent + t;
            spent += e.timeout;
        }
        return spent;
    }
};

struct Quantiles {
    double p50, p99;
};

Quantiles monteCarlo(const Shape& shape, std::size_t samples) {
    MonteCarlo mc(shape, 20240611);
    std::vector<double> t(samples);
    for (double& x : t)
        x = mc.request();
    auto quantile = [&](double q) {
        auto at = t.begin() + static_cast<std::ptrdiff_t>(q * static_cast<double>(samples - 1));
        std::nth_element(t.begin(), at, t.end());
        return *at;
    };
    const double p50 = quantile(0.5);
    return {p50, quantile(0.99)};
}

// ---- The shapes ----

Component service(std::string id, double p50, double p99, std::vector<std::string> zones,
                  std::vector<Call> calls = {}) {
    Component c;
    c.id = std::move(id);
    c.p50 = p50;
    c.p99 = p99;
    c.zones = std::move(zones);
    c.calls = std::move(calls);
    return c;
}

Component client(double p50, double p99, std::vector<Call> calls) {
    Component c = service("client", p50, p99, {}, std::move(calls));
    c.kind = "client";
    return c;
}

std::vector<Shape> shapes() {
    std::vector<Shape> all;
    // Five hops: same zone, two cross-zone, one cross-region, same zone again.
    const Component db = service("db", 3, 25, {"eu1"});
    const Component search = service("search", 8, 40, {"eu1"}, {{db}});
    const Component orders = service("orders", 6, 30, {"az1"}, {{search}});
    const Component gateway = service("gateway", 2, 6, {"az2"}, {{orders}});
    all.push_back({"linear chain across zones", 1,
                   client(0.3, 1.5, {{service("lb", 1, 3, {"az1"}, {{gateway}})}})});
    // A fast cache on every request, the database on one in five.
    all.push_back({"cache with 0.2 misses in front of a database", 1,
                   client(0.3, 1.5,
                          {{service("api", 3, 12, {"az1"},
                                    {{service("cache", 0.6, 2, {"az1"})},
                                     {service("db", 12, 90, {"az2"}), 0.2}})}})});
    // N+1: three reads of one store, and 2.5 of another on average.
    all.push_back({"N+1 repeats (3 and 2.5)", 1,
                   client(0.3, 1.5,
                          {{service("api", 4, 15, {"az1"},
                                    {{service("db", 2, 8, {"az1"}), 3},
                                     {service("items", 3, 20, {"az2"}), 2.5}})}})});
    // Scatter-gather: five shards at once, then a sequential merge.
    all.push_back({"parallel fan-out to 5", 1,
                   client(0.3, 1.5,
                          {{service("aggregator", 2, 8, {"az1"},
                                    {{service("shard", 5, 40, {"az1"}), 5, true},
                                     {service("ranker", 3, 10, {"az2"})}})}})});
    // The backend's p99 (300 ms) is far above the timeout (100 ms): about 5% of attempts
    // are cut, and 1.5e-4 of requests give up after three.
    all.push_back({"timeouts with retries that cut", 1,
                   client(0.3, 1.5,
                          {{service("api", 2, 8, {"az1"},
                                    {{service("backend", 8, 300, {"az2"}), 1, false, 100, 2}})}})});
    // Three instances of 200 rps each offered 420 rps: M/M/3 at utilisation 0.7.
    Component busy = service("api", 5, 15, {"az1"}, {{service("db", 2, 10, {"az1"})}});
    busy.instances = 3;
    busy.capacity = 200;
    all.push_back({"M/M/3 queueing at utilisation 0.7", 420,
                   client(0.3, 1.5, {{service("lb", 0.5, 2, {"az1"}, {{busy}})}})});
    // Everything at once: queueing, a cache, a read on 30% of requests with a timeout and a
    // retry, a cross-region fan-out and N+1 repeats.
    Component api = service("api", 4, 20, {"az1", "az2"},
                            {{service("cache", 0.5, 2, {"az1"})},
                             {service("db", 10, 80, {"az2"}), 0.3, false, 50, 1},
                             {service("recommend", 20, 60, {"eu1"}), 3, true},
                             {service("audit", 2, 6, {"az2"}), 1.5}});
    api.instances = 2;
    api.capacity = 500;
    all.push_back({"mixed", 600, client(0.3, 1.5, {{service("gateway", 1, 4, {"az1"}, {{api}})}})});
    return all;
}

} // namespace

TEST_CASE("flow p50 and p99 match a seeded Monte Carlo of the same semantics within 3%") {
    for (const Shape& shape : shapes()) {
        const Report r = analyze(toDocument(shape), Catalogue::builtin());
        REQUIRE(r.flows.size() == 1);
        const Quantiles mc = monteCarlo(shape, 300000);
        const double p50 = r.flows[0].p50_ms, p99 = r.flows[0].p99_ms;
        INFO(shape.name << ": analysis p50 " << p50 << " p99 " << p99 << ", Monte Carlo p50 "
                        << mc.p50 << " p99 " << mc.p99);
        CHECK(std::abs(p50 - mc.p50) / mc.p50 <= 0.03);
        CHECK(std::abs(p99 - mc.p99) / mc.p99 <= 0.03);
    }
}

TEST_CASE("the Monte Carlo shapes load what they say") {
    // The queueing shapes are at the utilisation their comments give.
    auto utilisation = [](const std::string& name) {
        for (const Shape& shape : shapes())
            if (shape.name == name)
                return analyze(toDocument(shape), Catalogue::builtin())
                    .component("api")
                    ->utilisation;
        FAIL("no shape " << name);
        return 0.0;
    };
    CHECK(utilisation("M/M/3 queueing at utilisation 0.7") == Approx(0.7));
    CHECK(utilisation("mixed") == Approx(0.6));
}

TEST_CASE("values between grid points keep their mean on a coarse grid") {
    // A 2 ms grid, as a flow with a long tail gets: 0.5 ms hops must neither vanish nor
    // round up to a whole step.
    Distribution hops(2, 64);
    for (int i = 0; i < 5; ++i)
        hops = std::move(hops).shifted(0.5);
    CHECK(hops.mean() == Approx(2.5));
    // The in-place version of a temporary gives the same numbers as the copying one.
    const Distribution half = Distribution(2, 64).shifted(0.5);
    CHECK(half.shifted(2.7).masses() == Distribution(half).shifted(2.7).masses());
    const double sigma = std::log(1.5 / 0.3) / kZ99;
    CHECK(Distribution::logNormal(2, 64, 0.3, 1.5).mean() ==
          Approx(0.3 * std::exp(sigma * sigma / 2)));
    CHECK(Distribution::waiting(2, 64, 0.4, 0.7, 1e4).mean() == Approx(0.4 * 0.7));
}

// The comparison as a table, for reading by eye: analysis_tests "[.mc-table]"
TEST_CASE("Monte Carlo comparison table", "[.mc-table]") {
    std::printf("| shape | p50 analysis | p50 MC | diff | p99 analysis | p99 MC | diff |\n"
                "|---|---|---|---|---|---|---|\n");
    for (const Shape& shape : shapes()) {
        const Report r = analyze(toDocument(shape), Catalogue::builtin());
        const Quantiles mc = monteCarlo(shape, 300000);
        const double p50 = r.flows[0].p50_ms, p99 = r.flows[0].p99_ms;
        std::printf("| %s | %.2f | %.2f | %+.1f%% | %.2f | %.2f | %+.1f%% |\n", shape.name.c_str(),
                    p50, mc.p50, 100 * (p50 / mc.p50 - 1), p99, mc.p99, 100 * (p99 / mc.p99 - 1));
    }
}
