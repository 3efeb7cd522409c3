#pragma once
// Turns a document into the Graphviz graph that dot lays out: one fixed-size box per
// component, one edge per connected pair, clusters for zones and regions. Private to the
// layout library, so that Graphviz's headers stay out of the public ones.
#include "archlens/layout/layout_options.h"
#include "archlens/model/document.h"

#include <graphviz/cgraph.h>

#include <cstddef>
#include <vector>

namespace archlens::detail {

/// The graph and, for each of its nodes, the index of the component it stands for. The
/// graph is owned by the caller, who frees it with agclose() (after gvFreeLayout()).
/// Components whose id repeats an earlier one get no node: a move by id could not tell them
/// apart anyway.
struct DotGraph {
    Agraph_t* graph = nullptr;
    std::vector<Agnode_t*> nodes;
    std::vector<std::size_t> componentIndex;
};

DotGraph buildDotGraph(const Document& doc, const LayoutOptions& options);

} // namespace archlens::detail
