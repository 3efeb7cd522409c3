#include "archlens/model/document.h"
#include "archlens/model/problem.h"

#include <algorithm>
#include <unordered_set>

namespace archlens {

std::string Problem::describe() const {
    if (line > 0)
        return "line " + std::to_string(line) + ", column " + std::to_string(column) +
               (pointer.empty() ? "" : " (" + pointer + ")") + ": " + message;
    if (!pointer.empty()) return pointer + ": " + message;
    return message;
}

const char* toString(ElementType type) {
    switch (type) {
    case ElementType::Document:
        return "document";
    case ElementType::Zone:
        return "zone";
    case ElementType::Component:
        return "component";
    case ElementType::Connection:
        return "connection";
    case ElementType::Flow:
        return "flow";
    case ElementType::Note:
        return "note";
    }
    return "?";
}

const char* toString(ConnectionMode mode) {
    switch (mode) {
    case ConnectionMode::Sync:
        return "sync";
    case ConnectionMode::Async:
        return "async";
    case ConnectionMode::Replication:
        return "replication";
    }
    return "?";
}

std::optional<ConnectionMode> connectionModeFromString(const std::string& text) {
    if (text == "sync") return ConnectionMode::Sync;
    if (text == "async") return ConnectionMode::Async;
    if (text == "replication") return ConnectionMode::Replication;
    return std::nullopt;
}

namespace {
template <typename T> int findIndex(const std::vector<T>& items, const std::string& id) {
    for (size_t i = 0; i < items.size(); ++i)
        if (items[i].id == id) return static_cast<int>(i);
    return -1;
}
template <typename T> const T* findItem(const std::vector<T>& items, const std::string& id) {
    const int i = findIndex(items, id);
    return i < 0 ? nullptr : &items[static_cast<size_t>(i)];
}
} // namespace

const Zone* Document::zone(const std::string& id) const {
    return findItem(zones, id);
}
const Component* Document::component(const std::string& id) const {
    return findItem(components, id);
}
const Connection* Document::connection(const std::string& id) const {
    return findItem(connections, id);
}
const Flow* Document::flow(const std::string& id) const {
    return findItem(flows, id);
}
const Note* Document::note(const std::string& id) const {
    return findItem(notes, id);
}

bool carriesFlow(const Connection& c, const Flow& flow) {
    if (c.mode == ConnectionMode::Replication) return false;
    if (auto flows = c.props.find("flows"); flows != c.props.end() && flows->is_array())
        return std::find(flows->begin(), flows->end(), Json(flow.id)) != flows->end();
    if (auto ops = c.props.find("ops"); ops != c.props.end() && ops->is_array())
        return std::find(ops->begin(), ops->end(), Json(flow.op)) != ops->end();
    return true;
}

std::vector<std::string> subjectSet(std::vector<std::string> subjects) {
    std::sort(subjects.begin(), subjects.end());
    subjects.erase(std::unique(subjects.begin(), subjects.end()), subjects.end());
    return subjects;
}

bool Acknowledgement::matches(const std::string& findingRule,
                              const std::vector<std::string>& findingSubjects) const {
    if (rule != findingRule) return false;
    // Most findings name one or two subjects; the common case needs no copies.
    if (subjects == findingSubjects) return true;
    return subjectSet(subjects) == subjectSet(findingSubjects);
}

int Document::acknowledgementIndex(const std::string& rule,
                                   const std::vector<std::string>& subjects) const {
    for (size_t i = 0; i < acknowledgements.size(); ++i)
        if (acknowledgements[i].matches(rule, subjects)) return static_cast<int>(i);
    return -1;
}

const Acknowledgement* Document::acknowledgement(const std::string& rule,
                                                 const std::vector<std::string>& subjects) const {
    const int i = acknowledgementIndex(rule, subjects);
    return i < 0 ? nullptr : &acknowledgements[static_cast<size_t>(i)];
}

int Document::indexOf(ElementType type, const std::string& id) const {
    switch (type) {
    case ElementType::Zone:
        return findIndex(zones, id);
    case ElementType::Component:
        return findIndex(components, id);
    case ElementType::Connection:
        return findIndex(connections, id);
    case ElementType::Flow:
        return findIndex(flows, id);
    case ElementType::Note:
        return findIndex(notes, id);
    case ElementType::Document:
        return -1;
    }
    return -1;
}

int Document::count(ElementType type) const {
    switch (type) {
    case ElementType::Zone:
        return static_cast<int>(zones.size());
    case ElementType::Component:
        return static_cast<int>(components.size());
    case ElementType::Connection:
        return static_cast<int>(connections.size());
    case ElementType::Flow:
        return static_cast<int>(flows.size());
    case ElementType::Note:
        return static_cast<int>(notes.size());
    case ElementType::Document:
        return 1;
    }
    return 0;
}

bool Document::idInUse(const std::string& id) const {
    return zone(id) || component(id) || connection(id) || flow(id) || note(id);
}

std::string Document::uniqueId(const std::string& prefix) const {
    // One pass collecting the ids keeps this linear even for very large documents.
    std::unordered_set<std::string> used;
    auto collect = [&](const auto& items) {
        for (const auto& item : items)
            used.insert(item.id);
    };
    collect(zones);
    collect(components);
    collect(connections);
    collect(flows);
    collect(notes);
    for (size_t n = 1;; ++n) {
        std::string candidate = prefix + std::to_string(n);
        if (!used.count(candidate)) return candidate;
    }
}

ElementType elementType(const Element& element) {
    struct Visitor {
        ElementType operator()(const Zone&) const { return ElementType::Zone; }
        ElementType operator()(const Component&) const { return ElementType::Component; }
        ElementType operator()(const Connection&) const { return ElementType::Connection; }
        ElementType operator()(const Flow&) const { return ElementType::Flow; }
        ElementType operator()(const Note&) const { return ElementType::Note; }
    };
    return std::visit(Visitor{}, element);
}

const std::string& elementId(const Element& element) {
    return std::visit([](const auto& e) -> const std::string& { return e.id; }, element);
}

} // namespace archlens
