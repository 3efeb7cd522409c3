#include "dot_graph.h"

#include <map>
#include <string>
#include <unordered_map>
#include <utility>

namespace archlens::detail {

namespace {

constexpr double kPointsPerInch = 72; // Graphviz takes sizes in inches, positions in points

// Graphviz's C API takes char* but copies what it is given; the casts below never let it
// write to our strings.
char* text(const std::string& s) {
    return const_cast<char*>(s.c_str());
}
char* text(const char* s) {
    return const_cast<char*>(s);
}

std::string inches(double documentUnits) {
    return std::to_string(documentUnits / kPointsPerInch);
}

/// Graph-wide settings. Sizes are in points and document units are taken as points, so a
/// laid-out position needs no scaling.
void setGraphAttributes(Agraph_t* g, const LayoutOptions& options, std::size_t components) {
    agattr(g, AGRAPH, text("rankdir"), text("LR"));
    agattr(g, AGRAPH, text("nodesep"), text(inches(options.nodeGap)));
    agattr(g, AGRAPH, text("ranksep"), text(inches(options.rankGap)));
    // No edge routing: the canvas draws its own connections, and routing splines is a large
    // share of dot's time on big graphs.
    agattr(g, AGRAPH, text("splines"), text(""));
    // Space between a cluster's boxes and its border, so zones stand apart on the canvas.
    agattr(g, AGRAPH, text("margin"), text("16"));
    if (components >= options.largeGraph) {
        // Past a few thousand boxes dot's time goes to crossing minimisation, above all its
        // final pass over the whole graph after the clusters are placed. Fewer rounds and no
        // final pass halve the time at 10,000 components; the layers are the same, only more
        // connections cross. (Capping network simplex with nslimit made placement slower, as
        // it starts from the worse order.) Figures: layout/bench/layout_bench.cpp.
        agattr(g, AGRAPH, text("mclimit"), text("0.3"));
        agattr(g, AGRAPH, text("remincross"), text("false"));
    }
    agattr(g, AGNODE, text("shape"), text("box"));
    agattr(g, AGNODE, text("fixedsize"), text("true"));
    agattr(g, AGNODE, text("width"), text(inches(options.nodeWidth)));
    agattr(g, AGNODE, text("height"), text(inches(options.nodeHeight)));
    // An empty label spares dot measuring text it does not draw.
    agattr(g, AGNODE, text("label"), text(""));
}

/// The first of the component's zones that the document defines, or nullptr.
const Zone* firstZone(const Document& doc, const Component& c,
                      const std::unordered_map<std::string, std::size_t>& zoneIndex) {
    const auto it = c.props.find("zones");
    if (it == c.props.end() || !it->is_array()) return nullptr;
    for (const auto& z : *it) {
        if (!z.is_string()) continue;
        const auto found = zoneIndex.find(z.get<std::string>());
        if (found != zoneIndex.end()) return &doc.zones[found->second];
    }
    return nullptr;
}

/// Creates zone clusters (and region clusters around them when the document spans several
/// regions) on first use, so that no empty cluster reaches dot. Subgraph names are built
/// from indices: they must start with "cluster" and ids could collide with each other.
class Clusters {
public:
    Clusters(Agraph_t* root, const Document& doc) : root_(root), doc_(doc) {
        std::map<std::string, int> regions;
        for (const auto& z : doc.zones)
            if (!z.region.empty()) regions.emplace(z.region, 0);
        nestRegions_ = regions.size() > 1;
        for (std::size_t i = 0; i < doc.zones.size(); ++i)
            zoneIndex_.emplace(doc.zones[i].id, i); // first zone wins on a repeated id
    }

    Agraph_t* clusterFor(const Component& c) {
        const Zone* zone = firstZone(doc_, c, zoneIndex_);
        if (!zone) return root_;
        const std::size_t index = zoneIndex_.at(zone->id);
        auto found = zones_.find(index);
        if (found != zones_.end()) return found->second;
        Agraph_t* parent = root_;
        if (nestRegions_ && !zone->region.empty()) {
            auto region = regions_.find(zone->region);
            if (region == regions_.end()) {
                const std::string name = "cluster_region_" + std::to_string(regions_.size());
                region = regions_.emplace(zone->region, agsubg(root_, text(name), 1)).first;
            }
            parent = region->second;
        }
        const std::string name = "cluster_zone_" + std::to_string(index);
        return zones_.emplace(index, agsubg(parent, text(name), 1)).first->second;
    }

private:
    Agraph_t* root_;
    const Document& doc_;
    bool nestRegions_ = false;
    std::unordered_map<std::string, std::size_t> zoneIndex_;
    std::map<std::size_t, Agraph_t*> zones_;
    std::map<std::string, Agraph_t*> regions_;
};

/// How strongly a connection shapes the layout. Sync calls are the request path a reader
/// follows, so they weigh most and are kept short and straight. Async connections still
/// decide the layers (producer, queue, consumer read left to right) but give way to sync
/// ones. Replication joins peers (primary and replicas, often both ways round), so it must
/// not push a replica into a layer of its own: it only pulls the two boxes near each other.
struct EdgeStyle {
    int weight = 1;
    bool constraint = true;
};
EdgeStyle styleOf(ConnectionMode mode) {
    switch (mode) {
    case ConnectionMode::Sync:
        return {4, true};
    case ConnectionMode::Async:
        return {1, true};
    case ConnectionMode::Replication:
        return {1, false};
    }
    return {};
}

void addEdges(Agraph_t* g, const Document& doc,
              const std::unordered_map<std::string, Agnode_t*>& nodeOf) {
    // One edge per ordered pair: repeated connections merge, the strongest style winning.
    std::map<std::pair<Agnode_t*, Agnode_t*>, EdgeStyle> pairs;
    std::vector<std::pair<Agnode_t*, Agnode_t*>> order; // first-seen order, for determinism
    for (const auto& c : doc.connections) {
        const auto from = nodeOf.find(c.from);
        const auto to = nodeOf.find(c.to);
        if (from == nodeOf.end() || to == nodeOf.end() || from->second == to->second) continue;
        const EdgeStyle style = styleOf(c.mode);
        const auto key = std::make_pair(from->second, to->second);
        auto [it, inserted] = pairs.emplace(key, style);
        if (inserted) {
            order.push_back(key);
        } else {
            it->second.weight = std::max(it->second.weight, style.weight);
            it->second.constraint = it->second.constraint || style.constraint;
        }
    }
    Agsym_t* weight = agattr(g, AGEDGE, text("weight"), text("1"));
    Agsym_t* constraint = agattr(g, AGEDGE, text("constraint"), text("true"));
    for (const auto& key : order) {
        const EdgeStyle& style = pairs.at(key);
        Agedge_t* e = agedge(g, key.first, key.second, nullptr, 1);
        agxset(e, weight, text(std::to_string(style.weight)));
        if (!style.constraint) agxset(e, constraint, text("false"));
    }
}

} // namespace

DotGraph buildDotGraph(const Document& doc, const LayoutOptions& options) {
    DotGraph out;
    out.graph = agopen(text("layout"), Agdirected, nullptr);
    setGraphAttributes(out.graph, options, doc.components.size());
    Clusters clusters(out.graph, doc);
    std::unordered_map<std::string, Agnode_t*> nodeOf;
    for (std::size_t i = 0; i < doc.components.size(); ++i) {
        const Component& c = doc.components[i];
        if (nodeOf.count(c.id)) continue;
        // Names by index: unique even if ids are not, and cheap for Graphviz to hash.
        Agnode_t* n = agnode(out.graph, text("n" + std::to_string(i)), 1);
        if (options.componentSize) {
            const auto [w, h] = options.componentSize(c);
            if (w != options.nodeWidth) agsafeset(n, text("width"), text(inches(w)), text(""));
            if (h != options.nodeHeight) agsafeset(n, text("height"), text(inches(h)), text(""));
        }
        if (options.keepZonesTogether) {
            Agraph_t* cluster = clusters.clusterFor(c);
            if (cluster != out.graph) agsubnode(cluster, n, 1);
        }
        nodeOf.emplace(c.id, n);
        out.nodes.push_back(n);
        out.componentIndex.push_back(i);
    }
    addEdges(out.graph, doc, nodeOf);
    return out;
}

} // namespace archlens::detail
