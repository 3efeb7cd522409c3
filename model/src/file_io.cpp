#include "archlens/model/file_io.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace archlens {

bool readTextFile(const std::filesystem::path& path, std::string& text, std::string& error) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        error = "cannot read " + path.string() + ": it is a folder";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open " + path.string() + ": " + std::strerror(errno);
        return false;
    }
    // A regular file is read in one go into a string of its size; going through an
    // ostringstream copied a large design twice. Anything else (a pipe) is streamed.
    const auto size = std::filesystem::is_regular_file(path, ec)
                          ? std::filesystem::file_size(path, ec)
                          : std::uintmax_t(0);
    if (!ec && size > 0) {
        std::string data(static_cast<size_t>(size), '\0');
        in.read(data.data(), static_cast<std::streamsize>(size));
        if (in.bad() || in.gcount() != static_cast<std::streamsize>(size)) {
            error = "cannot read " + path.string();
            return false;
        }
        // The file may have grown since its size was taken: keep the rest as well.
        text = std::move(data);
        if (in.peek() != std::char_traits<char>::eof()) {
            std::ostringstream rest;
            rest << in.rdbuf();
            text += rest.str();
        }
        return true;
    }
    in.clear();
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        error = "cannot read " + path.string();
        return false;
    }
    text = buffer.str();
    return true;
}

std::string writeFileAtomically(const std::filesystem::path& path, const std::string& data) {
    const std::filesystem::path dir =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string tmpl = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) return "cannot write " + path.string() + ": " + std::strerror(errno);

    auto fail = [&](const char* what) {
        const std::string message =
            "cannot write " + path.string() + " (" + what + "): " + std::strerror(errno);
        ::close(fd);
        ::unlink(tmpl.c_str());
        return message;
    };
    size_t written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("write");
        }
        written += static_cast<size_t>(n);
    }
    // Keep the permissions of the file being replaced; a new file gets the usual 0644.
    struct stat st {};
    const mode_t mode = ::stat(path.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
    if (::fchmod(fd, mode) != 0) return fail("permissions");
    if (::fsync(fd) != 0) return fail("flush");
    if (::close(fd) != 0) {
        const std::string message = "cannot write " + path.string() + ": " + std::strerror(errno);
        ::unlink(tmpl.c_str());
        return message;
    }
    if (::rename(tmpl.c_str(), path.c_str()) != 0) {
        const std::string message = "cannot replace " + path.string() + ": " + std::strerror(errno);
        ::unlink(tmpl.c_str());
        return message;
    }
    return {};
}

} // namespace archlens
