// Retries at several layers of one synchronous chain multiply: 3 x 3 x 3 attempts reach
// the bottom when it is already failing.
#include "rule.h"

#include <functional>
#include <set>

namespace archlens::rules {

void retryStorm(const Context& ctx, std::vector<Finding>& out) {
    std::set<std::vector<std::string>> reported;
    // Depth-first from each connection that retries and is not itself below another
    // retrying one (the top of a chain), following synchronous calls downwards.
    for (const auto& top : ctx.doc.connections) {
        if (top.mode != ConnectionMode::Sync || ctx.number(top, "retries", 0) <= 0) continue;
        bool hasRetryingCaller = false;
        for (size_t i : ctx.incoming(top.from)) {
            const auto& in = ctx.doc.connections[i];
            hasRetryingCaller = hasRetryingCaller || (in.mode == ConnectionMode::Sync &&
                                                      ctx.number(in, "retries", 0) > 0);
        }
        if (hasRetryingCaller) continue;

        std::vector<const Connection*> path, worst;
        double worstAttempts = 0;
        int worstLayers = 0;
        std::set<std::string> onPath;
        std::function<void(const Connection&, double, int)> dfs = [&](const Connection& c,
                                                                      double attempts, int layers) {
            const int retries = static_cast<int>(ctx.number(c, "retries", 0));
            attempts *= 1 + retries;
            layers += retries > 0 ? 1 : 0;
            path.push_back(&c);
            onPath.insert(c.from);
            bool leaf = true;
            if (!onPath.count(c.to) && path.size() < 32) {
                for (size_t i : ctx.outgoing(c.to)) {
                    const auto& next = ctx.doc.connections[i];
                    if (next.mode != ConnectionMode::Sync) continue;
                    leaf = false;
                    dfs(next, attempts, layers);
                }
            }
            if (leaf &&
                (layers > worstLayers || (layers == worstLayers && attempts > worstAttempts))) {
                worst = path;
                worstAttempts = attempts;
                worstLayers = layers;
            }
            onPath.erase(c.from);
            path.pop_back();
        };
        dfs(top, 1, 0);
        if (worstLayers < 2 && worstAttempts <= 8) continue;
        std::vector<std::string> subjects;
        std::string chain = ctx.name(worst.front()->from);
        for (const Connection* c : worst) {
            if (ctx.number(*c, "retries", 0) > 0) subjects.push_back(c->id);
            chain += " → " + ctx.name(c->to);
        }
        if (!reported.insert(subjects).second) continue;
        emit(out, "retry-storm", subjects,
             {{"chain", chain},
              {"layers", std::to_string(worstLayers)},
              {"attempts", count(worstAttempts)}},
             worstAttempts > 8 ? std::optional<Severity>(Severity::Error) : std::nullopt);
    }
}

} // namespace archlens::rules
