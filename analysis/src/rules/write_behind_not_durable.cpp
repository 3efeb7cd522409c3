// A write-behind cache that is not durable. The writer is told "done" once the cache holds
// the value, and the store hears of it later: whatever the cache has not flushed when a node
// dies is gone, although the user was told it was saved.
#include "flow_helpers.h"

namespace archlens::rules {

void writeBehindNotDurable(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        if (!ctx.is(c, KindTrait::Cache) || ctx.prop(c, "write_policy") != "write_behind" ||
            ctx.flag(c, "durable"))
            continue;
        // Only writes that reach it can be lost; a write-behind cache nothing writes to
        // loses nothing.
        std::vector<std::string> writers;
        for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
            const Flow* flow = ctx.flow(f);
            if (!flow || flow->op != "write") continue;
            for (std::size_t i : ctx.incoming(c))
                if (ctx.part(f, i) != Context::Part::None) {
                    writers.push_back(flow->id);
                    break;
                }
        }
        if (writers.empty()) continue;
        std::string stores;
        for (std::size_t i : ctx.outgoing(c))
            if (const Component* to = ctx.callee(ctx.doc.connections[i]);
                to && ctx.isDataStore(*to) && stores.find(ctx.name(to->id)) == std::string::npos)
                stores += (stores.empty() ? "" : ", ") + ctx.name(to->id);
        emit(out, "write-behind-not-durable", {c.id},
             {{"name", ctx.name(c.id)},
              {"flows", flowNames(ctx, writers)},
              {"are", writers.size() == 1 ? "is" : "are"},
              {"store", stores.empty() ? "the store behind it" : stores}});
    }
}

} // namespace archlens::rules
