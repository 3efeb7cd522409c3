#include "report_pdf.h"

#include "report_html.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace archlens {

namespace {
QPageLayout a4() {
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                       QPageLayout::Millimeter);
}
} // namespace

void layoutReportForPrint(QTextDocument& text, const Document& doc, const Report& report,
                          const std::vector<ReportImage>& images,
                          const ReportComparison* comparison) {
    // The page in CSS pixels (96 per inch), the unit QTextDocument lays HTML out in;
    // print() scales it onto the PDF page.
    const QRectF page = a4().paintRect(QPageLayout::Inch);
    const QSizeF size(page.width() * 96, page.height() * 96);
    ReportHtmlOptions options;
    options.inlineImages = false;
    options.forPrint = true;
    options.comparison = comparison;
    options.pageWidth = size.width() - 2 * text.documentMargin() - 8;
    options.pageHeight = size.height() - 2 * text.documentMargin() - 40;
    for (const auto& image : images)
        text.addResource(QTextDocument::ImageResource, QUrl(image.name + QStringLiteral(".png")),
                         image.image);
    QFont font = text.defaultFont();
    font.setFamily(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(9.5);
    // A hair of letter spacing turns off ligatures: text copied or searched in the PDF then
    // reads "fi" and "fl", not the single ligature characters.
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.05);
    text.setDefaultFont(font);
    text.setDefaultStyleSheet(reportPrintStyleSheet());
    text.setHtml(reportHtml(doc, report, images, options));
    text.setPageSize(size);
}

QByteArray reportPdf(const Document& doc, const Report& report,
                     const std::vector<ReportImage>& images, const ReportComparison* comparison) {
    QTextDocument text;
    layoutReportForPrint(text, doc, report, images, comparison);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buffer);
    pdf.setCreator(QStringLiteral("ArchLens"));
    pdf.setTitle(QString::fromStdString(doc.title));
    pdf.setPageLayout(a4());
    text.print(&pdf);
    return bytes;
}

} // namespace archlens
