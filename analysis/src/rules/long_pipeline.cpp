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
#include <map>
#include <set>

namespace archlens::rules {

namespace {
constexpr std::size_t kManyStages = 4;
} // namespace

void longPipeline(const Context& ctx, std::vector<Finding>& out) {
    std::set<std::vector<std::string>> reported;
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        const Flow* flow = ctx.flow(f);
        if (!flow) continue;
        // Edges the flow takes, by caller.
        std::map<std::string, std::vector<std::string>> next;
        for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i)
            if (ctx.part(f, i) != Context::Part::None)
                next[ctx.doc.connections[i].from].push_back(ctx.doc.connections[i].to);
        // Longest run of brokers along any path, memoised; a component already on the path
        // (a loop back through the tail) ends it.
        std::map<std::string, std::vector<std::string>> memo;
        std::set<std::string> onPath;
        std::function<std::vector<std::string>(const std::string&)> longest =
            [&](const std::string& id) -> std::vector<std::string> {
            if (auto it = memo.find(id); it != memo.end()) return it->second;
            if (!onPath.insert(id).second) return {};
            std::vector<std::string> best;
            for (const auto& to : next[id]) {
                auto chain = longest(to);
                if (chain.size() > best.size()) best = std::move(chain);
            }
            onPath.erase(id);
            const Component* c = ctx.component(id);
            if (c && ctx.isMessageBroker(*c)) best.insert(best.begin(), id);
            memo[id] = best;
            return best;
        };
        const auto stages = longest(flow->entry);
        if (stages.size() < kManyStages || !reported.insert(stages).second) continue;
        emit(out, "long-pipeline", stages,
             {{"flow", ctx.name(flow->id)},
              {"count", count(static_cast<double>(stages.size()))},
              {"stages", namesOf(ctx, stages)}});
        out.back().flow = flow->id;
    }
}

} // namespace archlens::rules
