// archlens: one binary for the window and the command line. Subcommands run without a
// display on a QCoreApplication; everything else opens the window, from the window library
// the program loads only then (window_loader.h).
#include "cli.h"
#include "window_loader.h"

int main(int argc, char** argv) {
    if (archlens::cli::isCommand(argc, argv)) return archlens::cli::run(argc, argv);
    return archlens::window::run(argc, argv);
}
