// The scorecard's rubric (docs/scorecard.md): each category below is one function adding
// its lines; score() puts them together and scales the total.
#include "archlens/analysis/score.h"

#include "archlens/analysis/capabilities.h"
#include "archlens/analysis/display_format.h"
#include "capability_words.h"

#include <algorithm>
#include <cmath>

namespace archlens {

namespace {

using words::quoted;
using words::quotedText;

// The rubric's weights; docs/scorecard.md gives the same numbers.
constexpr double kRequirements = 10;
constexpr double kTargets = 25;
constexpr double kFindings = 25;
constexpr double kErrorCost = 8;
constexpr double kWarningCost = 3;
constexpr double kCapabilities = 30;
constexpr double kTradeoffs = 5;
constexpr double kTime = 5;
// A phase is on time from half to one and a half times its plan.
constexpr double kTimeLow = 0.5;
constexpr double kTimeHigh = 1.5;

bool blank(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

/// Whether a finding is still an open problem: accepted with a note, it is a trade-off.
bool isOpen(const Finding& f) {
    return !f.acknowledged || blank(*f.acknowledged);
}

ScoreLink requirementsLink() {
    return {ScoreLink::Kind::Requirements, "", {}};
}

class CardBuilder {
public:
    CardBuilder(const Document& doc, const Catalogue& catalogue, const Report& report)
        : doc_(doc), catalogue_(catalogue), report_(report) {}

    void requirements(const Prompt* prompt);
    void targets();
    void findings();
    void capabilities(const Prompt& prompt);
    void tradeoffs();
    void time(const PracticeFacts& practice);

    Scorecard card;

private:
    void open(const std::string& id, const std::string& title, double max) {
        card.categories.push_back({id, title, 0, max});
    }
    void line(double points, double max, std::string reason, ScoreLink link) {
        card.categories.back().points += points;
        card.lines.push_back(
            {card.categories.back().id, points, max, std::move(reason), std::move(link)});
    }
    /// A finding by its title and severity: "error 'Link table is a single point of failure'".
    std::string named(const Finding& f) const {
        return std::string(toString(f.severity)) + " " + quotedText(f.title);
    }
    void rates(const Prompt& prompt);

    const Document& doc_;
    const Catalogue& catalogue_;
    const Report& report_;
};

void CardBuilder::requirements(const Prompt* prompt) {
    open("requirements", "Requirements and estimates", kRequirements);
    const Requirements& r = doc_.requirements;
    const double half = kRequirements / 4;
    if (r.availability)
        line(half, half,
             "the design sets an availability target of " + availabilityInputText(*r.availability),
             requirementsLink());
    else
        line(0, half, "no availability target: set one, so that each flow is judged against it",
             requirementsLink());
    if (r.p99_ms)
        line(half, half, "the design sets a p99 target of " + millisecondsText(*r.p99_ms),
             requirementsLink());
    else
        line(0, half, "no p99 latency target: set one, so that each flow is judged against it",
             requirementsLink());
    if (prompt) {
        rates(*prompt);
        return;
    }
    // Without a prompt there is no stated scale to reach; a flow still at the default rate
    // shows that its load was never estimated.
    std::vector<std::string> unset;
    for (const auto& f : doc_.flows)
        if (f.rate_rps == 1) unset.push_back(quoted(f));
    if (doc_.flows.empty())
        line(0, 2 * half, "the design declares no flows, so no load was estimated",
             requirementsLink());
    else if (unset.empty())
        line(2 * half, 2 * half, "every flow states its own rate", requirementsLink());
    else
        line(0, 2 * half,
             words::join(unset, "and") + (unset.size() == 1 ? " keeps" : " keep") +
                 " the default rate of 1 req/s: estimate the load each flow carries",
             requirementsLink());
}

void CardBuilder::rates(const Prompt& prompt) {
    // Summed as the prompts' tests sum them: user-facing flows that do not write carry the
    // reads, every write flow (user-facing or fed by another system) the writes.
    double reads = 0, writes = 0;
    for (const auto& f : doc_.flows) {
        const FlowResult* result = report_.flow(f.id);
        if (f.op == "write")
            writes += f.rate_rps;
        else if (result && !result->background)
            reads += f.rate_rps;
    }
    const double half = kRequirements / 4;
    const auto judge = [&](double carried, double peak, const char* flows, const char* what) {
        const std::string carries = std::string(flows) + " flows carry " + rateText(carried) + ", ";
        const std::string peakText = "the prompt's " + rateText(peak) + " of " + what + " at peak";
        if (carried >= peak)
            line(half, half, carries + "at least " + peakText, requirementsLink());
        else
            line(0, half,
                 carries + "short of " + peakText +
                     ": size the flows to the peak the prompt's numbers give",
                 requirementsLink());
    };
    judge(reads, prompt.scale.peakReadRps(), "the user-facing read", "reads");
    judge(writes, prompt.scale.peakWriteRps(), "the write", "writes");
}

void CardBuilder::targets() {
    open("targets", "Targets met per flow", kTargets);
    std::vector<const FlowResult*> judged;
    for (const auto& f : report_.flows)
        if (!f.background || flowTargets(doc_, f).any()) judged.push_back(&f);
    if (judged.empty()) {
        line(0, kTargets, "the design has no user-facing flow to judge", {});
        return;
    }
    const double share = kTargets / static_cast<double>(judged.size());
    for (const FlowResult* f : judged) {
        const Flow* declared = doc_.flow(f->id);
        const std::string name = declared ? quoted(*declared) : quotedText(f->id);
        const FlowTargets t = flowTargets(doc_, *f);
        const ScoreLink link{ScoreLink::Kind::Flow, f->id, {}};
        if (!t.any()) {
            line(0, share, name + " has no availability or p99 target to be judged by", link);
            continue;
        }
        if (isBroken(*f)) {
            line(0, share,
                 name + " is broken: most of its requests fail (availability " +
                     availabilityPercent(f->availability) + ")",
                 link);
            continue;
        }
        std::vector<std::string> missed, met;
        if (t.availability)
            (t.missesAvailability(*f) ? missed : met)
                .push_back("availability " + availabilityPercent(f->availability) + " against " +
                           availabilityInputText(*t.availability));
        if (t.p99_ms)
            (t.missesP99(*f) ? missed : met)
                .push_back("p99 " + millisecondsText(f->p99_ms) + " against " +
                           millisecondsText(*t.p99_ms));
        if (missed.empty())
            line(share, share, name + " meets its targets: " + words::join(met, "and"), link);
        else
            line(0, share, name + " misses its targets: " + words::join(missed, "and"), link);
    }
}

using words::hasUserFacingFlow;
using words::kNothingToJudge;

void CardBuilder::findings() {
    open("findings", "Open findings", kFindings);
    if (!hasUserFacingFlow(report_)) {
        line(0, kFindings, kNothingToJudge, {});
        return;
    }
    double cost = 0;
    std::vector<std::pair<const Finding*, double>> costed;
    for (const auto& f : report_.findings) {
        if (f.severity == Severity::Info || !isOpen(f)) continue;
        const double c = f.severity == Severity::Error ? kErrorCost : kWarningCost;
        costed.push_back({&f, c});
        cost += c;
    }
    if (costed.empty()) {
        line(kFindings, kFindings, "no open error or warning", {});
    } else {
        line(kFindings, kFindings, pointsText(kFindings) + " points before the open findings", {});
        for (const auto& [f, c] : costed)
            line(-c, 0, named(*f) + " costs " + pointsText(c) + " points",
                 {ScoreLink::Kind::Finding, f->rule, f->subjects});
        if (cost > kFindings)
            line(cost - kFindings, 0,
                 "the category stops at 0 points, so " + pointsText(cost - kFindings) +
                     " of these deductions are not counted",
                 {});
    }
    // Accepted trade-offs cost nothing; they are listed so that the card shows why.
    for (const auto& f : report_.findings)
        if (f.severity != Severity::Info && !isOpen(f))
            line(0, 0, named(f) + " is accepted as a trade-off, so it costs nothing",
                 {ScoreLink::Kind::Finding, f.rule, f.subjects});
}

void CardBuilder::capabilities(const Prompt& prompt) {
    open("capabilities", "Expected capabilities", kCapabilities);
    if (prompt.capabilities.empty()) { // a loaded prompt has some; kept safe all the same
        line(0, kCapabilities, "the prompt lists no capabilities", {});
        return;
    }
    const double share = kCapabilities / static_cast<double>(prompt.capabilities.size());
    for (const auto& c : prompt.capabilities) {
        const CapabilityResult r = evaluateCapability(doc_, catalogue_, report_, c);
        const ScoreLink link{ScoreLink::Kind::Capability, c.id, {}};
        if (r.present)
            line(share, share, c.text, link);
        else
            line(0, share, c.text + ". Missing: " + r.firstMissed()->reason, link);
    }
}

void CardBuilder::tradeoffs() {
    open("tradeoffs", "Trade-offs accepted with a note", kTradeoffs);
    if (!hasUserFacingFlow(report_)) {
        line(0, kTradeoffs, kNothingToJudge, {});
        return;
    }
    if (doc_.acknowledgements.empty()) {
        line(kTradeoffs, kTradeoffs, "no finding is accepted as a trade-off", {});
        return;
    }
    const double share = kTradeoffs / static_cast<double>(doc_.acknowledgements.size());
    for (const auto& a : doc_.acknowledgements) {
        std::string what;
        for (const auto& f : report_.findings)
            if (a.matches(f.rule, findingKey(f))) what = quotedText(f.title);
        if (what.empty()) { // it accepts nothing the critique finds now
            std::vector<std::string> names;
            for (const auto& id : a.subjects)
                names.push_back(words::quotedElement(doc_, id));
            what = a.rule + (names.empty() ? "" : " on " + words::join(names, "and"));
        }
        const ScoreLink link{ScoreLink::Kind::Finding, a.rule, a.subjects};
        if (blank(a.note))
            line(0, share, what + " is accepted without a note: say why the trade-off is worth it",
                 link);
        else
            line(share, share, what + " is accepted with a note", link);
    }
}

void CardBuilder::time(const PracticeFacts& practice) {
    open("time", "Time per phase", kTime);
    if (practice.phases.empty()) {
        line(0, kTime, "the session has no phases", {});
        return;
    }
    const double share = kTime / static_cast<double>(practice.phases.size());
    for (const auto& p : practice.phases) {
        const std::string name = quotedText(p.title.empty() ? p.id : p.title);
        const ScoreLink link{ScoreLink::Kind::Phase, p.id, {}};
        if (!(p.planned_s > 0)) {
            line(0, share, name + " has no planned time to keep to", link);
            continue;
        }
        const double ratio = p.used_s / p.planned_s;
        const std::string took = name + " took " + downtimeText(p.used_s / 60) + " of the " +
                                 downtimeText(p.planned_s / 60) + " planned";
        if (ratio >= kTimeLow && ratio <= kTimeHigh)
            line(share, share, took, link);
        else
            line(0, share,
                 took + (ratio < kTimeLow ? ": under half of it, rushed"
                                          : ": over half as long again, overran"),
                 link);
    }
}

} // namespace

const char* toString(ScoreLink::Kind kind) {
    switch (kind) {
    case ScoreLink::Kind::Finding:
        return "finding";
    case ScoreLink::Kind::Capability:
        return "capability";
    case ScoreLink::Kind::Flow:
        return "flow";
    case ScoreLink::Kind::Phase:
        return "phase";
    case ScoreLink::Kind::Requirements:
        return "requirements";
    case ScoreLink::Kind::None:
        break;
    }
    return "none";
}

const ScoreCategory* Scorecard::category(const std::string& id) const {
    for (const auto& c : categories)
        if (c.id == id) return &c;
    return nullptr;
}

std::vector<const ScoreLine*> Scorecard::linesOf(const std::string& id) const {
    std::vector<const ScoreLine*> out;
    for (const auto& l : lines)
        if (l.category == id) out.push_back(&l);
    return out;
}

const std::vector<RubricEntry>& scoreRubric() {
    static const std::vector<RubricEntry> rubric = {
        {"requirements", "Requirements and estimates", kRequirements,
         "Availability and p99 targets set; with a prompt, flows sized to at least its peak "
         "reads and writes a second."},
        {"targets", "Targets met per flow", kTargets,
         "Shared among the user-facing flows (and background flows with targets of their "
         "own): a flow earns its share when it is not broken and meets its targets."},
        {"findings", "Open findings", kFindings,
         "Minus 8 for each open error and 3 for each open warning, never below 0; notes cost "
         "nothing, and a finding accepted with a note is a decision, not an open problem. "
         "Nothing while no user-facing flow gives the critique something to judge."},
        {"capabilities", "Expected capabilities", kCapabilities,
         "With a prompt: shared among what it expects to see, each present when every "
         "condition of its check holds on the diagram."},
        {"tradeoffs", "Trade-offs accepted with a note", kTradeoffs,
         "Shared among the accepted trade-offs; one without a note loses its share."},
        {"time", "Time per phase", kTime,
         "In a practice session: shared among the phases, each earning its share when it took "
         "from half to one and a half times its plan."},
    };
    return rubric;
}

PracticeFacts practiceFacts(const PracticeSession& session) {
    PracticeFacts facts;
    facts.finished = session.finished;
    for (const auto& p : session.phases) {
        const PracticePhasePlan* plan = practicePhasePlan(p.id);
        facts.phases.push_back({p.id, plan ? plan->title : p.id, p.planned_s, p.used_s});
    }
    return facts;
}

Scorecard score(const Document& doc, const Catalogue& catalogue, const Report& report,
                const Prompt* prompt, const PracticeFacts* practice) {
    CardBuilder b(doc, catalogue, report);
    b.requirements(prompt);
    b.targets();
    b.findings();
    if (prompt) b.capabilities(*prompt);
    b.tradeoffs();
    if (practice) b.time(*practice);

    Scorecard card = std::move(b.card);
    if (prompt) {
        card.promptId = prompt->id;
        card.promptTitle = prompt->title;
    }
    for (const auto& c : card.categories) {
        card.points += c.points;
        card.max += c.max;
    }
    card.total = card.max > 0 ? card.points / card.max * 100 : 0;
    if (!prompt)
        card.notes.push_back("No prompt was chosen, so expected capabilities (" +
                             pointsText(kCapabilities) + " points) are not judged.");
    if (!practice)
        card.notes.push_back("No practice session, so time per phase (" + pointsText(kTime) +
                             " points) is not judged.");
    else if (!practice->finished)
        card.notes.push_back("The session is not finished: a phase not yet reached earns "
                             "nothing for its time.");
    if (card.max != 100)
        card.notes.push_back("The total is scaled to 100 from the " + pointsText(card.max) +
                             " points that apply: " + pointsText(card.points) + " of " +
                             pointsText(card.max) + " is " + pointsText(card.total) + ".");
    return card;
}

} // namespace archlens
