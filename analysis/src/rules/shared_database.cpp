// Several services writing one store are one system in disguise: none of them owns the
// data's rules, a schema change must be released by all of them together, and one
// service's heavy job slows the others. A worker writing the store of the service it
// belongs to is normal, so only servers (the request-handling services) count.
#include "data_helpers.h"

#include <algorithm>

namespace archlens::rules {

namespace {
/// A store of records that services could share (caches and object storage are not).
bool recordStore(const Context& ctx, const Component& c) {
    return ctx.isDataStore(c) && !ctx.is(c, KindTrait::Cache) && !ctx.is(c, KindTrait::ObjectStore);
}

/// Whether the call writes the store. A write flow also reads on its way (a look-up before
/// the insert), and a connection without `ops` cannot say which it does: when the service
/// calls one store on that flow, that is the store it writes; when it calls several, only
/// a connection whose `ops` name writes is taken for one.
bool writes(const Context& ctx, const StoreAccess& access) {
    const Connection& c = ctx.doc.connections[access.connection];
    if (auto ops = c.props.find("ops"); ops != c.props.end() && ops->is_array()) return true;
    int stores = 0;
    for (std::size_t i : ctx.callsOf(access.flow, c.from, true))
        if (const Component* to = ctx.callee(ctx.doc.connections[i]); to && recordStore(ctx, *to))
            ++stores;
    return stores == 1;
}
/// How many services the writers are. One service deployed in several regions is drawn
/// as one box per region: boxes of the same kind whose regions do not overlap are taken
/// for deployments of one service, not for services sharing a schema.
std::size_t services(const Context& ctx, const std::vector<std::string>& writers) {
    std::vector<std::vector<const Component*>> groups;
    for (const auto& id : writers) {
        const Component* w = ctx.component(id);
        const auto regions = regionsOf(ctx, *w);
        auto sameService = [&](const std::vector<const Component*>& group) {
            if (regions.empty() || group.front()->kind != w->kind) return false;
            for (const Component* other : group)
                for (const auto& r : regionsOf(ctx, *other))
                    if (r.empty() || regions.count(r)) return false;
            return std::all_of(group.begin(), group.end(), [&](const Component* other) {
                return !regionsOf(ctx, *other).empty();
            });
        };
        auto it = std::find_if(groups.begin(), groups.end(), sameService);
        if (it == groups.end())
            groups.push_back({w});
        else
            it->push_back(w);
    }
    return groups.size();
}
} // namespace

void sharedDatabase(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& c : ctx.doc.components) {
        // A cache is a copy, and blobs in object storage are written once by whoever makes
        // them: sharing either does not tie the services' schemas together.
        if (!recordStore(ctx, c)) continue;
        std::vector<std::string> writers;
        for (const auto& w : accessesTo(ctx, c.id, "write")) {
            const Connection& conn = ctx.doc.connections[w.connection];
            const Component* from = ctx.caller(conn);
            if (!from || !ctx.is(*from, KindTrait::Server) || !writes(ctx, w)) continue;
            if (std::find(writers.begin(), writers.end(), from->id) == writers.end())
                writers.push_back(from->id);
        }
        if (services(ctx, writers) < 2) continue;
        const std::string names = namesOf(ctx, writers);
        std::vector<std::string> subjects{c.id};
        subjects.insert(subjects.end(), writers.begin(), writers.end());
        emit(out, "shared-database", subjects,
             {{"store", ctx.name(c.id)},
              {"writers", names},
              {"count", count(static_cast<double>(writers.size()))},
              {"first", ctx.name(writers.front())}});
    }
}

} // namespace archlens::rules
