#include "support.h"

#include <algorithm>
#include <catch2/catch.hpp>

namespace archlens::test {

std::filesystem::path resourcesDir() {
    return ARCHLENS_RESOURCES_DIR;
}

std::vector<std::filesystem::path> examplePaths() {
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(resourcesDir() / "examples"))
        if (entry.path().extension() == ".archlens") paths.push_back(entry.path());
    std::sort(paths.begin(), paths.end());
    return paths;
}

std::string describe(const Problems& problems) {
    std::string out;
    for (const auto& p : problems)
        out += p.describe() + "\n";
    return out;
}

Document load(const std::string& text) {
    auto result = readDocument(text, Catalogue::builtin());
    INFO(describe(result.problems));
    REQUIRE(result.ok());
    return *result.document;
}

Json smallDesign() {
    return Json::parse(R"({
  "format": "archlens", "version": 1, "title": "Small",
  "requirements": { "availability": 0.999, "p99_ms": 200 },
  "zones": [ { "id": "az1", "region": "eu", "availability": 0.9995 },
             { "id": "az2", "region": "eu", "availability": 0.9995 } ],
  "components": [
    { "id": "client", "kind": "client", "name": "Browser", "x": 0, "y": 0 },
    { "id": "api", "kind": "app_service", "name": "API", "x": 220, "y": 0,
      "props": { "instances": 2, "zones": ["az1", "az2"], "latency_ms": { "p50": 8, "p99": 40 } } },
    { "id": "db", "kind": "rdbms", "name": "Orders DB", "x": 440, "y": 0 }
  ],
  "connections": [
    { "id": "c1", "from": "client", "to": "api", "mode": "sync" },
    { "id": "c2", "from": "api", "to": "db", "mode": "sync",
      "props": { "ops": ["write"], "retries": 2, "timeout_ms": 300 } }
  ],
  "flows": [ { "id": "order", "name": "Place order", "entry": "client", "op": "write", "rate_rps": 50 } ],
  "notes": [ { "id": "n1", "text": "hello", "x": 0, "y": 200 } ]
})");
}

} // namespace archlens::test
