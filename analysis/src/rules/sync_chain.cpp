// A synchronous chain deeper than the requirement allows (default 4), shown as the chain
// the flow really takes at that depth.
#include "rule.h"

#include <map>

namespace archlens::rules {

namespace {
/// The deepest chain of synchronous calls below a component on one flow, as component ids
/// (memoised; a cycle back into the chain is not followed).
class DeepestChains {
public:
    DeepestChains(const Context& ctx, std::size_t flow) : ctx_(ctx), flow_(flow) {}
    const std::vector<std::string>& below(const std::string& id) {
        if (auto it = memo_.find(id); it != memo_.end()) return it->second;
        memo_[id] = {id}; // a cycle back here ends the chain
        std::vector<std::string> best;
        for (size_t i : ctx_.callsOf(flow_, id)) {
            const Connection& c = ctx_.doc.connections[i];
            if (c.mode != ConnectionMode::Sync) continue;
            const auto& candidate = below(c.to);
            if (candidate.size() > best.size()) best = candidate;
        }
        best.insert(best.begin(), id);
        return memo_[id] = std::move(best);
    }

private:
    const Context& ctx_;
    std::size_t flow_;
    std::map<std::string, std::vector<std::string>> memo_;
};
} // namespace

void syncChain(const Context& ctx, std::vector<Finding>& out) {
    const int limit = ctx.doc.requirements.max_sync_depth.value_or(4);
    for (std::size_t fi = 0; fi < ctx.report.flows.size(); ++fi) {
        const FlowResult& f = ctx.report.flows[fi];
        if (f.syncDepth <= limit) continue;
        const Flow* flow = ctx.doc.flow(f.id);
        std::vector<std::string> deepest =
            flow ? DeepestChains(ctx, fi).below(flow->entry) : f.criticalPath;
        if (deepest.size() < 2) deepest = f.criticalPath;
        std::string chain;
        for (const auto& id : deepest)
            chain += (chain.empty() ? "" : " → ") + ctx.name(id);
        emit(out, "sync-chain", deepest,
             {{"flow", ctx.name(f.id)},
              {"depth", std::to_string(f.syncDepth)},
              {"limit", std::to_string(limit)},
              {"chain", chain}});
        out.back().flow = f.id;
    }
}

} // namespace archlens::rules
