#pragma once
// Two designs compared: what was added, removed and changed, which findings appeared or
// went, and how each flow's numbers moved. A candidate compares their design with a prompt's
// reference design, or a design with an earlier version of itself. Plain C++ so that the
// command line, the reports and the window all read the same comparison; renderers for text,
// JSON and Markdown are below.
#include "archlens/analysis/report.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"
#include "archlens/model/json.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace archlens {

/// One field of an element whose value differs between the two designs. `field` is the
/// attribute's name as the model calls it ("name", "props.instances", "requirements.p99_ms"),
/// `label` what people call it ("Instances"); `before` and `after` are the values as a
/// person reads them, in display units ("99.9%", "2 s (2000 ms)", "yes", "not set (1)"), and
/// `beforeValue` / `afterValue` the raw JSON values (null when not set).
struct FieldChange {
    std::string field;
    std::string label;
    std::string before;
    std::string after;
    Json beforeValue;
    Json afterValue;
};

/// An element of one design, named as people know it: a component or flow by its name, a
/// connection by the names at its ends ("API → Links DB"), a zone by its id. `x`/`y` are the
/// position of a component in its design (0 for other elements), so that a removed box can
/// be drawn where it was.
struct DiffElement {
    ElementType type = ElementType::Component;
    std::string id;
    std::string name;
    double x = 0;
    double y = 0;
};

/// An element present in both designs whose meaning changed. `id` is its id in the second
/// design; `beforeId` its id in the first, which differs only for a connection matched by its
/// ends (the same arrow drawn again). `fields` lists every differing field, never empty.
struct ElementChange {
    DiffElement element;
    std::string beforeId;
    std::vector<FieldChange> fields;
};

/// A finding present in one design's critique and not in the other's, matched by rule,
/// subjects taken as a set and the flow it is about (the key acknowledgements use; see
/// findingKey). Subjects are given as the second design names them, so a connection drawn
/// again under a new id does not make its findings look new.
struct FindingDelta {
    std::string rule;
    Severity severity = Severity::Info;
    std::string title;
    std::vector<std::string> subjects;
    std::string flow;
    /// What people call each subject, in the design the finding was made on: a component's
    /// or flow's name, a connection by its ends ("API → Links DB"), "zone az1".
    std::vector<std::string> subjectNames;
};

/// One flow present in both designs (by id), with its numbers before and after.
struct FlowComparison {
    std::string id;
    std::string name; ///< as the second design names it
    double availabilityBefore = 1;
    double availabilityAfter = 1;
    double p99Before = 0;
    double p99After = 0;
    /// The flow's saturation multiplier: the traffic multiple at which the busiest
    /// component it reaches is full (utilisation grows with traffic), unset when nothing it
    /// reaches carries load.
    std::optional<double> saturationBefore;
    std::optional<double> saturationAfter;
    /// Whether any figure moved.
    bool changed() const {
        return availabilityBefore != availabilityAfter || p99Before != p99After ||
               saturationBefore != saturationAfter;
    }
};

/// Everything that differs between design A ("before") and design B ("after"), as
/// diffDesigns computes it. Lists keep the order of the documents: removed things in A's
/// order, added and changed ones in B's. Moving or resizing a box is reported in `moved`
/// only, never as a change of meaning. `flows` holds every flow of both designs, changed or
/// not, so a reader sees the numbers side by side; flows of one design only are in
/// `flowsOnlyBefore` / `flowsOnlyAfter`. The saturation multiplier is the report's own
/// design-wide figure (Report::saturation): the traffic multiple at which the first
/// component reaches full utilisation, unset when none does within the curves' range; its
/// `component` holds that component's name, as its design names it.
struct DesignDiff {
    std::string titleBefore;
    std::string titleAfter;
    std::vector<DiffElement> added;
    std::vector<DiffElement> removed;
    std::vector<ElementChange> changed;
    std::vector<DiffElement> moved;
    std::vector<FieldChange> design; ///< the title and the requirements
    std::vector<FindingDelta> findingsAppeared;
    std::vector<FindingDelta> findingsGone;
    std::vector<FlowComparison> flows;
    std::vector<DiffElement> flowsOnlyBefore;
    std::vector<DiffElement> flowsOnlyAfter;
    std::optional<Saturation> saturationBefore;
    std::optional<Saturation> saturationAfter;

    /// Whether the two designs mean the same and give the same numbers: nothing added,
    /// removed, changed or moved, the same findings, every flow's figures and the saturation
    /// equal. A design compared with itself is identical.
    bool identical() const;
    /// How many elements of `type` are in each list: what the canvas's banner counts.
    int addedCount(ElementType type) const;
    int removedCount(ElementType type) const;
    int changedCount(ElementType type) const;
};

/// Compares design `a` (with its report `ra`, after analyze and runRules) with design `b`
/// (and `rb`). Elements are matched by id; a connection whose id is in one design only is
/// matched with one between the same two components in the other, if there is one, so an
/// arrow drawn again reads as changed rather than removed and added. Property values are
/// written in the catalogue's units; a property not set reads "not set" with the value it
/// takes then. Deterministic: the same inputs give the same diff.
DesignDiff diffDesigns(const Document& a, const Report& ra, const Document& b, const Report& rb,
                       const Catalogue& catalogue = Catalogue::builtin());

/// How the renderers treat text that comes from the designs (names, titles, ids, finding
/// titles): the command line makes control characters visible, the Markdown writer escapes
/// Markdown. Identity when empty. `before` and `after` name the two sides in headings
/// ("url-shortener.archlens", "reference design").
struct DiffTextOptions {
    std::string before = "before";
    std::string after = "after";
    std::function<std::string(const std::string&)> text;
};

/// The comparison as plain text for a terminal: a summary line, then sections for what was
/// added, removed, changed, moved, the findings and the flows. Ends with a newline.
std::string diffToText(const DesignDiff& diff, const DiffTextOptions& options = {});

/// The comparison as Markdown, its sections headed at `level` (2: "## Added"), without a
/// heading of its own, so that a report can put it under its own. `options.text` defaults to
/// markdownEscape.
std::string diffToMarkdown(const DesignDiff& diff, const DiffTextOptions& options = {},
                           int level = 2);

/// The comparison as JSON (schema "archlens-diff", version 1), documented in the README:
/// `identical`, `summary` counts, `added`/`removed`/`moved` [{type, id, name}], `changed`
/// [{type, id, before_id, name, fields[{field, label, before, after, before_value,
/// after_value}]}], `design` (fields), `findings` {appeared, gone} (each {rule, severity,
/// title, subjects, subject_names, flow}), `flows` [{id, name,
/// availability{before, after, difference}, p99_ms{...}}], `flows_only_before`,
/// `flows_only_after`, `saturation` {before, after}.
Json diffToJson(const DesignDiff& diff);

/// Text made safe to put in Markdown: the characters Markdown would act on are escaped and
/// line breaks become spaces.
std::string markdownEscape(const std::string& text);

/// A signed difference as people read it: "+0.05 pp" for availability (percentage points),
/// "−12.3 ms" / "+1.2 s" for a latency, "±0" when there is none.
std::string availabilityDifferenceText(double before, double after);
std::string millisecondsDifferenceText(double before, double after);

/// "component", "connection", "zone", "flow", "note", "design".
const char* diffTypeName(ElementType type);

} // namespace archlens
