// A CDN set to push with nothing drawn that pushes to it. A push CDN never fetches on a
// miss: it serves only what was uploaded, so without a publishing step every new or changed
// file is missing at the edges until someone copies it by hand.
#include "flow_helpers.h"

#include <algorithm>

namespace archlens::rules {

void pushCdnWithoutUpload(const Context& ctx, std::vector<Finding>& out) {
    const auto& connections = ctx.doc.connections;
    for (const auto& cdn : ctx.doc.components) {
        if (!ctx.is(cdn, KindTrait::Cdn)) continue;
        const Json& mode = ctx.prop(cdn, "mode");
        if (!mode.is_string() || mode.get<std::string>() != "push") continue;
        // An uploader: a part of the system (not a user's client) that sends writes to it.
        const bool uploaded =
            std::any_of(ctx.incoming(cdn).begin(), ctx.incoming(cdn).end(), [&](size_t i) {
                const Connection& c = connections[i];
                const Component* from = ctx.caller(c);
                if (!from || ctx.isClient(*from) || c.mode == ConnectionMode::Replication)
                    return false;
                const Json& ops = ctx.prop(c, "ops");
                return !ops.is_array() || ops.empty() ||
                       std::find(ops.begin(), ops.end(), Json("write")) != ops.end();
            });
        if (uploaded) continue;
        std::vector<std::string> readers;
        for (std::size_t f = 0; f < ctx.report.flows.size(); ++f)
            if (ctx.inSyncPart(f, cdn.id)) readers.push_back(ctx.report.flows[f].id);
        std::vector<std::string> origins;
        for (std::size_t i : ctx.outgoing(cdn))
            if (connections[i].mode != ConnectionMode::Replication)
                origins.push_back(connections[i].to);
        Values values{{"name", ctx.name(cdn.id)},
                      {"flows", readers.empty() ? "no flow" : flowNames(ctx, readers)}};
        // Drawn fetching from an origin: the candidate is describing a pull CDN.
        if (!origins.empty()) {
            values["origins"] = namesOf(ctx, origins);
            emitVariant(out, "push-cdn-without-upload", "fetches", {cdn.id}, values);
        } else {
            emit(out, "push-cdn-without-upload", {cdn.id}, values);
        }
    }
}

} // namespace archlens::rules
