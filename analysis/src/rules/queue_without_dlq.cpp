// A queue whose consumers can fail with nowhere for poison messages to go.
#include "rule.h"

namespace archlens::rules {

void queueWithoutDlq(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        if (!ctx.isKind(c, {"message_queue", "task_queue", "pubsub_topic"}) || ctx.flag(c, "dlq"))
            continue;
        if (ctx.outgoing(c.id).empty()) continue; // nothing consumes it (yet)
        emit(out, "queue-without-dlq", {c.id}, {{"name", ctx.name(c.id)}});
    }
}

} // namespace archlens::rules
