// A synchronous chain deeper than the requirement allows (default 4), shown as the chain
// the flow really takes at that depth.
#include "rule.h"

#include <algorithm>

namespace archlens::rules {

namespace {
/// The deepest chain of synchronous calls below a component on one flow (memoised; a cycle
/// back into the chain is not followed). Chains share their tails: each link names a
/// component and the chain below it, so a flow of thousands of components costs one link
/// per component rather than a copied list of ids.
class DeepestChains {
public:
    /// `ends`: one past the largest index Context::to gives.
    DeepestChains(const Context& ctx, std::size_t flow, std::size_t ends)
        : ctx_(ctx), flow_(flow), memo_(ends, kNone) {}

    /// The chain below a component of the document, as component ids.
    std::vector<std::string> below(std::size_t component) {
        std::vector<std::string> chain;
        if (component >= ctx_.doc.components.size()) return chain;
        const std::string& id = ctx_.doc.components[component].id;
        for (std::size_t link = of(component, id); link != kNone; link = links_[link].next)
            chain.push_back(*links_[link].id);
        return chain;
    }

private:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    struct Link {
        const std::string* id;
        std::size_t next;   ///< the rest of the chain, kNone at its end
        std::size_t length; ///< components from here to the end
    };

    std::size_t of(std::size_t at, const std::string& id) {
        if (memo_[at] != kNone) return memo_[at];
        // A cycle back here ends the chain: those below that meet it keep this one-link
        // chain, whatever this component's own chain becomes.
        memo_[at] = newLink(id, kNone);
        std::size_t best = kNone, bestLength = 0;
        for (size_t i : ctx_.outgoingAt(at)) {
            if (ctx_.part(flow_, i) != Context::Part::Sync) continue;
            const Connection& c = ctx_.doc.connections[i];
            if (c.mode != ConnectionMode::Sync) continue;
            const std::size_t candidate = of(ctx_.to(i), c.to);
            if (links_[candidate].length > bestLength) {
                best = candidate;
                bestLength = links_[candidate].length;
            }
        }
        return memo_[at] = newLink(id, best);
    }

    std::size_t newLink(const std::string& id, std::size_t next) {
        links_.push_back({&id, next, next == kNone ? 1 : links_[next].length + 1});
        return links_.size() - 1;
    }

    const Context& ctx_;
    std::size_t flow_;
    std::vector<std::size_t> memo_; ///< per component, its chain's first link
    std::vector<Link> links_;
};
} // namespace

void syncChain(const Context& ctx, std::vector<Finding>& out) {
    const int limit = ctx.doc.requirements.max_sync_depth.value_or(4);
    std::size_t ends = ctx.doc.components.size();
    for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i)
        ends = std::max(ends, ctx.to(i) + 1);
    for (std::size_t fi = 0; fi < ctx.report.flows.size(); ++fi) {
        const FlowResult& f = ctx.report.flows[fi];
        if (f.syncDepth <= limit) continue;
        const Flow* flow = ctx.flow(fi);
        std::vector<std::string> deepest =
            flow ? DeepestChains(ctx, fi, ends).below(ctx.componentIndex(flow->entry))
                 : f.criticalPath;
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
