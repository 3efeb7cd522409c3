#pragma once
#include <filesystem>
#include <string>

namespace archlens {

/// Reads a whole file. Returns false and sets `error` when it cannot.
bool readTextFile(const std::filesystem::path& path, std::string& text, std::string& error);

/// Writes `data` to `path` atomically: a temporary file beside it, flushed to disk, then
/// renamed over the target. On any failure the target is untouched, the temporary file is
/// removed, and the returned message says what failed; "" on success.
std::string writeFileAtomically(const std::filesystem::path& path, const std::string& data);

} // namespace archlens
