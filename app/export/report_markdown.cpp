#include "report_markdown.h"
#include "report_practice.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>

namespace archlens {

std::vector<OutputFile> reportMarkdown(const Document& doc, const Report& report,
                                       const std::vector<ReportImage>& images, const QString& path,
                                       const ReportComparison* comparison) {
    const QFileInfo info(path);
    const QString stem = info.completeBaseName();
    std::vector<OutputFile> files(1);
    files[0].path = path;
    QStringList pictures;
    for (const ReportImage& image : images) {
        const QString name = stem + QLatin1Char('-') + image.name + QStringLiteral(".png");
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.image.save(&buffer, "PNG");
        files.push_back({info.dir().filePath(name), png});
        // Angle brackets let the link hold spaces; the name is ours, from the file name.
        pictures << QStringLiteral("![%1](<%2>)\n\n").arg(markdownText(image.caption), name);
    }
    QString text = critiqueMarkdown(doc, report, pictures);
    if (comparison) text += QLatin1Char('\n') + comparisonMarkdown(*comparison, markdownText);
    if (doc.practice)
        text +=
            QLatin1Char('\n') + practiceMarkdown(doc, report, Catalogue::builtin(), markdownText);
    files[0].data = text.toUtf8();
    return files;
}

} // namespace archlens
