// A property test of the one undo history: random sequences of every edit the Editor
// offers, on the examples and on small generated designs, with arguments mostly valid and
// sometimes not. After each edit:
//   - a refused edit changed nothing (same bytes, same history);
//   - the document saves, loads and saves again to the same bytes;
// and at the end undo, step by step, walks back through exactly the states the edits went
// through to the original bytes, and redo walks forward again to the edited ones.
// Deterministic (seeded std::mt19937). A failure names the seed and the step; setting
// ARCHLENS_EDIT_SEED=<seed> reruns that one sequence alone.
#include "support.h"

#include "archlens/model/editor.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <random>
#include <sstream>

using namespace archlens;

namespace {

// Under AddressSanitizer each step costs about 25 times as much: a fifth of the sequences
// there keeps CI's sanitizer stage short, and the normal build runs them all.
#if defined(__SANITIZE_ADDRESS__)
constexpr unsigned kSequences = 40;
#else
constexpr unsigned kSequences = 200;
#endif
constexpr int kSteps = 30;

const Catalogue& cat() {
    return Catalogue::builtin();
}

/// Texts a person (or a file they were sent) might put in a name or note: plain, empty,
/// non-ASCII, markup, placeholders, quotes and escapes, line breaks, control characters.
const char* const kTexts[] = {"API",
                              "",
                              "Orders DB",
                              "Ünïcødé ✓ 東京",
                              "<b>&amp;</b>",
                              "%1 %2",
                              "quote \" backslash \\",
                              "two\nlines\ttab",
                              "cr\r\nlf",
                              "ctl \x01\x1b[31m",
                              "rtl \u202e override",
                              "emoji 🚀",
                              "a long name that goes on and on and on and on and on and on and on"};

class Generator {
public:
    explicit Generator(unsigned seed) : rng_(seed) {}

    std::mt19937& rng() { return rng_; }
    int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
    template <typename T> const T& oneOf(const std::vector<T>& items) {
        return items[size_t(integer(0, int(items.size()) - 1))];
    }

    std::string text() { return kTexts[integer(0, int(std::size(kTexts)) - 1)]; }

    /// A coordinate: mostly on the grid, sometimes fractional, rarely absurd.
    double coordinate() {
        switch (integer(0, 9)) {
        case 0:
            return 0.1 * integer(-5000, 5000);
        case 1:
            return integer(-3, 3) * 1e7; // far out: the editor may refuse it
        case 2:
            return 1.0 / 3;
        default:
            return 8 * integer(-100, 400);
        }
    }

    /// An id for a new element: mostly none (the editor picks one), sometimes one of ours,
    /// sometimes one already in use or one the editor should refuse.
    std::string newId(const Document& doc) {
        switch (integer(0, 9)) {
        case 0:
            return "id" + std::to_string(integer(0, 50));
        case 1:
            return anyId(doc);
        case 2:
            return oneOf<std::string>({"with space", "ünï", "a/b~c", "\x01"});
        default:
            return {};
        }
    }

    /// Any id of the document (or a missing one, rarely).
    std::string anyId(const Document& doc) {
        std::vector<std::string> ids;
        for (const auto& z : doc.zones)
            ids.push_back(z.id);
        for (const auto& c : doc.components)
            ids.push_back(c.id);
        for (const auto& c : doc.connections)
            ids.push_back(c.id);
        for (const auto& f : doc.flows)
            ids.push_back(f.id);
        for (const auto& n : doc.notes)
            ids.push_back(n.id);
        if (ids.empty() || chance(0.05)) return "ghost";
        return oneOf(ids);
    }

    template <typename T> std::string idOf(const std::vector<T>& items) {
        if (items.empty() || chance(0.03)) return "ghost";
        return items[size_t(integer(0, int(items.size()) - 1))].id;
    }

    /// A value for a property: valid for its schema nine times in ten.
    Json value(const PropertySchema& s, const Document& doc) {
        if (chance(0.1))
            return oneOf<Json>(
                {Json(), Json("x"), Json(-1), Json(true), Json::array(), Json(1e300)});
        switch (s.type) {
        case PropertyType::Int: {
            const int lo = s.min ? int(*s.min) + (s.exclusiveMin ? 1 : 0) : 0;
            const int hi = s.max ? int(*s.max) : lo + 20;
            return integer(lo, std::max(lo, std::min(hi, lo + 20)));
        }
        case PropertyType::Number: {
            const double lo = s.min.value_or(0), hi = s.max.value_or(lo + 2000);
            const double u = oneOf<double>({0.0, 0.25, 0.5, 0.999, 1.0, 0.1234567});
            double v = lo + (hi - lo) * u;
            if (s.exclusiveMin && v <= lo) v = lo + (hi - lo) * 0.5;
            return v;
        }
        case PropertyType::Bool:
            return chance(0.5);
        case PropertyType::Enum:
            return s.values.empty() ? Json("x") : Json(oneOf(s.values));
        case PropertyType::String:
            return chance(0.9) ? text() + "s" : std::string();
        case PropertyType::ZoneList: {
            Json list = Json::array();
            for (const auto& z : doc.zones)
                if (chance(0.5)) list.push_back(z.id);
            return list.empty() && chance(0.5) ? Json(Json::array({"ghost"})) : list;
        }
        case PropertyType::FlowList: {
            Json list = Json::array();
            for (const auto& f : doc.flows)
                if (chance(0.5)) list.push_back(f.id);
            return list;
        }
        case PropertyType::OpList:
            return oneOf<Json>({Json::array({"read"}), Json::array({"write"}),
                                Json::array({"read", "write"}), Json::array()});
        case PropertyType::Latency: {
            const double p50 = oneOf<double>({0.5, 2, 8, 12.5});
            return Json{{"p50", p50}, {"p99", p50 * oneOf<double>({1, 4, 10.5})}};
        }
        }
        return {};
    }

    /// A few properties for a new component of `kind`.
    Json componentProps(const KindInfo& kind, const Document& doc) {
        Json props = Json::object();
        for (int n = integer(0, 3); n > 0 && !kind.properties.empty(); --n) {
            const std::string& key = oneOf(kind.properties);
            if (auto schema = cat().componentProperty(key, &kind)) props[key] = value(*schema, doc);
        }
        return props;
    }

    Json connectionProps(const Document& doc) {
        Json props = Json::object();
        for (int n = integer(0, 3); n > 0; --n) {
            const PropertySchema& schema = oneOf(cat().connectionProperties());
            props[schema.key] = value(schema, doc);
        }
        return props;
    }

private:
    std::mt19937 rng_;
};

/// Notes on what a step did, for the failure message.
struct Log {
    std::ostringstream text;
    template <typename T> Log& operator<<(const T& v) {
        text << v;
        return *this;
    }
};

std::string quoted(const std::string& s) {
    return Json(s).dump(-1, ' ', true, Json::error_handler_t::replace);
}

/// One random edit of any kind the editor offers; returns whether it was refused. Puts
/// what it tried into `log`, and `merges` when it may merge into the previous step.
bool randomEdit(Editor& editor, Generator& g, Log& log, bool& merges) {
    const Document& d = editor.document();
    const auto& kinds = cat().kinds();
    EditResult r;
    merges = false;
    switch (g.integer(0, 16)) {
    case 0:
    case 1: {
        Component c;
        c.id = g.newId(d);
        c.kind = g.chance(0.97) ? g.oneOf(kinds).id : "no_such_kind";
        c.name = g.chance(0.5) ? g.text() : "";
        c.x = g.coordinate();
        c.y = g.coordinate();
        if (const KindInfo* kind = cat().kind(c.kind)) c.props = g.componentProps(*kind, d);
        log << "addComponent " << quoted(c.id) << " " << c.kind << " " << quoted(c.name) << " "
            << c.x << "," << c.y << " " << c.props.dump();
        r = editor.addComponent(c);
        break;
    }
    case 2:
    case 3: {
        Connection c;
        c.id = g.newId(d);
        c.from = g.idOf(d.components);
        c.to = g.idOf(d.components);
        c.mode = g.oneOf<ConnectionMode>(
            {ConnectionMode::Sync, ConnectionMode::Async, ConnectionMode::Replication});
        c.props = g.connectionProps(d);
        log << "addConnection " << quoted(c.id) << " " << c.from << "->" << c.to << " "
            << toString(c.mode) << " " << c.props.dump();
        r = editor.addConnection(c);
        break;
    }
    case 4: {
        Zone z;
        z.id = g.newId(d);
        z.region = g.chance(0.8) ? g.oneOf<std::string>({"eu", "us-east-1", ""}) : g.text();
        z.availability = g.oneOf<double>({0.999, 0.9995, 1, 0.5, 0, 1.5});
        log << "addZone " << quoted(z.id) << " " << quoted(z.region) << " " << z.availability;
        r = editor.addZone(z);
        break;
    }
    case 5: {
        Flow f;
        f.id = g.newId(d);
        f.name = g.text();
        f.entry = g.idOf(d.components);
        f.op = g.oneOf<std::string>({"read", "write", "read", "write", "delete"});
        f.rate_rps = g.oneOf<double>({1, 50, 0.5, 40000, 0, -3, 2e9});
        if (g.chance(0.3)) f.availability = g.oneOf<double>({0.999, 1, 0});
        if (g.chance(0.3)) f.p99_ms = g.oneOf<double>({250, -3});
        log << "addFlow " << quoted(f.id) << " " << quoted(f.name) << " at " << f.entry << " "
            << f.op << " " << f.rate_rps << " targets " << f.availability.value_or(-1) << " "
            << f.p99_ms.value_or(-1);
        r = editor.addFlow(f);
        break;
    }
    case 6: {
        Note n;
        n.id = g.newId(d);
        n.text = g.text();
        n.x = g.coordinate();
        n.y = g.coordinate();
        log << "addNote " << quoted(n.id) << " " << quoted(n.text) << " " << n.x << "," << n.y;
        r = editor.addNote(n);
        break;
    }
    case 7:
    case 8: {
        std::vector<ElementRef> refs;
        for (int n = g.integer(1, 3); n > 0; --n) {
            const auto type = g.oneOf<ElementType>({ElementType::Zone, ElementType::Component,
                                                    ElementType::Component, ElementType::Connection,
                                                    ElementType::Flow, ElementType::Note});
            std::string id;
            switch (type) {
            case ElementType::Zone:
                id = g.idOf(d.zones);
                break;
            case ElementType::Component:
                id = g.idOf(d.components);
                break;
            case ElementType::Connection:
                id = g.idOf(d.connections);
                break;
            case ElementType::Flow:
                id = g.idOf(d.flows);
                break;
            default:
                id = g.idOf(d.notes);
                break;
            }
            refs.push_back({type, id});
        }
        log << "removeElements";
        for (const auto& ref : refs)
            log << " " << toString(ref.type) << ":" << quoted(ref.id);
        r = editor.removeElements(refs);
        break;
    }
    case 9: {
        std::vector<Editor::Position> positions;
        for (int n = g.integer(1, 3); n > 0; --n) {
            const int which = g.integer(0, 9);
            if (which < 6)
                positions.push_back({{ElementType::Component, g.idOf(d.components)},
                                     g.coordinate(),
                                     g.coordinate()});
            else if (which < 9)
                positions.push_back(
                    {{ElementType::Note, g.idOf(d.notes)}, g.coordinate(), g.coordinate()});
            else
                positions.push_back(
                    {{ElementType::Zone, g.idOf(d.zones)}, 0, 0}); // has no position
        }
        log << "move";
        for (const auto& p : positions)
            log << " " << toString(p.ref.type) << ":" << quoted(p.ref.id) << "@" << p.x << ","
                << p.y;
        r = editor.move(positions);
        break;
    }
    case 10:
    case 11:
    case 12:
    case 13: {
        AttributeRef ref;
        Json value;
        switch (g.integer(0, 5)) {
        case 0: {
            ref = {ElementType::Document, "", ""};
            const int which = g.integer(0, 4);
            if (which == 0) {
                ref.name = "title";
                value = g.text();
            } else {
                ref.name = std::string("requirements.") + (which == 1   ? "availability"
                                                           : which == 2 ? "p99_ms"
                                                           : which == 3 ? "max_sync_depth"
                                                                        : "peak_rps");
                value = g.chance(0.2) ? Json()
                        : which == 1  ? Json(g.oneOf<double>({0.99, 0.9999, 0.999, 1.0}))
                        : which == 3  ? Json(g.integer(0, 8))
                                      : Json(g.oneOf<double>({200, 12.5, 1000, 0}));
            }
            break;
        }
        case 1: {
            ref = {ElementType::Component, g.idOf(d.components), ""};
            const Component* c = d.component(ref.id);
            const KindInfo* kind = c ? cat().kind(c->kind) : nullptr;
            const int which = g.integer(0, 9);
            if (which == 0) {
                ref.name = "name";
                value = g.text();
            } else if (which == 1) {
                ref.name = "kind";
                value = g.oneOf(kinds).id;
            } else if (which == 2) {
                ref.name = g.chance(0.5) ? "x" : "y";
                value = g.coordinate();
            } else if (kind && !kind->properties.empty()) {
                const std::string& key = g.oneOf(kind->properties);
                ref.name = "props." + key;
                value = g.chance(0.15) ? Json() : g.value(*cat().componentProperty(key, kind), d);
            } else {
                ref.name = "props.no_such_property";
                value = 1;
            }
            break;
        }
        case 2: {
            ref = {ElementType::Connection, g.idOf(d.connections), ""};
            const int which = g.integer(0, 6);
            if (which == 0) {
                ref.name = g.chance(0.5) ? "from" : "to";
                value = g.idOf(d.components);
            } else if (which == 1) {
                ref.name = "mode";
                value = g.oneOf<std::string>({"sync", "async", "replication", "carrier pigeon"});
            } else {
                const PropertySchema& schema = g.oneOf(cat().connectionProperties());
                ref.name = "props." + schema.key;
                value = g.chance(0.15) ? Json() : g.value(schema, d);
            }
            break;
        }
        case 3:
            ref = {ElementType::Zone, g.idOf(d.zones), g.chance(0.5) ? "region" : "availability"};
            value =
                ref.name == "region" ? Json(g.text()) : Json(g.oneOf<double>({0.99, 0.9995, 1, 0}));
            break;
        case 4: {
            ref = {ElementType::Flow, g.idOf(d.flows), ""};
            const int which = g.integer(0, 5);
            ref.name = which == 0   ? "name"
                       : which == 1 ? "entry"
                       : which == 2 ? "op"
                       : which == 3 ? "rate_rps"
                       : which == 4 ? "availability"
                                    : "p99_ms";
            // The flow's own targets: null hands it back to the design's.
            value = which == 0      ? Json(g.text())
                    : which == 1    ? Json(g.idOf(d.components))
                    : which == 2    ? Json(g.oneOf<std::string>({"read", "write", "nop"}))
                    : which == 3    ? Json(g.oneOf<double>({10, 0.25, 5000, 0, 2e9}))
                    : g.chance(0.3) ? Json()
                    : which == 4    ? Json(g.oneOf<double>({0.999, 0.99995, 1, 99.9}))
                                    : Json(g.oneOf<double>({150, 0.5, 0, 1e9}));
            break;
        }
        default: {
            ref = {ElementType::Note, g.idOf(d.notes), ""};
            const int which = g.integer(0, 2);
            ref.name = which == 0 ? "text" : which == 1 ? "x" : "y";
            value = which == 0 ? Json(g.text()) : Json(g.coordinate());
            break;
        }
        }
        if (g.chance(0.03)) ref.name = "no_such_attribute";
        // Typing into one field arrives as a stream of edits with one merge key.
        const std::string mergeKey = g.chance(0.3) ? "typing " + ref.id + " " + ref.name : "";
        merges = !mergeKey.empty();
        log << "setAttribute " << toString(ref.type) << ":" << quoted(ref.id) << " " << ref.name
            << " = " << value.dump(-1, ' ', false, Json::error_handler_t::replace)
            << (mergeKey.empty() ? "" : " (merging)");
        r = editor.setAttribute(ref, value, mergeKey);
        break;
    }
    case 14: {
        const std::string rule =
            g.chance(0.95)
                ? g.oneOf<std::string>({"single_point_of_failure", "retry_storm", "no_timeout"})
                : std::string();
        std::vector<std::string> subjects;
        for (int n = g.integer(0, 3); n > 0; --n)
            subjects.push_back(g.chance(0.97) ? g.anyId(d) : std::string());
        const std::string note = g.chance(0.3) ? "" : g.text();
        log << "acknowledge " << rule << " [";
        for (const auto& s : subjects)
            log << quoted(s) << " ";
        log << "] " << quoted(note);
        r = editor.acknowledge(rule, subjects, note);
        break;
    }
    case 15: {
        std::string rule = "retry_storm";
        std::vector<std::string> subjects{g.anyId(d)};
        if (!d.acknowledgements.empty() && g.chance(0.8)) {
            const auto& a = g.oneOf(d.acknowledgements);
            rule = a.rule;
            subjects = a.subjects;
            std::shuffle(subjects.begin(), subjects.end(), g.rng()); // the subjects are a set
        }
        log << "withdrawAcknowledgement " << rule << " [";
        for (const auto& s : subjects)
            log << quoted(s) << " ";
        log << "]";
        r = editor.withdrawAcknowledgement(rule, subjects);
        break;
    }
    default: {
        // Several edits as one step, as a paste or a drag of several items does.
        log << "macro {";
        Editor::Group group(editor, "several");
        for (int n = g.integer(1, 3); n > 0; --n) {
            bool ignored = false;
            Log inner;
            const std::string before = writeDocument(editor.document());
            if (randomEdit(editor, g, inner, ignored)) {
                // Refused inside a macro: still nothing may have changed.
                if (writeDocument(editor.document()) != before)
                    FAIL(
                        "a refused edit inside a macro changed the document: " << inner.text.str());
            }
            log << " " << inner.text.str() << ";";
        }
        log << " }";
        return false;
    }
    }
    if (!r.ok()) log << " -> refused: " << r.error;
    return !r.ok();
}

/// A small design made with the editor itself: a few components, connections, zones and
/// flows, so the sequences also start from shapes no example has (empty, one component).
Document generatedDesign(Generator& g) {
    Editor editor(cat());
    const int size = g.integer(0, 6);
    for (int i = 0; i < size; ++i) {
        Component c;
        c.kind = g.oneOf(cat().kinds()).id;
        c.x = 200.0 * i;
        editor.addComponent(c);
    }
    for (int i = 0; i < size; ++i) {
        Log ignored;
        bool merges = false;
        randomEdit(editor, g, ignored, merges);
    }
    return editor.document();
}

/// Saves, loads and saves again: the same bytes, or the reason why not.
std::string reloadProblem(const std::string& bytes) {
    const LoadResult loaded = readDocument(bytes, cat());
    if (!loaded.ok())
        return "the saved document does not load:\n" + test::describe(loaded.problems);
    const std::string again = writeDocument(*loaded.document);
    if (again != bytes) return "saved, loaded and saved again it differs:\n" + again;
    return {};
}

void runSequence(unsigned seed, const std::vector<Document>& examples) {
    // ARCHLENS_EDIT_TRACE=1 prints every step, to follow a failing seed.
    const bool trace = std::getenv("ARCHLENS_EDIT_TRACE") != nullptr;
    Generator g(seed);
    Document start = g.chance(0.5) ? g.oneOf(examples) : generatedDesign(g);
    Editor editor(cat(), std::move(start));
    // states[i]: the bytes at history index i, as the edits left them.
    std::vector<std::string> states{writeDocument(editor.document())};
    if (auto why = reloadProblem(states[0]); !why.empty())
        FAIL("seed " << seed << ", the starting design: " << why);

    auto expectState = [&](int step, const std::string& what) {
        const std::string now = writeDocument(editor.document());
        const size_t index = editor.history().index();
        if (index >= states.size() || now != states[index])
            FAIL("seed " << seed << ", step " << step << ", " << what << " at history index "
                         << index << ": not the state the edits left there\n"
                         << now);
    };

    for (int step = 0; step < kSteps; ++step) {
        const std::string before = states[editor.history().index()];
        const size_t index = editor.history().index(), size = editor.history().size();
        Log log;
        bool merges = false;
        const int action = g.integer(0, 19);
        if (action == 0 && editor.canUndo()) {
            if (trace) std::cerr << "seed " << seed << ", step " << step << ": undo\n";
            editor.undo();
            expectState(step, "undo");
            continue;
        }
        if (action == 1 && editor.canRedo()) {
            if (trace) std::cerr << "seed " << seed << ", step " << step << ": redo\n";
            editor.redo();
            expectState(step, "redo");
            continue;
        }
        const bool refused = randomEdit(editor, g, log, merges);
        const std::string now = writeDocument(editor.document());
        const std::string where = "seed " + std::to_string(seed) + ", step " +
                                  std::to_string(step) + ": " + log.text.str();
        const size_t newIndex = editor.history().index(), newSize = editor.history().size();
        if (trace) std::cerr << where << " -> history " << newIndex << "/" << newSize << "\n";
        if (refused) {
            if (now != before) FAIL(where << "\nrefused, yet changed the document:\n" << now);
            if (newIndex != index || newSize != size)
                FAIL(where << "\nrefused, yet changed the history");
            continue;
        }
        if (newIndex == index && newSize == size && now == before)
            continue; // nothing to do (the value was already that): no step
        const bool added =
            newIndex == index + 1 && newSize == newIndex; // and the redo tail dropped
        const bool merged = merges && index > 0 && newIndex == index && newSize == index;
        if (!added && !merged)
            FAIL(where << "\nhistory went from " << index << "/" << size << " to " << newIndex
                       << "/" << newSize << " for one edit");
        states.resize(newIndex + 1);
        states.back() = now;
        if (auto why = reloadProblem(now); !why.empty()) FAIL(where << "\n" << why);
        // A save now and then: the saved state is one merging must not swallow.
        if (g.chance(0.1)) editor.markClean();
    }

    // Undo all, one step at a time, through exactly the states recorded; then redo all.
    const size_t top = states.size() - 1;
    while (editor.history().index() < top)
        editor.redo();
    expectState(kSteps, "redo to the last edit");
    while (editor.canUndo()) {
        editor.undo();
        expectState(kSteps, "undo all");
    }
    if (writeDocument(editor.document()) != states.front())
        FAIL("seed " << seed << ": undoing everything does not give the original back");
    while (editor.canRedo()) {
        editor.redo();
        expectState(kSteps, "redo all");
    }
    if (writeDocument(editor.document()) != states.back())
        FAIL("seed " << seed << ": redoing everything does not give the edited document back");
}

} // namespace

TEST_CASE("random edit sequences undo to the original and redo to the edited, byte for byte") {
    std::vector<Document> examples;
    for (const auto& path : test::examplePaths()) {
        auto loaded = readDocumentFile(path, cat());
        INFO(path << "\n" << test::describe(loaded.problems));
        REQUIRE(loaded.ok());
        examples.push_back(*loaded.document);
    }
    REQUIRE(examples.size() >= 5);
    if (const char* only = std::getenv("ARCHLENS_EDIT_SEED")) {
        runSequence(unsigned(std::strtoul(only, nullptr, 10)), examples);
        return;
    }
    for (unsigned seed = 1; seed <= kSequences; ++seed)
        runSequence(seed, examples);
}
