// The table of built-in fields: one entry per field, with its description and its typed
// access. Ranges come from limits.h, so the README's list of limits and this table agree.
#include "archlens/model/document_io.h"
#include "archlens/model/limits.h"
#include "archlens/model/validation.h"

#include "field_access.h"

#include <cmath>
#include <sstream>
#include <vector>

// The table names only what each field sets; g++ 12 warns of every member a designated
// initializer leaves to its default, which here is the point.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace archlens {

namespace detail {

namespace {

Json optionalJson(const std::optional<double>& v) {
    return v ? numberToJson(*v) : Json();
}

std::optional<double> optionalValue(const Json& v) {
    return v.is_null() ? std::nullopt : std::optional<double>(v.get<double>());
}

template <typename T, std::string T::*M> FieldAccess<T> text(FieldInfo info) {
    return {std::move(info), [](const T& e) -> Json { return e.*M; },
            [](T& e, const Json& v) { e.*M = v.get<std::string>(); }};
}

template <typename T, double T::*M> FieldAccess<T> number(FieldInfo info) {
    return {std::move(info), [](const T& e) -> Json { return numberToJson(e.*M); },
            [](T& e, const Json& v) { e.*M = v.get<double>(); }};
}

template <typename T, std::optional<double> T::*M> FieldAccess<T> optionalNumber(FieldInfo info) {
    return {std::move(info), [](const T& e) -> Json { return optionalJson(e.*M); },
            [](T& e, const Json& v) { e.*M = optionalValue(v); }};
}

/// A requirement: stored in the document's Requirements, and setting one (even to unset)
/// marks the file as having a "requirements" object, as a file that names one has.
template <std::optional<double> Requirements::*M>
FieldAccess<Document> requirement(FieldInfo info) {
    return {std::move(info),
            [](const Document& d) -> Json { return optionalJson(d.requirements.*M); },
            [](Document& d, const Json& v) {
                d.hasRequirements = true;
                d.requirements.*M = optionalValue(v);
            }};
}

// Ranges shared by the design's targets and a flow's own, which stand in for them.
constexpr double kAvailabilityMin = 0, kAvailabilityMax = 1;

FieldInfo availabilityTarget(ElementType element, std::string_view name, std::string_view key,
                             std::string_view help) {
    return {.element = element,
            .name = name,
            .key = key,
            .type = FieldType::Number,
            .optional = true,
            .min = kAvailabilityMin,
            .max = kAvailabilityMax,
            .exclusiveMin = true,
            .exclusiveMax = true,
            .example = "0.9999",
            .label = "Availability target",
            .help = help};
}

FieldInfo latencyTarget(ElementType element, std::string_view name, std::string_view key,
                        std::string_view label, std::string_view help) {
    return {.element = element,
            .name = name,
            .key = key,
            .type = FieldType::Number,
            .optional = true,
            .min = 0.0,
            .max = kMaxLatencyMs,
            .exclusiveMin = true,
            .label = label,
            .unit = "ms",
            .help = help};
}

FieldInfo coordinate(ElementType element, std::string_view name) {
    return {.element = element,
            .name = name,
            .key = name,
            .type = FieldType::Coordinate,
            .hidden = true,
            .label = name == "x" ? "X" : "Y",
            .unit = "px",
            .help = "The position on the canvas."};
}

/// A resized box's width or height: written only once the person resizes the box.
FieldInfo boxSize(ElementType element, std::string_view name) {
    const bool width = name == "width";
    return {.element = element,
            .name = name,
            .key = name,
            .type = FieldType::Number,
            .optional = true,
            .min = width ? kMinBoxWidth : kMinBoxHeight,
            .max = width ? kMaxBoxWidth : kMaxBoxHeight,
            .hidden = true,
            .label = width ? "Width" : "Height",
            .unit = "px",
            .help = "The size of the box on the canvas, set by resizing it; without it the box "
                    "fits its name."};
}

} // namespace

template <> std::span<const FieldAccess<Document>> fieldAccess<Document>() {
    constexpr auto D = ElementType::Document;
    static const std::vector<FieldAccess<Document>> fields = {
        text<Document, &Document::title>(
            {.element = D,
             .name = "title",
             .key = "title",
             .type = FieldType::Name,
             .label = "Title",
             .help = "The name of the design, shown on reports and exports."}),
        requirement<&Requirements::availability>(availabilityTarget(
            D, "requirements.availability", "availability",
            "The fraction of time each flow must succeed, below 1, e.g. 0.9999 allows about 53 "
            "minutes of downtime a year.")),
        requirement<&Requirements::p99_ms>(
            latencyTarget(D, "requirements.p99_ms", "p99_ms", "p99 latency target",
                          "The latency 99 in 100 requests of every flow must beat.")),
        {{.element = D,
          .name = "requirements.max_sync_depth",
          .key = "max_sync_depth",
          .type = FieldType::Integer,
          .optional = true,
          .min = 1.0,
          .max = static_cast<double>(kMaxSyncDepth),
          .label = "Longest synchronous chain",
          .unit = "calls",
          .help = "How many synchronous calls deep a request may go. Every extra hop adds "
                  "latency and another way to fail."},
         [](const Document& d) -> Json {
             return d.requirements.max_sync_depth ? Json(*d.requirements.max_sync_depth) : Json();
         },
         [](Document& d, const Json& v) {
             d.hasRequirements = true;
             // Range-checked as a double by checkField before it is narrowed here.
             d.requirements.max_sync_depth =
                 v.is_null() ? std::nullopt : std::optional<int>(v.get<int>());
         }},
        requirement<&Requirements::peak_rps>(
            {.element = D,
             .name = "requirements.peak_rps",
             .key = "peak_rps",
             .type = FieldType::Number,
             .optional = true,
             .min = 0.0,
             .max = kMaxRateRps,
             .exclusiveMin = true,
             .label = "Peak traffic",
             .unit = "req/s",
             .help = "The traffic the design must carry at its busiest, across all flows."}),
    };
    return fields;
}

template <> std::span<const FieldAccess<Zone>> fieldAccess<Zone>() {
    constexpr auto Z = ElementType::Zone;
    static const std::vector<FieldAccess<Zone>> fields = {
        text<Zone, &Zone::region>(
            {.element = Z,
             .name = "region",
             .key = "region",
             .type = FieldType::Name,
             .requiredInFile = true,
             .label = "Region",
             .help = "The region the zone belongs to. Zones of one region fail together when "
                     "the whole region goes down."}),
        number<Zone, &Zone::availability>(
            {.element = Z,
             .name = "availability",
             .key = "availability",
             .type = FieldType::Number,
             .requiredInFile = true,
             .min = 0.0,
             .max = 1.0,
             .exclusiveMin = true,
             .label = "Availability",
             .help = "The fraction of time the zone is up, e.g. 0.9995. Every instance placed "
                     "in the zone is down while it is."}),
    };
    return fields;
}

template <> std::span<const FieldAccess<Component>> fieldAccess<Component>() {
    constexpr auto C = ElementType::Component;
    static const std::vector<FieldAccess<Component>> fields = {
        text<Component, &Component::kind>(
            {.element = C,
             .name = "kind",
             .key = "kind",
             .type = FieldType::KindRef,
             .requiredInFile = true,
             .readOnly = true,
             .label = "Kind",
             .help = "The kind of component from the catalogue. It decides which properties "
                     "the component has and their defaults."}),
        text<Component, &Component::name>(
            {.element = C,
             .name = "name",
             .key = "name",
             .type = FieldType::Name,
             .label = "Name",
             .help = "What this part of the system is called on the canvas and in the "
                     "critique."}),
        number<Component, &Component::x>(coordinate(C, "x")),
        number<Component, &Component::y>(coordinate(C, "y")),
        optionalNumber<Component, &Component::width>(boxSize(C, "width")),
        optionalNumber<Component, &Component::height>(boxSize(C, "height")),
    };
    return fields;
}

template <> std::span<const FieldAccess<Connection>> fieldAccess<Connection>() {
    constexpr auto C = ElementType::Connection;
    static const std::vector<FieldAccess<Connection>> fields = {
        text<Connection, &Connection::from>({.element = C,
                                             .name = "from",
                                             .key = "from",
                                             .type = FieldType::ComponentRef,
                                             .requiredInFile = true,
                                             .label = "From",
                                             .help = "The component that calls or sends."}),
        text<Connection, &Connection::to>(
            {.element = C,
             .name = "to",
             .key = "to",
             .type = FieldType::ComponentRef,
             .requiredInFile = true,
             .label = "To",
             .help = "The component that is called, or that receives the message or the copy "
                     "of the data."}),
        {{.element = C,
          .name = "mode",
          .key = "mode",
          .type = FieldType::Choice,
          .choices = {"sync", "async", "replication"},
          .label = "Mode",
          .help = "Synchronous: the caller waits for the answer. Asynchronous: the caller only "
                  "waits for the message to be queued, and what consumes it runs on its own. "
                  "Replication: data copied between stores, not part of any request."},
         [](const Connection& c) -> Json { return toString(c.mode); },
         [](Connection& c, const Json& v) {
             c.mode = connectionModeFromString(v.get<std::string>()).value_or(c.mode);
         }},
    };
    return fields;
}

template <> std::span<const FieldAccess<Flow>> fieldAccess<Flow>() {
    constexpr auto F = ElementType::Flow;
    static const std::vector<FieldAccess<Flow>> fields = {
        text<Flow, &Flow::name>({.element = F,
                                 .name = "name",
                                 .key = "name",
                                 .type = FieldType::Name,
                                 .label = "Name",
                                 .help = "What the users do, e.g. \"Open a short link\"."}),
        text<Flow, &Flow::entry>(
            {.element = F,
             .name = "entry",
             .key = "entry",
             .type = FieldType::ComponentRef,
             .requiredInFile = true,
             .label = "Entry",
             .help = "The component where the flow's requests enter the system, usually a "
                     "client."}),
        text<Flow, &Flow::op>(
            {.element = F,
             .name = "op",
             .key = "op",
             .type = FieldType::Choice,
             .requiredInFile = true,
             .choices = {"read", "write"},
             .label = "Operation",
             .help = "Whether the flow reads or writes. It follows the connections that carry "
                     "this operation."}),
        number<Flow, &Flow::rate_rps>(
            {.element = F,
             .name = "rate_rps",
             .key = "rate_rps",
             .type = FieldType::Number,
             .requiredInFile = true,
             .min = 0.0,
             .max = kMaxRateRps,
             .exclusiveMin = true,
             .label = "Rate",
             .unit = "req/s",
             .help = "How many requests of this flow arrive per second at peak. Load on every "
                     "component it reaches follows from it."}),
        optionalNumber<Flow, &Flow::availability>(availabilityTarget(
            F, "availability", "availability",
            "The fraction of time this flow must succeed, below 1, e.g. 0.999. Empty: the "
            "design's availability target applies, or none for a flow that does not enter at "
            "a client.")),
        optionalNumber<Flow, &Flow::p99_ms>(latencyTarget(
            F, "p99_ms", "p99_ms", "p99 target",
            "The latency 99 in 100 requests of this flow must beat. Empty: the design's p99 "
            "target applies, or none for a flow that does not enter at a client.")),
    };
    return fields;
}

template <> std::span<const FieldAccess<Note>> fieldAccess<Note>() {
    constexpr auto N = ElementType::Note;
    static const std::vector<FieldAccess<Note>> fields = {
        text<Note, &Note::text>({.element = N,
                                 .name = "text",
                                 .key = "text",
                                 .type = FieldType::LongText,
                                 .requiredInFile = true,
                                 .label = "Text",
                                 .help = "Free text shown on the canvas."}),
        number<Note, &Note::x>(coordinate(N, "x")),
        number<Note, &Note::y>(coordinate(N, "y")),
    };
    return fields;
}

} // namespace detail

namespace {

template <typename T> std::vector<FieldInfo> infos() {
    std::vector<FieldInfo> out;
    for (const auto& f : detail::fieldAccess<T>())
        out.push_back(f.info);
    return out;
}

std::string formatNumber(double v) {
    std::ostringstream out;
    out.precision(12);
    out << v;
    return out.str();
}

std::string describeType(const Json& v) {
    if (v.is_number_integer()) return "an integer";
    if (v.is_number()) return "a number";
    if (v.is_boolean()) return "true or false";
    if (v.is_string()) return "a string";
    if (v.is_array()) return "a list";
    if (v.is_object()) return "an object";
    return "null";
}

std::optional<std::string> checkNumber(const FieldInfo& f, double v) {
    if (!std::isfinite(v)) return "must be a finite number";
    const bool below = f.min && (f.exclusiveMin ? !(v > *f.min) : v < *f.min);
    const bool above = f.max && (f.exclusiveMax ? !(v < *f.max) : v > *f.max);
    if (!below && !above) return std::nullopt;
    const std::string got = ", got " + formatNumber(v);
    if (f.type == FieldType::Integer && f.min && f.max)
        return "must be a whole number from " + formatNumber(*f.min) + " to " +
               formatNumber(*f.max) + got;
    if (f.exclusiveMin && f.exclusiveMax && f.min && f.max)
        return "must be between " + formatNumber(*f.min) + " and " + formatNumber(*f.max) +
               (f.example.empty() ? "" : " (e.g. " + std::string(f.example) + ")") + got;
    if (below)
        return (f.exclusiveMin ? "must be greater than " : "must be at least ") +
               formatNumber(*f.min) + got;
    return (f.exclusiveMax ? "must be less than " : "must be at most ") + formatNumber(*f.max) +
           got;
}

std::string choiceList(const std::vector<std::string_view>& choices) {
    std::string out;
    for (size_t i = 0; i < choices.size(); ++i) {
        if (i > 0) out += i + 1 == choices.size() ? " or " : ", ";
        out += "\"" + std::string(choices[i]) + "\"";
    }
    return out;
}

} // namespace

std::span<const FieldInfo> fieldsOf(ElementType type) {
    static const std::vector<FieldInfo> document = infos<Document>(), zone = infos<Zone>(),
                                        component = infos<Component>(),
                                        connection = infos<Connection>(), flow = infos<Flow>(),
                                        note = infos<Note>();
    switch (type) {
    case ElementType::Document:
        return document;
    case ElementType::Zone:
        return zone;
    case ElementType::Component:
        return component;
    case ElementType::Connection:
        return connection;
    case ElementType::Flow:
        return flow;
    case ElementType::Note:
        return note;
    }
    return {};
}

const FieldInfo* findField(ElementType type, std::string_view name) {
    for (const FieldInfo& f : fieldsOf(type))
        if (f.name == name) return &f;
    return nullptr;
}

std::optional<std::string> checkField(const FieldInfo& f, const Json& value,
                                      const FieldContext& context) {
    if (value.is_null() && f.optional) return std::nullopt;
    switch (f.type) {
    case FieldType::Name:
    case FieldType::LongText:
        if (!value.is_string()) return "must be a string, got " + describeType(value);
        return f.type == FieldType::Name ? checkName(value.get<std::string>())
                                         : checkText(value.get<std::string>());
    case FieldType::Number:
    case FieldType::Coordinate:
        if (!value.is_number()) return "must be a number, got " + describeType(value);
        if (f.type == FieldType::Coordinate) return checkCoordinate(value.get<double>());
        return checkNumber(f, value.get<double>());
    case FieldType::Integer:
        if (!value.is_number_integer()) return "must be an integer, got " + describeType(value);
        // Compared as a double, so that a count too large for an int is refused, not wrapped.
        return checkNumber(f, value.get<double>());
    case FieldType::Choice: {
        if (!value.is_string()) return "must be a string, got " + describeType(value);
        const auto text = value.get<std::string>();
        for (std::string_view c : f.choices)
            if (c == text) return std::nullopt;
        return "must be " + choiceList(f.choices) + ", got " + quoteForMessage(text);
    }
    case FieldType::ComponentRef:
        if (!value.is_string()) return "must be a string, got " + describeType(value);
        if (context.componentExists && !context.componentExists(value.get<std::string>()))
            return "names the component " + quoteForMessage(value.get<std::string>()) +
                   ", which does not exist";
        return std::nullopt;
    case FieldType::KindRef:
        if (!value.is_string()) return "must be a string, got " + describeType(value);
        if (context.catalogue && !context.catalogue->kind(value.get<std::string>()))
            return "unknown kind " + quoteForMessage(value.get<std::string>());
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace archlens
