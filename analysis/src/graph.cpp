#include "graph.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <string_view>

namespace archlens::detail {

namespace {

// The properties the passes read.
constexpr const char* kComponentKeys[] = {"instances", "min_healthy", "availability", "failover",
                                          "zones",     "latency_ms",  "capacity_rps"};
constexpr const char* kConnectionKeys[] = {"calls",       "parallel",   "required",
                                           "alternative", "timeout_ms", "retries"};
const Json kNull;

double number(const Json& value, double fallback) {
    return value.is_number() ? value.get<double>() : fallback;
}

/// A count as an int, clamped first: casting a double beyond int's range is undefined, and
/// the analysis must not depend on validation for its own safety.
int count(double value, int lowest, int highest) {
    if (!(value >= lowest)) return lowest;
    if (value >= highest) return highest;
    return static_cast<int>(value);
}

std::vector<std::string> strings(const Json& value) {
    std::vector<std::string> out;
    if (value.is_array())
        for (const auto& v : value)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// Same zone when the two components share a zone (or either has none: placement unknown,
// so no extra cost is invented); cross zone within one region; cross region otherwise.
double hopCost(const Graph& g, const Node& a, const Node& b) {
    if (a.zones.empty() || b.zones.empty()) return kSameZoneHopMs;
    for (int za : a.zones)
        if (std::find(b.zones.begin(), b.zones.end(), za) != b.zones.end()) return kSameZoneHopMs;
    for (int za : a.zones)
        for (int zb : b.zones)
            if (g.zoneRegion[za] == g.zoneRegion[zb]) return kCrossZoneHopMs;
    return kCrossRegionHopMs;
}

} // namespace

bool Graph::carries(int e, const Flow& flow) const {
    if (edges[e].mode == ConnectionMode::Replication) return false;
    const EdgeFilter& f = filters[e];
    if (f.flowsListed) return contains(f.flows, flow.id);
    return f.ops.empty() || contains(f.ops, flow.op);
}

Graph buildGraph(const Document& doc, const Catalogue& catalogue, const AnalysisOptions& options) {
    Graph g;
    g.doc = &doc;
    std::unordered_map<std::string, int> zoneIndex;
    std::unordered_map<std::string, int> regionIndex;
    for (const auto& zone : doc.zones) {
        zoneIndex.emplace(zone.id, static_cast<int>(g.zoneAvailability.size()));
        const bool failed = contains(options.failedZones, zone.id);
        g.zoneAvailability.push_back(failed ? 0.0 : zone.availability);
        auto region = regionIndex.emplace(zone.region, static_cast<int>(regionIndex.size()));
        g.zoneRegion.push_back(region.first->second);
    }

    struct KindCache {
        std::vector<Json> defaults; ///< per kComponentKeys
        bool client = false;
        bool broker = false;
    };
    std::unordered_map<std::string, KindCache> kinds;
    std::map<std::pair<std::uint64_t, std::uint64_t>, int> latencyClasses; // by p50, p99 bits
    g.nodes.reserve(doc.components.size());
    g.nodeIndex.reserve(doc.components.size() * 2);
    for (const auto& component : doc.components) {
        Node node;
        node.component = &component;
        // Effective values without copying JSON: the file's own value, else the kind's
        // default, looked up once per kind (this loop dominates on large designs).
        auto cached = kinds.find(component.kind);
        if (cached == kinds.end()) {
            KindCache entry;
            const KindInfo* kind = catalogue.kind(component.kind);
            for (const char* key : kComponentKeys)
                entry.defaults.push_back(kind ? catalogue.componentValue(*kind, Json::object(), key)
                                              : Json());
            entry.client = kind && kind->is(KindTrait::Client);
            entry.broker = kind && kind->isMessageBroker();
            cached = kinds.emplace(component.kind, std::move(entry)).first;
        }
        auto value = [&](const char* key) -> const Json& {
            if (auto it = component.props.find(key); it != component.props.end()) return *it;
            for (std::size_t k = 0; k < std::size(kComponentKeys); ++k)
                if (std::string_view(kComponentKeys[k]) == key) return cached->second.defaults[k];
            return kNull;
        };
        node.entryKind = cached->second.client;
        node.queueKind = cached->second.broker;
        node.instances = count(number(value("instances"), 1), 1, 100000);
        node.minHealthy = count(number(value("min_healthy"), 1), 1, node.instances);
        // An entry client stands outside the system: always up unless its own props say.
        node.availability = node.entryKind && !component.props.contains("availability")
                                ? 1.0
                                : number(value("availability"), 0.999);
        const Json& failover = value("failover");
        node.manualFailover = failover.is_string() && failover.get<std::string>() == "manual";
        for (const auto& z : strings(value("zones"))) {
            auto it = zoneIndex.find(z);
            if (it != zoneIndex.end() && node.zones.size() < 30) node.zones.push_back(it->second);
        }
        const Json& latency = value("latency_ms");
        if (latency.is_object()) {
            node.p50 = number(latency.value("p50", Json()), node.p50);
            node.p99 = number(latency.value("p99", Json()), std::max(node.p50, node.p99));
        }
        node.capacity = number(value("capacity_rps"), 1000);
        // The catalogue's minimum: below it service times overflow into NaN.
        if (!(node.capacity >= 0.001)) node.capacity = 0.001;
        node.forcedDown = contains(options.failedComponents, component.id);
        g.nodeIndex.emplace(component.id, static_cast<int>(g.nodes.size()));
        const auto cls = latencyClasses.try_emplace(
            {std::bit_cast<std::uint64_t>(node.p50), std::bit_cast<std::uint64_t>(node.p99)},
            static_cast<int>(latencyClasses.size()));
        node.latencyClass = cls.first->second;
        g.nodes.push_back(std::move(node));
    }

    g.out.resize(g.nodes.size());
    g.edges.reserve(doc.connections.size());
    g.filters.reserve(doc.connections.size());
    std::unordered_map<std::string, int> alternativeIndex;
    std::vector<Json> connectionDefaults;
    for (const char* key : kConnectionKeys)
        connectionDefaults.push_back(catalogue.connectionValue(Json::object(), key));
    for (const auto& connection : doc.connections) {
        auto from = g.nodeIndex.find(connection.from);
        auto to = g.nodeIndex.find(connection.to);
        if (from == g.nodeIndex.end() || to == g.nodeIndex.end()) continue; // not validated
        Edge e;
        e.connection = &connection;
        e.from = from->second;
        e.to = to->second;
        e.mode = connection.mode;
        const Json& props = connection.props;
        auto value = [&](const char* key) -> const Json& {
            if (auto it = props.find(key); it != props.end()) return *it;
            for (std::size_t k = 0; k < std::size(kConnectionKeys); ++k)
                if (std::string_view(kConnectionKeys[k]) == key) return connectionDefaults[k];
            return kNull;
        };
        e.calls = std::max(0.0, number(value("calls"), 1));
        const Json& parallel = value("parallel");
        e.parallel = parallel.is_boolean() && parallel.get<bool>();
        const Json& required = value("required");
        e.required = !required.is_boolean() || required.get<bool>();
        const Json& alternative = value("alternative");
        if (alternative.is_string() && !alternative.get<std::string>().empty()) {
            auto it = alternativeIndex.emplace(alternative.get<std::string>(),
                                               static_cast<int>(g.alternativeNames.size()));
            if (it.second) g.alternativeNames.push_back(alternative.get<std::string>());
            e.alternative = it.first->second;
        }
        e.timeout = number(value("timeout_ms"), 0);
        e.retries = count(number(value("retries"), 0), 0, 10);
        EdgeFilter filter;
        if (props.contains("ops")) filter.ops = strings(props.at("ops"));
        if (auto f = props.find("flows"); f != props.end() && f->is_array()) {
            filter.flows = strings(*f);
            filter.flowsListed = true;
        }
        e.hopMs = hopCost(g, g.nodes[e.from], g.nodes[e.to]);
        g.out[e.from].push_back(static_cast<int>(g.edges.size()));
        g.edges.push_back(e);
        g.filters.push_back(std::move(filter));
    }
    return g;
}

double atLeastKOfN(int k, int n, double a) {
    if (k <= 0) return 1;
    if (k > n) return 0;
    if (a >= 1) return 1;
    if (a <= 0) return 0;
    const double la = std::log(a), lb = std::log1p(-a);
    auto term = [&](int j) {
        return std::exp(std::lgamma(n + 1.0) - std::lgamma(j + 1.0) - std::lgamma(n - j + 1.0) +
                        j * la + (n - j) * lb);
    };
    // Sum the shorter side of the binomial, so that k = 1 of 500 costs one term.
    if (k <= n - k + 1) {
        double below = 0;
        for (int j = 0; j < k; ++j)
            below += term(j);
        return std::clamp(1.0 - below, 0.0, 1.0);
    }
    double atLeast = 0;
    for (int j = k; j <= n; ++j)
        atLeast += term(j);
    return std::clamp(atLeast, 0.0, 1.0);
}

double nodeUpGivenZones(const Node& node, uint32_t zonesUp) {
    if (node.forcedDown) return 0;
    const int nz = static_cast<int>(node.zones.size());
    auto instanceZoneUp = [&](int instance) {
        return nz == 0 || (zonesUp >> (instance % nz) & 1u) != 0;
    };
    if (node.manualFailover) {
        // No redundancy: the first k instances are the active ones; the rest only help
        // after someone acts, which the availability figure does not credit.
        for (int i = 0; i < node.minHealthy; ++i)
            if (!instanceZoneUp(i)) return 0;
        return std::pow(node.availability, node.minHealthy);
    }
    int reachable = node.instances;
    if (nz > 0) {
        reachable = 0;
        for (int z = 0; z < nz; ++z)
            if (zonesUp >> z & 1u)
                reachable += node.instances / nz + (z < node.instances % nz ? 1 : 0);
    }
    return atLeastKOfN(node.minHealthy, reachable, node.availability);
}

bool structurallyUp(const Node& node, uint32_t zonesUp) {
    if (node.forcedDown) return false;
    const int nz = static_cast<int>(node.zones.size());
    if (nz == 0) return true;
    auto zoneUp = [&](int instance) { return (zonesUp >> (instance % nz) & 1u) != 0; };
    int up = 0;
    for (int i = 0; i < node.instances && up < node.minHealthy; ++i) {
        if (zoneUp(i))
            ++up;
        else if (node.manualFailover)
            return false; // an active instance is gone and nothing moves on its own
        if (node.manualFailover && i + 1 >= node.minHealthy) break;
    }
    return up >= node.minHealthy;
}

double marginalAvailability(const Graph& graph, int index) {
    const Node& node = graph.nodes[index];
    const int nz = std::min<int>(static_cast<int>(node.zones.size()), 16);
    double total = 0;
    for (uint32_t state = 0; state < (1u << nz); ++state) {
        double weight = 1;
        for (int z = 0; z < nz; ++z) {
            const double az = graph.zoneAvailability[node.zones[z]];
            weight *= (state >> z & 1u) ? az : 1 - az;
        }
        if (weight > 0) total += weight * nodeUpGivenZones(node, state | ~((1u << nz) - 1));
    }
    return total;
}

} // namespace archlens::detail
