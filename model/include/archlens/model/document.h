#pragma once
// The document: what a person drew. Plain values, addressed by id; no behaviour beyond
// look-ups. Edits go through commands (commands.h) so that each has an inverse.
#include "archlens/model/json.h"
#include "archlens/model/practice.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace archlens {

inline constexpr int kFormatVersion = 1;

enum class ElementType { Document, Zone, Component, Connection, Flow, Note };
const char* toString(ElementType type);

enum class ConnectionMode { Sync, Async, Replication };
const char* toString(ConnectionMode mode);
std::optional<ConnectionMode> connectionModeFromString(const std::string& text);

/// A failure domain: an availability zone within a region.
struct Zone {
    std::string id;
    std::string region;
    double availability = 1.0;
    Json extra = Json::object(); ///< fields this version does not know, kept on round trip
    bool operator==(const Zone&) const = default;
};

/// A box on the canvas: one kind from the catalogue, its position and its properties.
/// `props` holds only what the file sets; defaults come from the catalogue.
struct Component {
    std::string id;
    std::string kind;
    std::string name;
    double x = 0;
    double y = 0;
    Json props = Json::object();
    Json extra = Json::object();
    /// The box's size when the person resized it; unset, the canvas sizes the box to fit
    /// its name. (Last, so that brace-initialised components keep their meaning.)
    std::optional<double> width;
    std::optional<double> height;
    bool operator==(const Component&) const = default;
};

/// A directed call or data path between two components.
struct Connection {
    std::string id;
    std::string from;
    std::string to;
    ConnectionMode mode = ConnectionMode::Sync;
    Json props = Json::object();
    Json extra = Json::object();
    bool operator==(const Connection&) const = default;
};

/// A kind of request entering the system at `entry` with operation `op` at `rate_rps`.
struct Flow {
    std::string id;
    std::string name;
    std::string entry;
    std::string op = "read";
    double rate_rps = 1;
    /// The flow's own targets. They override the design's requirements for this flow, and
    /// are the only targets a background flow (one whose entry is not a client) is judged by.
    std::optional<double> availability;
    std::optional<double> p99_ms;
    Json extra = Json::object();
    bool operator==(const Flow&) const = default;
};

/// Free text on the canvas.
struct Note {
    std::string id;
    std::string text;
    double x = 0;
    double y = 0;
    Json extra = Json::object();
    bool operator==(const Note&) const = default;
};

/// The targets the design is judged against; each one optional.
struct Requirements {
    std::optional<double> availability;
    std::optional<double> p99_ms;
    std::optional<int> max_sync_depth;
    std::optional<double> peak_rps;
    Json extra = Json::object();
    bool operator==(const Requirements&) const = default;
};

/// A finding the designer has looked at and accepted as a deliberate trade-off, with the
/// reason in `note`. A finding is named by its rule and its subjects taken as a set, so the
/// acknowledgement holds across re-analysis and whatever order the rule lists the subjects
/// in. It refers to ids only loosely: when an element it names goes away it simply matches
/// no finding any more, and it is kept (and saved) until withdrawn. `subjects` keeps the
/// order it was given in, so that a saved file reads back byte for byte.
struct Acknowledgement {
    std::string rule;
    std::vector<std::string> subjects;
    std::string note;
    Json extra = Json::object();
    bool operator==(const Acknowledgement&) const = default;

    /// Whether this accepts the finding of `rule` about `subjects`, in any order.
    bool matches(const std::string& findingRule,
                 const std::vector<std::string>& findingSubjects) const;
};

/// Whether requests of `flow` travel over `connection` when they reach its caller: a
/// connection that lists its flows (`props.flows`, even an empty list) carries exactly
/// those, whatever their operation; one that lists none carries every flow whose operation
/// its `ops` allow (all, when it states no ops). Replication carries no flow. The analysis
/// routes flows by this rule.
bool carriesFlow(const Connection& connection, const Flow& flow);

/// Subjects as a set: sorted, each once. Two findings with equal rule and subject set are
/// the same finding for acknowledgements.
std::vector<std::string> subjectSet(std::vector<std::string> subjects);

using Element = std::variant<Zone, Component, Connection, Flow, Note>;

/// A whole design. Collections keep file order, which is also drawing order. Ids are
/// unique within each collection (the validator enforces it); references are by id.
struct Document {
    std::string title;
    Requirements requirements;
    bool hasRequirements = false; ///< whether the file had a "requirements" object
    std::vector<Zone> zones;
    std::vector<Component> components;
    std::vector<Connection> connections;
    std::vector<Flow> flows;
    std::vector<Note> notes;
    /// Findings accepted as trade-offs, in file order; at most one per finding.
    std::vector<Acknowledgement> acknowledgements;
    /// The practice interview this design was drawn in, if any.
    std::optional<PracticeSession> practice;
    Json extra = Json::object(); ///< unknown top-level fields, in file order

    bool operator==(const Document&) const = default;

    const Zone* zone(const std::string& id) const;
    const Component* component(const std::string& id) const;
    const Connection* connection(const std::string& id) const;
    const Flow* flow(const std::string& id) const;
    const Note* note(const std::string& id) const;

    /// Index in `acknowledgements` of the one accepting this finding, or -1.
    int acknowledgementIndex(const std::string& rule,
                             const std::vector<std::string>& subjects) const;
    /// The acknowledgement accepting this finding, or null.
    const Acknowledgement* acknowledgement(const std::string& rule,
                                           const std::vector<std::string>& subjects) const;

    /// Index in its collection of the element with this id, or -1.
    int indexOf(ElementType type, const std::string& id) const;
    /// Whether an element of this type has this id.
    bool contains(ElementType type, const std::string& id) const { return indexOf(type, id) >= 0; }
    /// Whether any element of any collection has this id (ids are document-wide).
    bool idInUse(const std::string& id) const;
    /// A fresh id of the form prefix + number, unused anywhere in the document.
    std::string uniqueId(const std::string& prefix) const;
    /// Number of elements in the collection.
    int count(ElementType type) const;
};

ElementType elementType(const Element& element);
const std::string& elementId(const Element& element);

} // namespace archlens
