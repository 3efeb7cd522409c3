// The Context's answers by index, worked out once per analysis run: connection ends,
// figures, which flows a connection carries, and each flow's rates. Rules ask these on
// every flow, and a dense design has thousands of components on each: looking ids up in
// hash maps and reading JSON properties there cost more than the rules' own work.
#include "rule.h"

namespace archlens::rules {

namespace {
/// Index of an end named by `id`: its component's, else one of the extra ends past them.
std::size_t endOf(const std::string& id, std::size_t components,
                  const std::unordered_map<std::string, size_t>& componentIndex,
                  std::unordered_map<std::string, size_t>& others) {
    if (auto it = componentIndex.find(id); it != componentIndex.end()) return it->second;
    return others.emplace(id, components + others.size()).first->second;
}
} // namespace

void Context::indexConnections() {
    const std::size_t n = doc.components.size(), m = doc.connections.size();
    auto& others = otherEnds_;
    from_.resize(m);
    to_.resize(m);
    for (std::size_t i = 0; i < m; ++i) {
        from_[i] = endOf(doc.connections[i].from, n, componentIndex_, others);
        to_[i] = endOf(doc.connections[i].to, n, componentIndex_, others);
    }
    outAt_.assign(n + others.size(), {});
    inAt_.assign(n + others.size(), {});
    for (std::size_t i = 0; i < m; ++i) {
        outAt_[from_[i]].push_back(i);
        inAt_[to_[i]].push_back(i);
    }
    calls_.resize(m);
    carrier_.assign(m, Carrier::Always);
    lists_.assign(m, nullptr);
    readWrite_.assign(m, 0);
    for (std::size_t i = 0; i < m; ++i) {
        const Connection& c = doc.connections[i];
        Call& call = calls_[i];
        call.calls = number(c, "calls", 1);
        call.retries = count(c, "retries", 0);
        call.retried = number(c, "retries", 0) > 0;
        call.parallel = flag(c, "parallel");
        const Json& timeout = prop(c, "timeout_ms");
        call.hasTimeout = timeout.is_number();
        call.timeout = call.hasTimeout ? timeout.get<double>() : 0;
        // carriesFlow's rule: replication carries nothing; a flows list, exactly those
        // flows; else an ops list, the flows of those ops; else every flow.
        if (c.mode == ConnectionMode::Replication) {
            carrier_[i] = Carrier::Never;
        } else if (auto flows = c.props.find("flows");
                   flows != c.props.end() && flows->is_array()) {
            carrier_[i] = Carrier::Flows;
            lists_[i] = &*flows;
        } else if (auto ops = c.props.find("ops"); ops != c.props.end() && ops->is_array()) {
            carrier_[i] = Carrier::Ops;
            lists_[i] = &*ops;
            for (const Json& item : *ops)
                if (const auto* text = item.get_ptr<const std::string*>()) {
                    if (*text == "read") readWrite_[i] |= 1;
                    if (*text == "write") readWrite_[i] |= 2;
                }
        }
    }
}

bool Context::carries(std::size_t connection, const Flow& flow) const {
    if (connection >= carrier_.size()) return false;
    const std::string* wanted = nullptr;
    switch (carrier_[connection]) {
    case Carrier::Never:
        return false;
    case Carrier::Always:
        return true;
    case Carrier::Flows:
        wanted = &flow.id;
        break;
    case Carrier::Ops:
        if (flow.op == "read") return readWrite_[connection] & 1;
        if (flow.op == "write") return readWrite_[connection] & 2;
        wanted = &flow.op;
        break;
    }
    // The same test as comparing with Json(*wanted): a string item equal to it.
    for (const Json& item : *lists_[connection])
        if (const auto* text = item.get_ptr<const std::string*>(); text && *text == *wanted)
            return true;
    return false;
}

const std::vector<double>& Context::rates(std::size_t flow) const {
    static const std::vector<double> none;
    if (flow >= rates_.size()) return none;
    std::call_once(ratesOnce_[flow], [&] { computeRates(flow); });
    return rates_[flow];
}

void Context::computeRates(std::size_t flowIndex) const {
    std::vector<double>& rates = rates_[flowIndex];
    rates.assign(doc.connections.size(), 0.0);
    const Flow* flow = flows_[flowIndex];
    if (!flow) return;
    // Rate arriving at each end: memoised over the flow's connections, which the analysis
    // keeps free of cycles; `visiting` cuts one all the same (to 0, at the end first met
    // again, so the order of the questions below is the one the figures depend on).
    enum : char { kNotYet, kVisiting, kDone };
    std::vector<double> arriving(outAt_.size(), 0.0);
    std::vector<char> state(outAt_.size(), kNotYet);
    const std::size_t entry = endIndex(flow->entry); // outAt_.size(): no connection names it
    std::function<double(std::size_t)> rateAt = [&](std::size_t at) -> double {
        if (state[at] == kDone) return arriving[at];
        if (state[at] == kVisiting) return 0.0;
        state[at] = kVisiting;
        double rate = at == entry ? flow->rate_rps : 0.0;
        for (std::size_t i : inAt_[at]) {
            if (part(flowIndex, i) == Part::None) continue;
            rate += rateAt(from_[i]) * calls_[i].calls;
        }
        state[at] = kDone;
        arriving[at] = rate;
        return rate;
    };
    for (std::size_t i = 0; i < doc.connections.size(); ++i)
        if (part(flowIndex, i) != Part::None) rates[i] = rateAt(from_[i]) * calls_[i].calls;
}

} // namespace archlens::rules
