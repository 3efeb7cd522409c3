// Times automatic layout on generated layered designs: 50 clients, then 8 layers of
// services, each component calling two in the next layer (about 2 connections per
// component), every component in one of 6 zones across 2 regions, and every tenth
// connection async. Usage: layout_bench [--full] [components ...] (default 500 2000 10000);
// --full lays out every size with dot's full effort, to compare with the large-graph limits.
// Prints one Markdown table row per size: figures to read, not verdicts.
#include "archlens/layout/auto_layout.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

using namespace archlens;

namespace {

/// `mixedZones`: zones drawn at random instead of following the position in the layer, so
/// that most connections cross zone clusters (the hard case for dot's crossing reduction).
Document layered(int total, bool mixedZones) {
    constexpr int kClients = 50;
    constexpr int kLayers = 8;
    constexpr int kZones = 6;
    Document doc;
    for (int z = 0; z < kZones; ++z)
        doc.zones.push_back({"z" + std::to_string(z), z < 3 ? "r1" : "r2", 0.9995, Json::object()});
    const int clients = std::min(kClients, std::max(1, total / 10));
    const int width = std::max(1, (total - clients) / kLayers);
    auto id = [](int layer, int j) {
        return "L" + std::to_string(layer) + "_" + std::to_string(j);
    };
    unsigned rng = 12345;
    auto next = [&rng] { return rng = rng * 1103515245u + 12345u, (rng >> 16) & 0x7fff; };
    for (int f = 0; f < clients; ++f)
        doc.components.push_back({"client" + std::to_string(f),
                                  "client",
                                  "client",
                                  0,
                                  0,
                                  Json::object(),
                                  Json::object(),
                                  {},
                                  {}});
    for (int l = 0; l < kLayers; ++l)
        for (int j = 0; j < width; ++j) {
            // Zones follow the position in the layer, as services of one zone call each other.
            const int zone = mixedZones ? static_cast<int>(next() % kZones) : j * kZones / width;
            doc.components.push_back({id(l, j),
                                      "app_service",
                                      id(l, j),
                                      0,
                                      0,
                                      Json{{"zones", Json::array({"z" + std::to_string(zone)})}},
                                      Json::object(),
                                      {},
                                      {}});
        }
    int edge = 0;
    auto connect = [&](const std::string& from, const std::string& to) {
        const ConnectionMode mode = edge % 10 == 9 ? ConnectionMode::Async : ConnectionMode::Sync;
        doc.connections.push_back(
            {"e" + std::to_string(edge++), from, to, mode, Json::object(), Json::object()});
    };
    for (int f = 0; f < clients; ++f)
        connect("client" + std::to_string(f), id(0, f * width / clients));
    for (int l = 0; l + 1 < kLayers; ++l)
        for (int j = 0; j < width; ++j) {
            connect(id(l, j), id(l + 1, j));
            // Mostly a near neighbour (same zone), sometimes anywhere (cross-zone call).
            const int far = next() % 4 == 0 ? static_cast<int>(next()) % width
                                            : (j + 1 + static_cast<int>(next() % 5)) % width;
            connect(id(l, j), id(l + 1, far));
        }
    return doc;
}

} // namespace

int main(int argc, char** argv) {
    std::vector<int> sizes;
    LayoutOptions options;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--full")
            options.largeGraph = std::numeric_limits<std::size_t>::max();
        else
            sizes.push_back(std::atoi(argv[i]));
    }
    if (sizes.empty()) sizes = {500, 2000, 10000};
    std::printf("| components | connections | zones | layout ms |\n|---|---|---|---|\n");
    AutoLayout engine;
    for (int size : sizes)
        for (bool mixed : {false, true}) {
            const Document doc = layered(size, mixed);
            const auto start = std::chrono::steady_clock::now();
            const auto positions = engine.layout(doc, options);
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count();
            std::printf("| %zu | %zu | %s | %.0f |\n", doc.components.size(),
                        doc.connections.size(), mixed ? "mixed" : "grouped", ms);
            std::fflush(stdout);
            if (positions.size() != doc.components.size()) {
                std::fprintf(stderr, "layout failed: %s\n", engine.messages().c_str());
                return 1;
            }
        }
    return 0;
}
