#include "content_helpers.h"

#include <algorithm>
#include <cmath>

namespace archlens::rules {

namespace {
std::string scaled(double value, const char* const units[], int count) {
    int unit = 0;
    while (unit + 1 < count && std::abs(value) >= 999.5) {
        value /= 1000;
        ++unit;
    }
    // One decimal below ten ("2.5 MB"), none where it would read ".0" or the number is large.
    const double tenths = std::round(value * 10) / 10;
    const bool decimal = std::abs(tenths) < 9.95 && tenths != std::floor(tenths);
    return (decimal ? fixed(tenths, 1) : rules::count(value)) + " " + units[unit];
}

void addOnce(std::vector<std::string>& ids, const std::string& id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}
} // namespace

std::string sizeText(double kb) {
    static const char* const units[] = {"KB", "MB", "GB", "TB"};
    return scaled(kb, units, 4);
}

std::string bandwidthText(double kbPerSecond) {
    static const char* const units[] = {"KB/s", "MB/s", "GB/s", "TB/s"};
    return scaled(kbPerSecond, units, 4);
}

double connectionRate(const Context& ctx, std::size_t connection) {
    double rate = 0;
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        if (ctx.part(f, connection) == Context::Part::None) continue;
        if (const Flow* flow = ctx.flow(f)) rate += flow->rate_rps;
    }
    return rate * ctx.number(ctx.doc.connections[connection], "calls", 1);
}

std::optional<UninvalidatedCache> uninvalidatedCache(const Context& ctx, const Component& cache) {
    if (!ctx.is(cache, KindTrait::Cache)) return std::nullopt;
    UninvalidatedCache found;
    const auto isStore = [&](const std::string& id) {
        const Component* c = ctx.component(id);
        return c && ctx.isDataStore(*c) && !ctx.is(*c, KindTrait::Cache);
    };
    const auto op = [&](std::size_t f) {
        const Flow* flow = ctx.flow(f);
        return flow ? flow->op : std::string();
    };
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        if (op(f) != "read") continue;
        for (std::size_t i : ctx.incoming(cache)) {
            if (ctx.part(f, i) == Context::Part::None) continue;
            addOnce(found.readFlows, ctx.report.flows[f].id);
            // Read-through: the cache calls the store. Cache-aside: the caller reads the store
            // on a miss, a call made for a fraction of requests (calls below 1); a store the
            // caller reads on every request is other data, not what the cache holds.
            for (std::size_t j : ctx.callsOf(f, cache, true))
                if (isStore(ctx.doc.connections[j].to))
                    addOnce(found.stores, ctx.doc.connections[j].to);
            for (std::size_t j : ctx.callsOf(f, ctx.doc.connections[i].from, true)) {
                const Connection& miss = ctx.doc.connections[j];
                if (isStore(miss.to) && ctx.number(miss, "calls", 1) < 1)
                    addOnce(found.stores, miss.to);
            }
        }
    }
    if (found.stores.empty()) return std::nullopt;
    std::vector<std::string> written;
    for (std::size_t f = 0; f < ctx.report.flows.size(); ++f) {
        if (op(f) != "write") continue;
        // A write that reaches the cache at all (an update, a delete, a consumer of a change
        // stream) is a way to invalidate: the rule only asks when there is none.
        for (std::size_t i : ctx.incoming(cache))
            if (ctx.part(f, i) != Context::Part::None) return std::nullopt;
        for (const auto& store : found.stores)
            for (std::size_t i : ctx.incoming(store))
                if (ctx.part(f, i) != Context::Part::None) {
                    addOnce(found.writeFlows, ctx.report.flows[f].id);
                    addOnce(written, store);
                }
    }
    if (found.writeFlows.empty()) return std::nullopt;
    found.stores = written; // name only the stores whose changes the cache misses
    std::sort(found.stores.begin(), found.stores.end(), [&](const auto& a, const auto& b) {
        return ctx.component(a) < ctx.component(b); // document order
    });
    return found;
}

} // namespace archlens::rules
