// A busy read flow that reaches a database with no cache anywhere on its way.
#include "flow_helpers.h"

namespace archlens::rules {

namespace {
constexpr double kHotReadsPerSecond = 1000;
}

void noCacheHotReads(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& flow : ctx.doc.flows) {
        if (flow.op != "read" || flow.rate_rps < kHotReadsPerSecond) continue;
        bool cached = false;
        std::vector<std::string> stores;
        walkFlow(ctx, flow, false, [&](const Connection& c) {
            const Component* to = ctx.component(c.to);
            if (!to) return false;
            if (ctx.isKind(*to, {"cache", "cdn"}) || ctx.prop(*to, "ttl_s").is_number())
                cached = true;
            if (ctx.isDataStore(*to) && !ctx.isKind(*to, {"cache", "object_storage"}))
                stores.push_back(to->id);
            return true;
        });
        if (cached || stores.empty()) continue;
        emit(out, "no-cache-hot-reads", {stores.front()},
             {{"flow", ctx.name(flow.id)},
              {"store", ctx.name(stores.front())},
              {"rate", count(flow.rate_rps)}});
    }
}

} // namespace archlens::rules
