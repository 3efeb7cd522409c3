// A user's upload streamed through the design's own servers on its way to object storage.
// The service holds a connection and buffers for as long as the slowest client takes to
// send the file, so its capacity is set by bytes and upload times rather than by requests;
// a short-lived upload URL scoped to one object lets the client send the bytes to the
// store directly while the service keeps the decision of who may upload what.
#include "content_helpers.h"
#include "flow_helpers.h"

namespace archlens::rules {

void uploadThroughService(const Context& ctx, std::vector<Finding>& out) {
    const auto& connections = ctx.doc.connections;
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        const FlowResult& r = ctx.report.flows[f];
        const Flow* flow = ctx.doc.flow(r.id);
        const Component* entry = flow ? ctx.component(flow->entry) : nullptr;
        if (!flow || flow->op != "write" || r.background || !entry || !ctx.isClient(*entry))
            continue;
        // The store write nearest the client is where the client's bytes land; later writes
        // on the same path (a transcoder's output) are derived from them, not relayed.
        const Connection* landing = nullptr;
        double payloadKb = 0;
        walkFlow(ctx, *flow, false, [&](const Connection& c) {
            const std::size_t i = static_cast<std::size_t>(&c - connections.data());
            if (ctx.part(f, i) != Context::Part::Sync) return false;
            if (c.from == flow->entry && payloadKb <= 0) payloadKb = ctx.number(c, "payload_kb", 0);
            const Component* from = ctx.caller(c);
            const Component* to = ctx.callee(c);
            if (!landing && from && to && ctx.isApplication(*from) &&
                ctx.is(*to, KindTrait::ObjectStore))
                landing = &c;
            return true;
        });
        if (!landing) continue;
        if (payloadKb <= 0) payloadKb = ctx.number(*landing, "payload_kb", 0);
        Values values{{"flow", ctx.name(flow->id)},
                      {"app", ctx.name(landing->from)},
                      {"store", ctx.name(landing->to)},
                      {"rate", rateText(flow->rate_rps)}};
        if (payloadKb > 0) {
            values["payload"] = sizeText(payloadKb);
            values["bandwidth"] = bandwidthText(flow->rate_rps * payloadKb);
            emitVariant(out, "upload-through-service", "sized", {landing->id, landing->from},
                        values);
        } else {
            emit(out, "upload-through-service", {landing->id, landing->from}, values);
        }
    }
}

} // namespace archlens::rules
