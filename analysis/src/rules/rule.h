#pragma once
// What every rule file sees: the document, the catalogue, the report's numbers, quick
// look-ups, and a way to emit a finding from the rule's texts.
#include "archlens/analysis/rules.h"

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace archlens::rules {

/// Why a zone is a single point of failure: the redundant components that keep every
/// instance they need in it. When every component lost with the zone lacks redundancy of
/// its own, their findings explain the zone and `spread` is empty.
struct ZoneCause {
    std::string zone;
    std::vector<std::string> flows;  ///< flows that fail when the zone fails
    std::vector<std::string> spread; ///< redundant components lost with it, document order
};

/// Read-only view of one analysis run, shared by all rules, which may ask it from several
/// threads at once. What rules ask on every flow (a connection's ends, a component's
/// connections and kind, a flow's parts and rates) is answered by index, worked out once
/// when the Context is made (the rates at the first question about a flow); each answer by
/// index is the one the same question by id gives, on any document, valid or not.
class Context {
public:
    /// `threads` as AnalysisOptions::threads (0: every core); a small design uses one.
    Context(const Document& doc, const Catalogue& catalogue, const Report& report,
            unsigned threads = 1);

    const Document& doc;
    const Catalogue& catalogue;
    const Report& report;

    const Component* component(const std::string& id) const;
    /// Index into doc.components of a component, or doc.components.size() when none has it.
    std::size_t componentIndex(const std::string& id) const;
    /// The same for a component of the document, from its address (constant time, no id
    /// hashed); a copy from elsewhere is looked up by its id.
    std::size_t indexOf(const Component& c) const;
    /// componentIndex of the id of the component at `component` (an index into
    /// doc.components), without hashing it: the component's own index, or another one's
    /// when the id is repeated.
    std::size_t idIndex(std::size_t component) const { return canonical_[component]; }
    /// Index into doc.connections of a connection of the document, from its address, or
    /// doc.connections.size() for a connection from elsewhere.
    std::size_t indexOf(const Connection& c) const;
    /// The caller and callee of a connection (index into doc.connections) as indices into
    /// doc.components, worked out once, as rules ask for them on every flow. An id no
    /// component has gets an index of its own at or past doc.components.size(), which
    /// outgoingAt and incomingAt answer for as outgoing and incoming do for the id.
    std::size_t from(std::size_t connection) const { return from_[connection]; }
    std::size_t to(std::size_t connection) const { return to_[connection]; }
    /// The callee of a connection, nullptr when no component has its id.
    const Component* callee(const Connection& c) const;
    const Component* caller(const Connection& c) const;
    /// The analysis' result for a component, in constant time (Report::component searches).
    const ComponentResult* result(const std::string& componentId) const;
    /// The document's flow behind a flow of the report (index into report.flows), found
    /// once: rules ask for it inside loops over flows and connections.
    const Flow* flow(std::size_t reportFlow) const {
        return reportFlow < flows_.size() ? flows_[reportFlow] : nullptr;
    }
    /// The component's kind, found once per component of the document.
    const KindInfo* kind(const Component& c) const;
    /// Effective property of a component / connection (its own value, else the default).
    const Json& prop(const Component& c, const std::string& key) const;
    const Json& prop(const Connection& c, const std::string& key) const;
    bool flag(const Component& c, const std::string& key) const;
    bool flag(const Connection& c, const std::string& key) const;
    double number(const Component& c, const std::string& key, double fallback = 0) const;
    double number(const Connection& c, const std::string& key, double fallback = 0) const;
    /// A whole-number property as an int, clamped to [0, 1000000] before it is narrowed.
    int count(const Component& c, const std::string& key, int fallback) const;
    int count(const Connection& c, const std::string& key, int fallback) const;
    /// Whether the connection carries the flow (its ops and flows lists allow it).
    bool carries(const Connection& c, const Flow& flow) const;
    /// The same for a connection by index, without building a JSON value per question.
    bool carries(std::size_t connection, const Flow& flow) const;

    /// A connection's figures that rules ask for on every flow, read from its properties
    /// (with the catalogue's defaults) once.
    struct Call {
        double calls = 1;     ///< "calls"
        int retries = 0;      ///< "retries" as count() reads it
        bool retried = false; ///< any positive "retries", even below 1
        bool parallel = false;
        bool hasTimeout = false;
        double timeout = 0; ///< "timeout_ms" when it is a number
    };
    const Call& call(std::size_t connection) const { return calls_[connection]; }
    /// Whether the call only reads (its ops are set and hold no write), even on a write flow.
    bool onlyReads(const Connection& c) const;

    /// Where a flow of the report (index into report.flows) takes a connection (index into
    /// doc.connections): the paths the analysis found, so rules about paths never chain
    /// connections that no single flow traverses.
    enum class Part : char { None, Sync, Tail };
    Part part(std::size_t flow, std::size_t connection) const {
        if (flow >= parts_.size() || connection >= parts_[flow].size()) return Part::None;
        return parts_[flow][connection];
    }
    /// The connections a flow takes (its synchronous part and its tail), as indices into
    /// doc.connections in document order: a rule that walks one flow's calls need not test
    /// every connection of a large design.
    const std::vector<std::size_t>& flowCalls(std::size_t flow) const;
    /// Whether the component is in the flow's synchronous part (FlowResult::syncComponents),
    /// in constant time.
    bool inSyncPart(std::size_t flow, const std::string& componentId) const;
    bool inSyncPart(std::size_t flow, std::size_t component) const {
        return flow < inSync_.size() && component < inSync_[flow].size() &&
               inSync_[flow][component];
    }
    /// The flow's synchronous part as indices into doc.components, in the order of
    /// FlowResult::syncComponents (ids no component has left out).
    const std::vector<std::size_t>& syncPart(std::size_t flow) const;
    /// Requests per second one flow of the report sends over each connection it takes, sync
    /// part and tail, indexed like doc.connections: its rate times the `calls` multipliers
    /// along the way (retries and fall-backs of `alternative` groups not counted, as the load
    /// pass leaves them out at steady state); 0 where it does not go. Worked out at the first
    /// question about the flow and kept: several rules ask, on several threads.
    const std::vector<double>& rates(std::size_t flow) const;
    /// Connections leaving a component that the flow takes in its synchronous part (and,
    /// with `tailToo`, in its asynchronous tail), in document order.
    std::vector<std::size_t> callsOf(std::size_t flow, const std::string& componentId,
                                     bool tailToo = false) const;
    /// The same for a component, without hashing its id when it is one of the document's.
    std::vector<std::size_t> callsOf(std::size_t flow, const Component& c,
                                     bool tailToo = false) const;
    /// Whether a user-facing flow waits on the connection (it is in its synchronous part).
    bool userWaitsOn(std::size_t connection) const;
    /// Components of the flow's synchronous part at or past their capacity.
    std::vector<std::string> overloadedOn(const FlowResult& flow) const;
    /// Indices into doc.connections of the connections leaving a component.
    const std::vector<size_t>& outgoing(const std::string& componentId) const;
    const std::vector<size_t>& incoming(const std::string& componentId) const;
    /// The same for a component, without hashing its id when it is one of the document's.
    const std::vector<size_t>& outgoing(const Component& c) const;
    const std::vector<size_t>& incoming(const Component& c) const;
    /// The same by index into doc.components (or an index from() or to() gave).
    const std::vector<size_t>& outgoingAt(std::size_t component) const;
    const std::vector<size_t>& incomingAt(std::size_t component) const;
    /// Display name of an element for messages: "Orders DB" (or its id).
    std::string name(const std::string& id) const;
    /// name(id) for the end index that from() or to() gave for `id`, without hashing it
    /// when the end is a component.
    std::string endName(std::size_t end, const std::string& id) const;
    /// "Checkout service -> Payment provider"
    std::string describe(const Connection& c) const;

    /// What a component is, read from its kind in the catalogue, never from its kind id:
    /// a kind added to the catalogue with the right traits is then treated like the
    /// built-in ones. A component of a kind the catalogue lacks is none of these.
    bool is(const Component& c, KindTrait trait) const;
    /// A queue, topic or stream: callers wait only for the hand-over (KindInfo).
    bool isMessageBroker(const Component& c) const;
    /// A store of the design's data: its kind is in the catalogue's "data" category.
    bool isDataStore(const Component& c) const;
    bool isClient(const Component& c) const { return is(c, KindTrait::Client); }
    /// The design's own request-handling code, as servers or serverless functions: what
    /// authentication and rate limits exist to protect.
    bool isApplication(const Component& c) const;
    /// A third party's service: its kind is in the catalogue's "external" category.
    bool isExternalService(const Component& c) const;

    /// Every zone that is a single point of failure of some flow, in the report's order, with
    /// its cause: worked out at the first question (three rules ask) and kept.
    const std::vector<ZoneCause>& zoneCauses() const;

private:
    void indexConnections();
    /// The parts of one flow of the report (parts_, inSync_, syncPart_, taken_).
    void indexFlow(std::size_t flow,
                   const std::unordered_map<std::string, size_t>& connectionIndex);
    void computeRates(std::size_t flow) const;
    /// The end (into outAt_ and inAt_) an id names, or outAt_.size() when none does.
    std::size_t endIndex(const std::string& id) const;

    std::vector<std::vector<Part>> parts_; ///< per report flow, per connection
    std::vector<std::vector<std::size_t>> taken_; ///< per report flow (flowCalls)
    std::vector<const Flow*> flows_;       ///< per report flow
    std::vector<std::vector<char>> inSync_; ///< per report flow, per component
    std::vector<std::vector<std::size_t>> syncPart_; ///< per report flow
    std::unordered_map<std::string, size_t> componentIndex_;
    std::unordered_map<std::string, size_t> flowIndex_; ///< into doc.flows
    /// Per connection, its ends: indices into doc.components, then one past them for each
    /// other id a connection names, so that the rates follow those as their ids do.
    std::vector<std::size_t> from_, to_;
    std::vector<std::vector<size_t>> outAt_, inAt_;          ///< per end
    std::unordered_map<std::string, std::size_t> otherEnds_; ///< ids past the components
    std::vector<const KindInfo*> kinds_;                     ///< per component
    /// Per component, the index its id looks up (another one only for a repeated id).
    std::vector<std::size_t> canonical_;
    std::vector<const ComponentResult*> results_;            ///< per component
    std::vector<Call> calls_;                                ///< per connection
    /// How a connection's lists decide which flows it carries (carriesFlow's rule).
    enum class Carrier : char { Never, Always, Flows, Ops };
    std::vector<Carrier> carrier_;                   ///< per connection
    std::vector<const Json*> lists_;                 ///< per connection: its flows or ops list
    /// Per connection with an ops list, whether it holds "read" (bit 0) and "write" (bit 1):
    /// the two operations a flow has, asked on every flow for every connection it reaches.
    std::vector<char> readWrite_;
    mutable std::vector<std::vector<double>> rates_; ///< per report flow, when asked
    std::unique_ptr<std::once_flag[]> ratesOnce_;    ///< per report flow
    mutable std::vector<ZoneCause> zoneCauses_;
    mutable std::once_flag zoneCausesOnce_;
};

/// A finding's placeholder values by name (found by a view of the name, with no copy).
using Values = std::map<std::string, std::string, std::less<>>;

/// Fills the rule's texts (message placeholders from `values`) and appends the finding.
void emit(std::vector<Finding>& out, const std::string& ruleId, std::vector<std::string> subjects,
          const Values& values, std::optional<Severity> severity = std::nullopt);
/// The same with the texts of one of the rule's variants ("" = the rule's own texts).
void emitVariant(std::vector<Finding>& out, const std::string& ruleId, const std::string& variant,
                 std::vector<std::string> subjects, const Values& values,
                 std::optional<Severity> severity = std::nullopt);

/// Counts and plain numbers in finding texts: 1200 -> "1,200", (1.333, 1) -> "1.3".
/// Durations, downtime, shares, rates and availabilities are written by
/// archlens/analysis/display_format.h, as everywhere else in the app.
std::string fixed(double value, int decimals = 1);
std::string count(double value);

using RuleFunction = void (*)(const Context&, std::vector<Finding>&);

} // namespace archlens::rules
