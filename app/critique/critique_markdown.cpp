#include "critique_markdown.h"

#include "xml_text.h"

namespace archlens {

namespace {
QString q(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

QString markdownText(const QString& text) {
    QString out;
    out.reserve(text.size() + 8);
    // Markdown ends up as HTML, where control characters are as unwelcome as in XML.
    for (const QChar ch : xmlSafe(text)) {
        switch (ch.unicode()) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '|':
        case '#':
        case '!':
        case '~':
            out += QLatin1Char('\\');
            out += ch;
            break;
        case '<':
            out += QStringLiteral("&lt;");
            break;
        case '>':
            out += QStringLiteral("&gt;");
            break;
        case '&':
            out += QStringLiteral("&amp;");
            break;
        case '\n':
        case '\r':
            out += QLatin1Char(' ');
            break;
        default:
            out += ch;
        }
    }
    // A leading "-", "+" or "1." would start a list.
    if (!out.isEmpty() && (out[0] == QLatin1Char('-') || out[0] == QLatin1Char('+')))
        out.prepend(QLatin1Char('\\'));
    return out;
}

QString critiqueMarkdown(const Document& doc, const Report& report, const QStringList& pictures,
                         const std::function<QString(const QString&)>& escape) {
    auto md = [&](const std::string& s) { return escape(q(s)); };
    const QString title = doc.title.empty() ? QStringLiteral("Untitled design") : q(doc.title);
    QString text = QStringLiteral("# %1\n\n").arg(escape(title));
    int counts[3] = {0, 0, 0};
    // Open findings only: accepted trade-offs are listed in their own section.
    for (const auto& f : report.findings)
        if (!f.acknowledged) ++counts[int(f.severity)];
    text +=
        QStringLiteral("Critique by ArchLens: %1 components, %2 connections, %3 flows; %4 errors, "
                       "%5 warnings, %6 notes.\n\n")
            .arg(doc.components.size())
            .arg(doc.connections.size())
            .arg(doc.flows.size())
            .arg(counts[2])
            .arg(counts[1])
            .arg(counts[0]);

    text += QStringLiteral("## Requirements\n\n");
    const Requirements& r = doc.requirements;
    if (!r.availability && !r.p99_ms && !r.max_sync_depth && !r.peak_rps)
        text += QStringLiteral("No targets set.\n");
    if (r.availability)
        text += QStringLiteral("- **Availability:** %1 (%2 nines)\n")
                    .arg(q(availabilityPercent(*r.availability)), q(ninesText(*r.availability)));
    if (r.p99_ms)
        text += QStringLiteral("- **p99 latency:** %1\n").arg(q(millisecondsText(*r.p99_ms)));
    if (r.max_sync_depth)
        text +=
            QStringLiteral("- **Synchronous depth:** at most %1 calls\n").arg(*r.max_sync_depth);
    if (r.peak_rps)
        text += QStringLiteral("- **Peak traffic:** %1\n").arg(q(rateText(*r.peak_rps)));
    text += QLatin1Char('\n');

    if (!pictures.isEmpty()) text += QStringLiteral("## Diagram\n\n") + pictures.front();
    // Under a heading of their own, as in the HTML report: without pictures there is no
    // Diagram section for them to follow.
    if (!doc.notes.empty()) text += QStringLiteral("## Notes on the diagram\n\n");
    for (const auto& n : doc.notes)
        text += QStringLiteral("> %1\n\n").arg(md(n.text));

    text += QStringLiteral("## Flows\n\n");
    if (report.flows.empty())
        text += QStringLiteral("The design declares no flows.\n\n");
    else {
        text += QStringLiteral(
            "| Flow | Availability | Nines | Downtime / month | p50 | p99 | Sync depth |\n"
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        bool judged = false;
        for (const auto& f : report.flows) {
            const FlowTargets t = flowTargets(doc, f);
            judged = judged || t.any();
            QString a = q(availabilityPercent(f.availability));
            if (f.availabilityMethod != "exact") a += QStringLiteral(" (simulated)");
            if (t.availability)
                a += t.missesAvailability(f) ? QStringLiteral(" ✗") : QStringLiteral(" ✓");
            QString p99 = q(millisecondsText(f.p99_ms));
            if (t.p99_ms) p99 += t.missesP99(f) ? QStringLiteral(" ✗") : QStringLiteral(" ✓");
            text += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                        .arg(md(f.name.empty() ? f.id : f.name), a, q(ninesText(f.availability)),
                             q(downtimeText(f.downtimeMinPerMonth)), q(millisecondsText(f.p50_ms)),
                             p99, QString::number(f.syncDepth));
        }
        text += QLatin1Char('\n');
        if (judged) text += QStringLiteral("✓ meets the target, ✗ misses it.\n\n");
        if (report.saturation)
            text +=
                QStringLiteral(
                    "The first component to saturate is **%1**, at %2 the declared traffic.\n\n")
                    .arg(escape(componentName(doc, report.saturation->component)),
                         q(multiplierText(report.saturation->multiplier)));
    }
    if (pictures.size() > 1) {
        text += QStringLiteral("## Plots\n\n");
        for (qsizetype i = 1; i < pictures.size(); ++i)
            text += pictures[i];
    }

    text += QStringLiteral("## Findings\n\n");
    if (report.findings.empty()) text += QStringLiteral("No findings.\n\n");
    const SubjectNames names(doc);
    for (Severity severity : {Severity::Error, Severity::Warning, Severity::Info}) {
        if (counts[int(severity)] == 0) continue;
        text += QStringLiteral("### %1 (%2)\n\n")
                    .arg(severityHeading(severity))
                    .arg(counts[int(severity)]);
        for (const auto& f : report.findings) {
            if (f.severity != severity || f.acknowledged) continue;
            QStringList subjects;
            for (const auto& s : f.subjects)
                subjects << escape(names.subject(s));
            text +=
                QStringLiteral("#### %1 `%2`\n\n%3\n\n").arg(md(f.title), q(f.rule), md(f.message));
            if (!subjects.isEmpty())
                text +=
                    QStringLiteral("- **About:** %1\n").arg(subjects.join(QStringLiteral(", ")));
            text += QStringLiteral("- **Guide:** %1\n- **Change:** %2\n- **Next question:** %3\n\n")
                        .arg(md(f.guideSection), md(f.suggestion), md(f.followUp));
        }
    }
    text += QStringLiteral("## Acknowledged trade-offs\n\n");
    const QStringList acknowledged = acknowledgedTradeoffs(doc, report);
    if (acknowledged.isEmpty()) text += QStringLiteral("None recorded.\n\n");
    for (const QString& a : acknowledged)
        text += QStringLiteral("- %1\n").arg(escape(a));
    if (!acknowledged.isEmpty()) text += QLatin1Char('\n');
    text += QStringLiteral("## Assumptions behind the numbers\n\n");
    for (const QString& a : reportAssumptions(report))
        text += QStringLiteral("- %1\n").arg(a);
    return text;
}

} // namespace archlens
