// Generates layered designs (50 clients, then 7 layers: load balancers, gateways, three
// layers of services, caches, stores; about 3 connections per component into the next
// layer on average; 50 flows; 6 zones in 2 regions) and prints the time of each analysis pass and
// the peak memory. Each flow of these sparse designs reaches a few dozen components; the
// dense designs (dense_design.h) have flows that reach about 40% of the design, thousands
// of components. Usage (`analysis_bench --help`):
//   analysis_bench                     both tables, sparse and dense, at 1k and 10k
//   analysis_bench N ...               the sparse table at those sizes
//   analysis_bench --dense [N ...]     the dense table (default 1k and 10k; 100k takes minutes)
//   analysis_bench --write N FILE      saves the sparse design of N components, and
//   analysis_bench --write-dense N FILE the dense one, for timing the command line as a whole
//                                      (`time archlens check FILE --format json`)
//   analysis_bench --check FILE        times the stages of that command one by one
//   analysis_bench --rules FILE        times the rules alone, best of three, rule by rule
//   analysis_bench --figures FILE      prints every figure of its analysis, bit for bit
//   analysis_bench --command PROGRAM FILE...
//                                      times whole runs of `PROGRAM --version` and
//                                      `PROGRAM check --format json FILE`
#include "archlens/analysis/analyze.h"
#include "archlens/analysis/report_json.h"
#include "archlens/analysis/rules.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document_io.h"
#include "command_timing.h"
#include "dense_design.h"
#include "report_figures.h"
#include "rules/rule_list.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <string>
#include <sys/resource.h>
#include <vector>

using namespace archlens;

namespace {

unsigned gThreads = 0; ///< AnalysisOptions::threads for every run (--threads)

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

/// Whether a design file loaded; when not, its first problem goes to standard error.
bool usable(const LoadResult& loaded) {
    if (loaded.ok()) return true;
    std::fprintf(stderr, "%s\n", loaded.problems.front().describe().c_str());
    return false;
}

/// The stages of `archlens check FILE --format json`, each timed.
int timeCheck(const char* path) {
    auto t = std::chrono::steady_clock::now();
    auto loaded = readDocumentFile(path, Catalogue::builtin());
    if (!usable(loaded)) return 2;
    const double load = millisecondsSince(t);
    t = std::chrono::steady_clock::now();
    AnalysisOptions options;
    options.threads = gThreads;
    Report report = analyze(*loaded.document, Catalogue::builtin(), options);
    const double passes = millisecondsSince(t);
    t = std::chrono::steady_clock::now();
    runRulesUnlessCancelled(*loaded.document, Catalogue::builtin(), report, nullptr, {}, gThreads);
    const double rules = millisecondsSince(t);
    t = std::chrono::steady_clock::now();
    // As the command writes it: straight from the report to text.
    const std::string json =
        reportJsonText(*loaded.document, report, 2, Json{{"file", path}, {"valid", true}});
    const double output = millisecondsSince(t);
    std::printf("| load | passes | rules | JSON output | findings | output MB | peak RSS MB "
                "|\n|---|---|---|---|---|---|---|\n");
    std::printf("| %.0f | %.0f | %.0f | %.0f | %zu | %.1f | %.0f |\n", load, passes, rules, output,
                report.findings.size(), json.size() / 1e6, peakMemoryMb());

    // Where the rules' time goes: each rule alone on one thread, the slowest first.
    const rules::Context context(*loaded.document, Catalogue::builtin(), report);
    std::vector<std::pair<double, std::string>> times;
    for (const auto& [id, function] : rules::allRules()) {
        std::vector<Finding> found;
        t = std::chrono::steady_clock::now();
        function(context, found);
        times.emplace_back(millisecondsSince(t), id);
    }
    std::sort(times.rbegin(), times.rend());
    std::printf("\nslowest rules, one thread (ms):");
    for (std::size_t i = 0; i < times.size() && i < 8; ++i)
        std::printf("%s %s %.0f", i ? "," : "", times[i].second.c_str(), times[i].first);
    std::printf("\n");
    return 0;
}

/// The rules alone on a loaded, analysed design, `runs` times each (the passes once): the
/// rules stage best of the runs, then each rule alone on one thread, best of the runs,
/// the slowest first. What to watch when making the rules faster, without the passes'
/// seconds between samples.
int timeRules(const char* path, int runs) {
    auto loaded = readDocumentFile(path, Catalogue::builtin());
    if (!usable(loaded)) return 2;
    AnalysisOptions options;
    options.threads = gThreads;
    const Report analysed = analyze(*loaded.document, Catalogue::builtin(), options);
    double best = 1e300;
    std::size_t findings = 0;
    for (int run = 0; run < runs; ++run) {
        Report report = analysed;
        const auto t = std::chrono::steady_clock::now();
        runRulesUnlessCancelled(*loaded.document, Catalogue::builtin(), report, nullptr, {},
                                gThreads);
        best = std::min(best, millisecondsSince(t));
        findings = report.findings.size() - analysed.findings.size();
    }
    std::printf("rules, best of %d: %.1f ms, %zu findings\n", runs, best, findings);
    const auto t = std::chrono::steady_clock::now();
    const rules::Context context(*loaded.document, Catalogue::builtin(), analysed);
    std::printf("context: %.1f ms\n", millisecondsSince(t));
    std::vector<std::pair<double, std::string>> times;
    for (const auto& [id, function] : rules::allRules()) {
        double fastest = 1e300;
        for (int run = 0; run < runs; ++run) {
            std::vector<Finding> found;
            const auto start = std::chrono::steady_clock::now();
            function(context, found);
            fastest = std::min(fastest, millisecondsSince(start));
        }
        times.emplace_back(fastest, id);
    }
    std::sort(times.rbegin(), times.rend());
    double sum = 0;
    for (const auto& time : times)
        sum += time.first;
    std::printf("each rule alone, one thread, sum %.1f ms; those of 1 ms or more:", sum);
    for (std::size_t i = 0; i < times.size() && times[i].first >= 1; ++i)
        std::printf("%s %s %.1f", i ? "," : "", times[i].second.c_str(), times[i].first);
    std::printf("\n");
    return 0;
}

/// What the window runs on FILE, best of `runs`: after an edit, the passes with the curves
/// of the flow on the Load tab (the first; none while the tab is hidden) and the rules; on
/// choosing another flow, that flow's curves alone.
int timeWindow(const char* path, int runs) {
    auto loaded = readDocumentFile(path, Catalogue::builtin());
    if (!usable(loaded)) return 2;
    const Document& doc = *loaded.document;
    if (doc.flows.size() < 2) {
        std::fprintf(stderr, "analysis_bench: %s has fewer than two flows\n", path);
        return 2;
    }
    auto bestOf = [runs](const std::function<void()>& work) {
        double best = 1e300;
        for (int run = 0; run < runs; ++run) {
            const auto t = std::chrono::steady_clock::now();
            work();
            best = std::min(best, millisecondsSince(t));
        }
        return best;
    };
    auto edit = [&](std::optional<std::vector<std::string>> curveFlows) {
        return bestOf([&] {
            AnalysisOptions options;
            options.threads = gThreads;
            options.curveFlows = std::move(curveFlows);
            std::optional<Report> report =
                analyzeUnlessCancelled(doc, Catalogue::builtin(), options);
            runRulesUnlessCancelled(doc, Catalogue::builtin(), *report, nullptr, {}, gThreads);
        });
    };
    const double hidden = edit(std::vector<std::string>{});
    const double shown = edit(std::vector<std::string>{doc.flows.front().id});
    const double every = edit(std::nullopt);
    const double another = bestOf([&] {
        AnalysisOptions options;
        options.threads = gThreads;
        options.curveFlows = std::vector<std::string>{doc.flows[1].id};
        (void)loadCurvesUnlessCancelled(doc, Catalogue::builtin(), options);
    });
    std::printf("best of %d, ms: after an edit, Load tab hidden %.1f, Load tab shown %.1f, every "
                "flow's curves (as before) %.1f; another flow's curves alone %.1f\n",
                runs, hidden, shown, every, another);
    return 0;
}

/// Every figure of `check`'s analysis of FILE (curves of every flow included), bit for bit.
int printFigures(const char* path) {
    auto loaded = readDocumentFile(path, Catalogue::builtin());
    if (!usable(loaded)) return 2;
    AnalysisOptions options;
    options.threads = gThreads;
    bench::writeFigures(analyze(*loaded.document, Catalogue::builtin(), options), stdout);
    return 0;
}

/// The components each flow reaches (its synchronous part; the bench designs have no
/// asynchronous tail), as "min / mean / max" across the flows.
std::string reachedPerFlow(const Report& report) {
    if (report.flows.empty()) return "-";
    std::size_t least = SIZE_MAX, most = 0, sum = 0;
    for (const auto& f : report.flows) {
        const std::size_t n = f.syncComponents.size() + f.asyncComponents.size();
        least = std::min(least, n);
        most = std::max(most, n);
        sum += n;
    }
    char text[96];
    std::snprintf(text, sizeof text, "%zu / %.0f / %zu", least,
                  static_cast<double>(sum) / static_cast<double>(report.flows.size()), most);
    return text;
}

/// Times analyze() on the designs `generate` makes at each size, one table row each.
void printTable(const char* title, Document (*generate)(int), const std::vector<int>& sizes) {
    std::printf("%s\n\n", title);
    std::printf(
        "| components | connections | flows | reached per flow (min / mean / max) | graph | "
        "structure | load | availability | latency | curves | total ms | total without "
        "curves | peak RSS MB |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    std::fflush(stdout);
    for (int size : sizes) {
        const Document doc = generate(size);
        PassTimings t;
        const auto start = std::chrono::steady_clock::now();
        AnalysisOptions options;
        options.threads = gThreads;
        const Report report = analyze(doc, Catalogue::builtin(), options, &t);
        const double total = millisecondsSince(start);
        int monteCarlo = 0;
        for (const auto& f : report.flows)
            monteCarlo += f.availabilityMethod == "monte_carlo";
        std::printf("| %zu | %zu | %zu | %s | %.1f | %.1f | %.1f | %.1f%s | %.1f | %.1f | %.1f | "
                    "%.1f | %.0f |\n",
                    doc.components.size(), doc.connections.size(), doc.flows.size(),
                    reachedPerFlow(report).c_str(), t.graph, t.structure, t.load, t.availability,
                    monteCarlo ? " (MC)" : "", t.latency, t.curves, total, total - t.curves,
                    peakMemoryMb());
        std::fflush(stdout);
    }
    std::printf("\n");
}

Document dense(int components) {
    return bench::denseDesign(components);
}

/// N as a design size, or 0 (with a message naming it) when it is not one.
int sizeArgument(const char* text) {
    char* end = nullptr;
    const long n = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || n < 1 || n > 10'000'000) {
        std::fprintf(stderr, "analysis_bench: '%s' is not a number of components (1 to 10000000)\n",
                     text);
        return 0;
    }
    return static_cast<int>(n);
}

int write(const char* size, const char* path, Document (*generate)(int)) {
    const int n = sizeArgument(size);
    if (n == 0) return 2;
    const std::string error = writeDocumentFile(path, generate(n));
    if (!error.empty()) std::fprintf(stderr, "%s\n", error.c_str());
    return error.empty() ? 0 : 2;
}

constexpr const char* kUsage =
    "usage: analysis_bench                      both tables, sparse and dense, at 1k and 10k\n"
    "       analysis_bench N ...                the sparse table at N components\n"
    "       analysis_bench --dense [N ...]      the dense table (default 1000 10000); each\n"
    "                                           flow reaches about 40% of the design, so\n"
    "                                           --dense 100000 may take minutes; a dense\n"
    "                                           design has at least 400 components\n"
    "       analysis_bench --write N FILE       save the sparse design of N components\n"
    "       analysis_bench --write-dense N FILE save the dense design of N components\n"
    "       analysis_bench --check FILE         time the stages of `archlens check FILE\n"
    "                                           --format json`, and the slowest rules\n"
    "       analysis_bench --rules FILE         time the rules alone on FILE, best of three\n"
    "                                           runs, and each rule alone on one thread\n"
    "       analysis_bench --window FILE        time what the window runs after an edit\n"
    "                                           and on choosing a flow for its Load tab\n"
    "       analysis_bench --figures FILE       print every figure of FILE's analysis in\n"
    "                                           hexadecimal, to compare two builds bit for bit\n"
    "       analysis_bench --command PROGRAM FILE...\n"
    "                                           time whole runs of `PROGRAM --version` and\n"
    "                                           `PROGRAM check --format json FILE`, 15 each\n"
    "       analysis_bench --threads N ...      any of the above on N threads (default 0:\n"
    "                                           every core; small designs always use one)\n";

} // namespace

int main(int argc, char** argv) {
    // `--threads N` first: the threads of the per-flow passes and the rules (0: every core).
    if (argc > 2 && std::string(argv[1]) == "--threads") {
        gThreads = static_cast<unsigned>(std::max(0, std::atoi(argv[2])));
        argv[2] = argv[0];
        argv += 2;
        argc -= 2;
    }
    const std::string first = argc > 1 ? argv[1] : "";
    if (first == "--help" || first == "-h") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (argc == 4 && first == "--write") return write(argv[2], argv[3], layered);
    if (argc == 4 && first == "--write-dense") return write(argv[2], argv[3], dense);
    if (argc == 3 && first == "--check") return timeCheck(argv[2]);
    if (argc == 3 && first == "--rules") return timeRules(argv[2], 3);
    if (argc == 3 && first == "--window") return timeWindow(argv[2], 3);
    if (argc == 3 && first == "--figures") return printFigures(argv[2]);
    if (argc >= 3 && first == "--command")
        return bench::timeCommands(argv[2], std::vector<std::string>(argv + 3, argv + argc), 15);
    const bool denseOnly = first == "--dense";
    std::vector<int> sizes;
    for (int i = denseOnly ? 2 : 1; i < argc; ++i) {
        const int n = sizeArgument(argv[i]);
        if (n == 0) {
            std::fputs(kUsage, stderr);
            return 2;
        }
        sizes.push_back(n);
    }
    const bool both = argc == 1;
    if (sizes.empty()) sizes = {1000, 10000};
    const char* sparseTitle = "Sparse designs (each flow reaches a few dozen components)";
    const char* denseTitle = "Dense designs (each flow reaches about 40% of the components)";
    if (!denseOnly) printTable(sparseTitle, layered, sizes);
    if (denseOnly || both) printTable(denseTitle, dense, sizes);
    return 0;
}
