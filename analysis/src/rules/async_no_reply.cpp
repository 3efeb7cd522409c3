// A user's request is handed to a queue and answered at once, the work behind the queue
// stores its result, and then nothing brings that result back: no user-facing flow reads
// where it was written, and nothing in the background reaches a client. The user is told
// "accepted" and never learns whether the upload was processed, the export built or the
// payment settled, so they retry, call support, or give up.
#include "flow_helpers.h"
#include "rule.h"

#include <set>

namespace archlens::rules {

void asyncNoReply(const Context& ctx, std::vector<Finding>& out) {
    for (std::size_t fi = 0; fi < ctx.report.flows.size(); ++fi) {
        const FlowResult& fr = ctx.report.flows[fi];
        const Flow* flow = ctx.doc.flow(fr.id);
        if (!flow || fr.background || fr.asyncComponents.empty()) continue;

        std::set<std::string> tail(fr.asyncComponents.begin(), fr.asyncComponents.end());
        std::vector<std::string> results; // stores the tail writes, document order
        bool pushes = false;
        for (const auto& c : ctx.doc.components) {
            if (!tail.count(c.id)) continue;
            if (ctx.isDataStore(c)) results.push_back(c.id);
            // A third party in the tail (e-mail, SMS, a webhook) tells the user; so does any
            // connection from the tail to a client (a socket, a push), whatever it carries.
            if (ctx.isExternalService(c) || ctx.isClient(c)) pushes = true;
            for (std::size_t i : ctx.outgoing(c))
                if (const Component* to = ctx.callee(ctx.doc.connections[i]);
                    to && ctx.isClient(*to))
                    pushes = true;
        }
        if (pushes || results.empty()) continue;

        // A poll: another user-facing flow that reads a store the tail writes.
        std::set<std::string> written(results.begin(), results.end());
        bool polled = false;
        for (std::size_t gi = 0; gi < ctx.report.flows.size() && !polled; ++gi) {
            if (gi == fi || ctx.report.flows[gi].background) continue;
            for (std::size_t i = 0; i < ctx.doc.connections.size() && !polled; ++i)
                if (ctx.part(gi, i) == Context::Part::Sync &&
                    written.count(ctx.doc.connections[i].to))
                    polled = true;
        }
        if (polled) continue;

        // The hand-over point: the first component of the tail the synchronous part reaches
        // by a required call. Handed over only by optional calls, the work is best effort
        // (telemetry, a location ping): the client does not depend on its outcome.
        std::string handover;
        for (std::size_t i = 0; i < ctx.doc.connections.size() && handover.empty(); ++i) {
            const Connection& conn = ctx.doc.connections[i];
            if (ctx.part(fi, i) == Context::Part::Sync && tail.count(conn.to) &&
                ctx.flag(conn, "required"))
                handover = conn.to;
        }
        if (handover.empty()) continue;
        emit(out, "async-no-reply", {handover},
             {{"flow", ctx.name(fr.id)},
              {"handover", ctx.name(handover)},
              {"results", namesOf(ctx, results)},
              {"rate", rateText(flow->rate_rps)}});
        out.back().flow = fr.id;
    }
}

} // namespace archlens::rules
