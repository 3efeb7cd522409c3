// A queue whose consumers can fail with nowhere for poison messages to go.
#include "rule.h"

namespace archlens::rules {

void queueWithoutDlq(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        // Queues and topics redeliver a failed message until it goes somewhere else; a
        // stream's consumer moves its own offset past it, so a delivery count means nothing.
        if (!(ctx.is(c, KindTrait::Queue) || ctx.is(c, KindTrait::Topic)) || ctx.flag(c, "dlq"))
            continue;
        if (ctx.outgoing(c).empty()) continue; // nothing consumes it (yet)
        emit(out, "queue-without-dlq", {c.id}, {{"name", ctx.name(c.id)}});
    }
}

} // namespace archlens::rules
