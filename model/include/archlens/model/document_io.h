#pragma once
// Reading and writing `*.archlens` files (JSON, UTF-8; shape fixed in DESIGN.md).
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"
#include "archlens/model/problem.h"

#include <filesystem>
#include <optional>
#include <string>

namespace archlens {

/// The outcome of a load: a document only when there was no problem at all, so nothing
/// is ever half-loaded.
struct LoadResult {
    std::optional<Document> document;
    Problems problems;
    bool ok() const { return document.has_value(); }
};

/// Parses and validates the text of a document against the catalogue.
LoadResult readDocument(const std::string& text, const Catalogue& catalogue);
/// Reads a file and parses it; an unreadable file is a problem, not an exception.
LoadResult readDocumentFile(const std::filesystem::path& path, const Catalogue& catalogue);

/// The document as JSON, in the canonical key order, unknown fields kept.
Json documentToJson(const Document& doc);
/// The saved text: documentToJson with two-space indentation and a final newline.
/// writeDocument(readDocument(writeDocument(d))) == writeDocument(d), byte for byte.
std::string writeDocument(const Document& doc);
/// Saves atomically: a temporary file in the same folder, flushed, then renamed over the
/// target, so a failed save leaves the old file as it was. The replaced file is kept as
/// "path~"; a symbolic link is followed and kept (see writeFileAtomically). Returns an
/// error message naming the path and the reason, or "".
std::string writeDocumentFile(const std::filesystem::path& path, const Document& doc);

/// JSON number for a coordinate or rate: integral values are written without ".0".
Json numberToJson(double value);

} // namespace archlens
