// A job started by a scheduler that writes a cache: a reload on a clock. It rewrites
// entries whether or not anyone will read them, loads the source in bursts, and leaves
// every entry as stale as the interval just before the next run; refreshing the entries
// that are read and about to expire (or invalidating on change) spends the work where it
// is seen. Whether this job reloads everything is the candidate's to say, hence info.
#include "flow_helpers.h"

#include <algorithm>

namespace archlens::rules {

namespace {
/// Whether the connection writes the cache: its ops must say so. A scheduled job's call
/// into a cache with ops unset is as often a lookup (a crawler consulting its robots.txt
/// cache) as a reload, and the flow's op is the job's, not this call's.
bool writesCache(const Connection& c) {
    auto ops = c.props.find("ops");
    return ops != c.props.end() && ops->is_array() &&
           std::find(ops->begin(), ops->end(), "write") != ops->end();
}
} // namespace

void timerCacheReload(const Context& ctx, std::vector<Finding>& out) {
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        const Flow* flow = ctx.flow(f);
        const Component* entry = flow ? ctx.component(flow->entry) : nullptr;
        if (!flow || !entry || !ctx.is(*entry, KindTrait::Scheduler)) continue;
        std::vector<std::string> caches;
        for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i) {
            const Connection& c = ctx.doc.connections[i];
            const Component* to = ctx.callee(c);
            if (ctx.part(f, i) == Context::Part::None || !to || !ctx.is(*to, KindTrait::Cache) ||
                !writesCache(c) || std::find(caches.begin(), caches.end(), to->id) != caches.end())
                continue;
            caches.push_back(to->id);
            emit(out, "timer-cache-reload", {to->id, flow->id},
                 {{"flow", ctx.name(flow->id)},
                  {"scheduler", ctx.name(entry->id)},
                  {"cache", ctx.name(to->id)},
                  {"rate", rateText(flow->rate_rps)}});
        }
    }
}

} // namespace archlens::rules
