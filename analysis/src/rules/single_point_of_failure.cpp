// A component whose failure alone fails a flow (from the availability pass's cut sets).
#include "flow_helpers.h"

namespace archlens::rules {

void singlePointOfFailure(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& result : ctx.report.components) {
        if (result.spofFor.empty()) continue;
        const Component* c = ctx.component(result.id);
        if (!c || ctx.isClient(*c)) continue;
        const int instances = static_cast<int>(ctx.number(*c, "instances", 1));
        std::string detail =
            instances == 1 ? "one instance" : std::to_string(instances) + " instances";
        if (instances > 1 && ctx.prop(*c, "failover") == "manual") detail += ", failover by hand";
        const bool many = result.spofFor.size() > 1;
        emit(out, "single-point-of-failure", {c->id},
             {{"name", ctx.name(c->id)},
              {"flows", flowNames(ctx, result.spofFor)},
              {"s", many ? "" : "s"},
              {"flow_word", many ? "these flows" : "that flow"},
              {"detail", detail}});
    }
}

} // namespace archlens::rules
