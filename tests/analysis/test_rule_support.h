#pragma once
// Helpers for the rule tests: run only the rules over a document and a hand-made report,
// so each rule is tested on exactly the numbers it reads.
#include "support.h"

#include "archlens/analysis/analyze.h"
#include "archlens/analysis/rules.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace archlens::test {

/// A design file (a review design, an expectation), parsed; one that cannot be read fails
/// the test.
inline Json readJson(const std::filesystem::path& p) {
    std::ifstream in(p);
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return Json::parse(text.str());
}

/// The rules over a hand-made report: the rule sees exactly these numbers.
inline std::vector<Finding> findings(const Json& design, const Report& numbers) {
    const Document doc = load(design.dump());
    Report report = numbers;
    runRules(doc, Catalogue::builtin(), report);
    return report.findings;
}

/// The rules over the analysis of the design, as the program runs them: rules about paths
/// need the paths the flows really take.
inline std::vector<Finding> findings(const Json& design) {
    const Document doc = load(design.dump());
    AnalysisOptions options;
    options.curves = false;
    Report report = analyze(doc, Catalogue::builtin(), options);
    runRules(doc, Catalogue::builtin(), report);
    return report.findings;
}

inline std::vector<Finding> findingsOf(const std::string& rule, const Json& design) {
    std::vector<Finding> out;
    for (auto& f : findings(design))
        if (f.rule == rule) out.push_back(f);
    return out;
}

inline std::vector<Finding> findingsOf(const std::string& rule, const Json& design,
                                       const Report& numbers) {
    std::vector<Finding> out;
    for (auto& f : findings(design, numbers))
        if (f.rule == rule) out.push_back(f);
    return out;
}

/// A JSON design with a client, an API, a database and one write flow, that no rule can
/// complain about except where a test breaks it on purpose.
inline Json soundDesign() {
    return Json::parse(R"({
  "format": "archlens", "version": 1, "title": "Sound",
  "requirements": { "availability": 0.999, "p99_ms": 500, "max_sync_depth": 4 },
  "zones": [ { "id": "az1", "region": "eu", "availability": 0.9995 },
             { "id": "az2", "region": "eu", "availability": 0.9995 } ],
  "components": [
    { "id": "client", "kind": "client", "name": "Browser", "x": 0, "y": 0 },
    { "id": "gw", "kind": "api_gateway", "name": "Gateway", "x": 220, "y": 0,
      "props": { "instances": 2, "zones": ["az1", "az2"], "rate_limit": true, "auth": true, "health_checks": true } },
    { "id": "api", "kind": "app_service", "name": "API", "x": 440, "y": 0,
      "props": { "instances": 3, "zones": ["az1", "az2"] } },
    { "id": "db", "kind": "rdbms", "name": "Orders DB", "x": 660, "y": 0,
      "props": { "instances": 2, "zones": ["az1", "az2"], "failover": "automatic" } },
    { "id": "mon", "kind": "monitoring", "name": "Monitoring", "x": 0, "y": 200, "props": { "zones": ["az1", "az2"] } }
  ],
  "connections": [
    { "id": "c1", "from": "client", "to": "gw", "mode": "sync" },
    { "id": "c2", "from": "gw", "to": "api", "mode": "sync", "props": { "timeout_ms": 1000 } },
    { "id": "c3", "from": "api", "to": "db", "mode": "sync",
      "props": { "timeout_ms": 250, "retries": 2, "backoff": "exponential_jitter", "idempotent": true } }
  ],
  "flows": [ { "id": "order", "name": "Place order", "entry": "client", "op": "write", "rate_rps": 50 } ],
  "notes": []
})");
}

/// The sound design with a second region's zone, for the rules about regions.
inline Json twoRegions() {
    Json d = soundDesign();
    d["zones"].push_back({{"id", "us1"}, {"region", "us"}, {"availability", 0.9995}});
    return d;
}

inline Json& component(Json& design, const std::string& id) {
    for (auto& c : design["components"])
        if (c["id"] == id) return c;
    throw std::out_of_range(id);
}

inline Json& connection(Json& design, const std::string& id) {
    for (auto& c : design["connections"])
        if (c["id"] == id) return c;
    throw std::out_of_range(id);
}

/// Appends a component to a JSON design and returns it, for tests that build designs.
inline Json& addComponent(Json& d, const std::string& id, const std::string& kind,
                          const std::string& name, Json props = Json::object()) {
    d["components"].push_back(
        {{"id", id}, {"kind", kind}, {"name", name}, {"props", std::move(props)}});
    return d["components"].back();
}

/// Appends a connection to a JSON design and returns it.
inline Json& addConnection(Json& d, const std::string& id, const std::string& from,
                           const std::string& to, Json props = Json::object(),
                           const std::string& mode = "sync") {
    d["connections"].push_back(
        {{"id", id}, {"from", from}, {"to", to}, {"mode", mode}, {"props", std::move(props)}});
    return d["connections"].back();
}

} // namespace archlens::test
