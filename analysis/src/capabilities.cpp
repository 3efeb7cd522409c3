#include "archlens/analysis/capabilities.h"

#include "capability_words.h"

#include <algorithm>
#include <set>

namespace archlens {

namespace {

using words::join;
using words::kindList;
using words::quoted;

bool isOneOf(const std::string& kind, const std::vector<std::string>& kinds) {
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

/// "the design has 'Code ranges' (coordination service)".
std::string has(const Catalogue& catalogue, const Component& c) {
    return "the design has " + quoted(c) + " (" + words::kindLabel(catalogue, c.kind) + ")";
}

CapabilityCondition present(const Document& doc, const Catalogue& catalogue,
                            const std::vector<std::string>& kinds) {
    for (const auto& c : doc.components)
        if (isOneOf(c.kind, kinds)) return {"present", true, has(catalogue, c)};
    return {"present", false, "the design has no " + kindList(catalogue, kinds, "or", false)};
}

/// Whether the analysis routes requests of `flow` to a component of one of `kinds`, and the
/// first such component (document order) when it does.
const Component* reached(const Document& doc, const Report& report, const Flow& flow,
                         const std::vector<std::string>& kinds) {
    const FlowResult* result = report.flow(flow.id);
    if (!result) return nullptr;
    std::set<std::string> ids(result->syncComponents.begin(), result->syncComponents.end());
    ids.insert(result->asyncComponents.begin(), result->asyncComponents.end());
    for (const auto& c : doc.components)
        if (ids.count(c.id) && isOneOf(c.kind, kinds)) return &c;
    return nullptr;
}

CapabilityCondition reaches(const char* condition, const char* which, const Document& doc,
                            const Catalogue& catalogue, const Report& report, const Flow* flow,
                            const std::vector<std::string>& kinds) {
    if (!flow)
        return {condition, false,
                std::string("the design has no ") + which + " flow to reach " +
                    kindList(catalogue, kinds, "or", true)};
    const std::string subject = std::string("the main ") + which + " flow " + quoted(*flow);
    if (const Component* c = reached(doc, report, *flow, kinds))
        return {condition, true,
                subject + " reaches " + quoted(*c) + " (" + words::kindLabel(catalogue, c->kind) +
                    ")"};
    return {condition, false, subject + " reaches no " + kindList(catalogue, kinds, "or", false)};
}

CapabilityCondition asyncTo(const Document& doc, const Catalogue& catalogue,
                            const std::vector<std::string>& kinds) {
    for (const auto& k : doc.connections) {
        const Component* to = doc.component(k.to);
        const Component* from = doc.component(k.from);
        if (k.mode == ConnectionMode::Async && to && from && isOneOf(to->kind, kinds))
            return {"async_to", true, quoted(*from) + " → " + quoted(*to) + " is asynchronous"};
    }
    return {"async_to", false,
            "no asynchronous connection ends at " + kindList(catalogue, kinds, "or", true)};
}

CapabilityCondition optionalTo(const Document& doc, const Catalogue& catalogue,
                               const std::vector<std::string>& kinds) {
    bool any = false;
    for (const auto& k : doc.connections) {
        const Component* to = doc.component(k.to);
        const Component* from = doc.component(k.from);
        if (k.mode == ConnectionMode::Replication || !to || !from || !isOneOf(to->kind, kinds))
            continue;
        any = true;
        const Json& required = catalogue.connectionValue(k.props, "required");
        if (required.is_boolean() && !required.get<bool>())
            return {"optional_to", true,
                    quoted(*from) + " → " + quoted(*to) +
                        " is optional: the flow goes on without it"};
    }
    const std::string kindsText = kindList(catalogue, kinds, "or", true);
    return {"optional_to", false,
            any ? "every call to " + kindsText + " is required: a request fails without it"
                : "nothing calls " + kindsText};
}

CapabilityCondition clientProtocol(const Document& doc, const Catalogue& catalogue,
                                   const std::vector<std::string>& protocols) {
    for (const auto& k : doc.connections) {
        const Component* from = doc.component(k.from);
        const Component* to = doc.component(k.to);
        if (!from || !to || !catalogue.is(from->kind, KindTrait::Client)) continue;
        const Json& protocol = catalogue.connectionValue(k.props, "protocol");
        if (protocol.is_string() && isOneOf(protocol.get<std::string>(), protocols))
            return {"client_protocol", true,
                    quoted(*from) + " → " + quoted(*to) + " speaks " + protocol.get<std::string>()};
    }
    return {"client_protocol", false, "no client connects over " + join(protocols, "or")};
}

CapabilityCondition without(const Report& report, const std::vector<std::string>& rules) {
    // With nothing a user does flowing through it, a design has nothing for the rules to
    // find: their silence says nothing about it.
    if (!words::hasUserFacingFlow(report)) return {"without", false, words::kNothingToJudge};
    std::vector<std::string> found;
    for (const auto& f : report.findings)
        if (isOneOf(f.rule, rules)) found.push_back(words::quotedText(f.title));
    if (found.empty()) return {"without", true, "the critique finds no " + join(rules, "or")};
    const size_t shown = std::min<size_t>(found.size(), 3);
    std::vector<std::string> first(found.begin(), found.begin() + static_cast<long>(shown));
    std::string reason = "the critique finds " + join(first, "and");
    if (found.size() > shown) reason += " and " + std::to_string(found.size() - shown) + " more";
    return {"without", false, reason};
}

} // namespace

const CapabilityCondition* CapabilityResult::firstMissed() const {
    for (const auto& c : conditions)
        if (!c.met) return &c;
    return nullptr;
}

const Flow* mainReadFlow(const Document& doc, const Report& report) {
    const Flow* best = nullptr;
    for (const auto& f : doc.flows) {
        const FlowResult* result = report.flow(f.id);
        if (f.op == "write" || !result || result->background) continue;
        if (!best || f.rate_rps > best->rate_rps) best = &f;
    }
    return best;
}

const Flow* mainWriteFlow(const Document& doc) {
    const Flow* best = nullptr;
    for (const auto& f : doc.flows)
        if (f.op == "write" && (!best || f.rate_rps > best->rate_rps)) best = &f;
    return best;
}

CapabilityResult evaluateCapability(const Document& doc, const Catalogue& catalogue,
                                    const Report& report, const PromptCapability& capability) {
    CapabilityResult r;
    r.id = capability.id;
    const CapabilityCheck& check = capability.check;
    if (!check.present.empty()) r.conditions.push_back(present(doc, catalogue, check.present));
    if (!check.on_reads.empty())
        r.conditions.push_back(reaches("on_reads", "read", doc, catalogue, report,
                                       mainReadFlow(doc, report), check.on_reads));
    if (!check.on_writes.empty())
        r.conditions.push_back(reaches("on_writes", "write", doc, catalogue, report,
                                       mainWriteFlow(doc), check.on_writes));
    if (!check.async_to.empty()) r.conditions.push_back(asyncTo(doc, catalogue, check.async_to));
    if (!check.optional_to.empty())
        r.conditions.push_back(optionalTo(doc, catalogue, check.optional_to));
    if (!check.client_protocol.empty())
        r.conditions.push_back(clientProtocol(doc, catalogue, check.client_protocol));
    if (!check.without.empty()) r.conditions.push_back(without(report, check.without));
    r.present = !r.conditions.empty() && !r.firstMissed();
    return r;
}

} // namespace archlens
