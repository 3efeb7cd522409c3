#pragma once
// What the data-store rules share: where a store lives, which flows write it and at what
// rate, read from the paths the analysis found (never from chains no flow takes).
#include "flow_helpers.h"
#include "rule.h"

#include <set>
#include <string>
#include <vector>

namespace archlens::rules {

/// The regions of the zones a component lists (empty when it lists none).
std::set<std::string> regionsOf(const Context& ctx, const Component& c);
/// "eu-west-1 and us-east-1"
std::string joined(const std::set<std::string>& items);

/// A connection into a store that a flow takes: the flow (index into report.flows), the
/// connection (index into doc.connections), and whether it is in the flow's synchronous part.
struct StoreAccess {
    std::size_t flow;
    std::size_t connection;
    Context::Part part;
};
/// Connections into the store taken by flows that way ("write" or "read"), in flow then
/// document order: the connection's `ops` say what the call does when they name only reads
/// or only writes (a write flow that reads a table on its way reads it), otherwise the
/// flow's op does. A replication connection is never taken by a flow.
std::vector<StoreAccess> accessesTo(const Context& ctx, const std::string& storeId,
                                    const std::string& op);

/// Whether the flow is user-facing (entered by a client, not background work).
bool userFacing(const Context& ctx, std::size_t flow);

/// Names of the distinct flows of the accesses, in order: "Post, Comment".
std::string flowNamesOf(const Context& ctx, const std::vector<StoreAccess>& accesses);

} // namespace archlens::rules
