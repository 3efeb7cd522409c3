#pragma once
// A practice interview kept in the design it produced: which prompt, how long, the phases
// of the interview with the time each took, what the candidate noted and ticked in each,
// and the answers given in interviewer mode. Plain values; the file format is in
// docs/practice.md, and edits go through the Editor.
#include "archlens/model/json.h"
#include "archlens/model/problem.h"

#include <array>
#include <string>
#include <vector>

namespace archlens {

/// One thing a strong candidate covers in a phase, ticked off by the candidate.
struct PracticeCheck {
    std::string id;
    std::string text;
};

/// A phase of the interview as the guide's "How to approach System Design?" shapes it:
/// its share of the session's length, what to do in it, and its checklist.
struct PracticePhasePlan {
    std::string id;
    std::string title;
    double share = 0; ///< of the session's length; the plans' shares add up to 1
    std::string hint;
    std::vector<PracticeCheck> checklist;
};

/// The six phases, in interview order.
const std::vector<PracticePhasePlan>& practicePhasePlans();
/// The plan of the phase with this id, or null.
const PracticePhasePlan* practicePhasePlan(const std::string& id);
/// The session lengths offered, in minutes.
inline constexpr std::array<int, 3> kPracticeLengths{30, 45, 60};

/// A phase as the candidate went through it. `used_s` is clock state: undo never changes it
/// (see Editor::recordPracticeTime).
struct PracticePhase {
    std::string id;
    double planned_s = 0;
    double used_s = 0;
    std::string notes;
    std::vector<std::string> checked; ///< ids of the checklist items ticked, in tick order
    Json extra = Json::object();
    bool operator==(const PracticePhase&) const = default;
};

/// A question asked in interviewer mode and the candidate's answer to it.
struct PracticeAnswer {
    std::string question;
    std::string answer;
    Json extra = Json::object();
    bool operator==(const PracticeAnswer&) const = default;
};

/// A practice session: the prompt (an id of resources/prompts), the length chosen, the
/// phases in order with the current one, whether the candidate finished, and the answers.
/// A session always has at least one phase, and `current` indexes one of them.
struct PracticeSession {
    std::string prompt;
    int minutes = 45;
    std::vector<PracticePhase> phases;
    int current = 0;
    bool finished = false;
    std::vector<PracticeAnswer> answers;
    Json extra = Json::object();
    bool operator==(const PracticeSession&) const = default;

    double plannedSeconds() const;
    double usedSeconds() const;
    const PracticePhase* phase(const std::string& id) const;
};

/// A fresh session on `prompt` of `minutes`, its phases planned by their shares.
PracticeSession newPracticeSession(std::string prompt, int minutes);

/// The "practice" object of a design file, and back. Reading records a problem (pointer
/// under "/practice") for each field missing, mistyped or out of range, and for unknown
/// phase ids or checklist items; unknown fields are kept in `extra`.
PracticeSession readPractice(const Json& obj, Problems& problems);
Json practiceToJson(const PracticeSession& session);

} // namespace archlens
