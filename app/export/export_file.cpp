#include "export_file.h"

#include "archlens/model/file_io.h"

#include <QFileInfo>

namespace archlens {

namespace {
QString suffixOf(const QString& path) {
    return QFileInfo(path).suffix().toLower();
}
} // namespace

std::optional<DiagramFormat> diagramFormatForPath(const QString& path) {
    const QString s = suffixOf(path);
    if (s == "svg") return DiagramFormat::Svg;
    if (s == "pdf") return DiagramFormat::Pdf;
    if (s == "png") return DiagramFormat::Png;
    if (s == "mmd") return DiagramFormat::Mermaid;
    if (s == "drawio") return DiagramFormat::Drawio;
    return std::nullopt;
}

std::optional<ReportFormat> reportFormatForPath(const QString& path) {
    const QString s = suffixOf(path);
    if (s == "html" || s == "htm") return ReportFormat::Html;
    if (s == "md") return ReportFormat::Markdown;
    if (s == "pdf") return ReportFormat::Pdf;
    if (s == "json") return ReportFormat::Json;
    return std::nullopt;
}

QString extensionOf(DiagramFormat format) {
    switch (format) {
    case DiagramFormat::Svg: return "svg";
    case DiagramFormat::Pdf: return "pdf";
    case DiagramFormat::Png: return "png";
    case DiagramFormat::Mermaid: return "mmd";
    case DiagramFormat::Drawio: return "drawio";
    }
    return {};
}

QString extensionOf(ReportFormat format) {
    switch (format) {
    case ReportFormat::Html: return "html";
    case ReportFormat::Markdown: return "md";
    case ReportFormat::Pdf: return "pdf";
    case ReportFormat::Json: return "json";
    }
    return {};
}

QString writeFileAtomically(const QString& path, const QByteArray& data) {
    if (path.isEmpty()) return QStringLiteral("no output file given");
    if (QFileInfo(path).isDir()) return QStringLiteral("cannot write %1: it is a folder").arg(path);
    // The design's own writer rather than QSaveFile: it writes through a symbolic link
    // instead of replacing the link with a file, and gives the system's reason for a
    // failure ("No space left on device") where QSaveFile said "Unknown error".
    const std::string error = writeFileAtomically(std::filesystem::path(path.toStdString()),
                                                  data.toStdString(), KeepPrevious::No);
    return QString::fromStdString(error);
}

QString writeFilesAtomically(const std::vector<OutputFile>& files) {
    for (size_t i = 1; i < files.size(); ++i)
        if (QString e = writeFileAtomically(files[i].path, files[i].data); !e.isEmpty()) return e;
    if (!files.empty()) return writeFileAtomically(files[0].path, files[0].data);
    return {};
}

} // namespace archlens
