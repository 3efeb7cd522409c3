#pragma once
// The window library, loaded when it is needed. The program is one binary, `archlens`, but
// what draws (the window, `export`, `report`) lives in a library beside it
// (libarchlens_window.so, built from window_module.cpp), which links Qt Gui, Quick, the
// widgets and through them the graphics stack: some seventy libraries whose loading took
// 35-40 ms of every command. `check`, `diff`, `score` and the rest link Qt Core only and never
// load it.
//
// The library is looked for at a fixed place relative to the program's own file (the same
// in the build folder and when installed), not on the library path, so that a program never
// picks up another build's window. When it cannot be loaded, these functions say so on
// stderr, naming the file and the loader's reason, and return kWindowMissing.

namespace archlens::window {

/// The exit status when the window library cannot be loaded.
inline constexpr int kWindowMissing = 3;

/// Opens the window (archlens [FILE], --screenshot...) and returns the exit status.
int run(int argc, char** argv);
/// Runs `archlens export` or `archlens report` and returns the exit status.
int runDrawingCommand(int argc, char** argv);

} // namespace archlens::window
