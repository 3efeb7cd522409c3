// Retries that do not back off with jitter arrive in synchronised waves.
#include "rule.h"

namespace archlens::rules {

void retryWithoutBackoff(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.connections) {
        const int retries = ctx.count(c, "retries", 0);
        const std::string backoff = ctx.prop(c, "backoff").get<std::string>();
        if (retries <= 0 || backoff == "exponential_jitter") continue;
        emit(out, "retry-without-backoff", {c.id},
             {{"connection", ctx.describe(c)},
              {"retries", std::to_string(retries)},
              {"s", retries == 1 ? "" : "s"},
              {"backoff", backoff}},
             backoff == "exponential" ? std::optional<Severity>(Severity::Info) : std::nullopt);
    }
}

} // namespace archlens::rules
