#include "report_export.h"

#include "archlens/analysis/report_json.h"
#include "report_content.h"
#include "report_html.h"
#include "report_markdown.h"
#include "report_pdf.h"

namespace archlens {

std::vector<OutputFile> buildReport(const Document& doc, const Catalogue& catalogue,
                                    ReportFormat format, const QString& path, const Report* given,
                                    const QString& sourceFile, const ReportComparison* comparison) {
    const Report report = given ? *given : critique(doc, catalogue);
    if (format == ReportFormat::Json) {
        // The schema of `archlens check --format json`, byte for byte.
        Json extra = Json::object();
        if (!sourceFile.isEmpty()) extra["file"] = sourceFile.toStdString();
        extra["valid"] = true;
        if (comparison) {
            extra["comparison"] = diffToJson(comparison->diff);
            extra["comparison"]["before"]["file"] = comparison->other.toStdString();
        }
        return {{path, QByteArray::fromStdString(reportJsonText(doc, report, 2, extra) + "\n")}};
    }
    const std::vector<ReportImage> images = reportImages(doc, catalogue, report);
    switch (format) {
    case ReportFormat::Html: {
        ReportHtmlOptions options;
        options.comparison = comparison;
        return {{path, reportHtml(doc, report, images, options).toUtf8()}};
    }
    case ReportFormat::Markdown:
        return reportMarkdown(doc, report, images, path, comparison);
    case ReportFormat::Pdf:
        return {{path, reportPdf(doc, report, images, comparison)}};
    case ReportFormat::Json: break;
    }
    return {};
}

QString exportReport(const Document& doc, const Catalogue& catalogue, ReportFormat format,
                     const QString& path, const Report* report, const QString& sourceFile,
                     const ReportComparison* comparison) {
    return writeFilesAtomically(
        buildReport(doc, catalogue, format, path, report, sourceFile, comparison));
}

} // namespace archlens
