#include "cli.h"

#include "archlens/model/catalogue.h"
#include "archlens/model/document_io.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <cstring>
#include <map>

namespace archlens::cli {

namespace {

const char* const kCommands[] = {"check", "catalogue", "help", "--help", "-h", "--version", "-v"};

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

/// Parses the arguments after the subcommand; on an error prints it and returns false.
bool parse(QCommandLineParser& parser, const QString& command, QStringList args) {
    args.removeAt(1); // the subcommand itself
    parser.addHelpOption();
    if (!parser.parse(args)) {
        err() << "archlens " << command << ": " << parser.errorText() << "\n";
        return false;
    }
    if (parser.isSet("help")) {
        out() << parser.helpText().replace(QCoreApplication::applicationFilePath(),
                                           "archlens " + command);
        out().flush();
        std::exit(Ok);
    }
    return true;
}

QCommandLineOption formatOption(const QString& formats) {
    return {QStringList{"f", "format"}, "Output format: " + formats + ".", "format", "text"};
}

bool checkFormat(const QString& command, const QString& format, const QStringList& allowed) {
    if (allowed.contains(format)) return true;
    err() << "archlens " << command << ": unknown format \"" << format << "\" (use "
          << allowed.join(", ") << ")\n";
    return false;
}

int check(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Loads and validates a design; prints every problem with its place.");
    parser.addPositionalArgument("file", "The design to check (*.archlens).");
    const auto format = formatOption("text or json");
    parser.addOption(format);
    if (!parse(parser, "check", args)) return InvalidInput;
    const QString fmt = parser.value(format);
    if (!checkFormat("check", fmt, {"text", "json"})) return InvalidInput;
    if (parser.positionalArguments().size() != 1) {
        err() << "archlens check: expected exactly one design file\n";
        return InvalidInput;
    }
    const QString file = parser.positionalArguments().front();
    const auto result = readDocumentFile(file.toStdString(), Catalogue::builtin());

    if (fmt == "json") {
        Json problems = Json::array();
        for (const auto& p : result.problems) {
            Json j = {{"pointer", p.pointer}, {"message", p.message}};
            if (p.line > 0) {
                j["line"] = p.line;
                j["column"] = p.column;
            }
            problems.push_back(std::move(j));
        }
        Json report = {
            {"file", file.toStdString()}, {"valid", result.ok()}, {"problems", problems}};
        if (result.ok()) {
            const auto& d = *result.document;
            report["counts"] = {{"components", d.components.size()},
                                {"connections", d.connections.size()},
                                {"zones", d.zones.size()},
                                {"flows", d.flows.size()}};
        }
        out() << q(report.dump(2)) << "\n";
    } else if (result.ok()) {
        const auto& d = *result.document;
        out() << file << ": valid (" << d.components.size() << " components, "
              << d.connections.size() << " connections, " << d.zones.size() << " zones, "
              << d.flows.size() << " flows)\n";
    } else {
        out() << file << ": invalid, " << result.problems.size()
              << (result.problems.size() == 1 ? " problem\n" : " problems\n");
        for (const auto& p : result.problems)
            out() << "  " << q(p.describe()) << "\n";
    }
    return result.ok() ? Ok : InvalidInput;
}

int catalogue(const QStringList& args) {
    QCommandLineParser parser;
    parser.setApplicationDescription("Lists the component kinds and their properties.");
    const auto format = formatOption("text or json");
    parser.addOption(format);
    if (!parse(parser, "catalogue", args)) return InvalidInput;
    const QString fmt = parser.value(format);
    if (!checkFormat("catalogue", fmt, {"text", "json"})) return InvalidInput;
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

void usage() {
    out() << "Usage:\n"
             "  archlens [FILE]                  open the design in the window\n"
             "  archlens --screenshot OUT.png [FILE]  render the window to a PNG and exit\n"
             "  archlens check FILE [--format text|json]\n"
             "                                   validate a design (exit 0 valid, 2 invalid)\n"
             "  archlens catalogue [--format text|json]\n"
             "                                   list the component kinds and properties\n"
             "  archlens --version\n"
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
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName("archlens");
    QCoreApplication::setApplicationVersion(ARCHLENS_VERSION);
    const QStringList args = QCoreApplication::arguments();
    const QString command = args.value(1);
    int status = InvalidInput;
    if (command == "check")
        status = check(args);
    else if (command == "catalogue")
        status = catalogue(args);
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
