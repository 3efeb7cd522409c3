// The JSON of `archlens check` and of JSON reports is written straight from the report
// (reportJsonText), without the tree reportToJson builds: the same bytes dump gives for
// that tree, on every example's report and on a dense design's (tens of findings' texts,
// curves, every number format the report uses), and on a report made to take every branch
// of the schema (an accepted finding, no saturation, an interval, empty lists, figures that
// are not finite, text that needs escaping, members added after the report's own).
#include "analysis_helpers.h"

#include "archlens/analysis/rules.h"
#include "archlens/model/json_text.h"
#include "bench/dense_design.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using namespace archlens;

namespace {

/// The report's JSON as dump writes it, `extra`'s members appended, against the text
/// written without the tree, indented and compact.
void checkSameBytes(const Document& doc, const Report& report, const Json& extra) {
    Json json = reportToJson(doc, report);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        json[it.key()] = it.value();
    const std::string expected = json.dump(2);
    CHECK(jsonText(json, 2) == expected);
    CHECK(reportJsonText(doc, report, 2, extra) == expected);
    CHECK(reportJsonText(doc, report, -1, extra) == json.dump());
    CHECK(reportJsonText(doc, report, 4) == reportToJson(doc, report).dump(4));
}

} // namespace

TEST_CASE("report JSON text: written without the tree, every report gives dump's bytes") {
    std::vector<Document> docs;
    for (const char* name :
         {"url-shortener", "chat-system", "video-platform", "ride-matching", "ecommerce-checkout"})
        docs.push_back(test::example(name));
    docs.push_back(bench::denseDesign(400));
    const Json extra = {{"file", "a \"quoted\" path/with\ttab.archlens"}, {"valid", true}};
    for (const Document& doc : docs) {
        INFO(doc.title);
        Report report = analyze(doc, Catalogue::builtin());
        runRules(doc, Catalogue::builtin(), report);
        REQUIRE_FALSE(report.findings.empty());
        REQUIRE_FALSE(report.curves.empty());
        checkSameBytes(doc, report, extra);
    }
}

TEST_CASE("report JSON text: every branch of the schema gives dump's bytes") {
    Document doc = test::example("url-shortener");
    doc.requirements.peak_rps = 12345.678;
    Report report = analyze(doc, Catalogue::builtin());
    runRules(doc, Catalogue::builtin(), report);
    REQUIRE(report.findings.size() >= 2);
    REQUIRE_FALSE(report.flows.empty());

    report.findings[0].acknowledged = "accepted: \u00e9t\u00e9 \x01 \"noted\"";
    report.findings[1].flow.clear();
    report.findings[1].subjects.clear();
    report.findings[1].message = "line\nbreak\\back\r\f\b\x7f end";
    FlowResult& flow = report.flows.front();
    flow.availabilityInterval = std::pair{0.99, 0.999999};
    flow.p99_ms = std::numeric_limits<double>::quiet_NaN();
    flow.p50_ms = std::numeric_limits<double>::infinity();
    flow.asyncP50_ms = 1e20;      // too large to be written as a whole number
    flow.asyncP99_ms = 0.1234567; // rounded to six digits
    flow.cycle.clear();
    flow.hops.clear();
    report.saturation.reset();
    report.zones.clear();

    const Json nested = {{"file", "d.archlens"},
                         {"valid", true},
                         {"comparison",
                          {{"before", {{"file", "c.archlens"}, {"list", Json::array()}}},
                           {"empty", Json::object()},
                           {"numbers", {1, 2.5, -3}}}}};
    checkSameBytes(doc, report, nested);
    checkSameBytes(doc, report, Json::object());

    // Nothing at all: the lists are empty, not left out.
    Report empty;
    checkSameBytes(Document{}, empty, Json::object());
    CHECK(reportJsonText(Document{}, empty, 2).find("\"findings\": []") != std::string::npos);
}
