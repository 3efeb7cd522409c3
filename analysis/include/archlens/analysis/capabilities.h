#pragma once
// Whether a design shows what an interviewer expects of it: a prompt's capability
// (model/prompt.h) checked against the diagram and the analysis of it. The conditions and
// what each means are those of resources/prompts/README.md, "How a capability is checked".
#include "archlens/analysis/report.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/prompt.h"

#include <string>
#include <vector>

namespace archlens {

/// One condition of a capability's check and whether it holds, with the reason in plain
/// words naming components and flows as the diagram names them ("the main read flow
/// 'Follow a short link' reaches no cache or CDN"). `condition` is the check's key
/// ("present", "on_reads", "on_writes", "async_to", "optional_to", "without").
struct CapabilityCondition {
    std::string condition;
    bool met = false;
    std::string reason;
};

/// A capability judged: present when every condition given holds. `conditions` has one
/// entry per condition given, in the order of the table of the README (present, on_reads,
/// on_writes, async_to, optional_to, without).
struct CapabilityResult {
    std::string id;
    bool present = false;
    std::vector<CapabilityCondition> conditions;
    /// The first condition that does not hold, or null when the capability is present.
    const CapabilityCondition* firstMissed() const;
};

/// Judges one capability. `report` must come from analyze() on `doc`, with runRules()
/// applied (the `without` condition reads its findings, acknowledged or not). A flow
/// reaches a component when the analysis routes its requests there: the component is on
/// the flow's synchronous part or its asynchronous tail (FlowResult).
CapabilityResult evaluateCapability(const Document& doc, const Catalogue& catalogue,
                                    const Report& report, const PromptCapability& capability);

/// The flow the on_reads condition looks at: the busiest user-facing flow whose operation
/// is not a write (highest rate_rps, the first in document order on a tie), or null.
const Flow* mainReadFlow(const Document& doc, const Report& report);
/// The flow the on_writes condition looks at: the busiest write flow, whatever its entry.
const Flow* mainWriteFlow(const Document& doc);

} // namespace archlens
