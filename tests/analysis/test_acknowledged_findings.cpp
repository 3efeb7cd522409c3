// Findings the design accepts as trade-offs: marked after the rules run, matched by rule
// and subject set, and written to JSON only when there is one.
#include "analysis_helpers.h"

#include "archlens/analysis/report_json.h"
#include "archlens/analysis/rules.h"

#include <catch2/catch.hpp>

using namespace archlens;

namespace {

Report critique(const Document& doc) {
    Report report = test::analyzeNoCurves(doc);
    runRules(doc, Catalogue::builtin(), report);
    return report;
}

/// The URL shortener with two acknowledgements: its retry storm (subjects listed the other
/// way round from the finding) and a rule that does not fire on keygen, though another does.
Document acceptedShortener() {
    Document doc = test::example("url-shortener");
    doc.acknowledgements.push_back({"retry-storm",
                                    {"redirect_svc-link_store", "gateway-redirect_svc"},
                                    "bounded by the LB",
                                    Json::object()});
    doc.acknowledgements.push_back(
        {"saturated-component", {"keygen"}, "not this one", Json::object()});
    return doc;
}

} // namespace

TEST_CASE("exactly the acknowledged finding is marked, whatever the order of its subjects") {
    const Document plain = test::example("url-shortener");
    const Report before = critique(plain);
    const Report after = critique(acceptedShortener());

    // Acknowledging changes nothing about what the rules find.
    REQUIRE(after.findings.size() == before.findings.size());
    int marked = 0;
    for (size_t i = 0; i < after.findings.size(); ++i) {
        const Finding& f = after.findings[i];
        INFO(f.rule);
        CHECK(f.rule == before.findings[i].rule);
        CHECK(f.subjects == before.findings[i].subjects);
        CHECK_FALSE(before.findings[i].acknowledged);
        if (f.acknowledged) {
            ++marked;
            CHECK(f.rule == "retry-storm");
            CHECK(*f.acknowledged == "bounded by the LB");
        }
    }
    CHECK(marked == 1);
    // The other rule's acknowledgement does not spill onto keygen's single point of failure.
    for (const auto& f : after.findings)
        if (f.rule == "single-point-of-failure" && f.subjects == std::vector<std::string>{"keygen"})
            CHECK_FALSE(f.acknowledged);
}

TEST_CASE("markAcknowledged matches rule and subject set and clears stale marks") {
    Document doc;
    doc.acknowledgements.push_back({"sync-chain", {"b", "a"}, "", Json::object()});
    std::vector<Finding> findings(4);
    findings[0].rule = "sync-chain";
    findings[0].subjects = {"a", "b"};
    findings[1].rule = "sync-chain";
    findings[1].subjects = {"a"};
    findings[2].rule = "retry-storm";
    findings[2].subjects = {"a", "b"};
    findings[3].rule = "sync-chain";
    findings[3].subjects = {"a", "b", "c"};
    findings[3].acknowledged = "from an older document";
    markAcknowledged(doc, findings);
    REQUIRE(findings[0].acknowledged);
    CHECK(findings[0].acknowledged->empty()); // accepted without a note is still accepted
    CHECK_FALSE(findings[1].acknowledged);
    CHECK_FALSE(findings[2].acknowledged);
    CHECK_FALSE(findings[3].acknowledged);
}

TEST_CASE("JSON reports mention acknowledgements only when there is one") {
    for (const char* name : {"url-shortener", "chat-system", "video-platform", "ride-matching",
                             "ecommerce-checkout"}) {
        INFO(name);
        const Document doc = test::example(name);
        const std::string text = reportToJson(doc, critique(doc)).dump(2);
        CHECK(text.find("acknowledge") == std::string::npos);
    }

    const Document plain = test::example("url-shortener");
    const Json before = reportToJson(plain, critique(plain));
    const Document accepted = acceptedShortener();
    Json after = reportToJson(accepted, critique(accepted));

    int withNote = 0;
    for (auto& f : after["findings"]) {
        if (!f.contains("acknowledgement")) continue;
        ++withNote;
        CHECK(f["rule"] == "retry-storm");
        CHECK(f["acknowledgement"] == Json{{"note", "bounded by the LB"}});
        f.erase("acknowledgement");
    }
    CHECK(withNote == 1);
    // The accepted error is counted apart from the open ones.
    CHECK(after["summary"]["acknowledged"] == 1);
    CHECK(after["summary"]["errors"] == before["summary"]["errors"].get<int>() - 1);

    // Apart from those, the report is byte for byte what it was.
    after["summary"].erase("acknowledged");
    after["summary"]["errors"] = before["summary"]["errors"];
    CHECK(after.dump(2) == before.dump(2));
}
