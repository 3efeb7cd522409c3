#include "archlens/analysis/report_json.h"

#include "archlens/model/json_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace archlens {

namespace {

/// A figure as the report gives it: rounded to six significant digits, a whole number
/// written without a fraction, anything not finite as null.
struct Number {
    enum class Kind { Null, Integer, Real };
    Kind kind = Kind::Null;
    long long integer = 0;
    double real = 0;
};

Number num(double v) {
    if (!std::isfinite(v)) return {};
    if (v == 0) return {Number::Kind::Integer, 0, 0};
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", v);
    const double rounded = std::strtod(buffer, nullptr);
    if (std::floor(rounded) == rounded && std::fabs(rounded) < 1e15)
        return {Number::Kind::Integer, static_cast<long long>(rounded), 0};
    return {Number::Kind::Real, 0, rounded};
}

Json toJson(Number n) {
    switch (n.kind) {
    case Number::Kind::Integer:
        return n.integer;
    case Number::Kind::Real:
        return n.real;
    case Number::Kind::Null:
        break;
    }
    return nullptr;
}

/// Where build() puts the report: a Json tree. Values go to the innermost container still
/// open, under the key named last when it is an object.
class TreeOut {
public:
    void beginObject() { open(Json::object()); }
    void beginArray() { open(Json::array()); }
    void end() { open_.pop_back(); }
    void key(std::string_view name) { key_ = name; }
    void value(const std::string& s) { place(s); }
    void value(const char* s) { place(s); }
    void value(bool b) { place(b); }
    void value(int n) { place(n); }
    void value(Number n) { place(toJson(n)); }
    void value(const Json& v) { place(v); }
    Json take() { return std::move(root_); }

private:
    Json& place(Json v) {
        if (open_.empty()) return root_ = std::move(v);
        Json& parent = *open_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(v));
            return parent.back();
        }
        return parent[key_] = std::move(v);
    }
    // Only the innermost open container grows, so the pointers to those around it stay good.
    void open(Json v) { open_.push_back(&place(std::move(v))); }

    Json root_;
    std::vector<Json*> open_;
    std::string key_;
};

/// Where build() puts the report: JSON text, byte for byte as jsonText writes the tree
/// TreeOut builds, without building it (on a dense design the tree of a `check` took as
/// long as writing it).
class TextOut {
public:
    TextOut(std::string& out, int indent) : out_(out), indent_(indent) {}
    void beginObject() { open('{', '}'); }
    void beginArray() { open('[', ']'); }
    void end() {
        const Open closed = open_.back();
        open_.pop_back();
        if (!closed.empty) newline(open_.size());
        out_ += closed.close;
    }
    void key(std::string_view name) {
        member();
        appendJsonString(out_, std::string(name));
        out_ += indent_ < 0 ? ":" : ": ";
        keyed_ = true;
    }
    void value(const std::string& s) {
        start();
        appendJsonString(out_, s);
    }
    void value(const char* s) { value(std::string(s)); }
    // Scalars as the tree holds them, written by jsonText's own code: the same digits.
    void value(bool b) { value(Json(b)); }
    void value(int n) { value(Json(n)); }
    void value(Number n) { value(toJson(n)); }
    void value(const Json& v) {
        start();
        appendJsonText(out_, v, indent_, static_cast<int>(open_.size()));
    }

private:
    struct Open {
        char close;
        bool empty = true;
    };
    void open(char opening, char closing) {
        start();
        out_ += opening;
        open_.push_back({closing});
    }
    // Before a value: nothing after its key; in an array, the separator and a new line.
    void start() {
        if (keyed_)
            keyed_ = false;
        else if (!open_.empty())
            member();
    }
    void member() {
        Open& container = open_.back();
        if (!container.empty) out_ += ',';
        container.empty = false;
        newline(open_.size());
    }
    void newline(std::size_t level) {
        if (indent_ < 0) return;
        out_ += '\n';
        out_.append(static_cast<std::size_t>(indent_) * level, ' ');
    }

    std::string& out_;
    int indent_;
    std::vector<Open> open_;
    bool keyed_ = false;
};

template <typename Out, typename Value> void field(Out& out, std::string_view name, Value&& v) {
    out.key(name);
    out.value(std::forward<Value>(v));
}

template <typename Out>
void strings(Out& out, std::string_view name, const std::vector<std::string>& items) {
    out.key(name);
    out.beginArray();
    for (const std::string& s : items)
        out.value(s);
    out.end();
}

template <typename Out> void latency(Out& out, std::string_view name, double p50, double p99) {
    out.key(name);
    out.beginObject();
    field(out, "p50", num(p50));
    field(out, "p99", num(p99));
    out.end();
}

template <typename Out> void flowJson(Out& out, const FlowResult& f) {
    out.beginObject();
    field(out, "id", f.id);
    field(out, "name", f.name);
    field(out, "availability", num(f.availability));
    field(out, "availability_up", num(f.availabilityUp));
    field(out, "timed_out", num(f.timedOut));
    field(out, "background", f.background);
    field(out, "availability_method", f.availabilityMethod);
    out.key("availability_interval");
    if (f.availabilityInterval) {
        out.beginArray();
        out.value(num(f.availabilityInterval->first));
        out.value(num(f.availabilityInterval->second));
        out.end();
    } else {
        out.value(Json());
    }
    field(out, "nines", num(nines(f.availability)));
    field(out, "downtime_min_per_month", num(f.downtimeMinPerMonth));
    field(out, "downtime_min_per_year", num(f.downtimeMinPerYear));
    latency(out, "latency_ms", f.p50_ms, f.p99_ms);
    latency(out, "async_latency_ms", f.asyncP50_ms, f.asyncP99_ms);
    strings(out, "critical_path", f.criticalPath);
    out.key("hops");
    out.beginArray();
    for (const auto& h : f.hops) {
        out.beginObject();
        field(out, "component", h.component);
        field(out, "connection", h.connection);
        field(out, "p50_ms", num(h.p50_ms));
        field(out, "p99_ms", num(h.p99_ms));
        out.end();
    }
    out.end();
    field(out, "sync_depth", f.syncDepth);
    strings(out, "sync_components", f.syncComponents);
    strings(out, "async_components", f.asyncComponents);
    strings(out, "cycle", f.cycle);
    out.end();
}

template <typename Out> void curvesJson(Out& out, const Report& report) {
    out.key("curves");
    out.beginArray();
    for (const auto& p : report.curves) {
        out.beginObject();
        field(out, "multiplier", num(p.multiplier));
        field(out, "max_utilisation", num(p.maxUtilisation));
        field(out, "busiest_component", p.busiestComponent);
        out.key("flows");
        out.beginArray();
        for (size_t i = 0; i < p.flowLatency.size() && i < report.flows.size(); ++i) {
            out.beginObject();
            field(out, "id", report.flows[i].id);
            field(out, "p50_ms", num(p.flowLatency[i].first));
            field(out, "p99_ms", num(p.flowLatency[i].second));
            out.end();
        }
        out.end();
        out.end();
    }
    out.end();
    out.key("saturation");
    if (report.saturation) {
        out.beginObject();
        field(out, "multiplier", num(report.saturation->multiplier));
        field(out, "component", report.saturation->component);
        out.end();
    } else {
        out.value(Json());
    }
}

template <typename Out>
void build(Out& out, const Document& doc, const Report& report, const Json& extra) {
    out.beginObject();
    field(out, "schema", "archlens-report");
    field(out, "version", 1);
    field(out, "title", doc.title);

    out.key("requirements");
    out.beginObject();
    if (doc.requirements.availability)
        field(out, "availability", num(*doc.requirements.availability));
    if (doc.requirements.p99_ms) field(out, "p99_ms", num(*doc.requirements.p99_ms));
    field(out, "max_sync_depth", doc.requirements.max_sync_depth.value_or(4));
    if (doc.requirements.peak_rps) field(out, "peak_rps", num(*doc.requirements.peak_rps));
    out.end();

    out.key("flows");
    out.beginArray();
    for (const auto& f : report.flows)
        flowJson(out, f);
    out.end();

    out.key("components");
    out.beginArray();
    for (const auto& c : report.components) {
        out.beginObject();
        field(out, "id", c.id);
        field(out, "offered_rps", num(c.offeredRps));
        field(out, "utilisation", num(c.utilisation));
        strings(out, "spof_for", c.spofFor);
        out.end();
    }
    out.end();

    out.key("zones");
    out.beginArray();
    for (const auto& z : report.zones) {
        out.beginObject();
        field(out, "id", z.id);
        strings(out, "spof_for", z.spofFor);
        out.end();
    }
    out.end();

    curvesJson(out, report);

    // An accepted trade-off is listed with its note but counted apart from the open
    // findings, as `archlens check` does for its exit status. Both keys appear only when
    // something is accepted, so reports of designs without acknowledgements are unchanged.
    int counts[3] = {0, 0, 0};
    int acknowledged = 0;
    out.key("findings");
    out.beginArray();
    for (const auto& f : report.findings) {
        if (f.acknowledged)
            ++acknowledged;
        else
            ++counts[static_cast<int>(f.severity)];
        out.beginObject();
        field(out, "rule", f.rule);
        field(out, "severity", toString(f.severity));
        field(out, "title", f.title);
        field(out, "message", f.message);
        strings(out, "subjects", f.subjects);
        field(out, "guide_section", f.guideSection);
        field(out, "suggestion", f.suggestion);
        field(out, "follow_up", f.followUp);
        // The flow a finding is about: with the rule and the subjects, what an accepted
        // trade-off is stored under (findingKey).
        if (!f.flow.empty()) field(out, "flow", f.flow);
        if (f.acknowledged) {
            out.key("acknowledgement");
            out.beginObject();
            field(out, "note", *f.acknowledged);
            out.end();
        }
        out.end();
    }
    out.end();
    out.key("summary");
    out.beginObject();
    field(out, "errors", counts[2]);
    field(out, "warnings", counts[1]);
    field(out, "infos", counts[0]);
    if (acknowledged > 0) field(out, "acknowledged", acknowledged);
    out.end();

    for (auto it = extra.begin(); it != extra.end(); ++it)
        field(out, it.key(), it.value());
    out.end();
}

} // namespace

Json reportToJson(const Document& doc, const Report& report) {
    TreeOut tree;
    build(tree, doc, report, Json::object());
    return tree.take();
}

std::string reportJsonText(const Document& doc, const Report& report, int indent,
                           const Json& extra) {
    // Reserved at once: the findings' texts are most of it, and growing tens of megabytes by
    // doubling copies them and faults their pages in twice.
    std::size_t size = 4096;
    for (const auto& f : report.findings)
        size += f.title.size() + f.message.size() + f.suggestion.size() + f.followUp.size() +
                f.guideSection.size() + f.flow.size() + 64 * f.subjects.size() + 320;
    for (const auto& f : report.flows)
        size += 64 * (f.syncComponents.size() + f.asyncComponents.size() + f.criticalPath.size() +
                      3 * f.hops.size()) +
                1024;
    size += 160 * report.components.size() + 96 * report.curves.size() * report.flows.size();
    std::string out;
    out.reserve(size);
    TextOut text(out, indent);
    build(text, doc, report, extra);
    return out;
}

} // namespace archlens
