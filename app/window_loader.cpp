#include "window_loader.h"

#include <cstdio>
#include <dlfcn.h>
#include <filesystem>
#include <string>
#include <system_error>

namespace archlens::window {

namespace {

using Entry = int (*)(int, char**);

/// The window library's file: ARCHLENS_WINDOW_LIBRARY is its path relative to the folder
/// of the program (set by app/CMakeLists.txt from the install layout, which the build folder
/// mirrors).
std::filesystem::path libraryPath() {
    std::error_code ec;
    std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) program = std::filesystem::path("/usr/bin/archlens");
    return (program.parent_path() / ARCHLENS_WINDOW_LIBRARY).lexically_normal();
}

int call(const char* symbol, int argc, char** argv) {
    const std::filesystem::path path = libraryPath();
    // Lazy binding: of the library's thousands of references to Qt, a command uses few.
    void* library = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
    const char* why = nullptr;
    Entry entry = nullptr;
    if (library) {
        entry = reinterpret_cast<Entry>(dlsym(library, symbol));
        if (!entry) why = dlerror();
    } else {
        why = dlerror();
    }
    if (!entry) {
        std::fprintf(stderr,
                     "archlens: cannot load the window library %s: %s\n"
                     "The commands without a window (check, diff, score, estimate, rules, "
                     "catalogue) still work; reinstall ArchLens for the window, export and "
                     "report.\n",
                     path.c_str(), why ? why : "unknown error");
        return kWindowMissing;
    }
    // Not closed: the library's objects (Qt's plugins, static data) live until the process
    // ends.
    return entry(argc, argv);
}

} // namespace

int run(int argc, char** argv) {
    return call("archlens_window_main", argc, argv);
}

int runDrawingCommand(int argc, char** argv) {
    return call("archlens_drawing_command_main", argc, argv);
}

} // namespace archlens::window
