// Kinds are recognised by their catalogue traits, not by their ids: a catalogue that adds a
// queue kind and a client kind of its own gets the analysis a built-in queue and client get.
#include "support.h"

#include "archlens/analysis/analyze.h"
#include "archlens/analysis/rules.h"

#include <catch2/catch.hpp>
#include <set>

using namespace archlens;

namespace {

/// The built-in catalogue plus "job_queue" and "kiosk": copies of task_queue and client
/// under ids no code has ever heard of, so only their traits can say what they are.
Catalogue extendedCatalogue() {
    Json json = Catalogue::builtin().json();
    Json queue, client;
    for (const auto& k : json["kinds"]) {
        if (k["id"] == "task_queue") queue = k;
        if (k["id"] == "client") client = k;
    }
    queue["id"] = "job_queue";
    queue["label"] = "Job queue";
    client["id"] = "kiosk";
    client["label"] = "Ticket kiosk";
    json["kinds"].push_back(queue);
    json["kinds"].push_back(client);
    Problems problems;
    auto catalogue = Catalogue::fromJson(json, problems);
    INFO(test::describe(problems));
    REQUIRE(catalogue);
    return std::move(*catalogue);
}

/// A user submits a job: entry -> API -> queue (the caller waits for the enqueue only) ->
/// worker -> database. The worker's write is not idempotent and the queue has neither a
/// dead-letter queue nor a bound.
std::string jobDesign(const std::string& clientKind, const std::string& queueKind) {
    return R"({"format": "archlens", "version": 1, "title": "Jobs",
  "requirements": { "availability": 0.999, "p99_ms": 500 },
  "zones": [ { "id": "az1", "region": "eu", "availability": 0.9995 },
             { "id": "az2", "region": "eu", "availability": 0.9995 } ],
  "components": [
    { "id": "entry", "kind": ")" +
           clientKind + R"(", "name": "Entry", "x": 0, "y": 0 },
    { "id": "api", "kind": "app_service", "name": "API", "x": 200, "y": 0,
      "props": { "instances": 2, "zones": ["az1", "az2"] } },
    { "id": "jobs", "kind": ")" +
           queueKind + R"(", "name": "Jobs", "x": 400, "y": 0,
      "props": { "zones": ["az1", "az2"] } },
    { "id": "worker", "kind": "worker", "name": "Worker", "x": 600, "y": 0,
      "props": { "zones": ["az1", "az2"] } },
    { "id": "db", "kind": "rdbms", "name": "DB", "x": 800, "y": 0,
      "props": { "zones": ["az1"] } }
  ],
  "connections": [
    { "id": "c1", "from": "entry", "to": "api", "mode": "sync" },
    { "id": "c2", "from": "api", "to": "jobs", "mode": "sync" },
    { "id": "c3", "from": "jobs", "to": "worker", "mode": "sync" },
    { "id": "c4", "from": "worker", "to": "db", "mode": "sync" }
  ],
  "flows": [ { "id": "submit", "name": "Submit job", "entry": "entry", "op": "write",
               "rate_rps": 20 } ]
})";
}

struct Outcome {
    Report report;
    std::set<std::string> rules; ///< "rule subject..." of every finding
};

Outcome run(const Catalogue& catalogue, const std::string& clientKind,
            const std::string& queueKind) {
    auto loaded = readDocument(jobDesign(clientKind, queueKind), catalogue);
    INFO(test::describe(loaded.problems));
    REQUIRE(loaded.ok());
    AnalysisOptions options;
    options.curves = false;
    Outcome out{analyze(*loaded.document, catalogue, options), {}};
    runRules(*loaded.document, catalogue, out.report);
    for (const auto& f : out.report.findings) {
        std::string key = f.rule;
        for (const auto& s : f.subjects)
            key += " " + s;
        out.rules.insert(key);
    }
    return out;
}

/// Ids in any order: the passes list them in the order they visit them.
using Ids = std::set<std::string>;
Ids ids(const std::vector<std::string>& list) {
    return {list.begin(), list.end()};
}

} // namespace

TEST_CASE("a new queue kind and a new client kind are treated by their traits") {
    const Catalogue catalogue = extendedCatalogue();
    const Outcome got = run(catalogue, "kiosk", "job_queue");
    REQUIRE(got.report.flows.size() == 1);
    const FlowResult& flow = got.report.flows[0];

    // Queue treatment: the synchronous part ends at the queue, whose consumption is the
    // asynchronous tail (which starts at the queue).
    CHECK(ids(flow.syncComponents) == Ids{"entry", "api", "jobs"});
    CHECK(ids(flow.syncConnections) == Ids{"c1", "c2"});
    CHECK(ids(flow.asyncComponents) == Ids{"jobs", "worker", "db"});
    CHECK(ids(flow.tailConnections) == Ids{"c3", "c4"});
    CHECK(got.rules.count("queue-without-dlq jobs") == 1);
    CHECK(got.rules.count("unbounded-queue jobs") == 1);
    CHECK(got.rules.count("missing-idempotency c3") == 1); // a redelivered message

    // Client treatment: a user waits on the flow, and the client stands outside the system.
    CHECK_FALSE(flow.background);
    const ComponentResult* entry = got.report.component("entry");
    REQUIRE(entry);
    CHECK(entry->offeredRps == 0);
    CHECK(entry->utilisation == 0);
    CHECK(got.rules.count("unthrottled-entry api") == 1);
    CHECK(got.rules.count("missing-auth api") == 1);
}

TEST_CASE("a new kind gets exactly what the built-in kind it copies gets") {
    const Catalogue catalogue = extendedCatalogue();
    const Outcome added = run(catalogue, "kiosk", "job_queue");
    const Outcome builtin = run(catalogue, "client", "task_queue");
    REQUIRE(added.report.flows.size() == 1);
    REQUIRE(builtin.report.flows.size() == 1);
    const FlowResult& a = added.report.flows[0];
    const FlowResult& b = builtin.report.flows[0];
    CHECK(a.syncComponents == b.syncComponents);
    CHECK(a.asyncComponents == b.asyncComponents);
    CHECK(a.tailConnections == b.tailConnections);
    CHECK(a.background == b.background);
    CHECK(a.availability == b.availability);
    CHECK(a.p99_ms == b.p99_ms);
    CHECK(added.rules == builtin.rules);
    CHECK(added.rules.size() >= 6);
}
