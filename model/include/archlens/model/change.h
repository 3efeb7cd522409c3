#pragma once
#include "archlens/model/document.h"

#include <functional>
#include <string>
#include <vector>

namespace archlens {

/// What one step of an edit did to the document, so that views can update the affected
/// rows instead of reloading. `index` is the position in the collection (for inserts and
/// removals); `attribute` names what an update changed ("name", "x", "props.instances").
struct Change {
    enum class Op { Inserted, Removed, Updated, Reset };
    Op op = Op::Updated;
    ElementType type = ElementType::Document;
    std::string id;
    int index = -1;
    std::string attribute;
};

/// The record of what an edit did, announced as it happens: `about` just before each
/// change reaches the document and `done` just after, so that item models can bracket the
/// change exactly (beginInsertRows before, endInsertRows after). Also a list of all changes.
class Changes {
public:
    using Hook = std::function<void(const Change&)>;
    Changes() = default;
    Changes(Hook before, Hook after) : before_(std::move(before)), after_(std::move(after)) {}

    void about(const Change& change) const {
        if (before_) before_(change);
    }
    void done(Change change) {
        list_.push_back(std::move(change));
        if (after_) after_(list_.back());
    }

    const std::vector<Change>& list() const { return list_; }
    auto begin() const { return list_.begin(); }
    auto end() const { return list_.end(); }
    size_t size() const { return list_.size(); }
    bool empty() const { return list_.empty(); }
    const Change& operator[](size_t i) const { return list_[i]; }

private:
    std::vector<Change> list_;
    Hook before_;
    Hook after_;
};

/// Whether every change only moved or resized boxes (the x, y, width and height of
/// elements): the layout, which nothing the analysis computes depends on. An empty list
/// changes nothing, so it is not a layout change either. Views redraw after such changes;
/// the critique need not run again.
inline bool onlyLayoutChanged(const Changes& changes) {
    if (changes.empty()) return false;
    for (const Change& c : changes) {
        const bool box = c.attribute == "x" || c.attribute == "y" || c.attribute == "width" ||
                         c.attribute == "height";
        if (c.op != Change::Op::Updated || c.type == ElementType::Document || !box) return false;
    }
    return true;
}

} // namespace archlens
