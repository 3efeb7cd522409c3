#include "document_index.h"

namespace archlens {

DocumentIndex::DocumentIndex(Editor& editor) : editor_(editor) {
    // Dirty both before and after each change: observers that run in between (list models
    // bracketing rows) must not see an index of the old document as current.
    // Moves, renames and property edits keep every id in its row, so only inserts,
    // removals, resets and re-targeted connections invalidate the maps.
    auto invalidate = [this](const Change& c) {
        if (c.op != Change::Op::Updated ||
            (c.type == ElementType::Connection && (c.attribute == "from" || c.attribute == "to")))
            dirty_ = true;
    };
    observer_ = editor_.addObserver(Editor::Observer{invalidate, invalidate, {}});
}

DocumentIndex::~DocumentIndex() {
    editor_.removeObserver(observer_);
}

void DocumentIndex::rebuild() const {
    const Document& doc = editor_.document();
    entries_.clear();
    touching_.clear();
    entries_.reserve(doc.components.size() + doc.connections.size() + doc.zones.size() +
                     doc.flows.size() + doc.notes.size());
    auto add = [this](const auto& items, ElementType type) {
        for (size_t i = 0; i < items.size(); ++i)
            entries_.emplace(items[i].id, Entry{type, int(i)});
    };
    add(doc.zones, ElementType::Zone);
    add(doc.components, ElementType::Component);
    add(doc.connections, ElementType::Connection);
    add(doc.flows, ElementType::Flow);
    add(doc.notes, ElementType::Note);
    for (size_t i = 0; i < doc.connections.size(); ++i) {
        touching_[doc.connections[i].from].push_back(int(i));
        if (doc.connections[i].to != doc.connections[i].from)
            touching_[doc.connections[i].to].push_back(int(i));
    }
    dirty_ = false;
}

std::optional<DocumentIndex::Entry> DocumentIndex::find(const std::string& id) const {
    if (dirty_) rebuild();
    auto it = entries_.find(id);
    if (it == entries_.end()) return std::nullopt;
    return it->second;
}

const Component* DocumentIndex::component(const std::string& id) const {
    const auto e = find(id);
    if (!e || e->type != ElementType::Component) return nullptr;
    return &editor_.document().components[size_t(e->row)];
}

const std::vector<int>& DocumentIndex::connectionsOf(const std::string& componentId) const {
    static const std::vector<int> none;
    if (dirty_) rebuild();
    auto it = touching_.find(componentId);
    return it == touching_.end() ? none : it->second;
}

} // namespace archlens
