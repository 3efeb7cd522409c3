// A client calling a database directly.
#include "rule.h"

namespace archlens::rules {

void clientToDatastore(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.connections) {
        const Component* from = ctx.caller(c);
        const Component* to = ctx.callee(c);
        // Object storage reached with a signed URL (valet key) and CDNs are meant for clients.
        if (!from || !to || !ctx.isClient(*from) || !ctx.isDataStore(*to) ||
            ctx.is(*to, KindTrait::ObjectStore))
            continue;
        emit(out, "client-to-datastore", {c.id, to->id},
             {{"client", ctx.name(from->id)}, {"store", ctx.name(to->id)}});
    }
}

} // namespace archlens::rules
