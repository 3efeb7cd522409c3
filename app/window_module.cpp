// The entry points of the window library (libarchlens_window.so), which the program loads
// for what draws (window_loader.h). Their names are the library's only exported symbols:
// everything else in it, the static libraries of the model and the analysis included, is
// hidden, so the library's copies never bind to the program's.
#include "cli.h"
#include "gui.h"

#define ARCHLENS_WINDOW_EXPORT extern "C" __attribute__((visibility("default")))

ARCHLENS_WINDOW_EXPORT int archlens_window_main(int argc, char** argv) {
    return archlens::gui::run(argc, argv);
}

ARCHLENS_WINDOW_EXPORT int archlens_drawing_command_main(int argc, char** argv) {
    return archlens::cli::runDrawingCommand(argc, argv);
}
