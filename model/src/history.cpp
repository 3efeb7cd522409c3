#include "archlens/model/history.h"

namespace archlens {

void History::push(CommandPtr command, Document& doc, Changes& changes) {
    command->apply(doc, changes);
    if (record(std::move(command)) && commands_.back()->isObsolete(doc)) {
        commands_.pop_back();
        --index_;
    }
}

bool History::record(CommandPtr command) {
    if (index_ < commands_.size()) {
        if (clean_ > static_cast<long>(index_))
            clean_ = -1; // the saved state was redoable; now gone
        commands_.erase(commands_.begin() + static_cast<long>(index_), commands_.end());
    }
    // Merge into the previous step unless that step is the saved state, which must stay
    // reachable by undo.
    if (index_ > 0 && clean_ != static_cast<long>(index_) && commands_.back()->mergeWith(*command))
        return true;
    commands_.push_back(std::move(command));
    ++index_;
    return false;
}

void History::undo(Document& doc, Changes& changes) {
    if (!canUndo()) return;
    --index_;
    commands_[index_]->revert(doc, changes);
}

void History::redo(Document& doc, Changes& changes) {
    if (!canRedo()) return;
    commands_[index_]->apply(doc, changes);
    ++index_;
}

std::string History::undoText() const {
    return canUndo() ? commands_[index_ - 1]->text() : std::string{};
}
std::string History::redoText() const {
    return canRedo() ? commands_[index_]->text() : std::string{};
}

void History::clear() {
    commands_.clear();
    index_ = 0;
    clean_ = 0;
}

} // namespace archlens
