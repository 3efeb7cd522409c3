// The heap a subcommand runs on: grown once for the input, kept whole, and offered huge
// pages (app/batch_heap.h). Read from the C library's own figures and the kernel's map of
// this process, so that a change that quietly undid it fails here.
#include "batch_heap.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <malloc.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

/// The kernel's description of the mapping that holds `address`, from /proc/self/smaps.
std::string smapsEntry(const void* address) {
    std::ifstream in("/proc/self/smaps");
    std::string line, entry;
    bool inside = false;
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    while (std::getline(in, line)) {
        std::uintptr_t from = 0, to = 0;
        // A mapping's first line is its range ("55d0...-55d1... rw-p ..."); the rest are
        // "Name: value" lines, none of which reads as two hex numbers joined by a dash.
        if (std::sscanf(line.c_str(), "%lx-%lx ", &from, &to) == 2) {
            if (inside) break;
            inside = from <= at && at < to;
        }
        if (inside) entry += line + "\n";
    }
    return entry;
}

std::string thpMode() {
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string text;
    std::getline(in, text);
    return text;
}

} // namespace

TEST_CASE("a batch run's heap is grown for its input and kept whole") {
    constexpr size_t kMiB = 1 << 20;
    const size_t before = mallinfo2().arena;
    archlens::cli::prepareHeapForBatch(8 * kMiB); // a design of 8 MiB: room for 320 MiB
    const size_t grown = mallinfo2().arena;
    CHECK(grown >= before + 320 * kMiB);

    // Blocks of a few MiB come from that heap, not from mappings of their own.
    std::vector<void*> blocks;
    for (int i = 0; i < 40; ++i)
        blocks.push_back(malloc(4 * kMiB));
    const char* const top = static_cast<const char*>(sbrk(0));
    for (void* b : blocks) {
        CHECK(static_cast<const char*>(b) < top);
        std::memset(b, 1, 4 * kMiB); // touched, as a run would
    }
    CHECK(mallinfo2().hblkhd == 0);
    for (void* b : blocks)
        free(b);
    // Freed memory stays with the process for the next phase of the run.
    CHECK(mallinfo2().arena == grown);

    // Where the system offers huge pages, the heap asked for them ("hg" among the mapping's
    // flags). Whether the kernel had them to give is its own affair.
    const std::string mode = thpMode();
    INFO("transparent_hugepage: " << mode);
    if (!mode.empty() && mode.find("[never]") == std::string::npos) {
        const std::string entry = smapsEntry(blocks[20]);
        INFO(entry);
        const auto flags = entry.find("VmFlags:");
        REQUIRE(flags != std::string::npos);
        CHECK(entry.find(" hg", flags) != std::string::npos);
    }
}
