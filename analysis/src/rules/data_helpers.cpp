#include "data_helpers.h"

#include "flow_helpers.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace archlens::rules {

std::set<std::string> regionsOf(const Context& ctx, const Component& c) {
    std::set<std::string> regions;
    const Json& zones = ctx.prop(c, "zones");
    if (!zones.is_array()) return regions;
    for (const auto& z : zones)
        for (const auto& zone : ctx.doc.zones)
            if (z.is_string() && zone.id == z.get<std::string>()) regions.insert(zone.region);
    return regions;
}

std::string joined(const std::set<std::string>& items) {
    std::string out;
    std::size_t i = 0;
    for (const auto& item : items) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += item;
        ++i;
    }
    return out;
}

namespace {
/// What a call does to the store it reaches on a flow: a connection whose `ops` name only
/// reads (or only writes) says so whatever the flow's op (a write flow that looks up the
/// user's preferences reads them); both or none leave it to the flow.
const std::string& accessOp(const Connection& c, const Flow& flow) {
    static const std::string kRead = "read", kWrite = "write";
    auto ops = c.props.find("ops");
    if (ops == c.props.end() || !ops->is_array()) return flow.op;
    const bool reads = std::find(ops->begin(), ops->end(), kRead) != ops->end();
    const bool writes = std::find(ops->begin(), ops->end(), kWrite) != ops->end();
    if (reads != writes) return reads ? kRead : kWrite;
    return flow.op;
}
} // namespace

std::vector<StoreAccess> accessesTo(const Context& ctx, const std::string& storeId,
                                    const std::string& op) {
    std::vector<StoreAccess> out;
    const std::vector<std::size_t>& incoming = ctx.incoming(storeId); // looked up once
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        const Flow* flow = ctx.flow(f);
        if (!flow) continue;
        for (std::size_t i : incoming)
            if (const Context::Part p = ctx.part(f, i);
                p != Context::Part::None && accessOp(ctx.doc.connections[i], *flow) == op)
                out.push_back({f, i, p});
    }
    return out;
}

bool userFacing(const Context& ctx, std::size_t flow) {
    return flow < ctx.report.flows.size() && !ctx.report.flows[flow].background;
}

std::string flowNamesOf(const Context& ctx, const std::vector<StoreAccess>& accesses) {
    std::vector<std::string> ids;
    for (const auto& a : accesses) {
        const std::string& id = ctx.report.flows[a.flow].id;
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
    return flowNames(ctx, ids);
}

} // namespace archlens::rules
