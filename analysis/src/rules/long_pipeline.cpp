// Work that passes through four or more brokers one after another (queue, worker, queue,
// worker...). Each hop is a place a message can wait, be retried, be parked or be dropped, and
// none of that shows from the outside: a user whose upload "never finished" cannot be told
// where it is unless every stage reports its lag and passes a correlation id on. The more
// stages, the more likely some of them are too small to earn their own queue. Splitting can
// be right (stages that scale differently); how a stuck message is found is the decision the
// candidate has to state.
#include "flow_helpers.h"

#include <algorithm>
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
        // Edges the flow takes, by caller, as component indices.
        std::vector<std::vector<std::size_t>> next(n);
        for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i)
            if (ctx.part(f, i) != Context::Part::None) {
                const std::size_t from = ctx.from(i), to = ctx.to(i);
                if (from < n && to < n) next[from].push_back(to);
            }
        // Longest run of brokers along any path, memoised; a component already on the path
        // (a loop back through the tail) ends it.
        std::vector<std::vector<std::size_t>> memo(n);
        std::vector<char> state(n, 0); // 0 not yet, 1 on the path, 2 done
        std::function<std::vector<std::size_t>(std::size_t)> longest =
            [&](std::size_t at) -> std::vector<std::size_t> {
            if (state[at] == 2) return memo[at];
            if (state[at] == 1) return {};
            state[at] = 1;
            std::vector<std::size_t> best;
            for (std::size_t to : next[at]) {
                auto chain = longest(to);
                if (chain.size() > best.size()) best = std::move(chain);
            }
            if (broker[at]) best.insert(best.begin(), at);
            state[at] = 2;
            memo[at] = best;
            return best;
        };
        const std::size_t entry = ctx.componentIndex(flow->entry);
        std::vector<std::string> stages;
        if (entry < n)
            for (std::size_t c : longest(entry))
                stages.push_back(ctx.doc.components[c].id);
        if (stages.size() < kManyStages || !reported.insert(stages).second) continue;
        emit(out, "long-pipeline", stages,
             {{"flow", ctx.name(flow->id)},
              {"count", count(static_cast<double>(stages.size()))},
              {"stages", namesOf(ctx, stages)}});
        out.back().flow = flow->id;
    }
}

} // namespace archlens::rules
