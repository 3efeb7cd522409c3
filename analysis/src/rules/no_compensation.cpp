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

/// What the rule asks of every component and connection on every write flow, read once:
/// a dense design has thousands of services on each.
struct Traits {
    std::vector<char> ownCode, record, external; ///< per component
    std::vector<char> candidate;                 ///< runs its own code and states no compensation
    std::vector<char> required;                  ///< per connection: requiredSyncCall

    explicit Traits(const Context& ctx) {
        const std::size_t n = ctx.doc.components.size();
        ownCode.resize(n);
        record.resize(n);
        external.resize(n);
        candidate.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const Component& c = ctx.doc.components[i];
            ownCode[i] = runsOwnCode(ctx, c);
            record[i] = storeOfRecord(ctx, c);
            external[i] = externalStep(ctx, c);
            candidate[i] = ownCode[i] && !ctx.flag(c, "compensation");
        }
        required.resize(ctx.doc.connections.size());
        for (std::size_t i = 0; i < required.size(); ++i)
            required[i] = requiredSyncCall(ctx, ctx.doc.connections[i]);
    }
    /// A required call from the component into one of the design's.
    bool requiredInto(const Context& ctx, std::size_t connection) const {
        return required[connection] && ctx.to(connection) < ownCode.size();
    }
};

/// Whether a service called on the flow itself commits something on it: a write to a store
/// of record or a third party.
bool commitsOnFlow(const Context& ctx, const Traits& t, std::size_t flow, std::size_t service) {
    for (std::size_t i : ctx.outgoingAt(service)) {
        if (ctx.part(flow, i) != Context::Part::Sync || !t.requiredInto(ctx, i)) continue;
        const std::size_t to = ctx.to(i);
        if (t.record[to] || t.external[to]) return true;
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
    const Traits t(ctx);
    std::vector<char> reported(ctx.doc.components.size(), 0); // by the index of the id
    for (std::size_t fi = 0; fi < ctx.report.flows.size(); ++fi) {
        const FlowResult& fr = ctx.report.flows[fi];
        const Flow* flow = ctx.doc.flow(fr.id);
        if (!flow || flow->op != "write") continue;
        for (std::size_t ci = 0; ci < ctx.doc.components.size(); ++ci) {
            if (!t.candidate[ci] || reported[ctx.idIndex(ci)]) continue;
            const Component& c = ctx.doc.components[ci];
            std::vector<Step> steps;
            std::set<std::string> groups; // an alternative group is one step: any one will do
            // The component's calls the flow takes in its synchronous part (callsOf).
            for (std::size_t i : ctx.outgoing(c)) {
                if (ctx.part(fi, i) != Context::Part::Sync || !t.requiredInto(ctx, i)) continue;
                const Connection& conn = ctx.doc.connections[i];
                const std::size_t to = ctx.to(i);
                const bool step = t.record[to] || t.external[to] ||
                                  (t.ownCode[to] && commitsOnFlow(ctx, t, fi, to));
                if (!step) continue;
                const Json& group = ctx.prop(conn, "alternative");
                if (group.is_string() && !group.get<std::string>().empty() &&
                    !groups.insert(group.get<std::string>()).second)
                    continue;
                steps.push_back(
                    {ctx.doc.components[to].id, t.external[to] != 0, t.record[to] != 0});
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
            reported[ctx.idIndex(ci)] = 1;
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
