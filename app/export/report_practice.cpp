#include "report_practice.h"

#include "bundled_prompts.h"
#include "report_html.h"

#include "archlens/analysis/score.h"

#include <cmath>

namespace archlens {

namespace {

QString minutesText(double seconds) {
    const auto total = static_cast<long long>(std::llround(seconds));
    return QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

QString phaseTitle(const PracticePhase& p) {
    const PracticePhasePlan* plan = practicePhasePlan(p.id);
    return QString::fromStdString(plan ? plan->title : p.id);
}

QString promptTitle(const PracticeSession& s) {
    const Prompt* p = bundledPrompt(s.prompt);
    return QString::fromStdString(p ? p->title : s.prompt);
}

Scorecard cardOf(const Document& doc, const Report& report, const Catalogue& catalogue) {
    const PracticeFacts facts = practiceFacts(*doc.practice);
    return score(doc, catalogue, report, bundledPrompt(doc.practice->prompt), &facts);
}

QString statusLine(const PracticeSession& s) {
    return (s.finished ? QStringLiteral("A %1-minute session, finished in %2.")
                       : QStringLiteral("A %1-minute session, in progress: %2 used."))
        .arg(s.minutes)
        .arg(minutesText(s.usedSeconds()));
}

} // namespace

QString practiceMarkdown(const Document& doc, const Report& report, const Catalogue& catalogue,
                         const std::function<QString(const QString&)>& escape) {
    if (!doc.practice) return {};
    const PracticeSession& s = *doc.practice;
    QString md = QStringLiteral("## Practice interview: %1\n\n%2\n\n")
                     .arg(escape(promptTitle(s)), statusLine(s));
    md += QStringLiteral("| Phase | Planned | Used | Checklist |\n| --- | --- | --- | --- |\n");
    for (const auto& p : s.phases) {
        const PracticePhasePlan* plan = practicePhasePlan(p.id);
        md += QStringLiteral("| %1 | %2 | %3 | %4 of %5 |\n")
                  .arg(phaseTitle(p), minutesText(p.planned_s), minutesText(p.used_s))
                  .arg(p.checked.size())
                  .arg(plan ? plan->checklist.size() : 0);
    }
    bool anyNotes = false;
    for (const auto& p : s.phases)
        if (!p.notes.empty()) {
            if (!anyNotes) md += QStringLiteral("\n### Notes\n");
            anyNotes = true;
            md += QStringLiteral("\n**%1.** %2\n")
                      .arg(phaseTitle(p), escape(QString::fromStdString(p.notes)));
        }
    // The scorecard's own Markdown, its headings moved under this section's.
    const QString card = QString::fromStdString(
        scorecardMarkdown(cardOf(doc, report, catalogue), [&](const std::string& t) {
            return escape(QString::fromStdString(t)).toStdString();
        }));
    md += QLatin1Char('\n');
    for (const QString& line : card.split(QLatin1Char('\n')))
        md += (line.startsWith(QLatin1Char('#')) ? QStringLiteral("##") + line : line) +
              QLatin1Char('\n');
    if (!s.answers.empty()) {
        md += QStringLiteral("\n### Questions answered\n\n");
        for (const auto& a : s.answers)
            md += QStringLiteral("- **%1** %2\n")
                      .arg(escape(QString::fromStdString(a.question)),
                           a.answer.empty() ? QStringLiteral("(no answer)")
                                            : escape(QString::fromStdString(a.answer)));
    }
    return md;
}

QString practiceHtml(const Document& doc, const Report& report, const Catalogue& catalogue,
                     bool forPrint) {
    if (!doc.practice) return {};
    (void)forPrint; // plain headings, tables and lists: Qt's rich text lays them out as is
    const PracticeSession& s = *doc.practice;
    QString html = QStringLiteral("<h2>Practice interview: %1</h2>\n<p>%2</p>\n")
                       .arg(htmlText(promptTitle(s)), statusLine(s));
    html += QStringLiteral("<table>\n<tr><th>Phase</th><th>Planned</th><th>Used</th>"
                           "<th>Checklist</th></tr>\n");
    for (const auto& p : s.phases) {
        const PracticePhasePlan* plan = practicePhasePlan(p.id);
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4 of %5</td></tr>\n")
                    .arg(htmlText(phaseTitle(p)), minutesText(p.planned_s), minutesText(p.used_s))
                    .arg(p.checked.size())
                    .arg(plan ? plan->checklist.size() : 0);
    }
    html += QStringLiteral("</table>\n");
    for (const auto& p : s.phases)
        if (!p.notes.empty())
            html += QStringLiteral("<p><b>%1.</b> %2</p>\n")
                        .arg(htmlText(phaseTitle(p)), htmlText(p.notes));
    const Scorecard card = cardOf(doc, report, catalogue);
    html += QStringLiteral("<h3>Score: %1/100</h3>\n")
                .arg(QString::fromStdString(pointsText(card.total)));
    for (const auto& c : card.categories) {
        html += QStringLiteral("<h4>%1: %2/%3</h4>\n<ul>\n")
                    .arg(htmlText(c.title), QString::fromStdString(pointsText(c.points)),
                         QString::fromStdString(pointsText(c.max)));
        for (const ScoreLine* l : card.linesOf(c.id))
            html += QStringLiteral("<li><b>%1</b> %2</li>\n")
                        .arg(QString::fromStdString(l->max > 0 ? pointsText(l->points) + "/" +
                                                                     pointsText(l->max)
                                                               : pointsText(l->points)),
                             htmlText(l->reason));
        html += QStringLiteral("</ul>\n");
    }
    for (const auto& n : card.notes)
        html += QStringLiteral("<p>%1</p>\n").arg(htmlText(n));
    if (!s.answers.empty()) {
        html += QStringLiteral("<h3>Questions answered</h3>\n<dl>\n");
        for (const auto& a : s.answers)
            html += QStringLiteral("<dt>%1</dt><dd>%2</dd>\n")
                        .arg(htmlText(a.question),
                             a.answer.empty() ? QStringLiteral("(no answer)") : htmlText(a.answer));
        html += QStringLiteral("</dl>\n");
    }
    return html;
}

} // namespace archlens
