// archlens: one binary for the window and the command line. Subcommands run without a
// display on a QCoreApplication; everything else opens the window.
#include "cli.h"
#include "gui.h"

int main(int argc, char** argv) {
    if (archlens::cli::isCommand(argc, argv)) return archlens::cli::run(argc, argv);
    return archlens::gui::run(argc, argv);
}
