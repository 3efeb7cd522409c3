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
        if (const Component* to = ctx.component(ctx.doc.connections[i].to);
            to && recordStore(ctx, *to))
            ++stores;
    return stores == 1;
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
            const Component* from = ctx.component(conn.from);
            if (!from || !ctx.is(*from, KindTrait::Server) || !writes(ctx, w)) continue;
            if (std::find(writers.begin(), writers.end(), from->id) == writers.end())
                writers.push_back(from->id);
        }
        if (writers.size() < 2) continue;
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
