#include "cli_common.h"
#include "batch_heap.h"
#include "cli.h"

#include "archlens/model/json.h"

#include <QCoreApplication>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace archlens::cli {

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
                     Json{{"file", file.toStdString()}, {"valid", false}, {"problems", list}}.dump(
                         2)))
              << "\n";
        return;
    }
    out() << shown(file) << ": invalid, " << problems.size()
          << (problems.size() == 1 ? " problem\n" : " problems\n");
    for (const auto& p : problems)
        out() << "  " << shown(p.describe()) << "\n";
}

int runCommand(int argc, char** argv, bool drawing,
               const std::function<std::unique_ptr<QCoreApplication>(int&, char**)>& makeApp,
               const std::function<int(const QString&, const QStringList&)>& dispatch) {
    // Before the designs are read: the files named (designs, mostly) size the heap.
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
    if (drawing && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app = makeApp(argc, argv);
    QCoreApplication::setApplicationName("archlens");
    QCoreApplication::setApplicationVersion(ARCHLENS_VERSION);
    const QStringList args = QCoreApplication::arguments();
    const int status = dispatch(args.value(1), args);
    out().flush();
    err().flush();
    return status;
}

} // namespace archlens::cli
