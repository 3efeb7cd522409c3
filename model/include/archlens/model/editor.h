#pragma once
// The editing façade over one document: checks each edit against the catalogue, turns it
// into a command on the one history, and tells observers what changed. The GUI and the
// tests edit only through this, so both exercise the same undo history.
#include "archlens/model/attributes.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/change.h"
#include "archlens/model/history.h"
#include "archlens/model/id_index.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace archlens {

struct ElementRef {
    ElementType type = ElementType::Component;
    std::string id;
};

/// The outcome of an edit: empty `error` on success; `id` of a created element. A refusal
/// says why twice: `error` as a sentence that stands alone ("rate_rps must be greater than
/// 0, got 0"), `reason` as what is said beside the field that was edited ("must be greater
/// than 0, got 0"; "api: must be ..." when the edit was of several elements).
struct EditResult {
    std::string error;
    std::string id;
    std::string reason;
    bool ok() const { return error.empty(); }

    /// A refusal; `reason` defaults to `error` for an edit that is not of one field.
    static EditResult refused(std::string error, std::string reason = {}) {
        EditResult r;
        r.reason = reason.empty() ? error : std::move(reason);
        r.error = std::move(error);
        return r;
    }
    /// A success that made the element `id`.
    static EditResult made(std::string id) {
        EditResult r;
        r.id = std::move(id);
        return r;
    }
};

class Editor {
public:
    /// Told of each change just before and just after it reaches the document, and of the
    /// whole edit once it is complete. Any of the three may be empty.
    struct Observer {
        std::function<void(const Change&)> aboutToChange;
        std::function<void(const Change&)> changed;
        std::function<void(const Changes&)> edited;
    };

    explicit Editor(const Catalogue& catalogue, Document doc = {});

    const Document& document() const { return doc_; }
    /// The document as it is now, as an immutable copy that may be kept and read on any
    /// thread. The same copy is handed out until the document next changes, so the holders
    /// of one revision (the live analysis, the recovery file, the results on show) share it
    /// instead of each keeping a copy of its own: on a design of 10,000 components a copy
    /// is about 10 MB.
    std::shared_ptr<const Document> snapshot() const;
    const Catalogue& catalogue() const { return catalogue_; }
    const History& history() const { return history_; }

    /// Replaces the whole document (open, new, revert) and clears the history.
    void resetDocument(Document doc);
    /// Marks the current state as saved.
    void markClean() {
        history_.setClean();
        clockRan_ = false;
    }
    /// Marks the document as differing from any saved file, with no step to undo (work
    /// restored after a crash): it stays modified until it is saved.
    void markModified() { history_.setNoCleanState(); }
    bool isModified() const { return !history_.isClean() || clockRan_; }

    // Each edit returns an error (and changes nothing) when it is not allowed. An empty id
    // in an added element gets a fresh one.
    EditResult addComponent(Component component);
    EditResult addConnection(Connection connection);
    EditResult addZone(Zone zone);
    EditResult addFlow(Flow flow);
    EditResult addNote(Note note);
    /// Removes the elements and what depends on them (a component's connections and the
    /// flows entering at it; a zone from the components placed in it; a flow from the
    /// connections restricted to it), all as one step.
    EditResult removeElements(const std::vector<ElementRef>& refs);
    EditResult setAttribute(const AttributeRef& ref, const Json& value,
                            const std::string& mergeKey = {});
    /// Sets one attribute of several elements to one value, as one undo step. Every element
    /// is checked first: one refusal (naming that element) leaves all of them as they were.
    EditResult setAttributes(const std::vector<AttributeRef>& refs, const Json& value,
                             const std::string& text = {});
    /// Makes `flow` travel over `connection` (`through`) or not, as one undo step, leaving
    /// every other flow's route as it was: a connection that carried flows by its
    /// operations gets the list of those it carried, with `flow` added or taken out (see
    /// carriesFlow()). Nothing happens (and no step) when the route is already so; an
    /// unknown id or a replication connection is refused.
    EditResult routeFlow(const std::string& connection, const std::string& flow, bool through);
    /// Gives a component's box a size, or (both unset) lets it fit its name again, as one
    /// undo step ("Resize API"); sizes out of the limits are refused and change nothing.
    EditResult resize(const std::string& component, std::optional<double> width,
                      std::optional<double> height);
    /// Moves components and notes to new positions as one step (a MoveCommand): linear in
    /// the number of elements moved, however large the document.
    struct Position {
        ElementRef ref;
        double x = 0;
        double y = 0;
    };
    EditResult move(const std::vector<Position>& positions);

    /// Accepts the finding of `rule` about `subjects` (in any order) as a deliberate
    /// trade-off, with `note` saying why; for a finding already accepted, changes the note.
    /// One undo step; nothing happens (and no step) when the note is already that.
    EditResult acknowledge(const std::string& rule, const std::vector<std::string>& subjects,
                           const std::string& note);
    /// Withdraws the acknowledgement of that finding, as one undo step; an error when the
    /// finding is not acknowledged.
    EditResult withdrawAcknowledgement(const std::string& rule,
                                       const std::vector<std::string>& subjects);

    /// Starts, changes or ends (nullopt) the practice session as one undo step named
    /// `text`; edits with the same non-empty `mergeKey` in a row (typing one phase's notes)
    /// merge. Refused, changing nothing, when the session is not one a file could hold (no
    /// phase, an unknown phase or checklist item, `current` out of range, text too long).
    /// The phases' `used_s` are taken from the document, never from `session`: only
    /// recordPracticeTime changes them.
    EditResult setPractice(std::optional<PracticeSession> session, const std::string& text,
                           const std::string& mergeKey = {});
    /// Records the time the phase at `index` of the session has taken so far. Clock state,
    /// not an edit: it is no undo step and undo never winds it back, but the document is
    /// modified until saved. Ignored without a session or with an index out of range; a
    /// negative or non-finite time is taken as 0.
    void recordPracticeTime(int index, double usedSeconds);

    /// Groups the edits made while it lives into one undo step named `text`, announced to
    /// observers once when it ends. Groups nest: only the outermost one makes the step. A
    /// group in which nothing changed leaves no step.
    class Group {
    public:
        Group(Editor& editor, const std::string& text) : editor_(editor) {
            editor_.beginMacro(text);
        }
        ~Group() { editor_.endMacro(); }
        Group(const Group&) = delete;
        Group& operator=(const Group&) = delete;

    private:
        Editor& editor_;
    };

    bool canUndo() const { return history_.canUndo(); }
    bool canRedo() const { return history_.canRedo(); }
    void undo();
    void redo();

    int addObserver(Observer observer);
    /// An observer of whole edits only.
    int addObserver(std::function<void(const Changes&)> edited) {
        return addObserver(Observer{{}, {}, std::move(edited)});
    }
    void removeObserver(int handle);

private:
    void beginMacro(const std::string& text);
    void endMacro();
    EditResult push(CommandPtr command, std::string id = {});
    /// A change record that relays each change to the observers as it happens (and drops
    /// the shared snapshot).
    Changes relay();
    void notify(const Changes& changes);
    std::string checkNewComponent(const Component& c) const;
    std::string checkNewConnection(const Connection& c) const;
    /// Why setAttribute(ref, value) would be refused, or an ok result.
    EditResult checkSetAttribute(const AttributeRef& ref, const Json& value) const;

    /// Row of an element of doc_ (see IdIndex), or -1.
    int rowOf(ElementType type, const std::string& id) const { return index_.row(doc_, type, id); }

    const Catalogue& catalogue_;
    Document doc_;
    /// See snapshot(); null when stale. relay() drops it after every change.
    mutable std::shared_ptr<const Document> snapshot_;
    IdIndex index_; ///< rows of doc_'s elements by id: edits of many elements stay linear
    History history_;
    std::unique_ptr<MacroCommand> macro_;
    std::vector<Change> macroChanges_; ///< what the open macro changed, for its one notification
    int macroDepth_ = 0;
    std::map<int, Observer> observers_;
    int nextObserver_ = 1;
    bool clockRan_ = false; ///< the practice clock moved since the last save
};

} // namespace archlens
