// A broker that keeps one order across all its messages, when what usually matters is the
// order of the messages about one entity (one order, one account). One global lane either
// breaks as soon as consumers run side by side (two instances take neighbouring messages
// and finish them in either order) or caps the whole pipeline at what one consumer can do,
// one message at a time, with any slow message holding up everyone's.
#include "rule.h"

namespace archlens::rules {

void globalOrdering(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& b : ctx.doc.components) {
        if (!ctx.isMessageBroker(b)) continue;
        const Json& ordering = ctx.prop(b, "ordering");
        if (!ordering.is_string() || ordering.get<std::string>() != "global") continue;
        const ComponentResult* load = ctx.result(b.id);
        const double rate = load ? load->offeredRps : 0;

        const Component* parallel = nullptr; // a consumer running several instances
        const Component* convoy = nullptr;   // a single consumer the rate overwhelms
        for (std::size_t i : ctx.outgoing(b)) {
            const Connection& conn = ctx.doc.connections[i];
            if (conn.mode == ConnectionMode::Replication) continue;
            const Component* consumer = ctx.callee(conn);
            if (!consumer) continue;
            if (!parallel && ctx.count(*consumer, "instances", 1) > 1) parallel = consumer;
            if (!convoy && rate > ctx.number(*consumer, "capacity_rps", 1000)) convoy = consumer;
        }
        if (parallel) {
            emitVariant(out, "global-ordering", "parallel", {b.id, parallel->id},
                        {{"broker", ctx.name(b.id)},
                         {"consumer", ctx.name(parallel->id)},
                         {"instances", count(ctx.count(*parallel, "instances", 1))},
                         {"rate", rateText(rate)}});
        } else if (convoy) {
            emit(out, "global-ordering", {b.id, convoy->id},
                 {{"broker", ctx.name(b.id)},
                  {"consumer", ctx.name(convoy->id)},
                  {"rate", rateText(rate)},
                  {"capacity", rateText(ctx.number(*convoy, "capacity_rps", 1000))}});
        }
    }
}

} // namespace archlens::rules
