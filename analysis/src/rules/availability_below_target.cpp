// A flow whose estimated availability misses its target (its own, else the design's when
// the flow is user-facing), with the downtime budget: what costs how many minutes.
#include "flow_helpers.h"

#include <algorithm>
#include <unordered_set>

namespace archlens::rules {

namespace {

constexpr double kMinutesPerMonth = 30 * 24 * 60;

struct Cost {
    std::string id;
    double minutes = 0;
    std::string why;
};

} // namespace

void availabilityBelowTarget(const Context& ctx, std::vector<Finding>& out) {
    // The causes other findings already report (components and zones whose loss alone
    // stops a flow): this finding then only states the effect and points at them.
    std::unordered_set<std::string> explained;
    for (const auto& r : ctx.report.components)
        if (!r.spofFor.empty()) explained.insert(r.id);
    // A zone is explained either by its own finding or by those of the components that
    // make it a single point of failure.
    for (const auto& z : ctx.zoneCauses())
        explained.insert(z.zone);

    for (std::size_t fi = 0; fi < ctx.report.flows.size(); ++fi) {
        const FlowResult& f = ctx.report.flows[fi];
        const FlowTargets targets = flowTargets(ctx.doc, f);
        if (!targets.missesAvailability(f)) continue;
        const double target = *targets.availability;
        // The budget, largest first: each required component's own unavailability (zone
        // outages set apart), each zone whose loss alone stops the flow, and the requests
        // that give up. External ones count too: they are often the largest share.
        std::vector<Cost> costs;
        for (const auto& id : f.syncComponents) {
            const Component* c = ctx.component(id);
            const ComponentResult* r = ctx.result(id);
            if (!c || !r || ctx.isClient(*c)) continue;
            const bool spof = std::find(r->spofFor.begin(), r->spofFor.end(), f.id) !=
                              r->spofFor.end();
            const double minutes = (1 - r->availability) * kMinutesPerMonth;
            if (minutes < 0.05 && !spof) continue;
            costs.push_back({id, minutes,
                             ctx.flag(*c, "external") ? "external" : spof ? "no redundancy" : ""});
        }
        for (const auto& z : ctx.report.zones)
            if (std::find(z.spofFor.begin(), z.spofFor.end(), f.id) != z.spofFor.end())
                costs.push_back({z.id, (1 - z.availability) * kMinutesPerMonth, "zone"});
        // A third party that alone is less available than the target caps the flow: no
        // redundancy of the design's own can reach it, so that is the cause to name.
        std::vector<std::string> caps;
        std::string capsText;
        for (const auto& id : f.syncComponents) {
            const Component* c = ctx.component(id);
            const ComponentResult* r = ctx.result(id);
            if (!c || !r || !ctx.flag(*c, "external") || r->availability >= target) continue;
            // Behind an alternative or an optional call it is not required alone.
            bool alone = std::find(r->spofFor.begin(), r->spofFor.end(), f.id) != r->spofFor.end();
            if (!alone) {
                alone = true;
                for (std::size_t i : ctx.incoming(id))
                    if (ctx.part(fi, i) == Context::Part::Sync &&
                        (!ctx.prop(ctx.doc.connections[i], "alternative").is_null() ||
                         ctx.prop(ctx.doc.connections[i], "required") == false))
                        alone = false;
            }
            if (!alone) continue;
            caps.push_back(id);
            capsText += (capsText.empty() ? "" : ", ") + ctx.name(id) + " (" +
                        availabilityPercent(r->availability) + ")";
        }
        std::stable_sort(costs.begin(), costs.end(),
                         [](const Cost& a, const Cost& b) { return a.minutes > b.minutes; });
        std::vector<std::string> subjects;
        std::string budget;
        bool allExplained = true;
        for (const auto& cost : costs) {
            if (subjects.size() == 5) break;
            subjects.push_back(cost.id);
            const bool zone = cost.why == "zone";
            // Small shares of redundant components do not make the miss a cause of its own.
            const bool large = cost.minutes >= 0.1 * f.downtimeMinPerMonth;
            allExplained = allExplained && (!large || explained.count(cost.id) > 0 ||
                                            cost.why == "external");
            budget += (budget.empty() ? "" : ", ") + (zone ? "zone " + cost.id : ctx.name(cost.id)) +
                      " " + downtimeText(cost.minutes) +
                      (cost.why == "external" ? " (external)" : "");
        }
        if (f.timedOut > 0) {
            const double minutes = f.availabilityUp * f.timedOut * kMinutesPerMonth;
            if (minutes >= 0.05) {
                // Requests that give up: where a component on the path is overloaded, it is
                // the cause to name, ahead of the smaller shares.
                const std::vector<std::string> overloaded = ctx.overloadedOn(f);
                if (minutes >= 0.1 * f.downtimeMinPerMonth)
                    subjects.insert(subjects.begin(), overloaded.begin(), overloaded.end());
                const std::string share =
                    "requests that time out " + downtimeText(minutes) +
                    (overloaded.empty() ? "" : " (" + flowNames(ctx, overloaded) + " overloaded)");
                const bool largest = costs.empty() || minutes >= costs.front().minutes;
                if (budget.empty())
                    budget = share;
                else
                    budget = largest ? share + ", " + budget : budget + ", " + share;
                // An overloaded component has its own finding (saturated-component).
                allExplained = allExplained &&
                               (!overloaded.empty() || minutes < 0.1 * f.downtimeMinPerMonth);
            }
        }
        // Never without a subject: with no single cause, the path itself is what to change.
        if (subjects.empty()) subjects = f.criticalPath;
        if (budget.empty()) budget = "many small shares along the path";
        for (auto it = caps.rbegin(); it != caps.rend(); ++it) {
            subjects.erase(std::remove(subjects.begin(), subjects.end(), *it), subjects.end());
            subjects.insert(subjects.begin(), *it);
        }
        // An overloaded component can also have a downtime share: name it once, first.
        for (std::size_t i = 0; i < subjects.size(); ++i)
            subjects.erase(
                std::remove(subjects.begin() + std::ptrdiff_t(i) + 1, subjects.end(), subjects[i]),
                subjects.end());
        emitVariant(out, "availability-below-target", caps.empty() ? "" : "external-cap", subjects,
                    {{"flow", ctx.name(f.id)},
                     {"availability", availabilityPercent(f.availability)},
                     {"target", availabilityInputText(target)},
                     {"method", f.availabilityMethod == "exact" ? "computed exactly"
                                                                : "estimated by simulation"},
                     {"downtime", downtimeText(f.downtimeMinPerMonth)},
                     {"allowed", downtimeText((1 - target) * kMinutesPerMonth)},
                     {"budget", budget},
                     {"caps", capsText}},
                    // The causes are reported (at their own severity) by the findings that name
                    // them; this one states the effect and points at them.
                    allExplained ? std::optional<Severity>(Severity::Warning) : std::nullopt);
        out.back().flow = f.id;
    }
}

} // namespace archlens::rules
