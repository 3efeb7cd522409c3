#pragma once

namespace archlens::gui {

/// Opens the main window (QApplication, because plots are QWidgets); handles [FILE],
/// --screenshot OUT.png and --version. Returns the exit status.
int run(int argc, char** argv);

} // namespace archlens::gui
