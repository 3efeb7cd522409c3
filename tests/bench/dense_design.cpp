#include "dense_design.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace archlens::bench {

namespace {

constexpr int kClients = 50; // one per flow
constexpr int kLayers = 8;   // the clients, then seven layers of equal width

std::string layerId(int layer, int j) {
    return layer == 0 ? "client" + std::to_string(j)
                      : "L" + std::to_string(layer) + "_" + std::to_string(j);
}

} // namespace

Document denseDesign(int components, unsigned seed) {
    // mt19937's sequence is fixed by the standard; reducing it with % (not a standard
    // distribution) keeps the design the same with every standard library.
    std::mt19937 rng(seed);
    auto below = [&rng](unsigned n) { return static_cast<int>(rng() % n); };

    const char* kinds[kLayers] = {"client",      "load_balancer", "api_gateway", "app_service",
                                  "app_service", "app_service",   "cache",       "key_value_store"};
    Document doc;
    doc.title = "dense bench";
    for (int z = 0; z < 6; ++z)
        doc.zones.push_back({"z" + std::to_string(z), z < 3 ? "r1" : "r2", 0.9995, Json::object()});

    const int width = std::max(kClients, (components - kClients) / (kLayers - 1));
    std::vector<int> widths(kLayers, width);
    widths[0] = kClients;
    for (int l = 0; l < kLayers; ++l)
        for (int j = 0; j < widths[l]; ++j) {
            Component c;
            c.id = layerId(l, j);
            c.kind = kinds[l];
            c.name = c.id;
            c.x = 200.0 * l;
            c.y = 60.0 * j;
            if (l > 0) {
                // 1 to 3 distinct zones of the six, in any region.
                Json zones = Json::array();
                const int count = 1 + below(3);
                std::vector<int> all = {0, 1, 2, 3, 4, 5};
                for (int k = 0; k < count; ++k) {
                    const int pick = k + below(static_cast<unsigned>(6 - k));
                    std::swap(all[k], all[pick]);
                    zones.push_back("z" + std::to_string(all[k]));
                }
                c.props =
                    Json{{"instances", 3}, {"zones", zones}, {"capacity_rps", 2000 + below(5000)}};
                // As in the sparse design: gateways check health, caches expire entries.
                if (l == 2) c.props["health_checks"] = true;
                if (l == kLayers - 2) c.props["ttl_s"] = 300;
            }
            doc.components.push_back(std::move(c));
        }

    // Timeouts shrink with depth (none on the clients' calls), as in the sparse design.
    constexpr int kTimeoutsMs[kLayers] = {0, 0, 800, 400, 250, 150, 80, 50};
    constexpr double kCalls[3] = {0.1, 0.5, 1.0};
    int edgeId = 0;
    for (int l = 1; l < kLayers; ++l) {
        const int callerCount = widths[l - 1];
        for (int j = 0; j < widths[l]; ++j) {
            // The first caller walks the previous layer in turn, so that every component
            // there calls at least one (the layers are at least as wide as the one before);
            // the others are drawn at random, without repeats.
            std::vector<int> callers = {j % callerCount};
            const int wanted = std::min(1 + below(4), callerCount);
            while (static_cast<int>(callers.size()) < wanted) {
                const int c = below(static_cast<unsigned>(callerCount));
                if (std::find(callers.begin(), callers.end(), c) == callers.end())
                    callers.push_back(c);
            }
            for (int caller : callers) {
                Json props = Json::object();
                props["calls"] = kCalls[below(3)];
                if (l > 1) {
                    props["timeout_ms"] = kTimeoutsMs[l];
                    // Reads, writes or both, both three times in four: with a third each a
                    // flow reaches about a quarter of the design, not the 40% wanted.
                    const int ops = below(8);
                    if (ops == 0) props["ops"] = Json::array({"read"});
                    if (ops == 1) props["ops"] = Json::array({"write"});
                }
                if (const int retries = below(3); retries > 0) {
                    // Retried calls back off and are safe to repeat, as in the sparse design.
                    props["retries"] = retries;
                    props["backoff"] = "exponential_jitter";
                    props["idempotent"] = true;
                }
                Connection e;
                e.id = "e" + std::to_string(edgeId++);
                e.from = layerId(l - 1, caller);
                e.to = layerId(l, j);
                e.mode = ConnectionMode::Sync;
                e.props = std::move(props);
                doc.connections.push_back(std::move(e));
            }
        }
    }

    for (int f = 0; f < kClients; ++f) {
        Flow flow;
        flow.id = "f" + std::to_string(f);
        flow.name = flow.id;
        flow.entry = layerId(0, f);
        flow.op = f % 2 ? "write" : "read";
        flow.rate_rps = 100;
        doc.flows.push_back(flow);
    }
    return doc;
}

} // namespace archlens::bench
