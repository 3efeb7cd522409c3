#include "cli.h"
#include "cli_common.h"
#include "window_loader.h"

#include "archlens/analysis/analyze.h"
#include "archlens/analysis/diff.h"
#include "archlens/analysis/red_flags.h"
#include "archlens/analysis/report_json.h"
#include "archlens/analysis/rules.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/describe.h"
#include "archlens/model/document_io.h"
#include "archlens/model/json_text.h"
#include "critique_markdown.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <optional>

namespace archlens::cli {

namespace {

const char* const kCommands[] = {"check",    "diff", "export", "report", "catalogue", "rules",
                                 "estimate", "score", "help",  "--help", "-h",        "--version",
                                 "-v"};

/// Subcommands that draw (fonts, QPainter, plots): they need a QApplication.
bool draws(const char* command) {
    return std::strcmp(command, "export") == 0 || std::strcmp(command, "report") == 0;
}

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
        writeOut(jsonForTerminal(
            reportJsonText(doc, report, 2, Json{{"file", file.toStdString()}, {"valid", true}})));
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
    // export and report paint: they run in the window library, which this process loads only
    // for them, so that the other commands start without Qt Gui and the graphics stack.
    if (draws(argv[1])) return window::runDrawingCommand(argc, argv);
    return runCommand(
        argc, argv, false,
        [](int& c, char** v) { return std::make_unique<QCoreApplication>(c, v); },
        [](const QString& command, const QStringList& args) -> int {
            if (command == "check") return check(args);
            if (command == "diff") return diffCommand(args);
            if (command == "catalogue") return catalogue(args);
            if (command == "rules") return listRules(args);
            if (command == "estimate") return estimateCommand(args);
            if (command == "score") return scoreCommand(args);
            if (command == "--version" || command == "-v") {
                out() << "archlens " << ARCHLENS_VERSION << "\n";
                return Ok;
            }
            usage();
            return Ok;
        });
}

} // namespace archlens::cli
