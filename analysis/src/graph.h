#pragma once
// The document turned into indices once per analysis: components and connections with
// their effective properties (catalogue defaults applied), adjacency lists and zones.
// Every pass works on this, never on the JSON, so a pass costs what its flow reaches.
#include "archlens/analysis/analyze.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace archlens::detail {

/// A component with the properties the passes need.
struct Node {
    const Component* component = nullptr;
    int instances = 1;
    int minHealthy = 1;
    double availability = 0.999; ///< per instance
    bool manualFailover = false;
    bool forcedDown = false;  ///< what-if: failed by the options
    bool entryKind = false;   ///< a client kind: outside the system, not loaded
    bool queueKind = false;   ///< a message broker kind (queue, topic, stream)
    /// Nodes of equal p50 and p99 share a number (from 0, in order of first use): their
    /// service times are the same grid, worked out once (ServiceTimeCache). Most components
    /// keep their kind's latency, so a design of thousands has a few dozen.
    int latencyClass = 0;
    std::vector<int> zones;   ///< zone indices, instances spread round-robin over them
    double p50 = 5, p99 = 25; ///< latency_ms
    double capacity = 1000;   ///< capacity_rps per instance
    bool redundant() const { return !manualFailover && instances > minHealthy; }
};

/// A connection with the properties the passes need: what the per-flow passes read at
/// every step of every flow, one cache line a connection (with the flow filters in it, it
/// took two, and on a dense design the passes waited on memory more than they computed).
struct alignas(64) Edge {
    int from = -1, to = -1;
    ConnectionMode mode = ConnectionMode::Sync;
    int alternative = -1; ///< index into Graph::alternativeNames, -1 for none
    int retries = 0;
    bool parallel = false;
    bool required = true;
    double calls = 1;
    double timeout = 0; ///< ms, 0 = none
    double hopMs = 0.5; ///< network cost by placement
    const Connection* connection = nullptr;
};
static_assert(sizeof(Edge) == 64, "Edge is read at every step of every flow: keep it one line");

/// Which flows a connection carries; only the structure pass asks.
struct EdgeFilter {
    std::vector<std::string> ops; ///< empty = every op
    /// With `flowsListed`, exactly these flows, whatever their op (none when empty); else
    /// every flow of `ops`.
    std::vector<std::string> flows;
    bool flowsListed = false;
};

struct Graph {
    const Document* doc = nullptr;
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    std::vector<EdgeFilter> filters;   ///< per edge
    std::vector<std::vector<int>> out; ///< outgoing edge indices per node, document order
    std::unordered_map<std::string, int> nodeIndex;
    std::vector<double> zoneAvailability; ///< per zone; 0 when failed by the options
    std::vector<int> zoneRegion;          ///< region index per zone
    std::vector<std::string> alternativeNames;
    /// Whether edge `e` carries `flow` (replication carries none).
    bool carries(int e, const Flow& flow) const;
};

/// Network cost of one hop, by placement. See README "Latency".
inline constexpr double kSameZoneHopMs = 0.5;
inline constexpr double kCrossZoneHopMs = 1.5;
inline constexpr double kCrossRegionHopMs = 40;

Graph buildGraph(const Document& doc, const Catalogue& catalogue, const AnalysisOptions& options);

/// Probability that at least k of n independent instances, each up with probability a, are up.
double atLeastKOfN(int k, int n, double a);

/// Probability that the node is up given which of its zones are up: bit i of `zonesUp`
/// says whether node.zones[i] is up. Instances go round-robin over the node's zones.
double nodeUpGivenZones(const Node& node, uint32_t zonesUp);

/// Whether the node can serve when every instance is up, given its zones' states (the
/// structural view used for single points of failure).
bool structurallyUp(const Node& node, uint32_t zonesUp);

/// The node's availability with its zones' failures averaged in (zones independent).
double marginalAvailability(const Graph& graph, int node);

} // namespace archlens::detail
