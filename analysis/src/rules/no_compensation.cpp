// One request that must change state in two or more places that share no transaction: its
// own store, another service (that writes its own), a third party such as a payment
// provider. Each commits on its own, so when a later step fails the earlier ones stand:
// a card charged for an order never stored, a seat held for a booking that failed. Unless
// something undoes the finished steps or settles them afterwards, the half-done state stays
// until a customer complains. Money leaving through a third party is the case that hurts.
#include "rule.h"

#include <set>

namespace archlens::rules {

namespace {

/// A store whose write is a business fact. A cache holds copies; a blob in an object store
/// that no record points to is garbage for a lifecycle rule, not a half-done transaction.
bool storeOfRecord(const Context& ctx, const Component& c) {
    return ctx.isDataStore(c) && !ctx.is(c, KindTrait::Cache) && !ctx.is(c, KindTrait::ObjectStore);
}

/// A third party the request changes something at (a charge, a booking), as opposed to one
/// it only asks (sign-in, name resolution, edge caching).
bool externalStep(const Context& ctx, const Component& c) {
    return ctx.isExternalService(c) && !ctx.is(c, KindTrait::Identity) &&
           !ctx.is(c, KindTrait::Dns) && !ctx.is(c, KindTrait::Cdn);
}

bool runsOwnCode(const Context& ctx, const Component& c) {
    const KindInfo* k = ctx.kind(c);
    return k && k->category == "compute";
}

/// A required synchronous call the flow takes that may change something: one marked as
/// only reading (a write flow that fetches a provider's feed) commits nothing to undo.
bool requiredSyncCall(const Context& ctx, const Connection& conn) {
    return conn.mode == ConnectionMode::Sync && ctx.flag(conn, "required") && !ctx.onlyReads(conn);
}

/// Whether a service called on the flow itself commits something on it: a write to a store
/// of record or a third party.
bool commitsOnFlow(const Context& ctx, std::size_t flow, const Component& service) {
    for (std::size_t i : ctx.callsOf(flow, service)) {
        const Connection& conn = ctx.doc.connections[i];
        const Component* to = ctx.callee(conn);
        if (to && requiredSyncCall(ctx, conn) &&
            (storeOfRecord(ctx, *to) || externalStep(ctx, *to)))
            return true;
    }
    return false;
}

struct Step {
    std::string id;
    bool external = false;
    bool ownStore = false;
};

} // namespace

void noCompensation(const Context& ctx, std::vector<Finding>& out) {
    std::set<std::string> reported;
    for (std::size_t fi = 0; fi < ctx.report.flows.size(); ++fi) {
        const FlowResult& fr = ctx.report.flows[fi];
        const Flow* flow = ctx.doc.flow(fr.id);
        if (!flow || flow->op != "write") continue;
        for (const auto& c : ctx.doc.components) {
            if (!runsOwnCode(ctx, c) || ctx.flag(c, "compensation") || reported.count(c.id))
                continue;
            std::vector<Step> steps;
            std::set<std::string> groups; // an alternative group is one step: any one will do
            for (std::size_t i : ctx.callsOf(fi, c)) {
                const Connection& conn = ctx.doc.connections[i];
                const Component* to = ctx.callee(conn);
                if (!to || !requiredSyncCall(ctx, conn)) continue;
                const bool step = storeOfRecord(ctx, *to) || externalStep(ctx, *to) ||
                                  (runsOwnCode(ctx, *to) && commitsOnFlow(ctx, fi, *to));
                if (!step) continue;
                const Json& group = ctx.prop(conn, "alternative");
                if (group.is_string() && !group.get<std::string>().empty() &&
                    !groups.insert(group.get<std::string>()).second)
                    continue;
                steps.push_back({to->id, externalStep(ctx, *to), storeOfRecord(ctx, *to)});
            }
            // The service's own stores are one owner: it can keep them consistent itself (one
            // database, or one fed from the other), so two of them alone are not a saga.
            std::size_t owners = 0;
            bool ownStore = false;
            for (const auto& s : steps) {
                if (s.ownStore && ownStore) continue;
                ownStore = ownStore || s.ownStore;
                ++owners;
            }
            if (owners < 2) continue;
            reported.insert(c.id);
            std::string names;
            const Step* money = nullptr;
            for (std::size_t s = 0; s < steps.size(); ++s) {
                names += (s == 0                  ? ""
                          : s + 1 == steps.size() ? " and "
                                                  : ", ") +
                         ctx.name(steps[s].id);
                if (steps[s].external && !money) money = &steps[s];
            }
            // The step that can fail after the third party has taken the money: any other.
            const Step* other = nullptr;
            for (const auto& s : steps)
                if (&s != money && !other) other = &s;
            Values values{{"service", ctx.name(c.id)},
                          {"flow", ctx.name(fr.id)},
                          {"count", count(static_cast<double>(owners))},
                          {"steps", names},
                          {"first", ctx.name(steps.front().id)},
                          {"last", ctx.name(steps.back().id)},
                          {"rate", rateText(flow->rate_rps)}};
            if (money) {
                values["external"] = ctx.name(money->id);
                values["other"] = ctx.name(other->id);
                emitVariant(out, "no-compensation", "external", {c.id}, values, Severity::Error);
            } else {
                emit(out, "no-compensation", {c.id}, values);
            }
            out.back().flow = fr.id;
        }
    }
}

} // namespace archlens::rules
