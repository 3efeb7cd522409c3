// A flow whose estimated availability misses the requirement.
#include "rule.h"

#include <algorithm>
#include <unordered_set>

namespace archlens::rules {

void availabilityBelowTarget(const Context& ctx, std::vector<Finding>& out) {
    if (!ctx.doc.requirements.availability) return;
    const double target = *ctx.doc.requirements.availability;
    const double minutesPerMonth = 30 * 24 * 60;
    // The subjects: what the flow cannot do without and the designer can change. Clients
    // and external kinds (DNS, CDN, identity provider, third-party services: `external` in
    // the catalogue) are outside the system; they stay in the availability figure but are
    // not offered as things to fix (single-point-of-failure leaves them out too).
    std::unordered_set<std::string> spofs;
    for (const auto& r : ctx.report.components) {
        if (r.spofFor.empty()) continue;
        const Component* c = ctx.component(r.id);
        if (c && !ctx.isClient(*c) && !ctx.flag(*c, "external")) spofs.insert(r.id);
    }
    for (const auto& f : ctx.report.flows) {
        if (f.availability >= target) continue;
        std::vector<std::string> subjects;
        for (const auto& id : f.syncComponents)
            if (spofs.count(id)) subjects.push_back(id);
        // A zone whose loss alone stops the flow is the designer's to change as well
        // (spread over more zones); it is often the only one when DNS was the other.
        for (const auto& z : ctx.report.zones)
            if (std::find(z.spofFor.begin(), z.spofFor.end(), f.id) != z.spofFor.end())
                subjects.push_back(z.id);
        emit(out, "availability-below-target", subjects,
             {{"flow", ctx.name(f.id)},
              {"availability", percent(f.availability, 3)},
              {"target", percent(target, 3)},
              {"method",
               f.availabilityMethod == "exact" ? "computed exactly" : "estimated by simulation"},
              {"downtime", fixed(f.downtimeMinPerMonth, 0)},
              {"allowed", fixed((1 - target) * minutesPerMonth, 1)}});
        out.back().flow = f.id;
    }
}

} // namespace archlens::rules
