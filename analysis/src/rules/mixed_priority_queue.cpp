// One broker that carries both work a user is waiting for and work a job started in the
// background (a nightly digest, a re-index, a bulk import). Its consumers take messages in
// arrival order, so when the job dumps its batch the user's message queues behind all of it:
// a password-reset mail that should take seconds arrives an hour later. Which work is urgent
// follows from where a flow enters: at a client, someone waits; at a scheduler or worker,
// no one does.
#include "flow_helpers.h"
#include "rule.h"

#include <algorithm>
#include <set>

namespace archlens::rules {

namespace {
/// Below a tenth of the users' rate, the background work is a trickle that cannot build a
/// line worth the split.
constexpr double kBulkShare = 0.1;

struct Lane {
    std::vector<std::string> flows;
    double rate = 0;
};

} // namespace

void mixedPriorityQueue(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& q : ctx.doc.components) {
        if (!ctx.isMessageBroker(q) || ctx.outgoing(q).empty()) continue;
        Lane urgent, bulk;
        for (std::size_t fi = 0; fi < ctx.report.flows.size(); ++fi) {
            const FlowResult& fr = ctx.report.flows[fi];
            const Flow* flow = ctx.doc.flow(fr.id);
            if (!flow) continue;
            // The flow's own rate times the calls into the broker: what it sends there.
            double rate = 0;
            for (std::size_t i : ctx.incoming(q))
                if (ctx.part(fi, i) != Context::Part::None)
                    rate += flow->rate_rps * ctx.number(ctx.doc.connections[i], "calls", 1);
            if (rate <= 0) continue;
            Lane& lane = fr.background ? bulk : urgent;
            lane.flows.push_back(fr.id);
            lane.rate += rate;
        }
        if (urgent.flows.empty() || bulk.flows.empty() || bulk.rate < kBulkShare * urgent.rate)
            continue;
        std::vector<std::string> consumers;
        for (std::size_t i : ctx.outgoing(q)) {
            const auto& to = ctx.doc.connections[i].to;
            if (std::find(consumers.begin(), consumers.end(), to) == consumers.end())
                consumers.push_back(to);
        }
        emit(out, "mixed-priority-queue", {q.id},
             {{"queue", ctx.name(q.id)},
              {"urgent", namesOf(ctx, urgent.flows)},
              {"urgent_rate", rateText(urgent.rate)},
              {"bulk", namesOf(ctx, bulk.flows)},
              {"bulk_rate", rateText(bulk.rate)},
              {"consumers", namesOf(ctx, consumers)}});
    }
}

} // namespace archlens::rules
