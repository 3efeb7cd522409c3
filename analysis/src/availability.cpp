#include "availability.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <span>

namespace archlens::detail {

UpTables::UpTables(const Graph& graph) : graph_(graph), tables_(graph.nodes.size()) {}

const double* UpTables::table(int node) {
    const Node& n = graph_.nodes[node];
    const std::size_t nz = n.zones.size();
    if (nz > 16) return nullptr;
    auto& table = tables_[node];
    if (table.empty()) {
        table.resize(std::size_t{1} << nz);
        for (uint32_t s = 0; s < table.size(); ++s)
            table[s] = nodeUpGivenZones(n, s);
    }
    return table.data();
}

double UpTables::up(int node, uint32_t localZonesUp) {
    const Node& n = graph_.nodes[node];
    const double* t = table(node);
    return t ? t[localZonesUp & ((1u << n.zones.size()) - 1)] : nodeUpGivenZones(n, localZonesUp);
}

namespace {

// The required synchronous part of a flow as an AND/OR structure over local indices:
// a node is fine when it is up and, for each group of its required calls, the single
// callee (plain call) or any one callee (an `alternative` group) is fine.
// Flat: a dense flow reaches thousands of nodes, and a vector per node and per group cost
// more than evaluating them.
struct Structure {
    std::vector<char> reached; ///< on the required part
    /// Node i's groups are [groupFrom[i], groupFrom[i] + groupCount[i]), in the order of
    /// its calls; group k's callees (local indices) are members[memberFrom[k]] up to
    /// members[memberFrom[k + 1]], in the order they are called.
    std::vector<int> groupFrom, groupCount, memberFrom, members;
    bool hasOr = false;
    bool shared = false; ///< some node has more than one required caller
    int root = -1;
};

Structure requiredStructure(const Graph& g, const FlowDag& dag) {
    Structure st;
    const std::size_t m = dag.nodes.size();
    st.reached.assign(m, 0);
    st.groupFrom.assign(m, 0);
    st.groupCount.assign(m, 0);
    st.memberFrom.push_back(0);
    if (dag.roots.empty()) return st;
    st.root = dag.roots.front();
    st.reached[st.root] = 1;
    std::vector<int> callers(m, 0);
    std::vector<int> altOf;                 // one node's groups: alternative id, -1 plain
    std::vector<std::pair<int, int>> calls; // one node's (group, callee), in call order
    std::vector<int> next;                  // where each group's next callee goes
    for (std::size_t i = m; i-- > 0;) {     // callers first
        if (!st.reached[i]) continue;
        altOf.clear();
        calls.clear();
        for (const auto& k : dag.kids[i]) {
            const Edge& e = g.edges[k.edge];
            if (!e.required) continue;
            st.reached[k.target] = 1;
            ++callers[k.target];
            auto it = e.alternative < 0 ? altOf.end()
                                        : std::find(altOf.begin(), altOf.end(), e.alternative);
            if (it == altOf.end()) {
                altOf.push_back(e.alternative);
                calls.emplace_back(static_cast<int>(altOf.size()) - 1, k.target);
                continue;
            }
            const int group = static_cast<int>(it - altOf.begin());
            int size = 0;
            bool known = false;
            for (const auto& [other, callee] : calls)
                if (other == group) {
                    ++size;
                    known = known || callee == k.target;
                }
            if (!known) {
                calls.emplace_back(group, k.target);
                ++size;
            }
            st.hasOr = st.hasOr || size > 1;
        }
        // The node's groups, each group's callees together.
        st.groupFrom[i] = static_cast<int>(st.memberFrom.size()) - 1;
        st.groupCount[i] = static_cast<int>(altOf.size());
        next.assign(altOf.size(), 0);
        for (const auto& call : calls)
            ++next[static_cast<std::size_t>(call.first)];
        int at = static_cast<int>(st.members.size());
        for (int& n : next) {
            const int size = n;
            n = at;
            at += size;
            st.memberFrom.push_back(at);
        }
        st.members.resize(static_cast<std::size_t>(at));
        for (const auto& [group, callee] : calls)
            st.members[static_cast<std::size_t>(next[static_cast<std::size_t>(group)]++)] = callee;
    }
    for (std::size_t i = 0; i < m; ++i)
        st.shared = st.shared || (st.reached[i] && callers[i] > 1);
    return st;
}

// Bottom-up evaluation: value(node) = p(node) x prod over groups of (plain: value(callee);
// OR: 1 - prod(1 - value(callee))). Exact when the structure is a tree (no node reached
// twice) given independent nodes; with 0/1 inputs it is the boolean structure function.
template <class P> double evaluate(const Structure& st, std::vector<double>& value, P p) {
    for (std::size_t i = 0; i < st.reached.size(); ++i) {
        if (!st.reached[i]) continue;
        double v = p(static_cast<int>(i));
        const int end = st.groupFrom[i] + st.groupCount[i];
        for (int k = st.groupFrom[i]; k < end; ++k) {
            if (v == 0) break;
            const int from = st.memberFrom[static_cast<std::size_t>(k)];
            const int to = st.memberFrom[static_cast<std::size_t>(k) + 1];
            if (to - from == 1) {
                v *= value[static_cast<std::size_t>(st.members[static_cast<std::size_t>(from)])];
            } else {
                double allDown = 1;
                for (int j = from; j < to; ++j)
                    allDown *=
                        1 -
                        value[static_cast<std::size_t>(st.members[static_cast<std::size_t>(j)])];
                v *= 1 - allDown;
            }
        }
        value[i] = v;
    }
    return st.root >= 0 ? value[st.root] : 1.0;
}

/// The reached nodes of a flow in local order, each with its table of P(up | its zones)
/// and its zones' bits in the flow's zone state kept beside it: the exact pass looks every
/// node up once for each of the 2^zones states, and finding a node's table and its zones
/// through the design's nodes cost more than the product. The figures and the order of the
/// product are those of UpTables::up, node by node.
struct ZoneLookups {
    struct Reached {
        const double* table = nullptr; ///< null: looked up through UpTables::up
        int local = 0;                 ///< index in the flow's part
        std::uint8_t zones = 0;        ///< how many of `bits` are the node's zones
        std::array<std::uint8_t, 4> bits{};
    };
    std::vector<Reached> nodes;

    ZoneLookups() = default;
    /// `bitsOf(i)`: node i's zones' bits in the flow's zone state.
    template <class BitsOf>
    ZoneLookups(const FlowDag& dag, const std::vector<char>& reached, BitsOf&& bitsOf,
                UpTables& tables) {
        for (std::size_t i = 0; i < dag.nodes.size(); ++i) {
            if (!reached[i]) continue;
            Reached r{.local = static_cast<int>(i)};
            const std::span<const int> own = bitsOf(i);
            if (own.size() <= r.bits.size()) { // else (rare) through UpTables::up
                r.table = tables.table(dag.nodes[i]);
                r.zones = static_cast<std::uint8_t>(own.size());
                for (std::size_t b = 0; b < own.size(); ++b)
                    r.bits[b] = static_cast<std::uint8_t>(own[b]); // below 16: exact pass
            }
            nodes.push_back(r);
        }
    }
};

uint64_t mix(uint64_t x) { // splitmix64: decorrelates per-flow seeds
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

FlowAvailability flowAvailability(const Graph& g, const FlowStructure& s, UpTables& tables,
                                  uint64_t seed) {
    FlowAvailability result;
    const FlowDag& dag = s.sync;
    const Structure st = requiredStructure(g, dag);
    const std::size_t m = dag.nodes.size();
    if (st.root < 0) return result;

    // The zones that matter to this flow, numbered locally; per node, the local bit of each
    // of its zones, so a flow zone state maps to the node's own zone state.
    // Flat, as the structure: node i's bits are bits[bitFrom[i]] up to bits[bitFrom[i + 1]].
    std::vector<int> zones, bits, bitFrom(m + 1, 0);
    for (std::size_t i = 0; i < m; ++i) {
        bitFrom[i] = static_cast<int>(bits.size());
        if (!st.reached[i]) continue;
        for (int z : g.nodes[dag.nodes[i]].zones) {
            auto it = std::find(zones.begin(), zones.end(), z);
            if (it == zones.end()) it = zones.insert(zones.end(), z);
            bits.push_back(static_cast<int>(it - zones.begin()));
        }
    }
    bitFrom[m] = static_cast<int>(bits.size());
    const auto bitsOf = [&](std::size_t i) {
        return std::span<const int>(bits).subspan(
            static_cast<std::size_t>(bitFrom[i]),
            static_cast<std::size_t>(bitFrom[i + 1] - bitFrom[i]));
    };
    auto localState = [&](std::size_t i, uint64_t flowState) {
        uint32_t local = 0;
        const std::span<const int> own = bitsOf(i);
        for (std::size_t b = 0; b < own.size(); ++b)
            if (flowState >> own[b] & 1u) local |= 1u << b;
        return local;
    };
    const std::size_t nz = zones.size();
    std::vector<double> value(m, 0.0);

    const bool exact = nz <= 16 && (!st.hasOr || !st.shared);
    ZoneLookups lookups;
    if (exact && !st.hasOr) lookups = ZoneLookups(dag, st.reached, bitsOf, tables);
    if (exact) {
        // Condition on every zone state; given the zones, components are independent.
        double total = 0;
        for (uint64_t state = 0; state < (uint64_t{1} << nz); ++state) {
            double weight = 1;
            for (std::size_t z = 0; z < nz && weight > 0; ++z) {
                const double az = g.zoneAvailability[zones[z]];
                weight *= (state >> z & 1u) ? az : 1 - az;
            }
            if (weight == 0) continue;
            double a;
            if (!st.hasOr) { // every reached node must be up: each counted once
                a = 1;
                for (std::size_t k = 0; k < lookups.nodes.size() && a > 0; ++k) {
                    const ZoneLookups::Reached& r = lookups.nodes[k];
                    if (!r.table) {
                        a *= tables.up(dag.nodes[r.local], localState(r.local, state));
                        continue;
                    }
                    uint32_t local = 0;
                    for (std::size_t b = 0; b < r.zones; ++b)
                        local |= static_cast<uint32_t>(state >> r.bits[b] & 1u) << b;
                    a *= r.table[local];
                }
            } else {
                a = evaluate(st, value,
                             [&](int i) { return tables.up(dag.nodes[i], localState(i, state)); });
            }
            total += weight * a;
        }
        result.availability = total;
    } else {
        // Monte Carlo: sample zones, then each component given its zones, then evaluate the
        // boolean structure. Seeded per flow, so the same input gives the same number.
        std::mt19937_64 rng(mix(seed ^ mix(static_cast<uint64_t>(s.flow) + 1)));
        auto uniform = [&] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
        std::vector<char> zoneUp(nz);
        long long successes = 0;
        for (int sample = 0; sample < kMonteCarloSamples; ++sample) {
            for (std::size_t z = 0; z < nz; ++z)
                zoneUp[z] = uniform() < g.zoneAvailability[zones[z]];
            const double ok = evaluate(st, value, [&](int i) {
                uint32_t local = 0;
                const std::span<const int> own = bitsOf(static_cast<std::size_t>(i));
                for (std::size_t b = 0; b < own.size(); ++b)
                    if (zoneUp[static_cast<std::size_t>(own[b])]) local |= 1u << b;
                return uniform() < tables.up(dag.nodes[i], local) ? 1.0 : 0.0;
            });
            successes += ok > 0.5 ? 1 : 0;
        }
        const double n = kMonteCarloSamples;
        const double p = successes / n;
        const double z = 1.959963984540054, z2 = z * z;
        const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        result.availability = p;
        result.method = "monte_carlo";
        result.interval =
            std::make_pair(std::max(0.0, centre - half), std::min(1.0, centre + half));
    }

    // Single points of failure, on the boolean structure with every zone up and every
    // instance up: a component whose own redundancy cannot absorb an instance failure and
    // that every way through the flow needs; a zone whose loss alone fails the flow.
    auto structuralUp = [&](std::size_t i, uint64_t zoneState) {
        return structurallyUp(g.nodes[dag.nodes[i]], localState(i, zoneState)) ? 1.0 : 0.0;
    };
    const std::size_t spofZones = std::min<std::size_t>(nz, 63);
    const uint64_t allZones = ~uint64_t{0};
    if (evaluate(st, value, [&](int i) { return structuralUp(i, allZones); }) < 0.5) return result;
    for (std::size_t i = 0; i < m; ++i) {
        if (!st.reached[i]) continue;
        const Node& node = g.nodes[dag.nodes[i]];
        if (node.entryKind || node.redundant()) continue;
        const bool fails =
            !st.hasOr || evaluate(st, value, [&](int j) {
                             return j == static_cast<int>(i) ? 0.0 : structuralUp(j, allZones);
                         }) < 0.5;
        if (fails) result.componentSpofs.push_back(dag.nodes[i]);
    }
    for (std::size_t z = 0; z < spofZones; ++z) {
        const uint64_t state = allZones & ~(uint64_t{1} << z);
        if (evaluate(st, value, [&](int i) { return structuralUp(i, state); }) < 0.5)
            result.zoneSpofs.push_back(zones[z]);
    }
    std::sort(result.componentSpofs.begin(), result.componentSpofs.end());
    std::sort(result.zoneSpofs.begin(), result.zoneSpofs.end());
    return result;
}

} // namespace archlens::detail
