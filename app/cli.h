#pragma once
// The command line: the subcommands that need no display (check, catalogue, ...). They run
// on a QCoreApplication so that a machine without a screen can use them; export and report,
// which paint, run in the window library on a QApplication, offscreen.

namespace archlens::cli {

/// Whether argv names a subcommand rather than a file for the window.
bool isCommand(int argc, char** argv);
/// Runs the subcommand and returns the process exit status.
int run(int argc, char** argv);

/// Exit statuses shared by all subcommands.
enum Exit { Ok = 0, FindingsAtThreshold = 1, InvalidInput = 2 };

/// Runs `archlens export` or `archlens report` on a QApplication (cli_draw.cpp, in the
/// window library) and returns the exit status.
int runDrawingCommand(int argc, char** argv);

} // namespace archlens::cli
