#include "cli.h"
#include "batch_heap.h"
#include "cli_common.h"

#include "archlens/analysis/analyze.h"
#include "archlens/analysis/diff.h"
#include "archlens/analysis/red_flags.h"
#include "archlens/analysis/report_json.h"
#include "archlens/analysis/rules.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/describe.h"
#include "archlens/model/document_io.h"
#include "archlens/model/json_text.h"
#include "diagram_export.h"
#include "export_file.h"
#include "report_content.h"
#include "report_export.h"
#include "report_markdown.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

namespace archlens::cli {

namespace {

const char* const kCommands[] = {"check",    "diff", "export", "report", "catalogue", "rules",
                                 "estimate", "score", "help",  "--help", "-h",        "--version",
                                 "-v"};

/// Subcommands that draw (fonts, QPainter, plots): they need a QApplication.
bool draws(const QString& command) {
    return command == "export" || command == "report";
}

} // namespace

// Shared with the other command files through cli_common.h.

QTextStream& out() {
    static QTextStream stream(stdout);
    return stream;
}
QTextStream& err() {
    static QTextStream stream(stderr);
    return stream;
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

/// Characters that make a terminal do something rather than show something: the C0 and C1
/// controls (ESC starts the sequences that recolour, move the cursor, retitle the window or
/// write to the clipboard; U+009B is CSI on its own) and DEL, and the Unicode bidirectional
/// controls (Bidi_Control), which reorder the rest of the line so that text reads other than
/// it is.
constexpr bool terminalControl(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/// Text from the design or the command line (titles, names, ids, notes, file names, and the
/// messages that quote them) as the terminal should print it: each control character as a
/// visible escape ("\x1b", "\u202e"), so that a design cannot rewrite the terminal or
/// disguise a finding. Newlines too, so a name cannot forge a line of the report. Backslashes
/// are left alone: this is for safe display, not a reversible encoding, and a Windows path
/// should read as one.
QString shown(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        const char16_t c = ch.unicode();
        if (!terminalControl(c))
            out += ch;
        else if (c < 0x100)
            out += QStringLiteral("\\x%1").arg(unsigned(c), 2, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\u%1").arg(unsigned(c), 4, 16, QLatin1Char('0'));
    }
    return out;
}
QString shown(const std::string& text) {
    return shown(q(text));
}

/// JSON text as the terminal should print it. The JSON writer escapes C0 controls already
/// (ESC is "\u001b"); DEL, the C1 controls and the bidirectional controls are valid in JSON
/// strings and go out raw. They can only occur inside strings, where "\u00XX" means the
/// same character, so escaping them changes nothing for a JSON reader.
std::string jsonForTerminal(std::string json) {
    // The length of a terminal control at i, or 0 for a character shown as it is.
    const auto controlAt = [&json](size_t i, size_t& length) {
        const auto byte = [&](size_t k) {
            return k < json.size() ? static_cast<unsigned char>(json[k]) : 0u;
        };
        const unsigned b = byte(i);
        char32_t c = b < 0x80 ? b : 0; // a continuation byte, or a longer form: shown
        length = 1;
        if ((b & 0xE0) == 0xC0) {
            c = char32_t((b & 0x1F) << 6 | (byte(i + 1) & 0x3F));
            length = 2;
        } else if ((b & 0xF0) == 0xE0) {
            c = char32_t((b & 0x0F) << 12 | (byte(i + 1) & 0x3F) << 6 | (byte(i + 2) & 0x3F));
            length = 3;
        }
        return c >= 0x20 && terminalControl(c) ? c : char32_t(0); // below 0x20 the writer escaped
    };
    // The text between controls is copied in runs; nearly every report has no control,
    // and then goes out as it came, without a copy of tens of megabytes (whose pages alone
    // took 67 ms on the dense 10k report).
    std::string out;
    size_t copied = 0; // json[0, copied) is in `out`
    for (size_t i = 0; i < json.size();) {
        size_t length = 1;
        const char32_t c =
            static_cast<unsigned char>(json[i]) < 0x7F ? char32_t(0) : controlAt(i, length);
        if (!c) { // the rest of a character shown is looked at byte by byte
            ++i;
            continue;
        }
        out.append(json, copied, i - copied);
        char escape[8];
        std::snprintf(escape, sizeof escape, "\\u%04x", unsigned(c));
        out += escape;
        i += length;
        copied = i;
    }
    if (copied == 0) return json;
    out.append(json, copied, json.size() - copied);
    return out;
}

/// Writes UTF-8 text and a newline to stdout as it is. A report of several megabytes went
/// through a QString (UTF-8 to UTF-16 and back) for nothing; the bytes are the same.
void writeOut(const std::string& text) {
    out().flush(); // whatever the stream holds goes first
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

/// Parses the arguments after the subcommand; on an error prints it and returns false.
bool parse(QCommandLineParser& parser, const QString& command, QStringList args) {
    args.removeAt(1); // the subcommand itself
    parser.addHelpOption();
    if (!parser.parse(args)) {
        err() << "archlens " << command << ": " << shown(parser.errorText()) << "\n";
        return false;
    }
    if (parser.isSet("help") || parser.isSet("help-all")) {
        // The usage line names the program as it was called ("archlens" from PATH, a path
        // from a build folder); it should read as the command a person types.
        QString help = parser.helpText();
        for (const QString& program :
             {QCoreApplication::arguments().value(0), QCoreApplication::applicationFilePath()}) {
            const QString called = QStringLiteral("Usage: ") + program + QLatin1Char(' ');
            if (!program.isEmpty() && help.startsWith(called)) {
                help.replace(0, called.size(), QStringLiteral("Usage: archlens %1 ").arg(command));
                break;
            }
        }
        out() << help;
        out().flush();
        std::exit(Ok);
    }
    return true;
}

/// Adds --format (the first of `formats` is the default), parses the arguments and checks
/// the format. Returns the format, or an empty string after printing why the call is wrong.
QString parseWithFormat(QCommandLineParser& parser, const QString& command, const QStringList& args,
                        const QStringList& formats) {
    const QCommandLineOption format(QStringList{"f", "format"},
                                    "Output format: " + formats.join(", ") + ".", "format",
                                    formats.front());
    parser.addOption(format);
    if (!parse(parser, command, args)) return {};
    const QString value = parser.value(format);
    if (formats.contains(value)) return value;
    err() << "archlens " << command << ": unknown format \"" << shown(value) << "\" (use "
          << formats.join(", ") << ")\n";
    return {};
}

void printProblems(const QString& file, const Problems& problems, const QString& fmt) {
    if (fmt == "json") {
        Json list = Json::array();
        for (const auto& p : problems) {
            Json j = {{"pointer", p.pointer}, {"message", p.message}};
            if (p.line > 0) {
                j["line"] = p.line;
                j["column"] = p.column;
            }
            list.push_back(std::move(j));
        }
        out() << q(jsonForTerminal(
                     Json{{"file", file.toStdString()}, {"valid", false}, {"problems", list}}.dump(2)))
              << "\n";
        return;
    }
    out() << shown(file) << ": invalid, " << problems.size()
          << (problems.size() == 1 ? " problem\n" : " problems\n");
    for (const auto& p : problems)
        out() << "  " << shown(p.describe()) << "\n";
}

namespace {

/// The findings the design accepts as trade-offs, after the open ones: a heading with their
/// count, then each one's rule, title and the designer's note. Nothing when there are none.
void printAccepted(const Report& report) {
    int n = 0;
    for (const auto& f : report.findings)
        n += f.acknowledged.has_value();
    if (n == 0) return;
    out() << "\nAccepted trade-offs (" << n << ")\n";
    for (const auto& f : report.findings) {
        if (!f.acknowledged) continue;
        out() << "  [" << shown(f.rule) << "] " << shown(f.title) << "\n";
        if (!f.acknowledged->empty()) out() << "    Accepted: " << shown(*f.acknowledged) << "\n";
    }
}

void printText(const QString& file, const Document& doc, const Report& report) {
    out() << shown(file) << ": " << shown(doc.title) << " — "
          << q(countOf(doc.components.size(), "component", "components")) << ", "
          << q(countOf(doc.flows.size(), "flow", "flows")) << "\n\n";
    out() << "Flows\n";
    for (const auto& f : report.flows) {
        out() << "  " << shown(f.name.empty() ? f.id : f.name) << ": availability "
              << q(availabilityPercent(f.availability)) << (f.availabilityMethod == "exact" ? "" : " (simulated)")
              << ", down " << q(downtimeText(f.downtimeMinPerMonth)) << " a month; p50 "
              << q(millisecondsText(f.p50_ms)) << ", p99 " << q(millisecondsText(f.p99_ms))
              << "; sync depth " << f.syncDepth
              << (f.timedOut >= 0.001 ? "; " + q(shareText(f.timedOut)) + " of requests time out"
                                       : QString())
              << (isBroken(f) ? " — broken: most requests fail" : "")
              << (f.background ? " (background)" : "") << "\n";
    }
    if (report.saturation) {
        // Named as the diagram names it, not by its id.
        const Component* saturated = doc.component(report.saturation->component);
        const std::string& name =
            saturated && !saturated->name.empty() ? saturated->name : report.saturation->component;
        out() << "\nSaturation: " << shown(name) << " saturates at "
              << q(multiplierText(report.saturation->multiplier)) << " the declared traffic\n";
    }
    for (Severity severity : {Severity::Error, Severity::Warning, Severity::Info}) {
        int n = 0;
        for (const auto& f : report.findings)
            n += f.severity == severity && !f.acknowledged;
        if (n == 0) continue;
        out() << "\n" << severityHeading(severity) << " (" << n << ")\n";
        for (const auto& f : report.findings) {
            if (f.severity != severity || f.acknowledged) continue;
            out() << "  [" << shown(f.rule) << "] " << shown(f.title) << "\n";
            out() << "    " << shown(f.message) << "\n";
            out() << "    Change: " << shown(f.suggestion) << "\n";
            out() << "    Guide: " << shown(f.guideSection) << ". Next question: " << shown(f.followUp)
                  << "\n";
        }
    }
    printAccepted(report);
    if (report.findings.empty()) out() << "\nNo findings.\n";
}

/// The Markdown critique, as `report -o x.md` writes it but without pictures: names show
/// their control characters as escapes before the Markdown escaping.
void printMarkdown(const Document& doc, const Report& report) {
    out() << critiqueMarkdown(doc, report, {}, [](const QString& text) { return markdownText(shown(text)); });
}

int check(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Checks a design: validates it, computes availability, latency and load, and lists the "
        "findings.\n"
        "Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for invalid input.\n"
        "Findings the design accepts as trade-offs are listed apart and do not count.");
    parser.addPositionalArgument("file", "The design to check (*.archlens).");
    const QCommandLineOption failOn(
        "fail-on", "Lowest severity that makes the exit status 1: info, warning or error.",
        "severity", "error");
    parser.addOption(failOn);
    const QString fmt = parseWithFormat(parser, "check", args, {"text", "json", "md"});
    if (fmt.isEmpty()) return InvalidInput;
    const auto threshold = severityFromString(parser.value(failOn).toStdString());
    if (!threshold) {
        err() << "archlens check: unknown severity \"" << shown(parser.value(failOn))
              << "\" (use info, warning or error)\n";
        return InvalidInput;
    }
    if (parser.positionalArguments().size() != 1) {
        err() << "archlens check: expected exactly one design file\n";
        return InvalidInput;
    }
    const QString file = parser.positionalArguments().front();
    auto result = readDocumentFile(file.toStdString(), Catalogue::builtin());
    if (!result.ok()) {
        printProblems(file, result.problems, fmt);
        return InvalidInput;
    }
    const Document& doc = *result.document;
    Report report = analyze(doc, Catalogue::builtin());
    runRules(doc, Catalogue::builtin(), report);

    // A finding the design accepts as a trade-off is a decision already made, not an open
    // problem: it is still listed, but does not make the check fail.
    const bool failed =
        std::any_of(report.findings.begin(), report.findings.end(),
                    [&](const Finding& f) { return f.severity >= *threshold && !f.acknowledged; });
    if (fmt == "json") {
        Json json = reportToJson(doc, std::move(report)); // its text moves, not copied
        json["file"] = file.toStdString();
        json["valid"] = true;
        writeOut(jsonForTerminal(jsonText(json, 2)));
        leaveToExit(std::move(json));
    } else if (fmt == "md") {
        printMarkdown(doc, report);
    } else {
        printText(file, doc, report);
    }
    leaveToExit(std::move(report));
    leaveToExit(std::move(result));
    return failed ? FindingsAtThreshold : Ok;
}

int diffCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Compares two designs: components, connections, zones and flows added, removed or\n"
        "changed (each changed field with its value before and after), boxes only moved, the\n"
        "findings that appeared or went, and each flow's availability and p99 before and after.\n"
        "A connection drawn again between the same two components reads as changed.\n"
        "Exit status: 0 whether or not the designs differ, 2 for invalid input.");
    parser.addPositionalArgument("before", "The design to compare from (*.archlens).");
    parser.addPositionalArgument("after", "The design to compare with it (*.archlens).");
    const QString fmt = parseWithFormat(parser, "diff", args, {"text", "json", "md"});
    if (fmt.isEmpty()) return InvalidInput;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 2) {
        err() << "archlens diff: expected two design files, got " << files.size() << "\n";
        return InvalidInput;
    }
    std::vector<Document> docs;
    std::vector<Report> reports;
    for (const QString& file : files) {
        auto result = readDocumentFile(file.toStdString(), Catalogue::builtin());
        if (!result.ok()) {
            printProblems(file, result.problems, fmt == "json" ? fmt : "text");
            return InvalidInput;
        }
        docs.push_back(*result.document);
        reports.push_back(critique(docs.back(), Catalogue::builtin()));
    }
    const DesignDiff diff = diffDesigns(docs[0], reports[0], docs[1], reports[1]);
    if (fmt == "json") {
        Json json = diffToJson(diff);
        json["before"]["file"] = files[0].toStdString();
        json["after"]["file"] = files[1].toStdString();
        writeOut(jsonForTerminal(jsonText(json, 2)));
        return Ok;
    }
    DiffTextOptions options{files[0].toStdString(), files[1].toStdString(), {}};
    if (fmt == "md") {
        options.text = [](const std::string& s) { return markdownText(shown(s)).toStdString(); };
        out() << "# Comparison\n\n" << q(diffToMarkdown(diff, options));
    } else {
        options.text = [](const std::string& s) { return shown(s).toStdString(); };
        out() << q(diffToText(diff, options));
    }
    return Ok;
}

/// Loads the one design file named on the command line; on failure prints why (the
/// problems, with their places) and returns null.
std::optional<Document> loadDesign(QCommandLineParser& parser, const QString& command) {
    if (parser.positionalArguments().size() != 1) {
        err() << "archlens " << command << ": expected exactly one design file\n";
        return std::nullopt;
    }
    const QString file = parser.positionalArguments().front();
    auto result = readDocumentFile(file.toStdString(), Catalogue::builtin());
    if (!result.ok()) {
        printProblems(file, result.problems, "text");
        return std::nullopt;
    }
    return *result.document;
}

int exportDiagramCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Exports the diagram of a design: SVG, PDF, PNG, Mermaid (.mmd) or draw.io (.drawio),\n"
        "chosen by the output file's extension.\nExit status: 0 written, 2 bad input or unwritable output.");
    parser.addPositionalArgument("file", "The design to export (*.archlens).");
    const QCommandLineOption output(QStringList{"o", "output"},
                                    "Output file: .svg, .pdf, .png, .mmd or .drawio.", "out");
    const QCommandLineOption scale("scale", "PNG scale: 1, 2 or 4 (default 1).", "n", "1");
    const QCommandLineOption selection("selection", "Export only these ids, comma-separated.", "ids");
    const QCommandLineOption white("white", "Pure white background instead of the theme's.");
    const QCommandLineOption dark("dark", "The dark theme's colours.");
    const QCommandLineOption badges("badges", "Severity badges on components named by findings.");
    parser.addOptions({output, scale, selection, white, dark, badges});
    if (!parse(parser, "export", args)) return InvalidInput;
    const QString target = parser.value(output);
    if (target.isEmpty()) {
        err() << "archlens export: no output file (use -o OUT.svg|.pdf|.png|.mmd|.drawio)\n";
        return InvalidInput;
    }
    const auto format = diagramFormatForPath(target);
    if (!format) {
        err() << "archlens export: cannot tell the format of " << shown(target)
              << " (use .svg, .pdf, .png, .mmd or .drawio)\n";
        return InvalidInput;
    }
    bool numeric = false;
    const double factor = parser.value(scale).toDouble(&numeric);
    if (!numeric || !(factor > 0 && factor <= 8)) {
        err() << "archlens export: --scale must be a number above 0 and at most 8, got \""
              << shown(parser.value(scale)) << "\"\n";
        return InvalidInput;
    }
    const auto doc = loadDesign(parser, "export");
    if (!doc) return InvalidInput;
    DiagramRenderOptions options;
    if (parser.isSet(selection))
        options.selection = parser.value(selection).split(',', Qt::SkipEmptyParts);
    options.whiteBackground = parser.isSet(white);
    options.dark = parser.isSet(dark);
    Report report;
    if (parser.isSet(badges)) {
        report = critique(*doc, Catalogue::builtin());
        options.badges = &report;
    }
    QString error;
    const QByteArray bytes = exportDiagram(*doc, Catalogue::builtin(), *format, options, factor, &error);
    if (bytes.isEmpty()) {
        err() << "archlens export: " << (error.isEmpty() ? QStringLiteral("nothing to export") : shown(error)) << "\n";
        return InvalidInput;
    }
    if (const QString e = writeFileAtomically(target, bytes); !e.isEmpty()) {
        err() << "archlens export: " << shown(e) << "\n";
        return InvalidInput;
    }
    out() << "wrote " << shown(target) << "\n";
    return Ok;
}

int reportCommand(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Writes the critique of a design as a report: HTML (one self-contained file), Markdown\n"
        "(with its images beside it), PDF or JSON (the schema of 'archlens check --format json'),\n"
        "chosen by the output file's extension.\nExit status: 0 written, 2 bad input or unwritable output.");
    parser.addPositionalArgument("file", "The design to report on (*.archlens).");
    const QCommandLineOption output(QStringList{"o", "output"}, "Output file: .html, .md, .pdf or .json.",
                                    "out");
    const QCommandLineOption compare(
        "compare",
        "Add a \"Compared with OTHER\" section: what this design adds, removes and changes.",
        "other");
    parser.addOptions({output, compare});
    if (!parse(parser, "report", args)) return InvalidInput;
    const QString target = parser.value(output);
    if (target.isEmpty()) {
        err() << "archlens report: no output file (use -o OUT.html|.md|.pdf|.json)\n";
        return InvalidInput;
    }
    const auto format = reportFormatForPath(target);
    if (!format) {
        err() << "archlens report: cannot tell the format of " << shown(target)
              << " (use .html, .md, .pdf or .json)\n";
        return InvalidInput;
    }
    const auto doc = loadDesign(parser, "report");
    if (!doc) return InvalidInput;
    std::optional<ReportComparison> comparison;
    const Report report = critique(*doc, Catalogue::builtin());
    if (parser.isSet(compare)) {
        const QString otherFile = parser.value(compare);
        const auto other = readDocumentFile(otherFile.toStdString(), Catalogue::builtin());
        if (!other.ok()) {
            printProblems(otherFile, other.problems, "text");
            return InvalidInput;
        }
        comparison =
            compareForReport(*doc, report, *other.document, otherFile, Catalogue::builtin());
    }
    const QString e =
        exportReport(*doc, Catalogue::builtin(), *format, target, &report,
                     parser.positionalArguments().front(), comparison ? &*comparison : nullptr);
    if (!e.isEmpty()) {
        err() << "archlens report: " << shown(e) << "\n";
        return InvalidInput;
    }
    out() << "wrote " << shown(target) << "\n";
    return Ok;
}

/// `rules --coverage`: every red flag of the guide and what answers it, with the counts.
int printCoverage(const QString& fmt) {
    const RedFlagCoverage c = redFlagCoverage();
    if (fmt == "json") {
        Json sections = Json::array();
        for (const RedFlag& f : redFlags()) {
            Json j = {{"section", f.section}, {"flag", f.flag}, {"diagram", f.diagram}};
            if (!f.rules.empty())
                j["rules"] = f.rules;
            else
                j["discussion"] = f.discussion;
            sections.push_back(std::move(j));
        }
        out() << q(Json{{"coverage",
                         {{"sections", c.total},
                          {"caught_by_rules", c.byRules},
                          {"diagram_without_rule", c.diagramUncovered},
                          {"discussion_only", c.discussionOnly}}},
                        {"sections", sections}}
                       .dump(2))
              << "\n";
        return Ok;
    }
    out() << QStringLiteral("%1 red flags in the guide: %2 caught by rules, %3 a diagram could "
                            "show but no rule catches yet, %4 for discussion only.\n\n")
                 .arg(c.total)
                 .arg(c.byRules)
                 .arg(c.diagramUncovered)
                 .arg(c.discussionOnly);
    for (const RedFlag& f : redFlags()) {
        QString answer;
        if (!f.rules.empty()) {
            QStringList ids;
            for (const auto& r : f.rules)
                ids << q(r);
            answer = ids.join(QStringLiteral(", "));
        } else {
            answer = f.diagram ? QStringLiteral("no rule yet") : QStringLiteral("discussion");
        }
        out() << q(f.section) << "\n  " << q(f.flag) << "\n  -> " << answer << "\n";
        if (f.rules.empty()) out() << "     ask: " << q(f.discussion) << "\n";
    }
    return Ok;
}

int listRules(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Lists every rule with its severity and the guide section it comes from; with\n"
        "--coverage, every red flag of the guide and the rules that catch it, or the question\n"
        "to ask where no rule does.");
    const QCommandLineOption coverage("coverage",
                                      "List the guide's red flags and what catches each.");
    parser.addOption(coverage);
    const QString fmt = parseWithFormat(parser, "rules", args, {"text", "json"});
    if (fmt.isEmpty()) return InvalidInput;
    if (parser.isSet(coverage)) return printCoverage(fmt);
    if (fmt == "json") {
        Json list = Json::array();
        for (const auto& r : ruleInfos())
            list.push_back({{"id", r.id},
                            {"severity", toString(r.severity)},
                            {"guide_section", r.guideSection},
                            {"title", r.title}});
        out() << q(Json{{"rules", list}}.dump(2)) << "\n";
        return Ok;
    }
    for (const auto& r : ruleInfos())
        out() << q(r.id).leftJustified(28) << QString(toString(r.severity)).leftJustified(9)
              << q(r.guideSection) << "\n";
    return Ok;
}

int catalogue(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Lists the component kinds and their properties.");
    const QString fmt = parseWithFormat(parser, "catalogue", args, {"text", "json"});
    if (fmt.isEmpty()) return InvalidInput;
    const Catalogue& cat = Catalogue::builtin();
    if (fmt == "json") {
        out() << q(cat.json().dump(2)) << "\n";
        return Ok;
    }
    for (const auto& category : cat.categories()) {
        out() << q(category.label) << "\n";
        for (const auto& kind : cat.kinds()) {
            if (kind.category != category.id) continue;
            QStringList sections;
            for (const auto& s : kind.guideSections)
                sections << q(s);
            out() << "  " << q(kind.id).leftJustified(22) << q(kind.label).leftJustified(24)
                  << sections.join("; ") << "\n";
        }
    }
    out() << "\nComponent properties\n";
    for (const auto& p : cat.componentProperties())
        out() << "  " << q(p.key).leftJustified(16) << QString(toString(p.type)).leftJustified(10)
              << q(p.help) << "\n";
    out() << "\nConnection properties\n";
    for (const auto& p : cat.connectionProperties())
        out() << "  " << q(p.key).leftJustified(16) << QString(toString(p.type)).leftJustified(10)
              << q(p.help) << "\n";
    return Ok;
}

/// The synopsis of every form of the program (the manual page's synopsis is made from it, by
/// installer/make_manpage.cmake: a form starts with "  archlens", its arguments continue on
/// lines indented less than the description column, its description is indented to it).
void usage() {
    out()
        << "Usage:\n"
           "  archlens [FILE] [--compare OTHER]\n"
           "                                   open the design in the window; --compare: compare "
           "it\n"
           "                                   with OTHER, as File > Compare With File does\n"
           "  archlens --screenshot OUT.png [--size WIDTHxHEIGHT] [--compare OTHER] [FILE]\n"
           "                                   render the window with FILE loaded to a PNG and "
           "exit\n"
           "                                   (no display needed; size 1400x900 unless given)\n"
           "  archlens check FILE [--format text|json|md] [--fail-on info|warning|error]\n"
           "                                   critique a design (exit 0 clean, 1 findings, 2 "
           "invalid)\n"
           "  archlens diff A B [--format text|json|md]\n"
           "                                   compare two designs (exit 0 either way, 2 "
           "invalid)\n"
           "  archlens export FILE -o OUT.svg|.pdf|.png|.mmd|.drawio [--scale N]\n"
           "                   [--selection IDS] [--white] [--dark] [--badges]\n"
           "                                   export the diagram\n"
           "  archlens report FILE -o OUT.html|.md|.pdf|.json [--compare OTHER]\n"
           "                                   write the critique as a report\n"
           "  archlens estimate --dau N --reads-per-user R --writes-per-user W --object-bytes B\n"
           "                   --retention-days D --peak-factor P [--hot-fraction F]\n"
           "                   [--server-rps C] [--replication K] [--prompt ID] [--format "
           "text|json]\n"
           "                                   back-of-the-envelope figures with their formulas\n"
           "  archlens score FILE [--prompt ID] [--format text|json|md]\n"
           "                                   score a design out of 100, each point explained\n"
           "  archlens rules [--coverage] [--format text|json]\n"
           "                                   list the rules and the guide sections they cite;\n"
           "                                   --coverage: the guide's red flags and what "
           "catches each\n"
           "  archlens catalogue [--format text|json]\n"
           "                                   list the component kinds and properties\n"
           "  archlens --version\n"
           "                                   print the version\n"
           "  archlens --help\n"
           "                                   print this help (also: archlens help, archlens -h)\n"
           "Run 'archlens COMMAND --help' for a command's options.\n";
}

} // namespace

bool isCommand(int argc, char** argv) {
    if (argc < 2) return false;
    for (const char* c : kCommands)
        if (std::strcmp(argv[1], c) == 0) return true;
    return false;
}

int run(int argc, char** argv) {
    // Before anything is allocated: the files named (designs, mostly) size the heap.
    std::uintmax_t inputBytes = 0;
    for (int i = 2; i < argc; ++i) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(argv[i], ec)) continue;
        const std::uintmax_t size = std::filesystem::file_size(argv[i], ec);
        if (!ec) inputBytes += size;
    }
    prepareHeapForBatch(inputBytes);
    // Drawing needs fonts and a paint engine but never a screen: render offscreen unless
    // told otherwise, so exports work over ssh and in CI and look the same everywhere.
    const bool drawing = argc > 1 && draws(QString::fromLocal8Bit(argv[1]));
    if (drawing && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app;
    if (drawing)
        app = std::make_unique<QApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName("archlens");
    QCoreApplication::setApplicationVersion(ARCHLENS_VERSION);
    const QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    int status = InvalidInput;
    if (command == "check")
        status = check(args);
    else if (command == "diff")
        status = diffCommand(args);
    else if (command == "catalogue")
        status = catalogue(args);
    else if (command == "rules")
        status = listRules(args);
    else if (command == "export")
        status = exportDiagramCommand(args);
    else if (command == "report")
        status = reportCommand(args);
    else if (command == "estimate")
        status = estimateCommand(args);
    else if (command == "score")
        status = scoreCommand(args);
    else if (command == "--version" || command == "-v") {
        out() << "archlens " << ARCHLENS_VERSION << "\n";
        status = Ok;
    } else {
        usage();
        status = Ok;
    }
    out().flush();
    err().flush();
    return status;
}

} // namespace archlens::cli
