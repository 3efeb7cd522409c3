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

} // namespace archlens::rules
