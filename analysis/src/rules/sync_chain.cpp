// A synchronous chain deeper than the requirement allows (default 4).
#include "rule.h"

namespace archlens::rules {

void syncChain(const Context& ctx, std::vector<Finding>& out) {
    const int limit = ctx.doc.requirements.max_sync_depth.value_or(4);
    for (const auto& f : ctx.report.flows) {
        if (f.syncDepth <= limit) continue;
        std::string chain;
        for (const auto& id : f.criticalPath)
            chain += (chain.empty() ? "" : " → ") + ctx.name(id);
        emit(out, "sync-chain", f.criticalPath,
             {{"flow", ctx.name(f.id)},
              {"depth", std::to_string(f.syncDepth)},
              {"limit", std::to_string(limit)},
              {"chain", chain}});
        out.back().flow = f.id;
    }
}

} // namespace archlens::rules
