// A handler that commits a change to its store and then publishes the event about it as a
// second, separate call. Nothing ties the two together: a crash, a deploy or a broker outage
// between them leaves a write whose event never goes out (or, publishing first, an event for
// a write that rolled back), and every consumer disagrees with the store of record for good,
// with nothing to tell anyone. The fix is structural (an outbox or change-data-capture), so a
// retry on the publish does not cure it.
#include "flow_helpers.h"
#include "rule.h"

#include <set>

namespace archlens::rules {

namespace {
/// A store whose write is the record: caches are copies, and an object store announces
/// its own writes (its event notifications are the change-data-capture).
bool storeOfRecord(const Context& ctx, const Component& c) {
    return ctx.isDataStore(c) && !ctx.is(c, KindTrait::Cache) && !ctx.is(c, KindTrait::ObjectStore);
}
} // namespace

void dualWrite(const Context& ctx, std::vector<Finding>& out) {
    std::set<std::string> reported; // publish connections, once whatever the flows
    for (std::size_t fi = 0; fi < ctx.report.flows.size(); ++fi) {
        const FlowResult& fr = ctx.report.flows[fi];
        const Flow* flow = ctx.doc.flow(fr.id);
        if (!flow || flow->op != "write") continue;
        // Only the synchronous part: a consumer that writes and publishes before it confirms
        // its message is redelivered when the publish fails, so its pair is retried as one.
        for (const auto& c : ctx.doc.components) {
            const auto calls = ctx.callsOf(fi, c);
            // Every store of record the handler writes: which of them the event is about is
            // not in the design, and any of them can be left without its event.
            std::vector<const Connection*> writes, publishes;
            for (std::size_t i : calls) {
                const Connection& conn = ctx.doc.connections[i];
                const Component* to = ctx.callee(conn);
                if (!to) continue;
                // A call whose ops say it only reads (a look-up on the way) changes nothing
                // there, so it is no second write.
                if (conn.mode == ConnectionMode::Sync && storeOfRecord(ctx, *to) &&
                    ctx.flag(conn, "required") && !ctx.onlyReads(conn))
                    writes.push_back(&conn);
                // A publish marked optional says losing the event is accepted (best effort).
                else if (ctx.isMessageBroker(*to) && !ctx.flag(conn, "outbox") &&
                         ctx.flag(conn, "required"))
                    publishes.push_back(&conn);
            }
            if (writes.empty()) continue;
            std::vector<std::string> stores;
            for (const Connection* w : writes)
                stores.push_back(w->to);
            for (const Connection* pub : publishes) {
                if (!reported.insert(pub->id).second) continue;
                std::vector<std::string> subjects{pub->id};
                for (const Connection* w : writes)
                    subjects.push_back(w->id);
                emit(out, "dual-write", std::move(subjects),
                     {{"service", ctx.name(c.id)},
                      {"store", namesOf(ctx, stores)},
                      {"broker", ctx.name(pub->to)},
                      {"flow", ctx.name(fr.id)},
                      {"rate", rateText(flow->rate_rps)}});
                out.back().flow = fr.id;
            }
        }
    }
}

} // namespace archlens::rules
