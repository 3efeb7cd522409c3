// Work that passes through four or more brokers one after another (queue, worker, queue,
// worker...). Each hop is a place a message can wait, be retried, be parked or be dropped, and
// none of that shows from the outside: a user whose upload "never finished" cannot be told
// where it is unless every stage reports its lag and passes a correlation id on. The more
// stages, the more likely some of them are too small to earn their own queue. Splitting can
// be right (stages that scale differently); how a stuck message is found is the decision the
// candidate has to state.
#include "flow_helpers.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <set>

namespace archlens::rules {

namespace {
constexpr std::size_t kManyStages = 4;
} // namespace

void longPipeline(const Context& ctx, std::vector<Finding>& out) {
    const std::size_t n = ctx.doc.components.size();
    std::vector<char> broker(n);
    for (std::size_t c = 0; c < n; ++c)
        broker[c] = ctx.isMessageBroker(ctx.doc.components[c]);
    std::set<std::vector<std::string>> reported;
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        const Flow* flow = ctx.flow(f);
        if (!flow) continue;
        // Edges the flow takes, by caller, as component indices: each caller's callees in
        // the order of the document's connections, in one array.
        std::vector<std::size_t> first(n + 1, 0), callees;
        for (std::size_t i : ctx.flowCalls(f))
            if (ctx.from(i) < n && ctx.to(i) < n) ++first[ctx.from(i) + 1];
        for (std::size_t c = 0; c < n; ++c)
            first[c + 1] += first[c];
        callees.resize(first[n]);
        {
            std::vector<std::size_t> at(first.begin(), first.end() - 1);
            for (std::size_t i : ctx.flowCalls(f))
                if (ctx.from(i) < n && ctx.to(i) < n) callees[at[ctx.from(i)]++] = ctx.to(i);
        }
        // Longest run of brokers along any path, memoised as its length and the callee it
        // goes on through (the first of the longest); a component already on the path (a
        // loop back through the tail) ends it.
        constexpr std::size_t kEnd = SIZE_MAX;
        std::vector<std::size_t> length(n, 0), via(n, kEnd);
        std::vector<char> state(n, 0); // 0 not yet, 1 on the path, 2 done
        std::function<std::size_t(std::size_t)> longest = [&](std::size_t at) -> std::size_t {
            if (state[at] == 2) return length[at];
            if (state[at] == 1) return 0;
            state[at] = 1;
            std::size_t best = 0;
            for (std::size_t k = first[at]; k < first[at + 1]; ++k) {
                const std::size_t to = callees[k];
                if (const std::size_t l = longest(to); l > best) {
                    best = l;
                    via[at] = to;
                }
            }
            state[at] = 2;
            return length[at] = best + (broker[at] ? 1 : 0);
        };
        const std::size_t entry = ctx.componentIndex(flow->entry);
        std::vector<std::string> stages;
        if (entry < n) {
            longest(entry);
            for (std::size_t c = entry; c != kEnd; c = via[c])
                if (broker[c]) stages.push_back(ctx.doc.components[c].id);
        }
        if (stages.size() < kManyStages || !reported.insert(stages).second) continue;
        emit(out, "long-pipeline", stages,
             {{"flow", ctx.name(flow->id)},
              {"count", count(static_cast<double>(stages.size()))},
              {"stages", namesOf(ctx, stages)}});
        out.back().flow = flow->id;
    }
}

} // namespace archlens::rules
