#pragma once
// Look-ups by id over the open document, for the bridge and the canvas: which type and
// row an id names, and which connections touch a component. The document itself keeps
// plain vectors (it is a value); at ten thousand components a linear search per look-up
// makes every edit quadratic, so this keeps hash maps, rebuilt lazily after each change.
#include "archlens/model/editor.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace archlens {

class DocumentIndex {
public:
    struct Entry {
        ElementType type;
        int row;
    };

    explicit DocumentIndex(Editor& editor);
    ~DocumentIndex();
    DocumentIndex(const DocumentIndex&) = delete;
    DocumentIndex& operator=(const DocumentIndex&) = delete;

    std::optional<Entry> find(const std::string& id) const;
    /// The component with this id, or null.
    const Component* component(const std::string& id) const;
    /// Rows of the connections from or to this component.
    const std::vector<int>& connectionsOf(const std::string& componentId) const;

private:
    void rebuild() const;

    Editor& editor_;
    int observer_ = 0;
    mutable bool dirty_ = true;
    mutable std::unordered_map<std::string, Entry> entries_;
    mutable std::unordered_map<std::string, std::vector<int>> touching_;
};

} // namespace archlens
