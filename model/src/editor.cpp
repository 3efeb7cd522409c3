#include "archlens/model/editor.h"
#include "archlens/model/describe.h"
#include "archlens/model/document_io.h"
#include "archlens/model/limits.h"
#include "archlens/model/validation.h"

#include "field_access.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace archlens {

namespace {

std::string inQuotes(const std::string& s) {
    return "\"" + s + "\"";
}

// "Instances of API ..." at the start of a sentence; "p99 latency target" stays as it is.
std::string sentenceCase(std::string text) {
    if (text.size() >= 2 && std::islower(static_cast<unsigned char>(text[0])) &&
        std::islower(static_cast<unsigned char>(text[1])))
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

/// A list-valued property without one id; null when nothing is left, so the property
/// returns to "unset" rather than an empty list.
Json without(const Json& list, const std::string& id) {
    Json out = Json::array();
    for (const auto& item : list)
        if (item != id) out.push_back(item);
    return out.empty() ? Json() : out;
}

bool listContains(const Json& props, const char* key, const std::string& id) {
    auto it = props.find(key);
    return it != props.end() && it->is_array() &&
           std::find(it->begin(), it->end(), id) != it->end();
}

/// Why a component's kind and properties, taken together, cannot be: a property the kind
/// does not take, a value out of its range, more healthy instances required than there are.
/// The reader holds a file to the same rules (validateDocument), so that what an edit makes
/// always saves and loads again.
std::string checkComponentProps(const Catalogue& catalogue, const Document& doc,
                                const Component& c) {
    const KindInfo* kind = catalogue.kind(c.kind);
    if (!kind) return "unknown kind " + inQuotes(c.kind);
    for (const auto& [key, value] : c.props.items()) {
        if (!catalogue.accepts(*kind, key))
            return "a " + kind->label + " has no property " + inQuotes(key);
        const auto schema = catalogue.componentProperty(key, kind);
        if (auto why = checkValue(*schema, value, &doc))
            return (schema->label.empty() ? key : schema->label) + " " + *why;
    }
    const Json& instances = catalogue.componentValue(*kind, c.props, "instances");
    const Json& minHealthy = catalogue.componentValue(*kind, c.props, "min_healthy");
    if (instances.is_number_integer() && minHealthy.is_number_integer() &&
        minHealthy.get<double>() > instances.get<double>())
        return "Minimum healthy instances must not exceed the instances";
    return {};
}

/// Why a new element cannot be added: its id, then each field held to the field table, as
/// the reader holds a file, so that whatever an edit makes saves and opens again.
template <typename T>
std::string checkNewElement(const T& e, const Document& doc, const Catalogue& catalogue) {
    if (auto why = checkId(e.id)) return "the id " + *why;
    const FieldContext context{[&doc](const std::string& id) { return doc.component(id); },
                               &catalogue};
    for (const auto& f : detail::fieldAccess<T>())
        if (auto why = checkField(f.info, f.get(e), context))
            return std::string(f.info.name) + " " + *why;
    return {};
}

} // namespace

Editor::Editor(const Catalogue& catalogue, Document doc)
    : catalogue_(catalogue), doc_(std::move(doc)) {}

void Editor::resetDocument(Document doc) {
    Changes changes = relay();
    const Change reset{Change::Op::Reset, ElementType::Document, {}, -1, {}};
    changes.about(reset);
    doc_ = std::move(doc);
    history_.clear();
    clockRan_ = false;
    macro_.reset();
    macroChanges_.clear();
    macroDepth_ = 0;
    changes.done(reset);
    notify(changes);
}

std::shared_ptr<const Document> Editor::snapshot() const {
    if (!snapshot_) snapshot_ = std::make_shared<const Document>(doc_);
    return snapshot_;
}

Changes Editor::relay() {
    // Every change to doc_ is announced through these, just before and just after it
    // reaches the document. The shared copy is dropped just after each: a copy taken before
    // is of the document as it still was, and one an observer takes after a change is
    // dropped again by the next.
    return Changes(
        [this](const Change& c) {
            for (const auto& [handle, o] : observers_)
                if (o.aboutToChange) o.aboutToChange(c);
        },
        [this](const Change& c) {
            snapshot_.reset();
            for (const auto& [handle, o] : observers_)
                if (o.changed) o.changed(c);
        });
}

EditResult Editor::push(CommandPtr command, std::string id) {
    Changes changes = relay();
    if (macro_) {
        // Observers hear each change now, and of the whole edit when the macro ends.
        command->apply(doc_, changes);
        macro_->add(std::move(command));
        macroChanges_.insert(macroChanges_.end(), changes.begin(), changes.end());
        return EditResult::made(std::move(id));
    }
    history_.push(std::move(command), doc_, changes);
    notify(changes);
    return EditResult::made(std::move(id));
}

void Editor::beginMacro(const std::string& text) {
    if (macroDepth_++ == 0) {
        macro_ = std::make_unique<MacroCommand>(text);
        macroChanges_.clear();
    }
}

void Editor::endMacro() {
    if (macroDepth_ == 0 || --macroDepth_ > 0) return;
    auto macro = std::move(macro_);
    if (macro->empty()) return;
    history_.record(std::move(macro));
    Changes all;
    for (const auto& c : macroChanges_)
        all.done(c);
    macroChanges_.clear();
    notify(all);
}

void Editor::undo() {
    if (macro_) return;
    Changes changes = relay();
    history_.undo(doc_, changes);
    notify(changes);
}

void Editor::redo() {
    if (macro_) return;
    Changes changes = relay();
    history_.redo(doc_, changes);
    notify(changes);
}

int Editor::addObserver(Observer observer) {
    observers_[nextObserver_] = std::move(observer);
    return nextObserver_++;
}

void Editor::removeObserver(int handle) {
    observers_.erase(handle);
}

void Editor::notify(const Changes& changes) {
    if (changes.empty()) return;
    for (const auto& [handle, o] : observers_)
        if (o.edited) o.edited(changes);
}

std::string Editor::checkNewComponent(const Component& c) const {
    if (auto error = checkNewElement(c, doc_, catalogue_); !error.empty()) return error;
    return checkComponentProps(catalogue_, doc_, c);
}

std::string Editor::checkNewConnection(const Connection& c) const {
    if (auto error = checkNewElement(c, doc_, catalogue_); !error.empty()) return error;
    if (c.from == c.to) return "a connection cannot start and end at the same component";
    for (const auto& [key, value] : c.props.items()) {
        auto schema = catalogue_.connectionProperty(key);
        if (!schema) return "a connection has no property " + inQuotes(key);
        if (auto why = checkValue(*schema, value, &doc_)) return key + " " + *why;
    }
    return {};
}

EditResult Editor::addComponent(Component component) {
    if (component.id.empty()) component.id = doc_.uniqueId(component.kind + "_");
    if (doc_.idInUse(component.id))
        return EditResult::refused("the id " + inQuotes(component.id) + " is already used");
    if (auto error = checkNewComponent(component); !error.empty())
        return EditResult::refused(error);
    if (component.name.empty()) component.name = catalogue_.kind(component.kind)->label;
    const std::string id = component.id;
    return push(
        std::make_unique<InsertElementCommand>("Add " + component.name, std::move(component)), id);
}

EditResult Editor::addConnection(Connection connection) {
    if (connection.id.empty()) connection.id = doc_.uniqueId("c");
    if (doc_.idInUse(connection.id))
        return EditResult::refused("the id " + inQuotes(connection.id) + " is already used");
    if (auto error = checkNewConnection(connection); !error.empty())
        return EditResult::refused(error);
    const std::string id = connection.id;
    return push(std::make_unique<InsertElementCommand>("Add connection", std::move(connection)),
                id);
}

EditResult Editor::addZone(Zone zone) {
    if (zone.id.empty()) zone.id = doc_.uniqueId("zone");
    if (doc_.idInUse(zone.id))
        return EditResult::refused("the id " + inQuotes(zone.id) + " is already used");
    if (auto error = checkNewElement(zone, doc_, catalogue_); !error.empty())
        return EditResult::refused(error);
    const std::string id = zone.id;
    return push(std::make_unique<InsertElementCommand>("Add zone " + id, std::move(zone)), id);
}

EditResult Editor::addFlow(Flow flow) {
    if (flow.id.empty()) flow.id = doc_.uniqueId("flow");
    if (doc_.idInUse(flow.id))
        return EditResult::refused("the id " + inQuotes(flow.id) + " is already used");
    if (auto error = checkNewElement(flow, doc_, catalogue_); !error.empty())
        return EditResult::refused(error);
    const std::string id = flow.id;
    return push(std::make_unique<InsertElementCommand>(
                    "Add flow " + (flow.name.empty() ? id : flow.name), std::move(flow)),
                id);
}

EditResult Editor::addNote(Note note) {
    if (note.id.empty()) note.id = doc_.uniqueId("note");
    if (doc_.idInUse(note.id))
        return EditResult::refused("the id " + inQuotes(note.id) + " is already used");
    if (auto error = checkNewElement(note, doc_, catalogue_); !error.empty())
        return EditResult::refused(error);
    const std::string id = note.id;
    return push(std::make_unique<InsertElementCommand>("Add note", std::move(note)), id);
}

EditResult Editor::removeElements(const std::vector<ElementRef>& refs) {
    std::set<std::pair<ElementType, std::string>> gone;
    for (const auto& r : refs) {
        if (!doc_.contains(r.type, r.id))
            return EditResult::refused(std::string("no ") + toString(r.type) + " " +
                                       inQuotes(r.id));
        gone.insert({r.type, r.id});
    }
    // Dependents first, so that undo puts back the parents before what refers to them.
    for (const auto& c : doc_.connections)
        if (gone.count({ElementType::Component, c.from}) ||
            gone.count({ElementType::Component, c.to}))
            gone.insert({ElementType::Connection, c.id});
    for (const auto& f : doc_.flows)
        if (gone.count({ElementType::Component, f.entry})) gone.insert({ElementType::Flow, f.id});

    // Each command is built against the state it will apply to, so they go into a macro
    // one at a time: the whole delete is one undo step and one notification.
    beginMacro(gone.size() == 1
                   ? "Delete " + describeElement(doc_, gone.begin()->first, gone.begin()->second)
                   : "Delete " + countOf(gone.size(), "item", "items"));
    for (const auto& c : doc_.connections) {
        if (gone.count({ElementType::Connection, c.id})) continue;
        for (const auto& [type, id] : gone)
            if (type == ElementType::Flow && listContains(c.props, "flows", id))
                push(std::make_unique<SetAttributeCommand>(
                    "", doc_, AttributeRef{ElementType::Connection, c.id, "props.flows"},
                    without(c.props.at("flows"), id)));
    }
    for (const auto& c : doc_.components) {
        if (gone.count({ElementType::Component, c.id})) continue;
        for (const auto& [type, id] : gone)
            if (type == ElementType::Zone && listContains(c.props, "zones", id))
                push(std::make_unique<SetAttributeCommand>(
                    "", doc_, AttributeRef{ElementType::Component, c.id, "props.zones"},
                    without(c.props.at("zones"), id)));
    }
    for (ElementType type : {ElementType::Connection, ElementType::Flow, ElementType::Note,
                             ElementType::Component, ElementType::Zone})
        for (const auto& [t, id] : gone)
            if (t == type) push(std::make_unique<RemoveElementCommand>("", doc_, type, id));
    endMacro();
    return {};
}

EditResult Editor::checkSetAttribute(const AttributeRef& ref, const Json& value) const {
    const int row = ref.type == ElementType::Document ? -1 : rowOf(ref.type, ref.id);
    if (auto why = checkAttribute(doc_, catalogue_, ref, value, row)) {
        // "Instances of Redirect service must be at least 1", not "props.instances must ...".
        std::string what = describeAttribute(catalogue_, doc_, ref);
        if (ref.type != ElementType::Document)
            what += " of " + describeElement(doc_, ref.type, ref.id);
        return EditResult::refused(sentenceCase(what) + " " + *why, *why);
    }
    // The kind or one property can be fine alone and wrong with the rest: a min_healthy above
    // the instances once they return to their default, a property the new kind does not
    // take. The component as it would become is held to the rules of a new one.
    if (ref.type == ElementType::Component &&
        (ref.name == "kind" || ref.name.rfind("props.", 0) == 0)) {
        Component after = doc_.components[static_cast<size_t>(row)];
        if (ref.name == "kind")
            after.kind = value.get<std::string>();
        else if (value.is_null())
            after.props.erase(ref.name.substr(6));
        else
            after.props[ref.name.substr(6)] = value;
        if (auto error = checkComponentProps(catalogue_, doc_, after); !error.empty())
            return EditResult::refused(
                sentenceCase(describeElement(doc_, ref.type, ref.id)) + ": " + error, error);
    }
    return {};
}

EditResult Editor::setAttribute(const AttributeRef& ref, const Json& value,
                                const std::string& mergeKey) {
    if (EditResult refused = checkSetAttribute(ref, value); !refused.ok()) return refused;
    const int row = ref.type == ElementType::Document ? -1 : rowOf(ref.type, ref.id);
    if (getAttribute(doc_, ref, row) == value) return {};
    // Said in the user's words: "Change instances of Redirect service", "Rename Link API".
    // Inside a group only the group's words are shown: an edit of thousands of elements
    // does not describe each (describing looks the element up by name).
    std::string text;
    if (macroDepth_ > 0)
        text.clear();
    else if (ref.type == ElementType::Note && ref.name == "text")
        text = "Edit note";
    else if (ref.name == "name")
        text = "Rename " + describeElement(doc_, ref.type, ref.id);
    else if (ref.type == ElementType::Document)
        text = "Change " + describeAttribute(catalogue_, doc_, ref);
    else
        text = "Change " + describeAttribute(catalogue_, doc_, ref) + " of " +
               describeElement(doc_, ref.type, ref.id);
    return push(std::make_unique<SetAttributeCommand>(text, doc_, ref, value, mergeKey, row),
                ref.id);
}

EditResult Editor::setAttributes(const std::vector<AttributeRef>& refs, const Json& value,
                                 const std::string& text) {
    // Checked against the document as it is: the edits are of different elements, so none
    // changes what another is checked against.
    for (const auto& ref : refs)
        if (EditResult r = checkSetAttribute(ref, value); !r.ok())
            return EditResult::refused(r.error,
                                       describeElement(doc_, ref.type, ref.id) + ": " + r.reason);
    Group group(*this, !text.empty() ? text
                       : refs.empty()
                           ? std::string("Change")
                           : "Change " + describeAttribute(catalogue_, doc_, refs.front()) +
                                 " of " + countOf(refs.size(), "item", "items"));
    for (const auto& ref : refs)
        setAttribute(ref, value);
    return {};
}

EditResult Editor::routeFlow(const std::string& connection, const std::string& flow, bool through) {
    const Connection* c = doc_.connection(connection);
    const Flow* f = doc_.flow(flow);
    if (!c) return EditResult::refused("no connection \"" + connection + "\"");
    if (!f) return EditResult::refused("no flow \"" + flow + "\"");
    if (c->mode == ConnectionMode::Replication)
        return EditResult::refused(
            "a replication link carries no requests",
            "Replication copies data between stores; no flow travels over it.");
    if (carriesFlow(*c, *f) == through) return {};
    // The flows it carries now, in the document's order, so other flows keep their route.
    Json list = Json::array();
    for (const Flow& other : doc_.flows)
        if (other.id == flow ? through : carriesFlow(*c, other)) list.push_back(other.id);
    const std::string text =
        (through ? "Route " + describeElement(doc_, ElementType::Flow, flow) + " through "
                 : "Take " + describeElement(doc_, ElementType::Flow, flow) + " off ") +
        describeElement(doc_, ElementType::Connection, connection);
    const AttributeRef ref{ElementType::Connection, connection, "props.flows"};
    if (EditResult refused = checkSetAttribute(ref, list); !refused.ok()) return refused;
    return push(std::make_unique<SetAttributeCommand>(text, doc_, ref, list), connection);
}

EditResult Editor::resize(const std::string& component, std::optional<double> width,
                          std::optional<double> height) {
    const AttributeRef w{ElementType::Component, component, "width"};
    const AttributeRef h{ElementType::Component, component, "height"};
    const Json wj = width ? Json(*width) : Json(), hj = height ? Json(*height) : Json();
    for (const auto& [ref, value] : {std::pair{w, wj}, std::pair{h, hj}})
        if (EditResult refused = checkSetAttribute(ref, value); !refused.ok()) return refused;
    const std::string name = describeElement(doc_, ElementType::Component, component);
    Group group(*this, width || height ? "Resize " + name : "Fit " + name + " to its name");
    for (const auto& [ref, value] : {std::pair{w, wj}, std::pair{h, hj}})
        if (getAttribute(doc_, ref) != value)
            push(std::make_unique<SetAttributeCommand>("", doc_, ref, value), component);
    return {};
}

EditResult Editor::move(const std::vector<Position>& positions) {
    // Each element is found once, through the index: a move of every box of a large design
    // (one undo step) is then linear, where a search per element made it quadratic.
    std::vector<MoveCommand::Step> steps;
    steps.reserve(positions.size());
    for (const auto& p : positions) {
        if (p.ref.type != ElementType::Component && p.ref.type != ElementType::Note)
            return EditResult::refused("only components and notes have a position");
        const int row = rowOf(p.ref.type, p.ref.id);
        if (row < 0)
            return EditResult::refused(std::string("no ") + toString(p.ref.type) + " " +
                                       inQuotes(p.ref.id));
        // The same range as a file's, so that a drag cannot put a box where no file can.
        if (auto why = checkCoordinate(p.x)) return EditResult::refused("x " + *why);
        if (auto why = checkCoordinate(p.y)) return EditResult::refused("y " + *why);
        const auto r = static_cast<size_t>(row);
        const bool note = p.ref.type == ElementType::Note;
        steps.push_back({p.ref.type, p.ref.id, row, note ? doc_.notes[r].x : doc_.components[r].x,
                         note ? doc_.notes[r].y : doc_.components[r].y, p.x, p.y});
    }
    if (steps.empty()) return {};
    const std::string text =
        steps.size() == 1 ? "Move " + describeElement(doc_, steps.front().type, steps.front().id)
                          : "Move " + countOf(steps.size(), "item", "items");
    return push(std::make_unique<MoveCommand>(text, std::move(steps)));
}

EditResult Editor::acknowledge(const std::string& rule, const std::vector<std::string>& subjects,
                               const std::string& note) {
    if (rule.empty())
        return EditResult::refused("an acknowledgement must name the rule of its finding");
    if (auto why = checkName(rule)) return EditResult::refused("the rule " + *why);
    if (auto why = checkText(note)) return EditResult::refused("the note " + *why);
    // A finding may name a subject twice (a call cycle back to its start); the file holds
    // the set, each id once, in the finding's order.
    std::vector<std::string> ids;
    for (const auto& s : subjects) {
        if (s.empty())
            return EditResult::refused("a finding's subjects are ids and cannot be empty");
        if (auto why = checkId(s)) return EditResult::refused("a subject's id " + *why);
        if (std::find(ids.begin(), ids.end(), s) == ids.end()) ids.push_back(s);
    }
    const Acknowledgement* existing = doc_.acknowledgement(rule, ids);
    if (existing && existing->note == note) return {};
    // Changing the note keeps the stored subjects and any fields this version does not know.
    Acknowledgement value = existing ? *existing : Acknowledgement{rule, ids, {}, Json::object()};
    value.note = note;
    return push(std::make_unique<SetAcknowledgementCommand>(
        existing ? "Change trade-off note" : "Accept trade-off", doc_, rule, subjects,
        std::move(value)));
}

EditResult Editor::withdrawAcknowledgement(const std::string& rule,
                                           const std::vector<std::string>& subjects) {
    if (!doc_.acknowledgement(rule, subjects))
        return EditResult::refused("that finding is not accepted as a trade-off");
    return push(std::make_unique<SetAcknowledgementCommand>("Withdraw trade-off", doc_, rule,
                                                            subjects, std::nullopt));
}

EditResult Editor::setPractice(std::optional<PracticeSession> session, const std::string& text,
                               const std::string& mergeKey) {
    if (session) {
        // Held to what a file may hold, by the reader itself, so that whatever is set here
        // saves and opens again.
        Problems problems;
        PracticeSession read = readPractice(practiceToJson(*session), problems);
        if (!problems.empty())
            return EditResult::refused("the practice session " + problems.front().describe());
        if (session->phases.empty())
            return EditResult::refused("a practice session needs at least one phase");
        if (session->current < 0 || static_cast<size_t>(session->current) >= session->phases.size())
            return EditResult::refused("the current phase is not one of the session's");
    }
    // The clock is not the caller's to set: compare and store with the document's times.
    if (session && doc_.practice)
        for (auto& phase : session->phases)
            if (const PracticePhase* now = doc_.practice->phase(phase.id))
                phase.used_s = now->used_s;
    if (session == doc_.practice) return {};
    return push(std::make_unique<SetPracticeCommand>(text, doc_, std::move(session), mergeKey));
}

void Editor::recordPracticeTime(int index, double usedSeconds) {
    if (!doc_.practice || index < 0 || static_cast<size_t>(index) >= doc_.practice->phases.size())
        return;
    if (!std::isfinite(usedSeconds) || usedSeconds < 0) usedSeconds = 0;
    auto& phase = doc_.practice->phases[static_cast<size_t>(index)];
    if (phase.used_s == usedSeconds) return;
    Changes changes = relay();
    const Change change{Change::Op::Updated, ElementType::Document, {}, -1, "practice"};
    changes.about(change);
    phase.used_s = usedSeconds;
    clockRan_ = true;
    changes.done(change);
    notify(changes);
}

} // namespace archlens
