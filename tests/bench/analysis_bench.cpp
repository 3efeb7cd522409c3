// Generates layered designs (50 clients, then 7 layers: load balancers, gateways, three
// layers of services, caches, stores; about 3 connections per component into the next
// layer on average; 50 flows; 6 zones in 2 regions) and prints the time of each analysis pass and
// the peak memory. Usage: analysis_bench [components ...] (default 1000 10000 100000).
// `analysis_bench --write N FILE` saves the generated design of N components instead, for
// timing the command line as a whole (`time archlens check FILE --format json`), and
// `analysis_bench --check FILE` times the stages of that command one by one.
#include "archlens/analysis/analyze.h"
#include "archlens/analysis/report_json.h"
#include "archlens/analysis/rules.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document_io.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/resource.h>

using namespace archlens;

namespace {

Document layered(int total) {
    constexpr int kFlows = 50;
    constexpr int kLayers = 7;
    const char* kinds[kLayers] = {"load_balancer", "api_gateway", "app_service",    "app_service",
                                  "app_service",   "cache",       "key_value_store"};
    Document doc;
    doc.title = "bench";
    for (int z = 0; z < 6; ++z)
        doc.zones.push_back({"z" + std::to_string(z), z < 3 ? "r1" : "r2", 0.9995, Json::object()});
    for (int f = 0; f < kFlows; ++f) {
        Component c;
        c.id = "client" + std::to_string(f);
        c.kind = "client";
        c.name = c.id;
        doc.components.push_back(c);
    }
    const int width = std::max(3, (total - kFlows) / kLayers);
    auto id = [](int layer, int j) {
        return "L" + std::to_string(layer) + "_" + std::to_string(j);
    };
    unsigned rng = 12345;
    auto next = [&rng] { return rng = rng * 1103515245u + 12345u, (rng >> 16) & 0x7fff; };
    for (int l = 0; l < kLayers; ++l)
        for (int j = 0; j < width; ++j) {
            Component c;
            c.id = id(l, j);
            c.kind = kinds[l];
            c.name = c.id;
            const int z0 = (j % 2) * 3; // region r1 or r2
            c.props =
                Json{{"instances", 3},
                     {"zones", Json::array({"z" + std::to_string(z0), "z" + std::to_string(z0 + 1),
                                            "z" + std::to_string(z0 + 2)})},
                     {"capacity_rps", 2000 + static_cast<int>(next() % 5000)}};
            // What a sound design sets: gateways check their backends' health, caches
            // expire entries.
            if (l == 1) c.props["health_checks"] = true;
            if (l == kLayers - 2) c.props["ttl_s"] = 300;
            doc.components.push_back(c);
        }
    int edgeId = 0;
    auto connect = [&](const std::string& from, const std::string& to, Json props) {
        Connection e;
        e.id = "e" + std::to_string(edgeId++);
        e.from = from;
        e.to = to;
        e.mode = ConnectionMode::Sync;
        e.props = std::move(props);
        doc.connections.push_back(std::move(e));
    };
    for (int f = 0; f < kFlows; ++f) {
        const int base = f * width / kFlows;
        connect("client" + std::to_string(f), id(0, base % width), Json::object());
        Flow flow;
        flow.id = "f" + std::to_string(f);
        flow.name = flow.id;
        flow.entry = "client" + std::to_string(f);
        flow.op = f % 2 ? "write" : "read";
        flow.rate_rps = 100;
        doc.flows.push_back(flow);
    }
    constexpr int kTimeoutsMs[kLayers - 1] = {800, 400, 250, 150, 80, 50};
    // Each component calls three neighbours in the next layer: a flow's reach grows by a
    // couple of components per layer, as in a real service graph, not exponentially.
    for (int l = 0; l + 1 < kLayers; ++l)
        for (int j = 0; j < width; ++j)
            for (int k = 0; k < 3 + (j % 2); ++k) { // 3.5 calls on average: ~3 per component
                // Timeouts shrink with depth, as in a sound design: each call gives up
                // before the call waiting for it does (800 ms at the gateways down to
                // 50 ms at the stores), so a slow store cannot outlast its callers.
                Json props = {{"timeout_ms", kTimeoutsMs[l]}};
                const unsigned r = next() % 10;
                if (r == 0) { // retried calls back off and are safe to repeat
                    props["retries"] = 2;
                    props["backoff"] = "exponential_jitter";
                    props["idempotent"] = true;
                }
                if (r == 1) props["required"] = false;
                if (r == 2) props["calls"] = 0.3;
                if (r == 3) props["parallel"] = true;
                if (r == 4) props["ops"] = Json::array({"read"});
                connect(id(l, j), id(l + 1, (j + k) % width), props);
            }
    return doc;
}

double peakMemoryMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0; // kilobytes on Linux
}

double millisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

/// The stages of `archlens check FILE --format json`, each timed.
int timeCheck(const char* path) {
    auto t = std::chrono::steady_clock::now();
    auto loaded = readDocumentFile(path, Catalogue::builtin());
    if (!loaded.ok()) {
        std::fprintf(stderr, "%s\n", loaded.problems.front().describe().c_str());
        return 2;
    }
    const double load = millisecondsSince(t);
    t = std::chrono::steady_clock::now();
    Report report = analyze(*loaded.document, Catalogue::builtin());
    const double passes = millisecondsSince(t);
    t = std::chrono::steady_clock::now();
    runRules(*loaded.document, Catalogue::builtin(), report);
    const double rules = millisecondsSince(t);
    t = std::chrono::steady_clock::now();
    const std::string json = reportToJson(*loaded.document, report).dump(2);
    const double output = millisecondsSince(t);
    std::printf("| load | passes | rules | JSON output | findings | output MB | peak RSS MB "
                "|\n|---|---|---|---|---|---|---|\n");
    std::printf("| %.0f | %.0f | %.0f | %.0f | %zu | %.1f | %.0f |\n", load, passes, rules, output,
                report.findings.size(), json.size() / 1e6, peakMemoryMb());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::string(argv[1]) == "--write") {
        const std::string error = writeDocumentFile(argv[3], layered(std::atoi(argv[2])));
        if (!error.empty()) std::fprintf(stderr, "%s\n", error.c_str());
        return error.empty() ? 0 : 2;
    }
    if (argc == 3 && std::string(argv[1]) == "--check") return timeCheck(argv[2]);
    std::vector<int> sizes;
    for (int i = 1; i < argc; ++i)
        sizes.push_back(std::atoi(argv[i]));
    if (sizes.empty()) sizes = {1000, 10000, 100000};
    std::printf("| components | connections | flows | graph | structure | load | availability | "
                "latency | curves | total ms | total without curves | peak RSS MB |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (int size : sizes) {
        const Document doc = layered(size);
        PassTimings t;
        const auto start = std::chrono::steady_clock::now();
        const Report report = analyze(doc, Catalogue::builtin(), {}, &t);
        const double total =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        int monteCarlo = 0;
        for (const auto& f : report.flows)
            monteCarlo += f.availabilityMethod == "monte_carlo";
        std::printf("| %zu | %zu | %zu | %.1f | %.1f | %.1f | %.1f%s | %.1f | %.1f | %.1f | %.1f | "
                    "%.0f |\n",
                    doc.components.size(), doc.connections.size(), doc.flows.size(), t.graph,
                    t.structure, t.load, t.availability, monteCarlo ? " (MC)" : "", t.latency,
                    t.curves, total, total - t.curves, peakMemoryMb());
        std::fflush(stdout);
    }
    return 0;
}
