#pragma once
// Undoable edits. Each command knows its inverse; compound edits are one MacroCommand, so
// they undo as one step. Commands assume the edit was checked (see Editor), and report
// what they changed into a Changes list for the observers.
#include "archlens/model/attributes.h"
#include "archlens/model/change.h"
#include "archlens/model/document.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace archlens {

class Command {
public:
    explicit Command(std::string text) : text_(std::move(text)) {}
    virtual ~Command() = default;
    Command(const Command&) = delete;
    Command& operator=(const Command&) = delete;

    virtual void apply(Document& doc, Changes& changes) = 0;
    virtual void revert(Document& doc, Changes& changes) = 0;
    /// Absorbs `next` (already applied) into this one, for edits that arrive in a stream
    /// such as typing into one field. Returns false when they do not merge.
    virtual bool mergeWith(const Command& next) {
        (void)next;
        return false;
    }
    /// Whether applying this command leaves `doc` as it found it: a merged stream of edits
    /// that ended where it began, such as typing a value back to what it was. History drops
    /// such a step, as QUndoCommand::isObsolete does.
    virtual bool isObsolete(const Document& doc) const {
        (void)doc;
        return false;
    }
    /// The words for "Undo <text>" in the Edit menu.
    const std::string& text() const { return text_; }

private:
    std::string text_;
};

using CommandPtr = std::unique_ptr<Command>;

/// Puts an element at `index` of its collection (-1: at the end).
class InsertElementCommand : public Command {
public:
    InsertElementCommand(std::string text, Element element, int index = -1);
    void apply(Document& doc, Changes& changes) override;
    void revert(Document& doc, Changes& changes) override;

private:
    Element element_;
    int index_;
};

/// Takes an element out; keeps it and its place to put it back.
class RemoveElementCommand : public Command {
public:
    RemoveElementCommand(std::string text, const Document& doc, ElementType type,
                         const std::string& id);
    void apply(Document& doc, Changes& changes) override;
    void revert(Document& doc, Changes& changes) override;

private:
    Element element_;
    int index_;
};

/// Sets one attribute; keeps the old value. With a non-empty merge key, consecutive
/// commands on the same attribute and key merge into one step. `row`, when known, is the
/// element's row in its collection: remembered (and checked against the id before each
/// use), so that applying and reverting need no search in a large document.
class SetAttributeCommand : public Command {
public:
    SetAttributeCommand(std::string text, const Document& doc, AttributeRef ref, Json value,
                        std::string mergeKey = {}, int row = -1);
    void apply(Document& doc, Changes& changes) override;
    void revert(Document& doc, Changes& changes) override;
    bool mergeWith(const Command& next) override;
    bool isObsolete(const Document& doc) const override;

private:
    AttributeRef ref_;
    int row_ = -1;            ///< where the element was last seen (a hint)
    AttributeRef restoreRef_; ///< what revert restores: the whole props object for a property
    Json old_;
    Json new_;
    std::string mergeKey_;
    /// Setting a requirement marks the file as having a "requirements" object; revert
    /// restores the mark too, or undo would leave an empty "requirements": {} behind.
    bool hadRequirements_ = false;
};

/// Accepts a finding as a trade-off, changes the note of an accepted one, or withdraws
/// one: `value` replaces the acknowledgement matching (rule, subjects), where nullopt
/// removes it and a new one goes to the end. A replaced or withdrawn one comes back at its
/// old place on revert, so undo restores the file byte for byte. Reported as an update of
/// the document's "acknowledgements".
class SetAcknowledgementCommand : public Command {
public:
    SetAcknowledgementCommand(std::string text, const Document& doc, const std::string& rule,
                              const std::vector<std::string>& subjects,
                              std::optional<Acknowledgement> value);
    void apply(Document& doc, Changes& changes) override;
    void revert(Document& doc, Changes& changes) override;

private:
    std::optional<Acknowledgement> old_;
    std::optional<Acknowledgement> new_;
    int index_ = -1; ///< where old_ is, or where new_ went when there was no old_
};

/// Starts, changes or ends the practice session (nullopt: none). What a person wrote, ticked
/// and chose is undone and redone; the time each phase took is clock state and is never
/// wound back: applying or reverting keeps the document's current `used_s` of each phase
/// that both sessions have. Consecutive commands with the same non-empty merge key (typing
/// into one phase's notes) merge into one step. Reported as an update of the document's
/// "practice".
class SetPracticeCommand : public Command {
public:
    SetPracticeCommand(std::string text, const Document& doc, std::optional<PracticeSession> value,
                       std::string mergeKey = {});
    void apply(Document& doc, Changes& changes) override;
    void revert(Document& doc, Changes& changes) override;
    bool mergeWith(const Command& next) override;
    bool isObsolete(const Document& doc) const override;

private:
    void install(Document& doc, const std::optional<PracticeSession>& value, Changes& changes);
    std::optional<PracticeSession> old_;
    std::optional<PracticeSession> new_;
    std::string mergeKey_;
};

/// Moves components and notes to new positions as one step, whatever their number (a
/// drag of a selection of ten thousand boxes). Each element's row is remembered and checked
/// against its id before use, so applying or reverting is linear in the number of elements
/// moved, with no search of the document per element. Reported as an update of "x" and then
/// of "y" of each element in turn (undone element by element in reverse), as two attribute
/// edits each would be.
class MoveCommand : public Command {
public:
    struct Step {
        ElementType type = ElementType::Component; ///< Component or Note
        std::string id;
        int row = -1; ///< where the element was last seen (a hint)
        double fromX = 0, fromY = 0, toX = 0, toY = 0;
    };
    MoveCommand(std::string text, std::vector<Step> steps);
    void apply(Document& doc, Changes& changes) override;
    void revert(Document& doc, Changes& changes) override;

private:
    void place(Document& doc, Step& step, double x, double y, Changes& changes);
    std::vector<Step> steps_;
};

/// Several commands as one step: applied in order, reverted in reverse.
class MacroCommand : public Command {
public:
    explicit MacroCommand(std::string text) : Command(std::move(text)) {}
    void add(CommandPtr command) { children_.push_back(std::move(command)); }
    bool empty() const { return children_.empty(); }
    void apply(Document& doc, Changes& changes) override;
    void revert(Document& doc, Changes& changes) override;

private:
    std::vector<CommandPtr> children_;
};

} // namespace archlens
