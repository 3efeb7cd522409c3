// Users' reads of stored files (images, scripts, media) relayed by the application tier
// with no CDN in front. Every byte then costs application threads, memory and bandwidth,
// and travels from the origin's region to every user, for content that is the same on
// every request: what object storage and a CDN serve at a fraction of the cost.
#include "content_helpers.h"
#include "flow_helpers.h"

#include <algorithm>

namespace archlens::rules {

void staticThroughApp(const Context& ctx, std::vector<Finding>& out) {
    const auto& connections = ctx.doc.connections;
    for (std::size_t i = 0; i < connections.size(); ++i) {
        const Connection& c = connections[i];
        const Component* app = ctx.caller(c);
        const Component* store = ctx.callee(c);
        if (!app || !store || !ctx.isApplication(*app) || !ctx.is(*store, KindTrait::ObjectStore))
            continue;
        std::vector<std::string> flows;
        double rate = 0;
        for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
            const FlowResult& r = ctx.report.flows[f];
            const Flow* flow = ctx.doc.flow(r.id);
            const Component* entry = flow ? ctx.component(flow->entry) : nullptr;
            if (!flow || flow->op != "read" || r.background || !entry || !ctx.isClient(*entry) ||
                ctx.part(f, i) != Context::Part::Sync)
                continue;
            // A CDN on the way serves the repeats; what reaches the application is the misses.
            const bool edgeCached =
                std::any_of(r.syncComponents.begin(), r.syncComponents.end(), [&](const auto& id) {
                    const Component* on = ctx.component(id);
                    return on && ctx.is(*on, KindTrait::Cdn);
                });
            if (edgeCached) continue;
            flows.push_back(r.id);
            rate += flow->rate_rps;
        }
        if (flows.empty()) continue;
        rate *= ctx.number(c, "calls", 1);
        Values values{{"flows", flowNames(ctx, flows)},
                      {"app", ctx.name(app->id)},
                      {"store", ctx.name(store->id)},
                      {"rate", rateText(rate)},
                      {"es", flows.size() == 1 ? "es" : ""}};
        if (const Json& kb = ctx.prop(c, "payload_kb"); kb.is_number()) {
            values["payload"] = sizeText(kb.get<double>());
            values["bandwidth"] = bandwidthText(rate * kb.get<double>());
            emitVariant(out, "static-through-app", "sized", {c.id, app->id}, values);
        } else {
            emit(out, "static-through-app", {c.id, app->id}, values);
        }
    }
}

} // namespace archlens::rules
