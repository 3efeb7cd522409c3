#pragma once
// Walks shared by several rules: the components and connections a flow touches, and the
// synchronous chains below a connection.
#include "rule.h"

#include <functional>
#include <string>
#include <vector>

namespace archlens::rules {

/// Visits, breadth first from the flow's entry, each connection the flow follows of the
/// given modes, once. `visit` returns false to not continue beyond that connection's callee.
void walkFlow(const Context& ctx, const Flow& flow, bool followAsync,
              const std::function<bool(const Connection&)>& visit);

/// Names of the flows in the list joined for a message: "Checkout, Browse".
std::string flowNames(const Context& ctx, const std::vector<std::string>& flowIds);

/// Display names of the elements joined for a message: "Orders, Billing and Search".
std::string namesOf(const Context& ctx, const std::vector<std::string>& ids);

/// Whether the component has no redundancy of its own: failover by hand, or no more
/// instances than it needs. Such a component on a flow's path is its own finding
/// (single-point-of-failure), whatever zones it lives in.
bool withoutRedundancy(const Context& ctx, const Component& c);

/// Whether losing `zone` alone leaves the component unable to serve (every instance it
/// needs, or the active one when failover is by hand, sits in that zone).
bool lostWithZone(const Context& ctx, const Component& c, const std::string& zone);

/// The layers `isLayer` picks on each read flow's synchronous path, in document order (so
/// the same stack is the same list), with the read flows that pass exactly that stack.
struct LayerStack {
    std::vector<std::string> layers;
    std::vector<std::string> flows;
};
std::vector<LayerStack> readPathStacks(const Context& ctx,
                                       const std::function<bool(const Component&)>& isLayer,
                                       std::size_t minLayers);

} // namespace archlens::rules
