// The JSON of `archlens check` and of JSON reports is written by jsonText: the same bytes
// dump gives, on every example's report and on a dense design's (tens of findings' texts,
// curves, every number format the report uses). A report given up is moved into the same
// JSON.
#include "analysis_helpers.h"

#include "archlens/analysis/rules.h"
#include "archlens/model/json_text.h"
#include "bench/dense_design.h"

#include <catch2/catch.hpp>

using namespace archlens;

TEST_CASE("report JSON text: jsonText writes every report as dump does") {
    std::vector<Document> docs;
    for (const char* name :
         {"url-shortener", "chat-system", "video-platform", "ride-matching", "ecommerce-checkout"})
        docs.push_back(test::example(name));
    docs.push_back(bench::denseDesign(400));
    for (const Document& doc : docs) {
        INFO(doc.title);
        Report report = analyze(doc, Catalogue::builtin());
        runRules(doc, Catalogue::builtin(), report);
        REQUIRE_FALSE(report.findings.empty());
        Json json = reportToJson(doc, report);
        json["file"] = "a \"quoted\" path/with\ttab.archlens";
        json["valid"] = true;
        const std::string expected = json.dump(2);
        CHECK(jsonText(json, 2) == expected);
        CHECK(jsonText(json) == json.dump());
        // Given up, the report's text is moved into the same JSON.
        Report given = report;
        CHECK(reportToJson(doc, std::move(given)) == reportToJson(doc, report));
        CHECK(given.findings.front().message.empty()); // taken, not copied
    }
}
