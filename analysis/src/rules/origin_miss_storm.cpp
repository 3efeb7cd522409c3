// A pull CDN whose origin copes only because most requests hit. Popular objects tend to be
// cached at the same moment and so expire together, and a purge empties every edge at once:
// for that minute the misses are the CDN's whole traffic, and an origin sized for the usual
// miss ratio is flattened just as the edges need it to refill. Stands down when the origin
// is already over capacity at the usual ratio (saturated-component says so) and when an
// origin shield collapses the misses.
#include "flow_helpers.h"

#include <algorithm>
#include <map>
#include <set>

namespace archlens::rules {

namespace {
/// The storm figure is an upper bound: CDNs often merge concurrent misses for one object at
/// one edge, so fewer fetches reach the origin than requests reach the CDN. Within twice
/// the origin's capacity that merging can be the difference, and the finding is a question
/// to settle; past it the origin is down whatever the edges merge.
constexpr double kCertainOverload = 2;
} // namespace

void originMissStorm(const Context& ctx, std::vector<Finding>& out) {
    const auto& connections = ctx.doc.connections;
    std::map<std::string, const ComponentResult*> results;
    for (const auto& r : ctx.report.components)
        results[r.id] = &r;
    for (const auto& cdn : ctx.doc.components) {
        if (!ctx.is(cdn, KindTrait::Cdn) || ctx.flag(cdn, "origin_shield")) continue;
        const Json& mode = ctx.prop(cdn, "mode");
        if (mode.is_string() && mode.get<std::string>() == "push") continue;
        // Extra load on each component behind the CDN if every request through it missed:
        // what each flow sends down a miss connection, scaled from its miss ratio to 1.
        std::map<std::string, double> extra;
        double cdnRate = 0, missRate = 0; // all requests reaching the CDN, and its misses
        std::vector<std::string> misses;
        for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
            std::set<std::string> groups;
            for (std::size_t i : ctx.callsOf(f, cdn)) {
                const Connection& o = connections[i];
                // Of an `alternative` group only the first origin takes the misses; the
                // others stand by for when it is down.
                const Json& group = ctx.prop(o, "alternative");
                if (group.is_string() && !groups.insert(group.get<std::string>()).second) continue;
                const double calls = ctx.number(o, "calls", 1);
                if (calls <= 0 || calls >= 1) continue;
                const std::vector<double>& rates = ctx.rates(f);
                const double scale = 1 / calls - 1;
                missRate += rates[i];
                if (std::find(misses.begin(), misses.end(), o.id) == misses.end())
                    misses.push_back(o.id);
                extra[o.to] += rates[i] * scale;
                // Everything the origin calls on the flow's synchronous part, once.
                std::set<std::size_t> seen{i};
                std::vector<std::string> todo{o.to};
                while (!todo.empty()) {
                    const std::string at = todo.back();
                    todo.pop_back();
                    for (std::size_t k : ctx.callsOf(f, at)) {
                        if (!seen.insert(k).second) continue;
                        extra[connections[k].to] += rates[k] * scale;
                        todo.push_back(connections[k].to);
                    }
                }
            }
        }
        if (misses.empty()) continue;
        if (auto it = results.find(cdn.id); it != results.end()) cdnRate = it->second->offeredRps;
        if (cdnRate <= missRate) continue;
        // The component that would be the furthest past its capacity.
        const Component* weakest = nullptr;
        double worst = 1, storm = 0, capacity = 0;
        for (const auto& [id, more] : extra) {
            const Component* c = ctx.component(id);
            auto it = results.find(id);
            if (!c || it == results.end() || ctx.isClient(*c) || ctx.is(*c, KindTrait::Cdn))
                continue;
            const double cap =
                std::max(1, ctx.count(*c, "instances", 1)) * ctx.number(*c, "capacity_rps", 0);
            const double now = it->second->offeredRps;
            if (cap <= 0 || now >= cap) continue; // already saturated: its own finding
            const double ratio = (now + more) / cap;
            if (ratio > worst) {
                worst = ratio;
                weakest = c;
                storm = now + more;
                capacity = cap;
            }
        }
        if (!weakest) continue;
        std::vector<std::string> subjects{cdn.id, weakest->id};
        emit(out, "origin-miss-storm", subjects,
             {{"name", ctx.name(cdn.id)},
              {"origin", ctx.name(weakest->id)},
              {"cdn_rate", rateText(cdnRate)},
              {"miss_rate", rateText(missRate)},
              {"hit", shareText(1 - missRate / cdnRate)},
              {"storm", rateText(storm)},
              {"capacity", rateText(capacity)},
              {"factor", multiplierText(worst)}},
             worst >= kCertainOverload ? Severity::Warning : Severity::Info);
    }
}

} // namespace archlens::rules
