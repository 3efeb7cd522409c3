// libFuzzer harness over everything a design file goes through without a window: the reader
// and validation (readDocument against the compiled-in catalogue), then, for a document that
// loads, the full analysis with the rules, the JSON report, and a save -> load -> save round
// trip. Build with -DARCHLENS_FUZZ=ON and run with tests/fuzz/run.sh.
//
// What counts as a crash here (each one is a real bug, never a property of the input):
// - any sanitizer report or uncaught exception: the reader must turn every input into
//   problems, and the analysis must accept every document the reader accepts;
// - a document that loads, whose saved text does not load again, or saves to other bytes
//   (DESIGN.md: "Save then load then save is byte-identical");
// - an analysis that gives different reports for the same document twice in a row
//   (DESIGN.md: "The same input always gives the same output").
#include "archlens/analysis/analyze.h"
#include "archlens/analysis/report_json.h"
#include "archlens/analysis/rules.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document_io.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using namespace archlens;

// The analysis costs far more per byte than reading, and its cost is per flow: the exact
// availability enumerates up to 2^16 zone states, the Monte Carlo path (a component shared
// below an `alternative` group) draws 200,000 samples, about 0.35 s a flow under the
// sanitizers, and the load curves repeat the latency pass at 13 points. A flow costs some 60
// bytes of JSON, so a few kilobytes of input could take a minute, which libFuzzer would
// report as a timeout though it is only the documented cost of a big design (tests/bench
// measures that, not this). So the analysis, run twice here, is kept to documents of up to
// 16 KiB (each shipped example fits) and 6 flows (the examples have 3); larger ones still go
// through the reader and the round trip, which are linear in the input.
constexpr std::size_t kMaxAnalysedBytes = 16 * 1024;
constexpr std::size_t kMaxAnalysedFlows = 6;

[[noreturn]] void fail(const char* what, const std::string& first, const std::string& second) {
    std::fprintf(stderr, "fuzz_design: %s\n--- first ---\n%s\n--- second ---\n%s\n", what,
                 first.c_str(), second.c_str());
    std::abort();
}

std::string describe(const Problems& problems) {
    std::string out;
    for (const auto& p : problems)
        out += p.describe() + "\n";
    return out;
}

std::string analyseToJson(const Document& doc, const Catalogue& catalogue) {
    Report report = analyze(doc, catalogue);
    runRules(doc, catalogue, report);
    return reportToJson(doc, report).dump(2);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    const Catalogue& catalogue = Catalogue::builtin();
    const std::string text(reinterpret_cast<const char*>(data), size);

    const LoadResult loaded = readDocument(text, catalogue);
    if (!loaded.ok()) {
        // The problems are what the window shows and `archlens check --format json` prints
        // next, as JSON (which throws on text that is not UTF-8, such as the bytes of a
        // binary file quoted in a syntax error), so both must work for whatever was read.
        Json list = Json::array();
        for (const auto& p : loaded.problems) {
            (void)p.describe();
            list.push_back({{"pointer", p.pointer}, {"message", p.message}});
        }
        (void)list.dump(2);
        return 0;
    }
    const Document& doc = *loaded.document;

    // Round trip: what we save must load again, and save to the same bytes.
    const std::string saved = writeDocument(doc);
    const LoadResult reloaded = readDocument(saved, catalogue);
    if (!reloaded.ok())
        fail("the saved text of a valid document does not load", saved,
             describe(reloaded.problems));
    const std::string resaved = writeDocument(*reloaded.document);
    if (resaved != saved) fail("save -> load -> save is not byte-identical", saved, resaved);

    if (size > kMaxAnalysedBytes || doc.flows.size() > kMaxAnalysedFlows) return 0;
    const std::string report = analyseToJson(doc, catalogue);
    // Determinism: the Monte Carlo paths are seeded, so a second run must agree byte for byte.
    const std::string again = analyseToJson(doc, catalogue);
    if (again != report) fail("the same document gives two different reports", report, again);
    return 0;
}
