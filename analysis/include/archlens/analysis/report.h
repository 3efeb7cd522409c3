#pragma once
// What the analysis says about a document: per-flow numbers, per-component load, single
// points of failure, load curves and findings. A plain value computed from a const
// snapshot of the document (see analyze.h); the same input always gives the same report.
#include "archlens/analysis/display_format.h" // nines(), availabilityPercent(): included for their callers
#include "archlens/model/document.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace archlens {

enum class Severity { Info, Warning, Error };
const char* toString(Severity severity);
std::optional<Severity> severityFromString(const std::string& text);

/// One thing an interviewer would point at: which rule, how bad, about what, why, where
/// in the guide, what to change, and the question that would come next. `acknowledged`
/// holds the designer's note when the document accepts this finding as a trade-off (see
/// Acknowledgement); such a finding is still reported, but is no longer an open problem.
struct Finding {
    std::string rule;
    Severity severity = Severity::Info;
    std::string title;
    std::string message;
    std::vector<std::string> subjects;
    std::string guideSection;
    std::string suggestion;
    std::string followUp;
    /// The flow the finding is about, when it is about one ("" otherwise). Context for
    /// showing the flow's path, not a subject: subjects are what the designer changes.
    std::string flow;
    std::optional<std::string> acknowledged; ///< the note, when accepted as a trade-off
};

/// The ids that identify a finding across analyses, together with its rule (an accepted
/// trade-off is stored under them): its subjects, plus the flow it is about, since two flows
/// can miss a target because of the same subjects.
std::vector<std::string> findingKey(const Finding& finding);

/// One step of a flow's critical path and what it adds to the flow's latency.
struct HopContribution {
    std::string component;  ///< the component served at this step
    std::string connection; ///< the connection that reached it ("" for the entry)
    double p50_ms = 0;      ///< this step's own p50 (service + network + queueing)
    double p99_ms = 0;
};

struct FlowResult {
    std::string id;
    std::string name;
    // Structure
    std::vector<std::string> syncComponents;  ///< on the required synchronous part
    std::vector<std::string> syncConnections; ///< connections of the synchronous part (incl. optional)
    std::vector<std::string> asyncComponents; ///< the asynchronous tail
    std::vector<std::string> tailConnections; ///< connections of the asynchronous tail
    /// Whether the flow is background work: its entry is not a client (a scheduler, a
    /// worker, a service). The design's user-facing targets do not apply to it.
    bool background = false;
    int syncDepth = 0;                        ///< longest chain of sync calls from the entry
    std::vector<std::string> cycle;           ///< ids of a call cycle, empty when none
    // Availability: `availability` = `availabilityUp` x (1 - `timedOut`)
    double availability = 1;
    double availabilityUp = 1; ///< P(every required component up), the structural figure
    /// P(a request gives up: every attempt of some required call timed out, or a saturated
    /// component could not take it), from the latency pass; overload counts as failure.
    double timedOut = 0;
    std::string availabilityMethod = "exact"; ///< "exact" or "monte_carlo"
    std::optional<std::pair<double, double>> availabilityInterval; ///< 95% Wilson, Monte Carlo only
    double downtimeMinPerMonth = 0;
    double downtimeMinPerYear = 0;
    // Latency of the synchronous part, and of the asynchronous tail on its own
    double p50_ms = 0;
    double p99_ms = 0;
    double asyncP50_ms = 0;
    double asyncP99_ms = 0;
    std::vector<std::string> criticalPath; ///< component ids, entry first
    std::vector<HopContribution> hops;     ///< along the critical path
};

struct ComponentResult {
    std::string id;
    double offeredRps = 0;
    double utilisation = 0; ///< offered / (instances x capacity_rps)
    std::vector<std::string> spofFor; ///< flows that fail when this component fails
    /// P(it can serve) with its zones up: its instances' own k-of-n redundancy. Zone
    /// outages are accounted to the zones, so a downtime budget counts each cause once.
    double availability = 1;
};

struct ZoneResult {
    std::string id;
    std::vector<std::string> spofFor; ///< flows that fail when this zone fails
    double availability = 1;
};

/// One point of the load curves: every flow's rate scaled by `multiplier`.
struct CurvePoint {
    double multiplier = 1;
    double maxUtilisation = 0;
    std::string busiestComponent;
    std::vector<std::pair<double, double>> flowLatency; ///< (p50, p99) per flow, in flow order
};

struct Saturation {
    double multiplier = 0;  ///< traffic multiplier at which the first component reaches 1
    std::string component;
};

/// Whether a flow is broken: most of its requests fail (availability below one half), as
/// when a what-if takes out what it needs or overload makes its requests time out.
bool isBroken(const FlowResult& flow);

/// The targets a flow is judged by: its own where it sets them, else the design's
/// requirements, but only for a user-facing flow (a background flow has only its own).
/// The rules, the flows table and the reports all judge a flow by these.
struct FlowTargets {
    std::optional<double> availability;
    std::optional<double> p99_ms;
    bool any() const { return availability || p99_ms; }
    /// Whether the flow misses a target it has: availability below it, p99 above it.
    bool missesAvailability(const FlowResult& flow) const;
    bool missesP99(const FlowResult& flow) const;
};
FlowTargets flowTargets(const Document& doc, const FlowResult& flow);

struct Report {
    std::vector<FlowResult> flows;
    std::vector<ComponentResult> components;
    std::vector<ZoneResult> zones;
    std::vector<CurvePoint> curves;
    std::optional<Saturation> saturation;
    std::vector<Finding> findings;

    const FlowResult* flow(const std::string& id) const;
    const ComponentResult* component(const std::string& id) const;
};

} // namespace archlens
