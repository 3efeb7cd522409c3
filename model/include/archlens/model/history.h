#pragma once
#include "archlens/model/commands.h"

#include <string>
#include <vector>

namespace archlens {

/// The one undo/redo history of a document (like QUndoStack, without Qt). Pushing applies
/// the command and drops whatever could have been redone. The clean index marks the state
/// last saved, so "modified" is simply index != clean index.
class History {
public:
    /// Applies the command and records it. When it merges into the step before and the two
    /// together change nothing (a value typed back to what it was), that step is dropped,
    /// and the document is clean again if it was clean before the step.
    void push(CommandPtr command, Document& doc, Changes& changes);
    /// Records a command whose effect is already in the document (a finished macro).
    /// Returns true when it merged into the step before instead of adding one.
    bool record(CommandPtr command);
    bool canUndo() const { return index_ > 0; }
    bool canRedo() const { return index_ < commands_.size(); }
    void undo(Document& doc, Changes& changes);
    void redo(Document& doc, Changes& changes);
    std::string undoText() const;
    std::string redoText() const;

    size_t index() const { return index_; }
    size_t size() const { return commands_.size(); }
    void setClean() { clean_ = static_cast<long>(index_); }
    /// No state of the history is the saved one (work restored after a crash).
    void setNoCleanState() { clean_ = -1; }
    bool isClean() const { return clean_ == static_cast<long>(index_); }
    void clear();

private:
    std::vector<CommandPtr> commands_;
    size_t index_ = 0;
    long clean_ = 0; ///< -1 when the saved state can no longer be reached
};

} // namespace archlens
