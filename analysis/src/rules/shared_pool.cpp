// A server that calls several dependencies synchronously from one shared pool of threads
// and connections, one of them slow or run by a third party. When that one slows down its
// calls hold the pool's threads for their whole wait, and requests that only need the
// healthy dependencies find no thread left: one bad dependency takes every feature down.
// Separate pools (bulkheads) per dependency keep the damage to the features that need it.
#include "flow_helpers.h"
#include "resilience_helpers.h"

#include <set>

namespace archlens::rules {

namespace {
constexpr std::size_t kManyDependencies = 3;
/// A call that can hold a thread half a second at its p99 is a slow one.
constexpr double kSlowMs = 500;
} // namespace

void sharedPool(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.doc.components) {
        if (!ctx.is(s, KindTrait::Server) || ctx.flag(s, "bulkhead")) continue;
        std::set<std::string> seen;
        std::vector<std::string> deps, risky;
        bool slowExternal = false;
        for (std::size_t i : ctx.outgoing(s)) {
            const Connection& c = ctx.doc.connections[i];
            const Component* to = ctx.callee(c);
            if (c.mode != ConnectionMode::Sync || !to || ctx.is(*to, KindTrait::Dns)) continue;
            bool taken = false;
            for (std::size_t f = 0; f < ctx.report.flows.size() && !taken; ++f)
                taken = ctx.part(f, i) != Context::Part::None;
            if (!taken || !seen.insert(c.to).second) continue;
            deps.push_back(c.to);
            const bool external = ctx.isExternalService(*to);
            const double p99 = p99Of(ctx, *to);
            if (external || p99 >= kSlowMs) {
                risky.push_back(ctx.name(c.to) + " (" +
                                (external ? std::string("external, ") : std::string()) + "p99 " +
                                durationInputText(p99, "ms", true) + ")");
                slowExternal = slowExternal || (external && p99 >= kSlowMs);
            }
        }
        if (deps.size() < kManyDependencies || risky.empty()) continue;
        std::string riskyText;
        for (const auto& r : risky)
            riskyText += (riskyText.empty() ? "" : ", ") + r;
        // A slow third party is the classic way a pool drains; otherwise it is a decision
        // the candidate should state.
        emit(out, "shared-pool", {s.id},
             {{"name", ctx.name(s.id)},
              {"count", count(static_cast<double>(deps.size()))},
              {"dependencies", flowNames(ctx, deps)},
              {"risky", riskyText}},
             slowExternal ? std::optional<Severity>(Severity::Warning) : std::nullopt);
    }
}

} // namespace archlens::rules
