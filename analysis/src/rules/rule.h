#pragma once
// What every rule file sees: the document, the catalogue, the report's numbers, quick
// look-ups, and a way to emit a finding from the rule's texts.
#include "archlens/analysis/rules.h"

#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace archlens::rules {

/// Read-only view of one analysis run, shared by all rules.
class Context {
public:
    Context(const Document& doc, const Catalogue& catalogue, const Report& report);

    const Document& doc;
    const Catalogue& catalogue;
    const Report& report;

    const Component* component(const std::string& id) const;
    /// Index into doc.components of a component, or doc.components.size() when none has it.
    std::size_t componentIndex(const std::string& id) const;
    /// The document's flow behind a flow of the report (index into report.flows), found
    /// once: rules ask for it inside loops over flows and connections.
    const Flow* flow(std::size_t reportFlow) const {
        return reportFlow < flows_.size() ? flows_[reportFlow] : nullptr;
    }
    const KindInfo* kind(const Component& c) const { return catalogue.kind(c.kind); }
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
    /// Whether the call only reads (its ops are set and hold no write), even on a write flow.
    bool onlyReads(const Connection& c) const;

    /// Where a flow of the report (index into report.flows) takes a connection (index into
    /// doc.connections): the paths the analysis found, so rules about paths never chain
    /// connections that no single flow traverses.
    enum class Part : char { None, Sync, Tail };
    Part part(std::size_t flow, std::size_t connection) const;
    /// Whether the component is in the flow's synchronous part (FlowResult::syncComponents),
    /// in constant time.
    bool inSyncPart(std::size_t flow, const std::string& componentId) const;
    /// Connections leaving a component that the flow takes in its synchronous part (and,
    /// with `tailToo`, in its asynchronous tail), in document order.
    std::vector<std::size_t> callsOf(std::size_t flow, const std::string& componentId,
                                     bool tailToo = false) const;
    /// Whether a user-facing flow waits on the connection (it is in its synchronous part).
    bool userWaitsOn(std::size_t connection) const;
    /// Components of the flow's synchronous part at or past their capacity.
    std::vector<std::string> overloadedOn(const FlowResult& flow) const;
    /// Indices into doc.connections of the connections leaving a component.
    const std::vector<size_t>& outgoing(const std::string& componentId) const;
    const std::vector<size_t>& incoming(const std::string& componentId) const;
    /// Display name of an element for messages: "Orders DB" (or its id).
    std::string name(const std::string& id) const;
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

private:
    std::vector<std::vector<Part>> parts_; ///< per report flow, per connection
    std::vector<const Flow*> flows_;       ///< per report flow
    std::vector<std::vector<char>> inSync_; ///< per report flow, per component
    std::unordered_map<std::string, size_t> componentIndex_;
    std::unordered_map<std::string, std::vector<size_t>> out_;
    std::unordered_map<std::string, std::vector<size_t>> in_;
};

using Values = std::map<std::string, std::string>;

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
