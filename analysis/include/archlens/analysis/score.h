#pragma once
// The scorecard: a score out of 100 for a design, never a bare number. Every point given or
// withheld is a line saying why and what it is about, so a person can go to the flow, the
// finding or the capability behind it. The rubric is docs/scorecard.md; code and page are
// kept in step (the tests pin the arithmetic).
#include "archlens/analysis/report.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/json.h"
#include "archlens/model/practice.h"
#include "archlens/model/prompt.h"

#include <functional>
#include <string>
#include <vector>

namespace archlens {

/// What a practice session tells the scorecard: each phase's planned and used time, and
/// whether the session was finished. The app fills it; a phase earns its share when it used
/// between half and one and a half times its planned time.
struct PracticeFacts {
    struct Phase {
        std::string id, title;
        double planned_s = 0, used_s = 0;
    };
    std::vector<Phase> phases;
    bool finished = false;
};

/// The facts of a practice session kept in a design: each phase with its plan's title.
PracticeFacts practiceFacts(const PracticeSession& session);

/// What a score line is about, for the app to select or show it: a finding (its rule and
/// subjects), a capability of the prompt, a flow, a phase of the session, the design's
/// requirements, or nothing in particular (`None`, e.g. the line of a category that applies
/// to nothing yet).
struct ScoreLink {
    enum class Kind { None, Finding, Capability, Flow, Phase, Requirements };
    Kind kind = Kind::None;
    std::string id;                    ///< capability, flow or phase id; the rule of a finding
    std::vector<std::string> subjects; ///< a finding's subjects
};
const char* toString(ScoreLink::Kind kind);

/// One line of the scorecard: `points` out of `max` in `category` (a ScoreCategory id),
/// and why, in words that name what it is about. A deduction (an open finding) is a line of
/// negative points with max 0, so that a category's lines add up to its points.
struct ScoreLine {
    std::string category;
    double points = 0;
    double max = 0;
    std::string reason;
    ScoreLink link;
};

/// One part of the rubric: its id ("requirements", "targets", "findings", "capabilities",
/// "tradeoffs", "time"), its title, the points earned out of its maximum. Only categories
/// that apply are listed (no prompt: no capabilities; no session: no time).
struct ScoreCategory {
    std::string id;
    std::string title;
    double points = 0;
    double max = 0;
};

/// The whole card: the categories that apply and their lines in rubric order, the raw
/// points out of the maximum of those categories, and `total`, the points scaled to 100.
/// `notes` say what was left out and why (no prompt, no session), and how the total scales.
struct Scorecard {
    std::vector<ScoreCategory> categories;
    std::vector<ScoreLine> lines;
    std::vector<std::string> notes;
    double points = 0;
    double max = 0;
    double total = 0;     ///< points / max x 100
    std::string promptId; ///< "" without a prompt
    std::string promptTitle;
    const ScoreCategory* category(const std::string& id) const;
    /// The lines of one category, in order.
    std::vector<const ScoreLine*> linesOf(const std::string& category) const;
};

/// One part of the rubric as a person reads it: its id and title, its points, and how they
/// are earned in a sentence or two (the same rules as docs/scorecard.md, shorter).
struct RubricEntry {
    std::string id;
    std::string title;
    double max = 0;
    std::string how;
};
/// The rubric, in card order, for the window to show beside a scorecard.
const std::vector<RubricEntry>& scoreRubric();

/// Scores a design. `report` must come from analyze() on `doc` followed by runRules().
/// `prompt` and `practice` may be null: their categories are then left out and the total
/// is scaled from what remains. Pure and deterministic.
Scorecard score(const Document& doc, const Catalogue& catalogue, const Report& report,
                const Prompt* prompt, const PracticeFacts* practice);

/// The scorecard as JSON (the schema of `archlens score --format json`, in
/// docs/scorecard.md). Numbers keep one decimal.
Json scorecardToJson(const Scorecard& card);
/// How a renderer passes on text that may quote the design (reasons, notes, the prompt's
/// title) before laying it out: the command line makes control characters visible, so that
/// a name cannot start a line of its own or rewrite the terminal. Empty: as it is.
using ScoreTextFilter = std::function<std::string(const std::string&)>;
/// Plain text: the total, then each category with its lines and notes.
std::string scorecardText(const Scorecard& card, const ScoreTextFilter& text = {});
/// Markdown, for reports: a heading with the total, a section per category, the design's
/// names escaped so that they read as text (after `text`).
std::string scorecardMarkdown(const Scorecard& card, const ScoreTextFilter& text = {});
/// Points as the renderers write them: at most one decimal, "8.3", "25", "-8".
std::string pointsText(double points);

} // namespace archlens
