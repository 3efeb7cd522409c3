// Large payloads published to a message broker. Brokers are built for small messages: a
// body of hundreds of kilobytes is refused by several managed queues outright, and on the
// others every copy (replication, redelivery, each consumer group) moves the whole body
// again and crowds out the small messages behind it. The payload belongs in object storage,
// with a reference in the message.
#include "content_helpers.h"

namespace archlens::rules {

namespace {
/// The largest message many managed queues accept, and about where a broker's throughput
/// starts to suffer with others.
constexpr double kComfortableMessageKb = 256;
} // namespace

void claimCheck(const Context& ctx, std::vector<Finding>& out) {
    for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i) {
        const Connection& c = ctx.doc.connections[i];
        const Component* broker = ctx.callee(c);
        const double kb = ctx.number(c, "payload_kb", 0);
        if (!broker || !ctx.isMessageBroker(*broker) || kb <= kComfortableMessageKb) continue;
        const double rate = connectionRate(ctx, i);
        Values values{{"connection", ctx.describe(c)},
                      {"broker", ctx.name(broker->id)},
                      {"payload", sizeText(kb)},
                      {"limit", sizeText(kComfortableMessageKb)}};
        if (rate > 0) {
            values["rate"] = rateText(rate);
            values["bandwidth"] = bandwidthText(rate * kb);
            emitVariant(out, "claim-check", "rated", {c.id, broker->id}, values);
        } else {
            emit(out, "claim-check", {c.id, broker->id}, values);
        }
    }
}

} // namespace archlens::rules
