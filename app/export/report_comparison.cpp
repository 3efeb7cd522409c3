#include "report_comparison.h"

#include "archlens/analysis/display_format.h"
#include "report_content.h"
#include "report_html.h"

#include <QStringList>

namespace archlens {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QString h(const std::string& s) {
    return htmlText(s);
}

QString elementItem(const DiffElement& e) {
    return QStringLiteral("<li>%1 <b>%2</b></li>\n")
        .arg(QLatin1String(diffTypeName(e.type)), h(e.name));
}

QString fieldText(const FieldChange& f) {
    return QStringLiteral("%1: %2 → %3").arg(h(f.label), h(f.before), h(f.after));
}

QString findingItem(const FindingDelta& f) {
    return QStringLiteral(
               "<li><span class=\"%1\">%2</span> %3 <span class=\"rule\">[%4]</span></li>\n")
        .arg(QLatin1String(toString(f.severity)), QLatin1String(toString(f.severity)), h(f.title),
             h(f.rule));
}

QString listSection(const QString& heading, const std::vector<DiffElement>& items) {
    if (items.empty()) return {};
    QString html = QStringLiteral("<h3>%1 (%2)</h3>\n<ul>\n").arg(heading).arg(items.size());
    for (const auto& e : items)
        html += elementItem(e);
    return html + QStringLiteral("</ul>\n");
}

QString findingSection(const QString& heading, const std::vector<FindingDelta>& items) {
    if (items.empty()) return {};
    QString html = QStringLiteral("<h3>%1 (%2)</h3>\n<ul>\n").arg(heading).arg(items.size());
    for (const auto& f : items)
        html += findingItem(f);
    return html + QStringLiteral("</ul>\n");
}

QString summaryText(const DesignDiff& d) {
    return QStringLiteral(
               "%1 added, %2 removed, %3 changed, %4 moved; %5 findings appeared, %6 went.")
        .arg(d.added.size())
        .arg(d.removed.size())
        .arg(d.changed.size())
        .arg(d.moved.size())
        .arg(d.findingsAppeared.size())
        .arg(d.findingsGone.size());
}

} // namespace

ReportComparison compareForReport(const Document& doc, const Report& report, const Document& other,
                                  const QString& otherName, const Catalogue& catalogue) {
    const Report otherReport = critique(other, catalogue);
    return {otherName, diffDesigns(other, otherReport, doc, report, catalogue)};
}

QString comparisonHtml(const ReportComparison& c, bool forPrint) {
    const DesignDiff& d = c.diff;
    QString html = QStringLiteral("<h2>Compared with %1</h2>\n").arg(htmlText(c.other));
    html += QStringLiteral("<p class=\"sub\">From %1 (“%2”) to this design: what this design adds, "
                           "removes and changes.</p>\n")
                .arg(htmlText(c.other), h(d.titleBefore));
    if (d.identical()) return html + QStringLiteral("<p>The designs are the same.</p>\n");
    html += QStringLiteral("<p><b>%1</b></p>\n").arg(summaryText(d));
    if (!d.design.empty()) {
        html += QStringLiteral("<h3>Design</h3>\n<ul>\n");
        for (const auto& f : d.design)
            html += QStringLiteral("<li>%1</li>\n").arg(fieldText(f));
        html += QStringLiteral("</ul>\n");
    }
    html += listSection(QStringLiteral("Added"), d.added);
    html += listSection(QStringLiteral("Removed"), d.removed);
    if (!d.changed.empty()) {
        html += QStringLiteral("<h3>Changed (%1)</h3>\n<ul>\n").arg(d.changed.size());
        for (const auto& ch : d.changed) {
            html += QStringLiteral("<li>%1 <b>%2</b><ul>")
                        .arg(QLatin1String(diffTypeName(ch.element.type)), h(ch.element.name));
            for (const auto& f : ch.fields)
                html += QStringLiteral("<li>%1</li>").arg(fieldText(f));
            html += QStringLiteral("</ul></li>\n");
        }
        html += QStringLiteral("</ul>\n");
    }
    html += listSection(QStringLiteral("Moved or resized"), d.moved);
    html += findingSection(QStringLiteral("Findings that appeared"), d.findingsAppeared);
    html += findingSection(QStringLiteral("Findings that went"), d.findingsGone);
    if (!d.flows.empty()) {
        html += QStringLiteral(
            "<h3>Flows</h3>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">"
            "<tr><th>Flow</th><th>Availability</th><th>Difference</th><th>p99</th>"
            "<th>Difference</th></tr>\n");
        const QString num = forPrint ? QStringLiteral("<td align=\"right\">")
                                     : QStringLiteral("<td class=\"num\">");
        for (const auto& f : d.flows)
            html +=
                QStringLiteral(
                    "<tr><td>%1</td>%2%3 → %4</td>%2%5</td>%2%6 → %7</td>%2%8</td></tr>\n")
                    .arg(h(f.name), num, q(availabilityPercent(f.availabilityBefore)),
                         q(availabilityPercent(f.availabilityAfter)),
                         q(availabilityDifferenceText(f.availabilityBefore, f.availabilityAfter)),
                         q(millisecondsText(f.p99Before)), q(millisecondsText(f.p99After)),
                         q(millisecondsDifferenceText(f.p99Before, f.p99After)));
        html += QStringLiteral("</table>\n");
    }
    for (const auto& f : d.flowsOnlyBefore)
        html += QStringLiteral("<p>Only in %1: %2</p>\n").arg(htmlText(c.other), h(f.name));
    for (const auto& f : d.flowsOnlyAfter)
        html += QStringLiteral("<p>Only in this design: %1</p>\n").arg(h(f.name));
    const auto saturation = [](const std::optional<Saturation>& s) {
        return s ? q(multiplierText(s->multiplier)) : QStringLiteral("none within the curves");
    };
    html += QStringLiteral("<p>First saturation: %1 → %2 the declared traffic.</p>\n")
                .arg(saturation(d.saturationBefore), saturation(d.saturationAfter));
    return html;
}

QString comparisonMarkdown(const ReportComparison& c,
                           const std::function<QString(const QString&)>& escape) {
    DiffTextOptions options;
    options.before = c.other.toStdString();
    options.after = "this design";
    options.text = [&](const std::string& s) { return escape(q(s)).toStdString(); };
    return QStringLiteral("## Compared with %1\n\n").arg(escape(c.other)) +
           q(diffToMarkdown(c.diff, options, 3)) + QLatin1Char('\n');
}

} // namespace archlens
