#pragma once
#include "archlens/model/limits.h"

#include <filesystem>
#include <string>

namespace archlens {

/// Reads a whole file of at most `maxBytes` bytes. Returns false and sets `error` (naming
/// the path and the reason) when it cannot: a folder, a missing or unreadable file, or one
/// larger than the cap. Pipes and devices (/dev/zero) are read only up to the cap, and a
/// named pipe without a writer reads as empty instead of waiting for one.
bool readTextFile(const std::filesystem::path& path, std::string& text, std::string& error,
                  std::size_t maxBytes = kMaxDesignBytes);

/// What to do with the file a save replaces.
enum class KeepPrevious { No, Yes };

/// Writes `data` to `path` atomically: a temporary file beside it, flushed to disk, then
/// renamed over the target. With KeepPrevious::Yes an existing target is kept as
/// "path~" (one level) just before it is replaced. A symbolic link is followed: its target
/// is replaced and the link stays. On any failure the target is untouched, the temporary
/// file is removed, and the returned message names the path and the reason (e.g. "No
/// space left on device"); "" on success.
std::string writeFileAtomically(const std::filesystem::path& path, const std::string& data,
                                KeepPrevious keep = KeepPrevious::No);

/// Writes all of `data` to the open file `fd`, retrying short writes and interruptions.
/// Returns "" or the reason it failed (strerror of the error; a write that makes no
/// progress counts as a full disk).
std::string writeAll(int fd, const std::string& data);

} // namespace archlens
