// Which targets a flow is judged by: the rules, the flows table and the reports all ask
// flowTargets(), so a flow's own target and a background flow's exemption from the
// design's targets hold everywhere the flow is judged.
#include "archlens/analysis/report.h"

#include <catch2/catch.hpp>

using namespace archlens;

namespace {

Document designWithTargets() {
    Document doc;
    doc.requirements.availability = 0.999;
    doc.requirements.p99_ms = 200;
    Flow plain;
    plain.id = "browse";
    Flow own = plain;
    own.id = "checkout";
    own.availability = 0.9999;
    Flow background = plain;
    background.id = "reindex";
    background.p99_ms = 60000;
    doc.flows = {plain, own, background};
    return doc;
}

FlowResult result(const std::string& id, bool background = false) {
    FlowResult r;
    r.id = id;
    r.background = background;
    return r;
}

} // namespace

TEST_CASE("a user-facing flow is judged by the design's targets unless it sets its own") {
    const Document doc = designWithTargets();
    const FlowTargets plain = flowTargets(doc, result("browse"));
    CHECK(plain.availability == 0.999);
    CHECK(plain.p99_ms == 200);
    const FlowTargets own = flowTargets(doc, result("checkout"));
    CHECK(own.availability == 0.9999);
    CHECK(own.p99_ms == 200); // not set on the flow: the design's
}

TEST_CASE("a background flow is judged by its own targets only") {
    const Document doc = designWithTargets();
    const FlowTargets t = flowTargets(doc, result("reindex", true));
    CHECK_FALSE(t.availability);
    CHECK(t.p99_ms == 60000);
    CHECK(t.any());
    Document none = doc;
    none.flows[2].p99_ms.reset();
    CHECK_FALSE(flowTargets(none, result("reindex", true)).any());
}

TEST_CASE("a flow missing from the design falls back to the design's targets") {
    const FlowTargets t = flowTargets(designWithTargets(), result("gone"));
    CHECK(t.availability == 0.999);
    CHECK(t.p99_ms == 200);
}

TEST_CASE("a flow exactly at its target meets it; one past it misses") {
    const Document doc = designWithTargets();
    FlowResult r = result("browse");
    const FlowTargets t = flowTargets(doc, r);
    r.availability = 0.999;
    r.p99_ms = 200;
    CHECK_FALSE(t.missesAvailability(r));
    CHECK_FALSE(t.missesP99(r));
    r.availability = 0.9989;
    r.p99_ms = 200.5;
    CHECK(t.missesAvailability(r));
    CHECK(t.missesP99(r));
    // No target, nothing to miss.
    const FlowTargets none = flowTargets(doc, result("reindex", true));
    CHECK_FALSE(none.missesAvailability(r));
}
