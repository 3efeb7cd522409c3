// Retries at several layers of one synchronous chain multiply: 3 x 3 x 3 attempts reach
// the bottom when it is already failing. Chains are those a flow takes, never a path
// stitched from connections that different flows use.
#include "rule.h"

#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace archlens::rules {

namespace {

/// The worst synchronous chain starting with one connection: how many of its layers retry,
/// how many attempts reach its end, and which connection comes next on it (-1 at the end).
struct Chain {
    int layers = 0;
    double attempts = 1;
    long next = -1;
};

bool worse(const Chain& a, const Chain& b) {
    return a.layers > b.layers || (a.layers == b.layers && a.attempts > b.attempts);
}

/// Memoised over the connections one flow takes (its synchronous part and its tail: a
/// consumer's calls retry too), so a wide design costs one visit per connection and flow.
/// A connection met again while its own chain is being worked out closes a cycle; the
/// cycle is not followed (call-cycle reports it).
class WorstChains {
public:
    WorstChains(const Context& ctx, const std::vector<int>& retries, std::size_t flow)
        : ctx_(ctx), retries_(retries), flow_(flow), chains_(ctx.doc.connections.size()),
          state_(chains_.size(), 0) {}

    const Chain& of(size_t i) {
        if (state_[i] != 0) return chains_[i];
        state_[i] = 1;
        const int retries = retries_[i];
        Chain below;
        for (size_t j : ctx_.outgoingAt(ctx_.to(i))) {
            if (ctx_.part(flow_, j) == Context::Part::None ||
                ctx_.doc.connections[j].mode != ConnectionMode::Sync || state_[j] == 1)
                continue;
            const Chain& candidate = of(j);
            if (below.next < 0 || worse(candidate, below)) {
                below = candidate;
                below.next = static_cast<long>(j);
            }
        }
        chains_[i] = {below.layers + (retries > 0 ? 1 : 0), below.attempts * (1 + retries),
                      below.next};
        state_[i] = 2;
        return chains_[i];
    }

private:
    const Context& ctx_;
    const std::vector<int>& retries_; ///< per connection
    std::size_t flow_;
    std::vector<Chain> chains_;
    std::vector<char> state_; ///< 0 not yet, 1 being worked out, 2 done
};

} // namespace

void retryStorm(const Context& ctx, std::vector<Finding>& out) {
    // Read once: every flow asks for them.
    std::vector<int> retries(ctx.doc.connections.size());
    std::vector<char> retried(ctx.doc.connections.size()); // any positive number, even below 1
    for (std::size_t i = 0; i < retries.size(); ++i) {
        retries[i] = ctx.call(i).retries;
        retried[i] = ctx.call(i).retried;
    }
    // A chain is reported once, by the ids of its retrying connections; each id stands here
    // as the index of the first connection that has it (the same id, the same index), so
    // that telling a chain met again on another flow, as most are, copies no string.
    std::vector<std::size_t> firstOfId(ctx.doc.connections.size());
    {
        std::unordered_map<std::string_view, std::size_t> first;
        first.reserve(firstOfId.size());
        for (std::size_t i = 0; i < firstOfId.size(); ++i)
            firstOfId[i] = first.try_emplace(ctx.doc.connections[i].id, i).first->second;
    }
    struct Hash {
        std::size_t operator()(const std::vector<std::size_t>& key) const {
            std::size_t h = key.size();
            for (std::size_t v : key)
                h = (h ^ v) * 0x100000001b3ULL;
            return h;
        }
    };
    std::unordered_set<std::vector<std::size_t>, Hash> reported;
    std::vector<std::size_t> key;
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        WorstChains chains(ctx, retries, f);
        // From each connection of the flow that retries and is not itself below another
        // retrying one of the same flow (the top of a chain), the worst chain downwards.
        for (size_t t : ctx.flowCalls(f)) { // the flow takes each of them
            const Connection& top = ctx.doc.connections[t];
            if (top.mode != ConnectionMode::Sync || !retried[t]) continue;
            bool hasRetryingCaller = false;
            for (size_t i : ctx.incomingAt(ctx.from(t))) {
                const auto& in = ctx.doc.connections[i];
                hasRetryingCaller =
                    hasRetryingCaller || (ctx.part(f, i) != Context::Part::None &&
                                          in.mode == ConnectionMode::Sync && retried[i]);
            }
            if (hasRetryingCaller) continue;

            const Chain worst = chains.of(t);
            if (worst.layers < 2 && worst.attempts <= 8) continue;
            key.clear();
            for (long i = static_cast<long>(t); i >= 0; i = chains.of(static_cast<size_t>(i)).next)
                if (retried[static_cast<size_t>(i)])
                    key.push_back(firstOfId[static_cast<size_t>(i)]);
            if (!reported.insert(key).second) continue;
            std::vector<std::string> subjects;
            for (std::size_t i : key)
                subjects.push_back(ctx.doc.connections[i].id);
            // Written only for a chain not reported yet: most are met again on other flows.
            std::string chain = ctx.name(top.from);
            for (long i = static_cast<long>(t); i >= 0;
                 i = chains.of(static_cast<size_t>(i)).next) {
                chain += " → ";
                chain += ctx.endName(ctx.to(static_cast<size_t>(i)),
                                     ctx.doc.connections[static_cast<size_t>(i)].to);
            }
            emit(out, "retry-storm", subjects,
                 {{"chain", chain},
                  {"layers", std::to_string(worst.layers)},
                  {"attempts", count(worst.attempts)}},
                 worst.attempts > 8 ? std::optional<Severity>(Severity::Error) : std::nullopt);
        }
    }
}

} // namespace archlens::rules
