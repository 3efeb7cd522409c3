// The phases of a practice interview and the "practice" object of a design file. The plan
// follows the guide's "How to approach System Design?": scope first, rough numbers, the
// interface, the big picture, the hard part, then what was traded away.
#include "archlens/model/practice.h"

#include "strict_fields.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace archlens {

namespace {

using detail::describeType;
using detail::StrictFields;

constexpr double kMaxSeconds = 24.0 * 3600; ///< no phase of an interview takes a day
constexpr int kMaxMinutes = 240;

} // namespace

const std::vector<PracticePhasePlan>& practicePhasePlans() {
    // Shares of a 45-minute interview: 5, 5, 5, 12, 12 and 6 minutes.
    static const std::vector<PracticePhasePlan> plans = {
        {"requirements",
         "Requirements",
         5.0 / 45,
         "Ask what the system must do and how well: who uses it, which features are in scope, "
         "the availability and latency it needs.",
         {{"functional", "The functional requirements are listed and confirmed"},
          {"non-functional", "Availability and p99 latency targets are agreed"},
          {"scope", "What is out of scope is said out loud"},
          {"access-pattern",
           "The read/write mix and the consistency each read needs are asked about"}}},
        {"estimates",
         "Estimates",
         5.0 / 45,
         "Turn users into requests a second, bytes stored and servers, roughly, and move on.",
         {{"rates", "Average and peak reads and writes a second"},
          {"storage", "Storage over the retention period"},
          {"bandwidth-cache", "Bandwidth, and the cache size for the hot set"},
          {"rough", "Rounded numbers, done in minutes, not a quarter of the interview"}}},
        {"api",
         "API",
         5.0 / 45,
         "Name the calls clients make, what they send and what they get back.",
         {{"endpoints", "A call or message for each functional requirement"},
          {"idempotency", "Writes that may be retried carry an idempotency key"},
          {"paging", "Lists are paged and requests are limited"}}},
        {"high-level",
         "High-level design",
         12.0 / 45,
         "Draw the components and the flows that carry each requirement, with their rates.",
         {{"every-requirement", "Every functional requirement has a path through the diagram"},
          {"tiers", "Clients, edge, services, data stores and background work are drawn"},
          {"flows", "Flows carry the estimated rates, and targets are set"},
          {"data-model", "The data model and its partition key are named"}}},
        {"deep-dive",
         "Deep dive",
         12.0 / 45,
         "Pick the hardest part and the bottleneck and take them apart; fix what the critique "
         "finds.",
         {{"bottleneck", "The bottleneck or hardest part is chosen and explored"},
          {"spof", "Single points of failure are removed or knowingly accepted"},
          {"choices", "Caching, queueing and replication choices are explained"},
          {"failures", "What happens when each dependency fails is walked through"}}},
        {"trade-offs",
         "Trade-offs",
         6.0 / 45,
         "Sum up what the design gives up, what is left open, and what changes at ten times "
         "the load.",
         {{"summary", "The trade-offs are summed up with what was given up"},
          {"findings", "Open findings are fixed or accepted with a note"},
          {"growth", "What changes at ten times the scale is said"}}},
    };
    return plans;
}

const PracticePhasePlan* practicePhasePlan(const std::string& id) {
    for (const auto& p : practicePhasePlans())
        if (p.id == id) return &p;
    return nullptr;
}

double PracticeSession::plannedSeconds() const {
    double total = 0;
    for (const auto& p : phases)
        total += p.planned_s;
    return total;
}

double PracticeSession::usedSeconds() const {
    double total = 0;
    for (const auto& p : phases)
        total += p.used_s;
    return total;
}

const PracticePhase* PracticeSession::phase(const std::string& id) const {
    for (const auto& p : phases)
        if (p.id == id) return &p;
    return nullptr;
}

PracticeSession newPracticeSession(std::string prompt, int minutes) {
    PracticeSession s;
    s.prompt = std::move(prompt);
    s.minutes = minutes;
    for (const auto& plan : practicePhasePlans()) {
        PracticePhase phase;
        phase.id = plan.id;
        // Whole seconds, so that the plan reads back exactly from the file.
        phase.planned_s = std::round(plan.share * minutes * 60);
        s.phases.push_back(std::move(phase));
    }
    return s;
}

PracticeSession readPractice(const Json& obj, Problems& problems) {
    PracticeSession s;
    s.phases.clear();
    StrictFields f(obj, "/practice", problems);
    f.text("prompt", s.prompt);
    f.integer("minutes", s.minutes, 1, kMaxMinutes);
    std::set<std::string> seen;
    f.each("phases", [&](const Json& item, const std::string& at) {
        if (!item.is_object()) {
            problems.push_back({at, "must be an object, got " + describeType(item)});
            return;
        }
        PracticePhase phase;
        StrictFields pf(item, at, problems);
        pf.text("id", phase.id);
        const PracticePhasePlan* plan = practicePhasePlan(phase.id);
        if (!phase.id.empty() && !plan)
            pf.problem("id", "is not a phase of a practice interview: \"" + phase.id + "\"");
        else if (!phase.id.empty() && !seen.insert(phase.id).second)
            pf.problem("id", "the phase \"" + phase.id + "\" is listed twice");
        pf.number("planned_s", phase.planned_s, 0, kMaxSeconds);
        pf.number("used_s", phase.used_s, 0, kMaxSeconds);
        pf.optionalText("notes", phase.notes);
        if (pf.has("checked")) {
            const Json& list = item.at("checked");
            if (!list.is_array()) {
                pf.problem("checked", "must be a list, got " + describeType(list));
            } else {
                for (size_t i = 0; i < list.size(); ++i) {
                    const std::string itemAt = at + "/checked/" + std::to_string(i);
                    if (!list[i].is_string()) {
                        problems.push_back(
                            {itemAt, "must be a string, got " + describeType(list[i])});
                        continue;
                    }
                    const auto id = list[i].get<std::string>();
                    const bool known =
                        plan && std::any_of(plan->checklist.begin(), plan->checklist.end(),
                                            [&](const PracticeCheck& c) { return c.id == id; });
                    if (plan && !known)
                        problems.push_back({itemAt, "is not on the checklist of \"" + phase.id +
                                                        "\": \"" + id + "\""});
                    else if (std::find(phase.checked.begin(), phase.checked.end(), id) !=
                             phase.checked.end())
                        problems.push_back({itemAt, "\"" + id + "\" is ticked twice"});
                    else
                        phase.checked.push_back(id);
                }
            }
        }
        phase.extra = pf.extras({"id", "planned_s", "used_s", "notes", "checked"});
        s.phases.push_back(std::move(phase));
    });
    std::string current;
    f.text("current", current);
    if (!current.empty() && !s.phases.empty()) {
        const auto it = std::find_if(s.phases.begin(), s.phases.end(),
                                     [&](const PracticePhase& p) { return p.id == current; });
        if (it == s.phases.end())
            f.problem("current", "names no phase of the session: \"" + current + "\"");
        else
            s.current = static_cast<int>(it - s.phases.begin());
    }
    f.optionalBool("finished", s.finished);
    if (f.has("answers")) {
        f.each("answers", [&](const Json& item, const std::string& at) {
            if (!item.is_object()) {
                problems.push_back({at, "must be an object, got " + describeType(item)});
                return;
            }
            PracticeAnswer a;
            StrictFields af(item, at, problems);
            af.text("question", a.question);
            af.optionalText("answer", a.answer);
            a.extra = af.extras({"question", "answer"});
            s.answers.push_back(std::move(a));
        });
    }
    s.extra = f.extras({"prompt", "minutes", "phases", "current", "finished", "answers"});
    return s;
}

Json practiceToJson(const PracticeSession& s) {
    Json out = Json::object();
    out["prompt"] = s.prompt;
    out["minutes"] = s.minutes;
    Json phases = Json::array();
    for (const auto& p : s.phases) {
        Json phase = Json::object();
        phase["id"] = p.id;
        phase["planned_s"] = numberToJson(p.planned_s);
        phase["used_s"] = numberToJson(p.used_s);
        if (!p.notes.empty()) phase["notes"] = p.notes;
        if (!p.checked.empty()) phase["checked"] = p.checked;
        for (const auto& [k, v] : p.extra.items())
            phase[k] = v;
        phases.push_back(std::move(phase));
    }
    out["phases"] = std::move(phases);
    if (s.current >= 0 && static_cast<size_t>(s.current) < s.phases.size())
        out["current"] = s.phases[static_cast<size_t>(s.current)].id;
    if (s.finished) out["finished"] = true;
    if (!s.answers.empty()) {
        Json answers = Json::array();
        for (const auto& a : s.answers) {
            Json one = Json::object();
            one["question"] = a.question;
            if (!a.answer.empty()) one["answer"] = a.answer;
            for (const auto& [k, v] : a.extra.items())
                one[k] = v;
            answers.push_back(std::move(one));
        }
        out["answers"] = std::move(answers);
    }
    for (const auto& [k, v] : s.extra.items())
        out[k] = v;
    return out;
}

} // namespace archlens
