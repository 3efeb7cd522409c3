#include "flow_helpers.h"

#include <deque>
#include <unordered_set>

namespace archlens::rules {

void walkFlow(const Context& ctx, const Flow& flow, bool followAsync,
              const std::function<bool(const Connection&)>& visit) {
    std::deque<std::string> queue{flow.entry};
    std::unordered_set<std::string> seenComponents{flow.entry};
    while (!queue.empty()) {
        const std::string at = queue.front();
        queue.pop_front();
        for (size_t i : ctx.outgoing(at)) {
            const Connection& c = ctx.doc.connections[i];
            if (c.mode == ConnectionMode::Replication || !ctx.carries(c, flow)) continue;
            if (c.mode == ConnectionMode::Async && !followAsync) {
                visit(c); // the enqueue itself is part of the synchronous part
                continue;
            }
            if (!visit(c)) continue;
            if (seenComponents.insert(c.to).second) queue.push_back(c.to);
        }
    }
}

std::string flowNames(const Context& ctx, const std::vector<std::string>& flowIds) {
    std::string out;
    for (const auto& id : flowIds)
        out += (out.empty() ? "" : ", ") + ctx.name(id);
    return out;
}

} // namespace archlens::rules
