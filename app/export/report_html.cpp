#include "report_html.h"
#include "report_practice.h"

#include "status_palette.h"
#include "xml_text.h"

#include <QBuffer>
#include <QStringList>
#include <algorithm>
#include <utility>

namespace archlens {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// Plain, printable, no external resources: system fonts only, tables that break across
// pages. The colours that mean something (a finding's severity, a target missed or met)
// are the app's StatusPalette, filled in for the @names@; the rest is the page's own ink.
const char* const kStyle = R"css(
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: @ink@;
       max-width: 980px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.8em; margin-bottom: 0.1em; }
h2 { border-bottom: 1px solid @line@; padding-bottom: 0.2em; margin-top: 1.8em; }
h3 { margin-bottom: 0.3em; }
.sub { color: @dim@; margin-top: 0; }
table { border-collapse: collapse; margin: 0.6em 0; }
th, td { border: 1px solid @line@; padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: @header@; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.miss { color: @error@; font-weight: bold; }
.ok { color: @ok@; }
figure { margin: 1em 0; }
figure img { max-width: 100%; height: auto; border: 1px solid @frame@; }
figcaption { color: @dim@; font-size: 0.9em; }
.finding { border-left: 5px solid @faint@; padding: 0.2em 0.9em; margin: 0.8em 0; background: @shade@; }
.finding.error { border-color: @error@; }
.finding.warning { border-color: @warning@; }
.finding.info { border-color: @info@; }
.finding dt { font-weight: bold; float: left; clear: left; width: 9em; }
.finding dd { margin-left: 9.5em; margin-bottom: 0.2em; }
.rule { color: @dim@; font-family: monospace; font-size: 0.85em; }
footer { color: @faint@; font-size: 0.85em; margin-top: 3em; }
@media print { body { margin: 0; max-width: none; } .finding, figure, tr { page-break-inside: avoid; } }
)css";

// What Qt's rich text (the PDF) understands of the same style.
const char* const kPrintStyle =
    "h1 { font-size: 20pt; } h2 { font-size: 14pt; color: @ink@; margin-top: 14px; } "
    "h3 { font-size: 11pt; } th { background-color: @header@; } .sub { color: @dim@; } "
    ".miss { color: @error@; font-weight: bold; } .ok { color: @ok@; } "
    ".rule { color: @dim@; font-size: 8pt; }";

// The page's own ink, which carries no meaning: text, rules, shades.
const char* const kInk = "#1d2330";
const char* const kDim = "#5a6272";
const char* const kLine = "#c9ced8";
const char* const kHeader = "#eef1f6";
const char* const kFrame = "#dde1e8";
const char* const kFaint = "#8a93a5";
const char* const kShade = "#f7f8fb";

/// `style` with each @name@ replaced by its colour.
QString withColours(const char* style) {
    const StatusPalette& palette = StatusPalette::light();
    QString out = QLatin1String(style);
    const std::pair<const char*, QString> colours[] = {
        {"@ink@", QLatin1String(kInk)},       {"@dim@", QLatin1String(kDim)},
        {"@line@", QLatin1String(kLine)},     {"@header@", QLatin1String(kHeader)},
        {"@frame@", QLatin1String(kFrame)},   {"@faint@", QLatin1String(kFaint)},
        {"@shade@", QLatin1String(kShade)},   {"@error@", palette.error.name()},
        {"@warning@", palette.warning.name()}, {"@info@", palette.info.name()},
        {"@ok@", palette.ok.name()}};
    for (const auto& [name, colour] : colours)
        out.replace(QLatin1String(name), colour);
    return out;
}

QString imageSource(const ReportImage& image, const ReportHtmlOptions& o) {
    if (!o.inlineImages) return image.name + QStringLiteral(".png");
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

QString figure(const ReportImage& image, const ReportHtmlOptions& o) {
    if (image.image.isNull()) return {};
    // Images are rendered at twice their size for sharp print; show them at half.
    const double w = image.image.width() / 2.0, h = image.image.height() / 2.0;
    if (o.forPrint) {
        const double k = std::min({1.0, o.pageWidth / w, o.pageHeight * 0.85 / h});
        const bool ownPage = h * k > o.pageHeight * 0.45;
        QString html;
        if (ownPage) html += QStringLiteral("<p style=\"page-break-before: always\"></p>");
        html += QStringLiteral("<p align=\"center\"><img src=\"%1\" width=\"%2\" height=\"%3\" alt=\"%4\"><br>"
                               "<span style=\"color:%5; font-size:9pt\">%4</span></p>")
                    .arg(imageSource(image, o))
                    .arg(int(w * k))
                    .arg(int(h * k))
                    .arg(htmlText(image.caption), QLatin1String(kDim));
        if (ownPage) html += QStringLiteral("<p style=\"page-break-after: always\"></p>");
        return html;
    }
    return QStringLiteral("<figure><img src=\"%1\" width=\"%2\" height=\"%3\" alt=\"%4\">"
                          "<figcaption>%4</figcaption></figure>\n")
        .arg(imageSource(image, o))
        .arg(int(w))
        .arg(int(h))
        .arg(htmlText(image.caption));
}

QString cell(const QString& text, const QString& cls = {}) {
    return cls.isEmpty() ? QStringLiteral("<td>%1</td>").arg(text)
                         : QStringLiteral("<td class=\"%1\">%2</td>").arg(cls, text);
}

QString requirementsTable(const Document& doc) {
    const Requirements& r = doc.requirements;
    QStringList rows;
    if (r.availability)
        rows << QStringLiteral("<tr><th>Availability</th><td>%1 (%2 nines, %3 down a month)</td></tr>")
                    .arg(q(availabilityPercent(*r.availability)), q(ninesText(*r.availability)),
                         q(downtimeText((1 - *r.availability) * 30 * 24 * 60)));
    if (r.p99_ms)
        rows << QStringLiteral("<tr><th>p99 latency</th><td>%1</td></tr>").arg(q(millisecondsText(*r.p99_ms)));
    if (r.max_sync_depth)
        rows << QStringLiteral("<tr><th>Synchronous depth</th><td>at most %1 calls</td></tr>").arg(*r.max_sync_depth);
    if (r.peak_rps)
        rows << QStringLiteral("<tr><th>Peak traffic</th><td>%1</td></tr>").arg(q(rateText(*r.peak_rps)));
    if (rows.isEmpty()) return QStringLiteral("<p>No targets set.</p>\n");
    return QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">%1</table>\n")
        .arg(rows.join(QString()));
}

QString flowsTable(const Document& doc, const Report& report) {
    if (report.flows.empty()) return QStringLiteral("<p>The design declares no flows.</p>\n");
    const Requirements& r = doc.requirements;
    QString html = QStringLiteral(
        "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\"><tr><th>Flow</th><th>Availability</th>"
        "<th>Nines</th><th>Downtime / month</th><th>p50</th><th>p99</th><th>Sync depth</th></tr>\n");
    for (const auto& f : report.flows) {
        const FlowTargets t = flowTargets(doc, f);
        QString availability = q(availabilityPercent(f.availability));
        if (f.availabilityMethod != "exact") availability += QStringLiteral(" (simulated)");
        QString availabilityClass = QStringLiteral("num");
        if (t.availability) {
            const bool miss = t.missesAvailability(f);
            availabilityClass += miss ? QStringLiteral(" miss") : QStringLiteral(" ok");
            availability +=
                miss ? QStringLiteral(" ✗ below %1").arg(q(availabilityPercent(*t.availability)))
                     : QStringLiteral(" ✓");
        }
        QString p99 = q(millisecondsText(f.p99_ms));
        QString p99Class = QStringLiteral("num");
        if (t.p99_ms) {
            const bool miss = t.missesP99(f);
            p99Class += miss ? QStringLiteral(" miss") : QStringLiteral(" ok");
            p99 += miss ? QStringLiteral(" ✗ over %1").arg(q(millisecondsText(*t.p99_ms)))
                        : QStringLiteral(" ✓");
        }
        QString depth = QString::number(f.syncDepth);
        QString depthClass = QStringLiteral("num");
        if (r.max_sync_depth && f.syncDepth > *r.max_sync_depth) {
            depthClass += QStringLiteral(" miss");
            depth += QStringLiteral(" ✗ over %1").arg(*r.max_sync_depth);
        }
        html += QStringLiteral("<tr>") + cell(htmlText(f.name.empty() ? f.id : f.name)) +
                cell(availability, availabilityClass) + cell(q(ninesText(f.availability)), QStringLiteral("num")) +
                cell(q(downtimeText(f.downtimeMinPerMonth)), QStringLiteral("num")) +
                cell(q(millisecondsText(f.p50_ms)), QStringLiteral("num")) + cell(p99, p99Class) +
                cell(depth, depthClass) + QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</table>\n");
    if (report.saturation)
        html += QStringLiteral("<p>The first component to saturate is <b>%1</b>, at %2 the declared traffic.</p>\n")
                    .arg(htmlText(componentName(doc, report.saturation->component)),
                         q(multiplierText(report.saturation->multiplier)));
    return html;
}

QString findingHtml(const SubjectNames& names, const Finding& f, const ReportHtmlOptions& o) {
    const QString sev = QString::fromLatin1(toString(f.severity));
    QStringList subjects;
    for (const auto& s : f.subjects)
        subjects << htmlText(names.subject(s));
    QString html;
    if (o.forPrint) {
        // QTextDocument draws no side borders on blocks: a one-cell table frames each finding.
        html += QStringLiteral("<table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"6\" "
                               "style=\"margin-top:8px; page-break-inside: avoid\"><tr>"
                               "<td width=\"5\" bgcolor=\"%1\"></td><td bgcolor=\"%2\">")
                    .arg(StatusPalette::light().severity(f.severity).name(), QLatin1String(kShade));
    } else {
        html += QStringLiteral("<div class=\"finding %1\">").arg(sev);
    }
    html += QStringLiteral("<h3>%1 <span class=\"rule\">[%2]</span></h3>\n<p>%3</p>\n")
                .arg(htmlText(f.title), htmlText(f.rule), htmlText(f.message));
    if (!o.forPrint) html += QStringLiteral("<dl>");
    auto row = [&](const QString& term, const QString& value) {
        if (value.isEmpty()) return;
        html += o.forPrint ? QStringLiteral("<p><b>%1:</b> %2</p>").arg(term, value)
                           : QStringLiteral("<dt>%1</dt><dd>%2</dd>").arg(term, value);
    };
    row(QStringLiteral("About"), subjects.join(QStringLiteral(", ")));
    row(QStringLiteral("Guide"), htmlText(f.guideSection));
    row(QStringLiteral("Change"), htmlText(f.suggestion));
    row(QStringLiteral("Next question"), htmlText(f.followUp));
    if (!o.forPrint) html += QStringLiteral("</dl>");
    html += o.forPrint ? QStringLiteral("</td></tr></table>\n") : QStringLiteral("</div>\n");
    return html;
}

} // namespace

QString reportPrintStyleSheet() {
    return withColours(kPrintStyle);
}

// Control characters are as fatal to an XHTML reader of the report as to an SVG one.
QString htmlText(const QString& text) {
    return xmlSafe(text).toHtmlEscaped();
}
QString htmlText(const std::string& text) {
    return htmlText(q(text));
}

QString reportHtml(const Document& doc, const Report& report, const std::vector<ReportImage>& images,
                   const ReportHtmlOptions& o) {
    const QString title = doc.title.empty() ? QStringLiteral("Untitled design") : q(doc.title);
    int counts[3] = {0, 0, 0};
    // Open findings only: accepted trade-offs are listed in their own section.
    for (const auto& f : report.findings)
        if (!f.acknowledged) ++counts[int(f.severity)];
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                           "<title>%1 — ArchLens critique</title>\n")
                .arg(htmlText(title));
    if (!o.forPrint) html += QStringLiteral("<style>%1</style>\n").arg(withColours(kStyle));
    html += QStringLiteral("</head>\n<body>\n<h1>%1</h1>\n").arg(htmlText(title));
    html += QStringLiteral("<p class=\"sub\">Critique by ArchLens: %1 components, %2 connections, %3 flows; "
                           "%4 errors, %5 warnings, %6 notes.</p>\n")
                .arg(doc.components.size())
                .arg(doc.connections.size())
                .arg(doc.flows.size())
                .arg(counts[int(Severity::Error)])
                .arg(counts[int(Severity::Warning)])
                .arg(counts[int(Severity::Info)]);

    html += QStringLiteral("<h2>Requirements</h2>\n") + requirementsTable(doc);
    if (!images.empty()) html += QStringLiteral("<h2>Diagram</h2>\n") + figure(images.front(), o);
    if (!doc.notes.empty()) {
        html += QStringLiteral("<h3>Notes on the diagram</h3>\n<ul>\n");
        for (const auto& n : doc.notes)
            html += QStringLiteral("<li>%1</li>\n").arg(htmlText(n.text).replace(QLatin1Char('\n'), QStringLiteral("<br>")));
        html += QStringLiteral("</ul>\n");
    }
    html += QStringLiteral("<h2>Flows</h2>\n") + flowsTable(doc, report);
    if (images.size() > 1) {
        html += QStringLiteral("<h2>Plots</h2>\n");
        for (size_t i = 1; i < images.size(); ++i)
            html += figure(images[i], o);
    }

    html += QStringLiteral("<h2>Findings</h2>\n");
    if (report.findings.empty()) html += QStringLiteral("<p>No findings.</p>\n");
    const SubjectNames names(doc);
    for (Severity severity : {Severity::Error, Severity::Warning, Severity::Info}) {
        const int n = counts[int(severity)];
        if (n == 0) continue;
        html += QStringLiteral("<h3 class=\"%1\">%2 (%3)</h3>\n")
                    .arg(QLatin1String(toString(severity)), severityHeading(severity))
                    .arg(n);
        for (const auto& f : report.findings)
            if (f.severity == severity && !f.acknowledged) html += findingHtml(names, f, o);
    }

    if (o.comparison) html += comparisonHtml(*o.comparison, o.forPrint);
    if (doc.practice) html += practiceHtml(doc, report, Catalogue::builtin(), o.forPrint);
    html += QStringLiteral("<h2>Acknowledged trade-offs</h2>\n");
    const QStringList acknowledged = acknowledgedTradeoffs(doc, report);
    if (acknowledged.isEmpty()) {
        html += QStringLiteral("<p>None recorded.</p>\n");
    } else {
        html += QStringLiteral("<ul>\n");
        for (const QString& a : acknowledged)
            html += QStringLiteral("<li>%1</li>\n").arg(htmlText(a));
        html += QStringLiteral("</ul>\n");
    }
    html += QStringLiteral("<h2>Assumptions behind the numbers</h2>\n<ul>\n");
    for (const QString& a : reportAssumptions(report))
        html += QStringLiteral("<li>%1</li>\n").arg(htmlText(a));
    html += QStringLiteral("</ul>\n<footer>Made with ArchLens.</footer>\n</body>\n</html>\n");
    return html;
}

} // namespace archlens
