// A scheduler that wakes every few seconds or minutes to look in a store for rows that users
// have just written is waiting for an event with a clock. Every row waits up to one interval
// before anything happens to it, most runs find nothing new and still query the store, and
// the only way to react faster is a shorter interval, which multiplies the empty queries. A
// message published when the row is written (or the store's change stream) starts the work
// once per write, as it happens. The short interval is the designer's own statement that the
// work is urgent; a job run hourly or nightly over the same rows (billing, reports,
// clean-up) is periodic by nature and is left alone. An outbox relay polls on purpose, so this
// is a decision to state, not a flaw.
#include "data_helpers.h"

#include "archlens/analysis/display_format.h"

#include <algorithm>
#include <set>

namespace archlens::rules {

namespace {
/// A job that runs at least this often is standing in for an event: periodic work (a
/// report, a clean-up, a billing run) runs hourly or less often.
constexpr double kEventLikeIntervalS = 300;

/// Whether the flow's call reads the store: its ops say so, or it has none and the flow reads.
bool reads(const Connection& c, const Flow& flow) {
    auto ops = c.props.find("ops");
    if (ops != c.props.end() && ops->is_array())
        return std::find(ops->begin(), ops->end(), "read") != ops->end();
    return flow.op == "read";
}
} // namespace

void pollingForEvents(const Context& ctx, std::vector<Finding>& out) {
    std::set<std::pair<std::string, std::string>> seen; // (scheduler, store)
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        const Flow* flow = ctx.flow(f);
        const Component* entry = flow ? ctx.component(flow->entry) : nullptr;
        if (!flow || !entry || !ctx.is(*entry, KindTrait::Scheduler) ||
            !entry->props.contains("interval_s"))
            continue;
        const double interval = ctx.number(*entry, "interval_s", 0);
        if (interval <= 0 || interval > kEventLikeIntervalS) continue;
        for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i) {
            const Connection& c = ctx.doc.connections[i];
            const Component* store = ctx.callee(c);
            if (ctx.part(f, i) != Context::Part::Sync || !store || !ctx.isDataStore(*store) ||
                ctx.is(*store, KindTrait::Cache) || !reads(c, *flow))
                continue;
            std::vector<StoreAccess> writers;
            for (const auto& a : accessesTo(ctx, store->id, "write"))
                if (userFacing(ctx, a.flow)) writers.push_back(a);
            if (writers.empty() || !seen.insert({entry->id, store->id}).second) continue;
            emit(out, "polling-for-events", {entry->id, store->id},
                 {{"scheduler", ctx.name(entry->id)},
                  {"job", ctx.name(flow->id)},
                  {"store", ctx.name(store->id)},
                  {"writers", flowNamesOf(ctx, writers)},
                  {"interval", durationInputText(interval, "s")},
                  {"runs", count(86400 / interval)}});
            out.back().flow = flow->id;
        }
    }
}

} // namespace archlens::rules
