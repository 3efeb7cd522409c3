// DNS in front of entry points in two or more regions: the design moves clients between
// regions by changing a record. Resolvers and clients keep the old answer for its TTL (some
// for longer), so every failover strands users on the dead region for that long, and a TTL
// chosen without the availability target in mind can spend the year's downtime budget in
// one incident. The numbers to weigh are the minutes per failover against that budget.
#include "flow_helpers.h"

#include <algorithm>
#include <set>

namespace archlens::rules {

namespace {
constexpr double kMinutesPerYear = 365.25 * 24 * 60;
/// A failover that alone spends this share of the year's budget leaves room for too few:
/// regions fail more than once or twice a year, and detection and resolvers that ignore
/// the TTL add to each one.
constexpr double kFailoverShare = 0.25;

/// Regions the component's instances are placed in, in zone order.
std::vector<std::string> regionsOf(const Context& ctx, const Component& c) {
    std::vector<std::string> regions;
    const Json& zones = ctx.prop(c, "zones");
    if (!zones.is_array()) return regions;
    for (const auto& z : zones) {
        const Zone* zone = z.is_string() ? ctx.doc.zone(z.get<std::string>()) : nullptr;
        if (zone && !zone->region.empty() &&
            std::find(regions.begin(), regions.end(), zone->region) == regions.end())
            regions.push_back(zone->region);
    }
    return regions;
}
} // namespace

void dnsFailoverTtl(const Context& ctx, std::vector<Finding>& out) {
    const auto& connections = ctx.doc.connections;
    for (const auto& dns : ctx.doc.components) {
        if (!ctx.is(dns, KindTrait::Dns)) continue;
        // What the name leads to: the DNS's own callees, and the other components the clients
        // that resolve through it call directly (DNS is usually drawn beside the path).
        std::vector<std::string> clients, entries;
        auto entry = [&](const std::string& id) {
            const Component* e = ctx.component(id);
            // Entry points are the design's own front doors; a CDN, a third party or a store
            // the client reaches directly (a signed upload URL) has a name of its own.
            if (!e || e->id == dns.id || ctx.isClient(*e) || ctx.is(*e, KindTrait::Dns) ||
                ctx.is(*e, KindTrait::Cdn) || ctx.isExternalService(*e) || ctx.isDataStore(*e) ||
                ctx.isMessageBroker(*e))
                return;
            if (std::find(entries.begin(), entries.end(), id) == entries.end())
                entries.push_back(id);
        };
        for (std::size_t i : ctx.outgoing(dns))
            if (connections[i].mode != ConnectionMode::Replication) entry(connections[i].to);
        for (std::size_t i : ctx.incoming(dns)) {
            const Component* client = ctx.caller(connections[i]);
            if (!client || !ctx.isClient(*client)) continue;
            clients.push_back(client->id);
            for (std::size_t j : ctx.outgoing(*client))
                if (connections[j].mode != ConnectionMode::Replication) entry(connections[j].to);
        }
        std::vector<std::string> regions;
        for (const auto& id : entries)
            for (const auto& region : regionsOf(ctx, *ctx.component(id)))
                if (std::find(regions.begin(), regions.end(), region) == regions.end())
                    regions.push_back(region);
        if (regions.size() < 2) continue;
        // The strictest availability target of the users' flows that start at those clients.
        std::optional<double> target;
        for (const auto& r : ctx.report.flows) {
            const Flow* flow = ctx.doc.flow(r.id);
            if (r.background || !flow ||
                std::find(clients.begin(), clients.end(), flow->entry) == clients.end())
                continue;
            if (const auto t = flowTargets(ctx.doc, r).availability; t && (!target || *t > *target))
                target = t;
        }
        if (!target && ctx.doc.requirements.availability)
            target = ctx.doc.requirements.availability;
        if (!target || *target >= 1) continue;
        const double budget = (1 - *target) * kMinutesPerYear;
        std::string regionList;
        for (std::size_t i = 0; i < regions.size(); ++i)
            regionList += (i == 0 ? "" : i + 1 == regions.size() ? " and " : ", ") + regions[i];
        Values values{{"name", ctx.name(dns.id)},
                      {"regions", regionList},
                      {"region", regions.front()},
                      {"entries", namesOf(ctx, entries)},
                      {"target", availabilityInputText(*target)},
                      {"budget", downtimeText(budget)}};
        if (!dns.props.contains("ttl_s")) {
            emitVariant(out, "dns-failover-ttl", "unstated", {dns.id}, values, Severity::Info);
            continue;
        }
        const double ttlMin = ctx.number(dns, "ttl_s", 0) / 60;
        if (ttlMin < kFailoverShare * budget) continue;
        values["ttl"] = durationInputText(ttlMin * 60, "s");
        values["share"] = shareText(ttlMin / budget);
        if (ttlMin >= budget) { // one failover is already past the year's budget
            emitVariant(out, "dns-failover-ttl", "beyond", {dns.id}, values);
            continue;
        }
        values["failovers"] = fixed(budget / ttlMin, 1);
        emit(out, "dns-failover-ttl", {dns.id}, values);
    }
}

} // namespace archlens::rules
