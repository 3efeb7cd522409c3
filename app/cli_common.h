#pragma once
// What every command of the command line shares (cli_common.cpp): the start of a run, the
// output streams, text made safe for a terminal, argument parsing with --help and --format,
// and the list of a design's problems. The commands of the program (cli.cpp,
// cli_practice.cpp) and those that draw, in the window library (cli_draw.cpp), use these so
// that every command prints, escapes and fails the same way.
#include "archlens/model/problem.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

namespace archlens::cli {

/// Leaves `value` to the end of the process instead of destroying it. A command calls it
/// just before it returns: freeing a 10,000-component design, its report and the report's
/// JSON one block at a time took 25 ms of a 350 ms check, for memory the system takes back
/// at once when the process ends.
template <typename T> void leaveToExit(T&& value) {
    (void)new std::decay_t<T>(std::forward<T>(value));
}

QTextStream& out();
QTextStream& err();
QString q(const std::string& s);
/// Text from a design or the command line as the terminal should show it: control and
/// bidirectional characters as visible escapes, newlines included.
QString shown(const QString& text);
QString shown(const std::string& text);
/// JSON text with the characters a terminal would act on escaped (same meaning as JSON).
std::string jsonForTerminal(std::string json);
/// UTF-8 text and a newline to stdout, as it is.
void writeOut(const std::string& text);
/// Parses the arguments after the subcommand (adding --help); on an error prints it and
/// returns false. --help prints the help and exits with status 0.
bool parse(QCommandLineParser& parser, const QString& command, QStringList args);
/// Adds --format (the first of `formats` is the default) and parses; returns the format, or
/// an empty string after printing why the call is wrong.
QString parseWithFormat(QCommandLineParser& parser, const QString& command, const QStringList& args,
                        const QStringList& formats);
/// A design's problems, each with its place, as text or JSON (`fmt` "json").
void printProblems(const QString& file, const Problems& problems, const QString& fmt);

/// One run of a subcommand: readies the heap for the files named, renders offscreen when
/// `drawing` and no platform is set, makes the application with `makeApp` (a
/// QCoreApplication, or a QApplication for commands that draw), calls `dispatch` with the
/// subcommand and all the arguments, flushes the streams and returns its exit status.
int runCommand(int argc, char** argv, bool drawing,
               const std::function<std::unique_ptr<QCoreApplication>(int&, char**)>& makeApp,
               const std::function<int(const QString&, const QStringList&)>& dispatch);

/// `archlens estimate` and `archlens score` (cli_practice.cpp).
int estimateCommand(const QStringList& args);
int scoreCommand(const QStringList& args);

} // namespace archlens::cli
