#pragma once
// Where exported files go: which format a file name asks for, and writing the bytes so that
// a reader never sees half a file. Shared by the command line and the window, so both
// accept the same extensions and say the same thing when a file cannot be written.
#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

namespace archlens {

enum class DiagramFormat { Svg, Pdf, Png, Mermaid, Drawio };
enum class ReportFormat { Html, Markdown, Pdf, Json };

/// The diagram format named by a path's extension (case-insensitive: .svg, .pdf, .png, .mmd,
/// .drawio), or nullopt for any other extension.
std::optional<DiagramFormat> diagramFormatForPath(const QString& path);
/// The report format named by a path's extension (.html/.htm, .md, .pdf, .json), or nullopt.
std::optional<ReportFormat> reportFormatForPath(const QString& path);
/// The extension written for a format, without the dot ("svg", "drawio", "md", ...).
QString extensionOf(DiagramFormat format);
QString extensionOf(ReportFormat format);

/// One file to write: where, and its bytes.
struct OutputFile {
    QString path;
    QByteArray data;
};

/// Writes `data` to `path` atomically (QSaveFile: a temporary file beside the target,
/// renamed over it on success), so an existing file is either replaced whole or left as it
/// was. Returns "" on success, otherwise a message naming the file and the reason.
QString writeFileAtomically(const QString& path, const QByteArray& data);

/// Writes several files (a Markdown report and its images): the images first, the main file
/// (the first one) last, each atomically, so the main file never points at missing images.
/// Stops at the first failure and returns its message; "" on success.
QString writeFilesAtomically(const std::vector<OutputFile>& files);

} // namespace archlens
