#include "archlens/model/file_io.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace archlens {

namespace fs = std::filesystem;

namespace {

std::string reason(int err) {
    return std::strerror(err);
}

std::string mebibytes(std::size_t bytes) {
    return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB";
}

/// Closes a descriptor when it goes out of scope.
struct Descriptor {
    int fd = -1;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

} // namespace

bool readTextFile(const fs::path& path, std::string& text, std::string& error,
                  std::size_t maxBytes) {
    const std::string name = path.string();
    // Non-blocking open: a named pipe nobody writes to would otherwise wait forever.
    Descriptor in{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    if (in.fd < 0) {
        error = "cannot open " + name + ": " + reason(errno);
        return false;
    }
    struct stat st {};
    if (::fstat(in.fd, &st) != 0) {
        error = "cannot read " + name + ": " + reason(errno);
        return false;
    }
    if (S_ISDIR(st.st_mode)) {
        error = "cannot read " + name + ": it is a folder";
        return false;
    }
    const int flags = ::fcntl(in.fd, F_GETFL);
    if (flags >= 0) ::fcntl(in.fd, F_SETFL, flags & ~O_NONBLOCK);
    const bool regular = S_ISREG(st.st_mode);
    if (regular && static_cast<std::uintmax_t>(st.st_size) > maxBytes) {
        error = "cannot read " + name + ": it is " + mebibytes(static_cast<size_t>(st.st_size)) +
                ", more than the " + mebibytes(maxBytes) + " a design file may have";
        return false;
    }
    // A regular file is read into a string of its size; anything else (a pipe, a device)
    // grows in steps, never past the cap plus one byte, which tells it went over.
    std::string data;
    data.resize(regular ? static_cast<size_t>(st.st_size) + 1
                        : std::min<size_t>(maxBytes + 1, 1 << 16));
    size_t used = 0;
    for (;;) {
        if (used == data.size()) {
            if (data.size() > maxBytes) break;
            data.resize(std::min(maxBytes + 1, data.size() * 2));
        }
        const ssize_t n = ::read(in.fd, data.data() + used, data.size() - used);
        if (n < 0) {
            if (errno == EINTR) continue;
            error = "cannot read " + name + ": " + reason(errno);
            return false;
        }
        if (n == 0) break;
        used += static_cast<size_t>(n);
    }
    if (used > maxBytes) {
        error = "cannot read " + name + ": it holds more than the " + mebibytes(maxBytes) +
                " a design file may have";
        return false;
    }
    data.resize(used);
    text = std::move(data);
    return true;
}

std::string writeAll(int fd, const std::string& data) {
    size_t written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return reason(errno);
        }
        if (n == 0) return reason(ENOSPC);
        written += static_cast<size_t>(n);
    }
    return {};
}

namespace {

/// Where a save to `path` really goes: the final target of a chain of symbolic links, so
/// that saving replaces what the link points to and keeps the link.
bool resolveLinks(const fs::path& path, fs::path& target, std::string& error) {
    target = path;
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(target, ec))) return true;
        fs::path next = fs::read_symlink(target, ec);
        if (ec) {
            error = "cannot follow the link " + target.string() + ": " + ec.message();
            return false;
        }
        target = next.is_absolute() ? next : target.parent_path() / next;
    }
    error = "cannot write " + path.string() + ": " + reason(ELOOP);
    return false;
}

/// Makes `backup` a second name of the file at `path` (a hard link, or a copy where the
/// file system has none), replacing an older backup.
std::string keepBackup(const fs::path& path, const fs::path& backup) {
    if (::unlink(backup.c_str()) != 0 && errno != ENOENT)
        return "cannot replace the previous version " + backup.string() + ": " + reason(errno);
    if (::link(path.c_str(), backup.c_str()) == 0) return {};
    std::error_code ec;
    fs::copy_file(path, backup, fs::copy_options::overwrite_existing, ec);
    if (ec) return "cannot keep the previous version as " + backup.string() + ": " + ec.message();
    return {};
}

} // namespace

std::string writeFileAtomically(const fs::path& path, const std::string& data, KeepPrevious keep) {
    fs::path target;
    std::string error;
    if (!resolveLinks(path, target, error)) return error;
    // Messages name what the person asked to save; when a link was followed, its target too.
    const std::string name =
        target == path ? path.string() : path.string() + " (a link to " + target.string() + ")";

    std::error_code ec;
    if (fs::is_directory(target, ec)) return "cannot write " + name + ": it is a folder";
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    Descriptor out{::mkstemp(tmpl.data())};
    if (out.fd < 0) return "cannot write " + name + ": " + reason(errno);

    auto fail = [&](const std::string& message) {
        ::close(out.fd);
        out.fd = -1;
        ::unlink(tmpl.c_str());
        return message;
    };
    if (auto why = writeAll(out.fd, data); !why.empty())
        return fail("cannot write " + name + ": " + why);
    // Keep the permissions of the file being replaced; a new file gets the usual 0644.
    struct stat st {};
    const bool existed = ::stat(target.c_str(), &st) == 0;
    const mode_t mode = existed ? (st.st_mode & 07777) : 0644;
    if (::fchmod(out.fd, mode) != 0) return fail("cannot write " + name + ": " + reason(errno));
    // A full disk may only show when the data is flushed.
    if (::fsync(out.fd) != 0) return fail("cannot write " + name + ": " + reason(errno));
    const int closed = ::close(out.fd);
    out.fd = -1;
    if (closed != 0) return fail("cannot write " + name + ": " + reason(errno));

    if (keep == KeepPrevious::Yes && existed && S_ISREG(st.st_mode)) {
        fs::path backup = target;
        backup += "~";
        if (auto why = keepBackup(target, backup); !why.empty()) return fail(why);
    }
    if (::rename(tmpl.c_str(), target.c_str()) != 0)
        return fail("cannot replace " + name + ": " + reason(errno));
    // Make the rename itself durable; a failure here loses nothing already written.
    Descriptor folder{::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (folder.fd >= 0) ::fsync(folder.fd);
    return {};
}

} // namespace archlens
