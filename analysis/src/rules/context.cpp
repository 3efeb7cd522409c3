#include "rule.h"

#include "parallel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

namespace archlens::rules {

namespace {
const std::vector<size_t> kNone;
}

Context::Context(const Document& d, const Catalogue& cat, const Report& r, unsigned threads)
    : doc(d), catalogue(cat), report(r) {
    const std::size_t n = doc.components.size();
    kinds_.reserve(n);
    componentIndex_.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        componentIndex_[doc.components[i].id] = i;
        kinds_.push_back(catalogue.kind(doc.components[i].kind));
    }
    canonical_.resize(n);
    for (size_t i = 0; i < n; ++i)
        canonical_[i] = componentIndex_[doc.components[i].id];
    for (size_t i = doc.flows.size(); i-- > 0;)
        flowIndex_[doc.flows[i].id] = i; // the first of a repeated id, as Document::flow
    results_.assign(n, nullptr);
    for (const auto& result : report.components)
        if (auto it = componentIndex_.find(result.id);
            it != componentIndex_.end() && !results_[it->second])
            results_[it->second] = &result; // the first, as Report::component finds it
    indexConnections();
    std::unordered_map<std::string, size_t> connectionIndex;
    connectionIndex.reserve(doc.connections.size());
    for (size_t i = 0; i < doc.connections.size(); ++i)
        connectionIndex[doc.connections[i].id] = i;
    flows_.reserve(report.flows.size());
    for (const auto& f : report.flows)
        flows_.push_back(doc.flow(f.id));
    rates_.resize(report.flows.size());
    ratesOnce_ = std::make_unique<std::once_flag[]>(report.flows.size());
    // Each flow's parts, from the ids the report names them by: on a dense design that is
    // hundreds of thousands of ids to look up (about 35 ms on one thread on the dense 10k
    // bench design, before any rule can start), so the flows are shared out between the
    // threads.
    parts_.resize(report.flows.size());
    inSync_.resize(report.flows.size());
    syncPart_.resize(report.flows.size());
    taken_.resize(report.flows.size());
    const std::size_t work = report.flows.size() * (doc.components.size() + doc.connections.size());
    detail::parallelFor(report.flows.size(), detail::threadsFor(work, threads),
                        [&](std::size_t f, unsigned) { indexFlow(f, connectionIndex); });
}

void Context::indexFlow(std::size_t f,
                        const std::unordered_map<std::string, size_t>& connectionIndex) {
    const FlowResult& flow = report.flows[f];
    inSync_[f].assign(doc.components.size(), 0);
    syncPart_[f].reserve(flow.syncComponents.size());
    for (const auto& id : flow.syncComponents)
        if (auto it = componentIndex_.find(id); it != componentIndex_.end()) {
            inSync_[f][it->second] = 1;
            syncPart_[f].push_back(it->second);
        }
    parts_[f].assign(doc.connections.size(), Part::None);
    auto mark = [&](const std::vector<std::string>& ids, Part part) {
        for (const auto& id : ids)
            if (auto it = connectionIndex.find(id); it != connectionIndex.end())
                parts_[f][it->second] = part;
    };
    mark(flow.tailConnections, Part::Tail);
    mark(flow.syncConnections, Part::Sync);
    for (size_t i = 0; i < parts_[f].size(); ++i)
        if (parts_[f][i] != Part::None) taken_[f].push_back(i);
}

const std::vector<std::size_t>& Context::flowCalls(std::size_t flow) const {
    static const std::vector<std::size_t> none;
    return flow < taken_.size() ? taken_[flow] : none;
}

const std::vector<std::size_t>& Context::syncPart(std::size_t flow) const {
    static const std::vector<std::size_t> none;
    return flow < syncPart_.size() ? syncPart_[flow] : none;
}

bool Context::inSyncPart(std::size_t flow, const std::string& componentId) const {
    if (flow >= inSync_.size()) return false;
    auto it = componentIndex_.find(componentId);
    return it != componentIndex_.end() && inSync_[flow][it->second];
}

namespace {
// Of a component's outgoing connections, those the flow takes in its synchronous part (and
// in its tail when asked): one filter for callsOf by id and by component.
std::vector<std::size_t> takenBy(const Context& ctx, std::size_t flow,
                                 const std::vector<size_t>& outgoing, bool tailToo) {
    std::vector<std::size_t> calls;
    for (size_t i : outgoing) {
        const Context::Part p = ctx.part(flow, i);
        if (p == Context::Part::Sync || (tailToo && p == Context::Part::Tail)) calls.push_back(i);
    }
    return calls;
}
} // namespace

std::vector<std::size_t> Context::callsOf(std::size_t flow, const std::string& componentId,
                                          bool tailToo) const {
    return takenBy(*this, flow, outgoing(componentId), tailToo);
}

std::vector<std::size_t> Context::callsOf(std::size_t flow, const Component& c,
                                          bool tailToo) const {
    return takenBy(*this, flow, outgoing(c), tailToo);
}

bool Context::userWaitsOn(std::size_t connection) const {
    for (std::size_t f = 0; f < report.flows.size(); ++f)
        if (!report.flows[f].background && part(f, connection) == Part::Sync) return true;
    return false;
}

std::vector<std::string> Context::overloadedOn(const FlowResult& flow) const {
    std::vector<std::string> ids;
    for (const auto& id : flow.syncComponents)
        if (const ComponentResult* r = result(id); r && r->utilisation >= 1) ids.push_back(id);
    return ids;
}

std::size_t Context::indexOf(const Component& c) const {
    // Pointers into one array compare as its indices; std::less orders any two.
    const Component* first = doc.components.data();
    if (!std::less<const Component*>{}(&c, first) &&
        std::less<const Component*>{}(&c, first + doc.components.size()))
        return static_cast<std::size_t>(&c - first);
    return componentIndex(c.id);
}

std::size_t Context::indexOf(const Connection& c) const {
    const Connection* first = doc.connections.data();
    if (!std::less<const Connection*>{}(&c, first) &&
        std::less<const Connection*>{}(&c, first + doc.connections.size()))
        return static_cast<std::size_t>(&c - first);
    return doc.connections.size();
}

const Component* Context::callee(const Connection& c) const {
    const std::size_t i = indexOf(c);
    if (i == doc.connections.size()) return component(c.to);
    return to_[i] < doc.components.size() ? &doc.components[to_[i]] : nullptr;
}

const Component* Context::caller(const Connection& c) const {
    const std::size_t i = indexOf(c);
    if (i == doc.connections.size()) return component(c.from);
    return from_[i] < doc.components.size() ? &doc.components[from_[i]] : nullptr;
}

const ComponentResult* Context::result(const std::string& id) const {
    auto it = componentIndex_.find(id);
    return it == componentIndex_.end() ? report.component(id) : results_[it->second];
}

const KindInfo* Context::kind(const Component& c) const {
    const Component* first = doc.components.data();
    if (!std::less<const Component*>{}(&c, first) &&
        std::less<const Component*>{}(&c, first + doc.components.size()))
        return kinds_[static_cast<std::size_t>(&c - first)];
    return catalogue.kind(c.kind); // a copy may have another kind than the original
}

const Component* Context::component(const std::string& id) const {
    auto it = componentIndex_.find(id);
    return it == componentIndex_.end() ? nullptr : &doc.components[it->second];
}

std::size_t Context::componentIndex(const std::string& id) const {
    auto it = componentIndex_.find(id);
    return it == componentIndex_.end() ? doc.components.size() : it->second;
}

const Json& Context::prop(const Component& c, const std::string& key) const {
    static const Json none;
    const KindInfo* k = kind(c);
    return k ? catalogue.componentValue(*k, c.props, key) : none;
}
const Json& Context::prop(const Connection& c, const std::string& key) const {
    return catalogue.connectionValue(c.props, key);
}

bool Context::flag(const Component& c, const std::string& key) const {
    return prop(c, key) == true;
}
bool Context::flag(const Connection& c, const std::string& key) const {
    return prop(c, key) == true;
}

double Context::number(const Component& c, const std::string& key, double fallback) const {
    const Json& v = prop(c, key);
    return v.is_number() ? v.get<double>() : fallback;
}
double Context::number(const Connection& c, const std::string& key, double fallback) const {
    const Json& v = prop(c, key);
    return v.is_number() ? v.get<double>() : fallback;
}

namespace {
int clampedCount(double v) {
    if (!(v >= 0)) return 0;
    return v >= 1000000 ? 1000000 : static_cast<int>(v);
}
} // namespace

int Context::count(const Component& c, const std::string& key, int fallback) const {
    return clampedCount(number(c, key, fallback));
}
int Context::count(const Connection& c, const std::string& key, int fallback) const {
    return clampedCount(number(c, key, fallback));
}

bool Context::carries(const Connection& c, const Flow& flow) const {
    // The model's rule, which Graph::carries caches for the passes: a connection that names
    // its flows carries exactly those, whatever their operation (its ops then say what the
    // call itself does: a write flow that reads a feed).
    return carriesFlow(c, flow);
}

bool Context::onlyReads(const Connection& c) const {
    // An empty list carries every operation, like no list at all (Graph::carries).
    auto ops = c.props.find("ops");
    if (ops == c.props.end() || !ops->is_array() || ops->empty()) return false;
    for (const auto& op : *ops)
        if (op == "write") return false;
    return true;
}

const std::vector<size_t>& Context::outgoing(const Component& c) const {
    const std::size_t i = indexOf(c);
    // The lists are by the index an id looks up: a repeated id's components share one.
    return i < canonical_.size() ? outAt_[canonical_[i]] : outgoing(c.id);
}
const std::vector<size_t>& Context::incoming(const Component& c) const {
    const std::size_t i = indexOf(c);
    return i < canonical_.size() ? inAt_[canonical_[i]] : incoming(c.id);
}

const std::vector<size_t>& Context::outgoingAt(std::size_t component) const {
    return component < outAt_.size() ? outAt_[component] : kNone;
}
const std::vector<size_t>& Context::incomingAt(std::size_t component) const {
    return component < inAt_.size() ? inAt_[component] : kNone;
}

// An id's connections are those of the end it names (its component's, or one of the other
// ends), in the order of the document: what a map from the id to its connections would
// hold, without building one on every run.
std::size_t Context::endIndex(const std::string& id) const {
    if (auto it = componentIndex_.find(id); it != componentIndex_.end()) return it->second;
    if (auto it = otherEnds_.find(id); it != otherEnds_.end()) return it->second;
    return outAt_.size();
}
const std::vector<size_t>& Context::outgoing(const std::string& id) const {
    return outgoingAt(endIndex(id));
}
const std::vector<size_t>& Context::incoming(const std::string& id) const {
    return incomingAt(endIndex(id));
}

std::string Context::name(const std::string& id) const {
    if (const Component* c = component(id)) return c->name.empty() ? id : c->name;
    // Findings name their flows by id, thousands of times on a large design.
    if (auto it = flowIndex_.find(id); it != flowIndex_.end()) {
        const Flow& f = doc.flows[it->second];
        return f.name.empty() ? id : f.name;
    }
    return id;
}

std::string Context::endName(std::size_t end, const std::string& id) const {
    if (end >= doc.components.size()) return name(id);
    const Component& c = doc.components[end];
    return c.name.empty() ? c.id : c.name;
}

std::string Context::describe(const Connection& c) const {
    // A finding describes its connection, and a large design has tens of thousands.
    if (const std::size_t i = indexOf(c); i < doc.connections.size())
        return endName(from_[i], c.from) + " → " + endName(to_[i], c.to);
    return name(c.from) + " → " + name(c.to);
}

bool Context::is(const Component& c, KindTrait trait) const {
    const KindInfo* k = kind(c);
    return k && k->is(trait);
}
bool Context::isMessageBroker(const Component& c) const {
    const KindInfo* k = kind(c);
    return k && k->isMessageBroker();
}
bool Context::isDataStore(const Component& c) const {
    const KindInfo* k = kind(c);
    return k && k->category == "data";
}
bool Context::isApplication(const Component& c) const {
    return is(c, KindTrait::Server) || is(c, KindTrait::Serverless);
}
bool Context::isExternalService(const Component& c) const {
    const KindInfo* k = kind(c);
    return k && k->category == "external";
}

std::string fixed(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string count(double value) {
    const long long n = std::llround(value);
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

} // namespace archlens::rules
