// A write that can arrive twice (retried, or delivered at least once from a queue) at a
// callee that does not recognise the repeat.
#include "rule.h"

namespace archlens::rules {

namespace {
bool carriesWrites(const Context& ctx, const Connection& c) {
    if (auto ops = c.props.find("ops"); ops != c.props.end()) {
        for (const auto& op : *ops)
            if (op == "write") return true;
        return false;
    }
    for (const auto& f : ctx.doc.flows)
        if (f.op == "write" && ctx.carries(c, f)) return true;
    return false;
}
} // namespace

void missingIdempotency(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.connections) {
        if (c.mode == ConnectionMode::Replication || ctx.flag(c, "idempotent") ||
            !carriesWrites(ctx, c))
            continue;
        const Component* from = ctx.component(c.from);
        const int retries = ctx.count(c, "retries", 0);
        std::string why;
        if (retries > 0)
            why = "and retries them up to " + std::to_string(retries) + " times";
        else if (from && ctx.isQueue(*from))
            why = "delivered at least once from " + ctx.name(from->id) +
                  " (a redelivery repeats them)";
        else
            continue;
        emit(out, "missing-idempotency", {c.id},
             {{"connection", ctx.describe(c)}, {"target", ctx.name(c.to)}, {"why", why}});
    }
}

} // namespace archlens::rules
