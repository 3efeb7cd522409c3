#pragma once
// Times the program as a person runs it: whole processes, start to exit, output thrown away.
#include <string>
#include <vector>

namespace archlens::bench {

/// Runs `program --version` and then `program check --format json FILE` for each file,
/// `runs` times each after one run that is not counted (it warms the page cache), and
/// prints the fastest, the median and the slowest wall time of each, in ms. Returns 0, or
/// 2 when the program cannot be started or a run ends with a status other than 0 or 1.
int timeCommands(const std::string& program, const std::vector<std::string>& files, int runs);

} // namespace archlens::bench
