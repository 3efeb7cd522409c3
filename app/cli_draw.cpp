// The commands that draw, `archlens export` and `archlens report`: they paint diagrams and
// plots, so they run inside the window library (window_module.cpp) on a QApplication, with
// the output streams and argument parsing every command shares (cli_common.h).
#include "cli.h"
#include "cli_common.h"

#include "archlens/model/catalogue.h"
#include "archlens/model/document_io.h"
#include "diagram_export.h"
#include "export_file.h"
#include "report_content.h"
#include "report_export.h"

#include <QApplication>
#include <QCommandLineParser>
#include <optional>

namespace archlens::cli {

namespace {

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
        "chosen by the output file's extension.\nExit status: 0 written, 2 bad input or unwritable "
        "output.");
    parser.addPositionalArgument("file", "The design to export (*.archlens).");
    const QCommandLineOption output(QStringList{"o", "output"},
                                    "Output file: .svg, .pdf, .png, .mmd or .drawio.", "out");
    const QCommandLineOption scale("scale", "PNG scale: 1, 2 or 4 (default 1).", "n", "1");
    const QCommandLineOption selection("selection", "Export only these ids, comma-separated.",
                                       "ids");
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
    const QByteArray bytes =
        exportDiagram(*doc, Catalogue::builtin(), *format, options, factor, &error);
    if (bytes.isEmpty()) {
        err() << "archlens export: "
              << (error.isEmpty() ? QStringLiteral("nothing to export") : shown(error)) << "\n";
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
        "chosen by the output file's extension.\nExit status: 0 written, 2 bad input or unwritable "
        "output.");
    parser.addPositionalArgument("file", "The design to report on (*.archlens).");
    const QCommandLineOption output(QStringList{"o", "output"},
                                    "Output file: .html, .md, .pdf or .json.", "out");
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

} // namespace

int runDrawingCommand(int argc, char** argv) {
    return runCommand(
        argc, argv, true,
        [](int& c, char** v) -> std::unique_ptr<QCoreApplication> {
            return std::make_unique<QApplication>(c, v);
        },
        [](const QString& command, const QStringList& args) {
            if (command == "export") return exportDiagramCommand(args);
            if (command == "report") return reportCommand(args);
            err() << "archlens: " << shown(command) << " is not a command that draws\n";
            return int(InvalidInput);
        });
}

} // namespace archlens::cli
