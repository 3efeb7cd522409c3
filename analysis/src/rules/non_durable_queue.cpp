// A queue that accepts writes and forgets them on restart.
#include "rule.h"

namespace archlens::rules {

void nonDurableQueue(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        if (!ctx.isMessageBroker(c) || ctx.flag(c, "durable")) continue;
        bool carriesWrites = false;
        for (const auto& flow : ctx.doc.flows)
            for (size_t i : ctx.incoming(c))
                carriesWrites = carriesWrites ||
                                (flow.op == "write" && ctx.carries(ctx.doc.connections[i], flow));
        if (carriesWrites) emit(out, "non-durable-queue", {c.id}, {{"name", ctx.name(c.id)}});
    }
}

} // namespace archlens::rules
