#pragma once
// The command line: the subcommands that need no display (check, catalogue, ...). They
// run on a QCoreApplication so that a machine without a screen can use them.

namespace archlens::cli {

/// Whether argv names a subcommand rather than a file for the window.
bool isCommand(int argc, char** argv);
/// Runs the subcommand and returns the process exit status.
int run(int argc, char** argv);

/// Exit statuses shared by all subcommands.
enum Exit { Ok = 0, FindingsAtThreshold = 1, InvalidInput = 2 };

} // namespace archlens::cli
