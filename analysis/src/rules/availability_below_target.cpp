// A flow whose estimated availability misses the requirement.
#include "rule.h"

#include <unordered_set>

namespace archlens::rules {

void availabilityBelowTarget(const Context& ctx, std::vector<Finding>& out) {
    if (!ctx.doc.requirements.availability) return;
    const double target = *ctx.doc.requirements.availability;
    const double minutesPerMonth = 30 * 24 * 60;
    std::unordered_set<std::string> spofs; // the subjects: what the flow cannot do without
    for (const auto& r : ctx.report.components)
        if (!r.spofFor.empty()) spofs.insert(r.id);
    for (const auto& f : ctx.report.flows) {
        if (f.availability >= target) continue;
        std::vector<std::string> subjects;
        for (const auto& id : f.syncComponents)
            if (spofs.count(id)) subjects.push_back(id);
        emit(out, "availability-below-target", subjects,
             {{"flow", ctx.name(f.id)},
              {"availability", percent(f.availability, 3)},
              {"target", percent(target, 3)},
              {"method",
               f.availabilityMethod == "exact" ? "computed exactly" : "estimated by simulation"},
              {"downtime", fixed(f.downtimeMinPerMonth, 0)},
              {"allowed", fixed((1 - target) * minutesPerMonth, 1)}});
    }
}

} // namespace archlens::rules
