#include "archlens/model/commands.h"
#include "archlens/model/id_index.h"

#include <stdexcept>

namespace archlens {

namespace {

template <typename T> std::vector<T>& collection(Document& doc);
template <> std::vector<Zone>& collection<Zone>(Document& doc) {
    return doc.zones;
}
template <> std::vector<Component>& collection<Component>(Document& doc) {
    return doc.components;
}
template <> std::vector<Connection>& collection<Connection>(Document& doc) {
    return doc.connections;
}
template <> std::vector<Flow>& collection<Flow>(Document& doc) {
    return doc.flows;
}
template <> std::vector<Note>& collection<Note>(Document& doc) {
    return doc.notes;
}

Element takeElement(Document& doc, ElementType type, int index) {
    auto take = [&](auto& items) -> Element {
        Element e = std::move(items.at(static_cast<size_t>(index)));
        items.erase(items.begin() + index);
        return e;
    };
    switch (type) {
    case ElementType::Zone:
        return take(doc.zones);
    case ElementType::Component:
        return take(doc.components);
    case ElementType::Connection:
        return take(doc.connections);
    case ElementType::Flow:
        return take(doc.flows);
    case ElementType::Note:
        return take(doc.notes);
    case ElementType::Document:
        break;
    }
    throw std::logic_error("the document itself cannot be removed");
}

Element copyElement(const Document& doc, ElementType type, int index) {
    const auto i = static_cast<size_t>(index);
    switch (type) {
    case ElementType::Zone:
        return doc.zones.at(i);
    case ElementType::Component:
        return doc.components.at(i);
    case ElementType::Connection:
        return doc.connections.at(i);
    case ElementType::Flow:
        return doc.flows.at(i);
    case ElementType::Note:
        return doc.notes.at(i);
    case ElementType::Document:
        break;
    }
    throw std::logic_error("the document itself is not an element");
}

/// Inserts at `index` (clamped; -1 = end), announcing it, and returns where it went.
int insertElement(Document& doc, const Element& element, int index, Changes& changes) {
    return std::visit(
        [&](const auto& e) {
            using T = std::decay_t<decltype(e)>;
            auto& items = collection<T>(doc);
            const int size = static_cast<int>(items.size());
            const int at = index < 0 || index > size ? size : index;
            const Change change{Change::Op::Inserted, elementType(element), e.id, at, {}};
            changes.about(change);
            items.insert(items.begin() + at, e);
            changes.done(change);
            return at;
        },
        element);
}

Element removeElement(Document& doc, ElementType type, int index, Changes& changes) {
    const Change change{
        Change::Op::Removed, type, elementId(copyElement(doc, type, index)), index, {}};
    changes.about(change);
    Element e = takeElement(doc, type, index);
    changes.done(change);
    return e;
}

} // namespace

InsertElementCommand::InsertElementCommand(std::string text, Element element, int index)
    : Command(std::move(text)), element_(std::move(element)), index_(index) {}

void InsertElementCommand::apply(Document& doc, Changes& changes) {
    index_ = insertElement(doc, element_, index_, changes);
}

void InsertElementCommand::revert(Document& doc, Changes& changes) {
    element_ = removeElement(doc, elementType(element_), index_, changes);
}

RemoveElementCommand::RemoveElementCommand(std::string text, const Document& doc, ElementType type,
                                           const std::string& id)
    : Command(std::move(text)), element_(Zone{}), index_(doc.indexOf(type, id)) {
    if (index_ < 0)
        throw std::out_of_range(std::string("no ") + toString(type) + " \"" + id + "\"");
    element_ = copyElement(doc, type, index_);
}

void RemoveElementCommand::apply(Document& doc, Changes& changes) {
    element_ = removeElement(doc, elementType(element_), index_, changes);
}

void RemoveElementCommand::revert(Document& doc, Changes& changes) {
    insertElement(doc, element_, index_, changes);
}

SetAttributeCommand::SetAttributeCommand(std::string text, const Document& doc, AttributeRef ref,
                                         Json value, std::string mergeKey, int row)
    : Command(std::move(text)), ref_(std::move(ref)), row_(row), restoreRef_(ref_),
      new_(std::move(value)), mergeKey_(std::move(mergeKey)) {
    // Unsetting a property and setting it again would move its key to the end of the
    // object; restoring the whole object keeps undo byte-exact.
    if (ref_.name.rfind("props.", 0) == 0) restoreRef_.name = "props";
    old_ = getAttribute(doc, restoreRef_, row_);
    hadRequirements_ = doc.hasRequirements;
}

void SetAttributeCommand::apply(Document& doc, Changes& changes) {
    row_ = elementRow(doc, ref_.type, ref_.id, row_);
    const Change change{Change::Op::Updated, ref_.type, ref_.id, row_, ref_.name};
    changes.about(change);
    setAttribute(doc, ref_, new_, row_);
    changes.done(change);
}

void SetAttributeCommand::revert(Document& doc, Changes& changes) {
    row_ = elementRow(doc, ref_.type, ref_.id, row_);
    const Change change{Change::Op::Updated, ref_.type, ref_.id, row_, ref_.name};
    changes.about(change);
    setAttribute(doc, restoreRef_, old_, row_);
    if (ref_.type == ElementType::Document) doc.hasRequirements = hadRequirements_;
    changes.done(change);
}

bool SetAttributeCommand::mergeWith(const Command& next) {
    const auto* other = dynamic_cast<const SetAttributeCommand*>(&next);
    if (!other || mergeKey_.empty() || other->mergeKey_ != mergeKey_) return false;
    if (other->ref_.type != ref_.type || other->ref_.id != ref_.id || other->ref_.name != ref_.name)
        return false;
    new_ = other->new_;
    return true;
}

bool SetAttributeCommand::isObsolete(const Document& doc) const {
    // The whole restore value (a component's props object, key order included), so that a
    // property unset and set again at the end of the object is still a change of bytes.
    return getAttribute(doc, restoreRef_) == old_ &&
           (ref_.type != ElementType::Document || doc.hasRequirements == hadRequirements_);
}

namespace {
/// What acknowledgement edits announce: they are part of the document, not an element.
const Change kAcknowledgementsChanged{
    Change::Op::Updated, ElementType::Document, {}, -1, "acknowledgements"};
} // namespace

SetAcknowledgementCommand::SetAcknowledgementCommand(std::string text, const Document& doc,
                                                     const std::string& rule,
                                                     const std::vector<std::string>& subjects,
                                                     std::optional<Acknowledgement> value)
    : Command(std::move(text)), new_(std::move(value)),
      index_(doc.acknowledgementIndex(rule, subjects)) {
    if (index_ >= 0) old_ = doc.acknowledgements[static_cast<size_t>(index_)];
    if (!old_ && !new_) throw std::out_of_range("no acknowledgement of " + rule + " to withdraw");
}

void SetAcknowledgementCommand::apply(Document& doc, Changes& changes) {
    auto& acks = doc.acknowledgements;
    changes.about(kAcknowledgementsChanged);
    if (!old_) {
        acks.push_back(*new_);
        index_ = static_cast<int>(acks.size()) - 1;
    } else if (new_) {
        acks.at(static_cast<size_t>(index_)) = *new_;
    } else {
        acks.erase(acks.begin() + index_);
    }
    changes.done(kAcknowledgementsChanged);
}

void SetAcknowledgementCommand::revert(Document& doc, Changes& changes) {
    auto& acks = doc.acknowledgements;
    changes.about(kAcknowledgementsChanged);
    if (!old_)
        acks.erase(acks.begin() + index_);
    else if (new_)
        acks.at(static_cast<size_t>(index_)) = *old_;
    else
        acks.insert(acks.begin() + index_, *old_);
    changes.done(kAcknowledgementsChanged);
}

const Change kPracticeChanged{Change::Op::Updated, ElementType::Document, {}, -1, "practice"};

SetPracticeCommand::SetPracticeCommand(std::string text, const Document& doc,
                                       std::optional<PracticeSession> value, std::string mergeKey)
    : Command(std::move(text)), old_(doc.practice), new_(std::move(value)),
      mergeKey_(std::move(mergeKey)) {}

void SetPracticeCommand::install(Document& doc, const std::optional<PracticeSession>& value,
                                 Changes& changes) {
    changes.about(kPracticeChanged);
    std::optional<PracticeSession> next = value;
    if (next && doc.practice)
        for (auto& phase : next->phases)
            if (const PracticePhase* now = doc.practice->phase(phase.id))
                phase.used_s = now->used_s;
    doc.practice = std::move(next);
    changes.done(kPracticeChanged);
}

void SetPracticeCommand::apply(Document& doc, Changes& changes) {
    install(doc, new_, changes);
}

void SetPracticeCommand::revert(Document& doc, Changes& changes) {
    install(doc, old_, changes);
}

bool SetPracticeCommand::mergeWith(const Command& next) {
    const auto* other = dynamic_cast<const SetPracticeCommand*>(&next);
    if (!other || mergeKey_.empty() || other->mergeKey_ != mergeKey_) return false;
    new_ = other->new_;
    return true;
}

bool SetPracticeCommand::isObsolete(const Document& doc) const {
    (void)doc;
    if (old_.has_value() != new_.has_value()) return false;
    if (!old_) return true;
    // Equal but for the clock, which the command never changes.
    PracticeSession a = *old_, b = *new_;
    for (auto& p : a.phases)
        p.used_s = 0;
    for (auto& p : b.phases)
        p.used_s = 0;
    return a == b;
}

MoveCommand::MoveCommand(std::string text, std::vector<Step> steps)
    : Command(std::move(text)), steps_(std::move(steps)) {}

void MoveCommand::place(Document& doc, Step& step, double x, double y, Changes& changes) {
    step.row = elementRow(doc, step.type, step.id, step.row);
    if (step.row < 0)
        throw std::out_of_range(std::string("no ") + toString(step.type) + " \"" + step.id + "\"");
    const auto row = static_cast<size_t>(step.row);
    double& atX = step.type == ElementType::Note ? doc.notes.at(row).x : doc.components.at(row).x;
    double& atY = step.type == ElementType::Note ? doc.notes.at(row).y : doc.components.at(row).y;
    const Change changeX{Change::Op::Updated, step.type, step.id, step.row, "x"};
    changes.about(changeX);
    atX = x;
    changes.done(changeX);
    const Change changeY{Change::Op::Updated, step.type, step.id, step.row, "y"};
    changes.about(changeY);
    atY = y;
    changes.done(changeY);
}

void MoveCommand::apply(Document& doc, Changes& changes) {
    for (Step& step : steps_)
        place(doc, step, step.toX, step.toY, changes);
}

void MoveCommand::revert(Document& doc, Changes& changes) {
    for (auto it = steps_.rbegin(); it != steps_.rend(); ++it)
        place(doc, *it, it->fromX, it->fromY, changes);
}

void MacroCommand::apply(Document& doc, Changes& changes) {
    for (auto& c : children_)
        c->apply(doc, changes);
}

void MacroCommand::revert(Document& doc, Changes& changes) {
    for (auto it = children_.rbegin(); it != children_.rend(); ++it)
        (*it)->revert(doc, changes);
}

} // namespace archlens
