// A long request (its worker takes longer than the user would wait) accepted into a queue,
// worked on behind it, and collected later by the client from a status or result store: the
// way back exists (async-no-reply covers designs without one), but two limits are missing.
// Nothing bounds how long one job may run: a worker that hangs holds the message, the client
// polls "running" for ever, and no one gives the job back to another worker or reports it
// failed. And nothing says how long results are kept: every job ever run stays in the store,
// which only grows, and a client that comes back late gets either a result long since
// useless or, after an unplanned clean-up, nothing at all. Work whose outcome is pushed to
// the user (a chat message, a ride offer) is delivery, not a job the client collects.
#include "flow_helpers.h"
#include "resilience_helpers.h"

#include "archlens/analysis/display_format.h"

#include <set>

namespace archlens::rules {

namespace {
/// Whether the store states how long it keeps what it holds: a retention, or for a cache its
/// entries' TTL (a cache kind has one by default).
bool keepsForAWhile(const Context& ctx, const Component& store) {
    if (ctx.is(store, KindTrait::Cache)) return ctx.prop(store, "ttl_s").is_number();
    return store.props.contains("retention_s");
}
} // namespace

void asyncJobWithoutLimits(const Context& ctx, std::vector<Finding>& out) {
    std::set<std::string> reported; // hand-over points
    for (std::size_t fi = 0; fi < ctx.report.flows.size(); ++fi) {
        const FlowResult& fr = ctx.report.flows[fi];
        const Flow* flow = ctx.doc.flow(fr.id);
        if (!flow || fr.background || fr.asyncComponents.empty()) continue;
        const std::set<std::string> tail(fr.asyncComponents.begin(), fr.asyncComponents.end());

        // The hand-over: a broker the synchronous part reaches by a required call (best-effort
        // work handed over by optional calls has no client waiting for its outcome).
        std::string handover;
        for (std::size_t i = 0; i < ctx.doc.connections.size() && handover.empty(); ++i) {
            const Connection& conn = ctx.doc.connections[i];
            const Component* to = ctx.callee(conn);
            if (ctx.part(fi, i) == Context::Part::Sync && tail.count(conn.to) && to &&
                ctx.isMessageBroker(*to) && ctx.flag(conn, "required"))
                handover = conn.to;
        }
        if (handover.empty() || reported.count(handover)) continue;

        // An outcome pushed to the user (a socket, a notification, a webhook) is delivered, not
        // collected: chat messages and ride offers are not jobs a client polls for.
        bool pushes = false;
        for (const auto& c : ctx.doc.components) {
            if (!tail.count(c.id)) continue;
            if (ctx.isExternalService(c) || ctx.isClient(c)) pushes = true;
            for (std::size_t i : ctx.outgoing(c))
                if (const Component* to = ctx.callee(ctx.doc.connections[i]);
                    to && ctx.isClient(*to))
                    pushes = true;
        }
        if (pushes) continue;

        // The results: stores the tail writes that another user-facing flow reads (a poll).
        std::vector<std::string> polled;
        for (const auto& c : ctx.doc.components) {
            if (!tail.count(c.id) || !ctx.isDataStore(c)) continue;
            bool read = false;
            for (std::size_t gi = 0; gi < ctx.report.flows.size() && !read; ++gi) {
                if (gi == fi || ctx.report.flows[gi].background) continue;
                for (std::size_t j : ctx.incoming(c))
                    if (ctx.part(gi, j) == Context::Part::Sync) read = true;
            }
            if (read) polled.push_back(c.id);
        }
        if (polled.empty()) continue; // no way back at all: async-no-reply's finding

        // The jobs: consumers of a broker of the tail whose own p99 is longer than the user
        // would wait for an answer (the flow's p99 target, 1 s without one), as the designer
        // stated it (a kind's default says nothing about this job). Work that fits in a request
        // was queued to level load or fan out, not because it runs long.
        const double wait = flow->p99_ms                  ? *flow->p99_ms
                            : ctx.doc.requirements.p99_ms ? *ctx.doc.requirements.p99_ms
                                                          : 1000.0;
        bool longRunning = false;
        std::vector<std::string> unlimited; // deliveries to such consumers with no run-time limit
        for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i) {
            const Connection& conn = ctx.doc.connections[i];
            const Component* from = ctx.caller(conn);
            const Component* to = ctx.callee(conn);
            if (ctx.part(fi, i) != Context::Part::Tail || !from || !to ||
                !ctx.isMessageBroker(*from) || ctx.isMessageBroker(*to) ||
                !to->props.contains("latency_ms") || p99Of(ctx, *to) <= wait)
                continue;
            longRunning = true;
            // A timeout on the delivery is the job's run-time limit (a visibility timeout).
            if (!conn.props.contains("timeout_ms")) unlimited.push_back(conn.id);
        }
        if (!longRunning) continue;
        std::vector<std::string> keptForever;
        for (const auto& id : polled)
            if (!keepsForAWhile(ctx, *ctx.component(id))) keptForever.push_back(id);
        if (unlimited.empty() && keptForever.empty()) continue;

        reported.insert(handover);
        std::vector<std::string> subjects{handover};
        std::string missing;
        if (!unlimited.empty()) {
            std::string consumers;
            for (std::size_t k = 0; k < unlimited.size(); ++k) {
                const Connection* c = ctx.doc.connection(unlimited[k]);
                consumers += (k == 0                      ? ""
                              : k + 1 == unlimited.size() ? " and "
                                                          : ", ") +
                             ctx.describe(*c);
            }
            missing = "nothing limits how long a job may run (" + consumers +
                      " states no timeout), so a worker that hangs keeps the job \"running\" for "
                      "as long as the client cares to poll";
            subjects.insert(subjects.end(), unlimited.begin(), unlimited.end());
        }
        if (!keptForever.empty()) {
            missing += std::string(missing.empty() ? "" : "; and ") + namesOf(ctx, keptForever) +
                       (keptForever.size() == 1 ? " states" : " state") +
                       " no retention, so every result ever produced is kept and the store "
                       "only grows";
            subjects.insert(subjects.end(), keptForever.begin(), keptForever.end());
        }
        emit(out, "async-job-without-limits", subjects,
             {{"flow", ctx.name(fr.id)},
              {"rate", rateText(flow->rate_rps)},
              {"handover", ctx.name(handover)},
              {"results", namesOf(ctx, polled)},
              {"missing", missing}});
        out.back().flow = fr.id;
    }
}

} // namespace archlens::rules
