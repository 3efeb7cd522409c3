#include "command_timing.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace archlens::bench {

namespace {

/// One whole run of `argv`, stdout and stderr to /dev/null: its wall time in ms, or a
/// negative number when it could not start or failed (a status other than 0 or 1: a check
/// that found problems exits with 1).
double runOnce(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (const std::string& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) return -1;
    int status = 0;
    if (waitpid(pid, &status, 0) != pid) return -1;
    const auto end = std::chrono::steady_clock::now();
    if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) return -1;
    return std::chrono::duration<double, std::milli>(end - start).count();
}

} // namespace

int timeCommands(const std::string& program, const std::vector<std::string>& files, int runs) {
    std::vector<std::vector<std::string>> commands{{program, "--version"}};
    for (const std::string& f : files)
        commands.push_back({program, "check", "--format", "json", f});
    std::printf("%-60s %9s %9s %9s\n", "whole process, ms", "fastest", "median", "slowest");
    for (const auto& command : commands) {
        std::string shown = "archlens";
        for (size_t i = 1; i < command.size(); ++i)
            shown += " " + command[i];
        if (shown.size() > 60) shown = "..." + shown.substr(shown.size() - 57);
        if (runOnce(command) < 0) {
            std::fprintf(stderr, "%s: did not run, or failed\n", shown.c_str());
            return 2;
        }
        std::vector<double> times;
        for (int i = 0; i < runs; ++i) {
            const double t = runOnce(command);
            if (t < 0) {
                std::fprintf(stderr, "%s: failed on run %d\n", shown.c_str(), i + 1);
                return 2;
            }
            times.push_back(t);
        }
        std::sort(times.begin(), times.end());
        std::printf("%-60s %9.1f %9.1f %9.1f\n", shown.c_str(), times.front(),
                    times[times.size() / 2], times.back());
    }
    std::printf("(%d runs each after one not counted)\n", runs);
    return 0;
}

} // namespace archlens::bench
