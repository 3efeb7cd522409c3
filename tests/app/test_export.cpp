// Export and reports: every example to every diagram and report format, checked value by
// value (XML parses and names every component, page counts, image sizes, every finding in
// the reports), and a design full of hostile names that must stay text everywhere.
#include "archlens/analysis/report_json.h"
#include "archlens/model/catalogue.h"
#include "archlens/model/document_io.h"
#include "diagram_export.h"
#include "diagram_geometry.h"
#include "drawio_export.h"
#include "export_file.h"
#include "mermaid_export.h"
#include "report_content.h"
#include "report_export.h"
#include "report_html.h"
#include "report_markdown.h"
#include "report_pdf.h"
#include "plot_builder.h"
#include "plot_item.h"
#include "diagram_theme.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QXmlStreamReader>
#include <cmath>
#include <iterator>
#include <qcustomplot.h>

using namespace archlens;

namespace {

const Catalogue& cat() {
    return Catalogue::builtin();
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

Document load(const QString& path) {
    auto loaded = readDocumentFile(path.toStdString(), cat());
    if (!loaded.ok()) qFatal("cannot load %s", qPrintable(path));
    return *loaded.document;
}

QStringList examples() {
    QStringList out;
    const QDir dir(QStringLiteral(ARCHLENS_RESOURCES_DIR "/examples"));
    for (const QString& f : dir.entryList({QStringLiteral("*.archlens")}, QDir::Files, QDir::Name))
        out << dir.filePath(f);
    return out;
}

/// Parses XML and returns its text and attribute values, decoded, one per entry; sets
/// `error` when it is not well-formed.
QStringList xmlTexts(const QByteArray& xml, QString* error) {
    QStringList out;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isCharacters()) out << reader.text().toString();
        if (reader.isStartElement())
            for (const auto& a : reader.attributes())
                out << a.value().toString();
    }
    if (reader.hasError()) *error = reader.errorString();
    return out;
}

bool anyContains(const QStringList& texts, const QString& needle) {
    for (const QString& t : texts)
        if (t.contains(needle)) return true;
    return false;
}

/// Pages of a PDF: its page objects (not the /Pages tree nodes).
int pdfPages(const QByteArray& pdf) {
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    return int(QString::fromLatin1(pdf).count(page));
}

const char* const kHostile = "<script>alert(1)</script> & \"quoted\" 'single' <img src=x onerror=alert(2)>";

/// A small design whose every user text is hostile.
Document hostileDesign() {
    Document doc = load(QStringLiteral(ARCHLENS_RESOURCES_DIR "/examples/url-shortener.archlens"));
    doc.title = kHostile;
    for (auto& c : doc.components)
        c.name = std::string(kHostile) + " " + c.id;
    for (auto& f : doc.flows)
        f.name = kHostile;
    for (auto& n : doc.notes)
        n.text = kHostile;
    return doc;
}

/// Names that something downstream could take for something other than text: control
/// characters (forbidden in XML; ESC starts a terminal colour), QString::arg placeholders,
/// backslashes, a Mermaid directive, a right-to-left override and a line break.
const char* const kTitle = "T \\ back\\slash \"q\" %1 %2 \x01\x1b[31m %%{init: {\"theme\":\"dark\"}}%%";
const char* const kNames[] = {"ctl\x01\x1b[31mred\x7f", "pct %1 %2", "back\\slash",
                              "%%{init: {\"theme\":\"dark\"}}%%", "rtl \u202e evil", "two\nlines"};
const char* const kFlowName = "flow %1 %2 \x1b[0m";
/// A component whose id XML cannot hold as it is ("dns" plus U+0002).
const char* const kControlId = "dns\x02";

Document controlDesign() {
    Document doc = load(QStringLiteral(ARCHLENS_RESOURCES_DIR "/examples/url-shortener.archlens"));
    doc.title = kTitle;
    for (size_t i = 0; i < doc.components.size(); ++i)
        doc.components[i].name = std::string(kNames[i % std::size(kNames)]) + " " + doc.components[i].id;
    for (auto& c : doc.components)
        if (c.id == "dns") c.id = kControlId;
    for (auto& c : doc.connections) {
        if (c.from == "dns") c.from = kControlId;
        if (c.to == "dns") c.to = kControlId;
    }
    for (auto& f : doc.flows)
        f.name = kFlowName;
    for (auto& n : doc.notes)
        n.text = "%%{init: {\"theme\":\"dark\"}}%%\nnote \x01 line";
    for (auto& z : doc.zones)
        z.region = "reg\x02ion";
    // The component the load saturates first is named in a sentence with a number after it.
    const Report report = critique(doc, cat());
    for (auto& c : doc.components)
        if (report.saturation && c.id == report.saturation->component) c.name = "sat %1 %2";
    return doc;
}

/// A name as a reader sees it once an XML file is parsed: forbidden characters shown as
/// U+FFFD.
QString xmlVisible(const char* name) {
    QString out;
    for (const QChar ch : QString::fromUtf8(name))
        out += ch.unicode() < 0x20 && ch != QLatin1Char('\n') ? QChar(QChar::ReplacementCharacter) : ch;
    return out;
}

/// The first byte XML 1.0 forbids (a C0 control other than tab, newline and carriage
/// return), or -1.
int forbiddenByte(const QByteArray& bytes) {
    for (int i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') return i;
    }
    return -1;
}

/// A Mermaid label as Mermaid shows it: its entity codes decoded.
QString mermaidDecoded(QString label) {
    static const QRegularExpression code(QStringLiteral("#(\\d+|quot|amp|lt|gt);"));
    QString out;
    qsizetype at = 0;
    for (auto it = code.globalMatch(label); it.hasNext();) {
        const auto m = it.next();
        out += label.mid(at, m.capturedStart() - at);
        const QString c = m.captured(1);
        out += c == "quot" ? QStringLiteral("\"")
               : c == "amp" ? QStringLiteral("&")
               : c == "lt"  ? QStringLiteral("<")
               : c == "gt"  ? QStringLiteral(">")
                            : QString(QChar(c.toInt()));
        at = m.capturedEnd();
    }
    return out + label.mid(at);
}

} // namespace

class ExportTest : public QObject {
    Q_OBJECT

private slots:
    void formatsFromExtensions() {
        QCOMPARE(diagramFormatForPath("a/b.SVG"), std::optional(DiagramFormat::Svg));
        QCOMPARE(diagramFormatForPath("x.drawio"), std::optional(DiagramFormat::Drawio));
        QCOMPARE(diagramFormatForPath("x.mmd"), std::optional(DiagramFormat::Mermaid));
        QVERIFY(!diagramFormatForPath("x.jpg"));
        QVERIFY(!diagramFormatForPath("noextension"));
        QCOMPARE(reportFormatForPath("r.htm"), std::optional(ReportFormat::Html));
        QCOMPARE(reportFormatForPath("r.md"), std::optional(ReportFormat::Markdown));
        QVERIFY(!reportFormatForPath("r.svg"));
    }

    void atomicWriteReportsUnwritablePaths() {
        QTemporaryDir dir;
        const QString good = dir.filePath("out.txt");
        QCOMPARE(writeFileAtomically(good, "first"), QString());
        const QString missing = dir.filePath("no/such/folder/out.svg");
        const QString error = writeFileAtomically(missing, "x");
        QVERIFY(error.contains(missing));
        QVERIFY(writeFileAtomically(dir.path(), "x").contains("folder"));
        QCOMPARE(writeFileAtomically(good, "second"), QString());
        QFile f(good);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("second"));
        // No temporary files are left beside the target.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"out.txt"});
    }

    void exportsWriteThroughSymbolicLinks() {
        QTemporaryDir dir;
        const QString target = dir.filePath("real.svg");
        const QString link = dir.filePath("link.svg");
        QCOMPARE(writeFileAtomically(target, "old"), QString());
        QVERIFY(QFile::link(target, link));
        QCOMPARE(writeFileAtomically(link, "new"), QString());
        QVERIFY(QFileInfo(link).isSymLink());
        QFile f(target);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("new"));
    }

    void aFullDiskIsNamedAndLeavesNoFile() {
        // A small file system of our own to fill: needs mount rights (root, as in CI).
        QTemporaryDir dir;
        const QString mountPoint = dir.filePath("small");
        QDir().mkpath(mountPoint);
        if (QProcess::execute("mount", {"-t", "tmpfs", "-o", "size=16k", "tmpfs", mountPoint}) != 0)
            QSKIP("cannot mount a small file system here");
        const QString out = mountPoint + "/big.png";
        const QString error = writeFileAtomically(out, QByteArray(256 * 1024, 'x'));
        const QStringList left = QDir(mountPoint).entryList(QDir::Files | QDir::Hidden);
        QProcess::execute("umount", {mountPoint});
        QVERIFY2(error.contains(out), qPrintable(error));
        QVERIFY2(error.contains("No space left on device"), qPrintable(error));
        QVERIFY2(left.isEmpty(), qPrintable(left.join(", ")));
    }

    void diagramFormats_data() {
        QTest::addColumn<QString>("file");
        for (const QString& f : examples())
            QTest::newRow(qPrintable(QFileInfo(f).baseName())) << f;
    }

    void diagramFormats() {
        QFETCH(QString, file);
        const Document doc = load(file);
        QVERIFY(!doc.components.empty());
        QString error;
        const DiagramRenderOptions options;

        // SVG: well-formed and names every component.
        const QByteArray svg = exportDiagram(doc, cat(), DiagramFormat::Svg, options, 1, &error);
        QVERIFY2(!svg.isEmpty(), qPrintable(error));
        QString xmlError;
        const QStringList svgTexts = xmlTexts(svg, &xmlError);
        QVERIFY2(xmlError.isEmpty(), qPrintable(xmlError));
        QVERIFY(svg.contains("<svg"));
        for (const auto& c : doc.components)
            QVERIFY2(anyContains(svgTexts, q(c.name)), c.name.c_str());

        // draw.io: well-formed, one vertex per component with its name, one edge per connection.
        const QByteArray drawio = exportDiagram(doc, cat(), DiagramFormat::Drawio, options, 1, &error);
        QXmlStreamReader reader(drawio);
        QHash<QString, QString> values;
        int edges = 0;
        while (!reader.atEnd()) {
            reader.readNext();
            if (!reader.isStartElement() || reader.name() != QLatin1String("mxCell")) continue;
            const auto a = reader.attributes();
            if (a.value("edge") == QLatin1String("1")) {
                ++edges;
                QVERIFY(a.value("source").startsWith(QLatin1String("component-")));
            }
            values.insert(a.value("id").toString(), a.value("value").toString());
            // Zone frames are pale, as on the canvas (their translucent fill blended, not solid).
            if (a.value("id").startsWith(QLatin1String("zone-"))) {
                static const QRegularExpression fill(QStringLiteral("fillColor=(#[0-9a-f]{6});"));
                const auto m = fill.match(a.value("style").toString());
                QVERIFY(m.hasMatch());
                QVERIFY2(QColor(m.captured(1)).lightness() > 200, qPrintable(m.captured(1)));
            }
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(edges, int(doc.connections.size()));
        for (const auto& c : doc.components)
            QVERIFY(values.value("component-" + q(c.id)).startsWith(q(c.name)));

        // PDF: one page.
        const QByteArray pdf = exportDiagram(doc, cat(), DiagramFormat::Pdf, options, 1, &error);
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(pdfPages(pdf), 1);

        // PNG at 1x and 2x: the export bounds times the scale.
        const QRectF bounds = diagramExportBounds(doc);
        for (double scale : {1.0, 2.0}) {
            const QByteArray png = exportDiagram(doc, cat(), DiagramFormat::Png, options, scale, &error);
            QImage image;
            QVERIFY(image.loadFromData(png, "PNG"));
            QCOMPARE(image.size(), QSize(int(std::ceil(bounds.width() * scale)),
                                         int(std::ceil(bounds.height() * scale))));
        }

        // Mermaid: every component as a node with its name, every connection as an edge.
        const QString mmd = QString::fromUtf8(exportDiagram(doc, cat(), DiagramFormat::Mermaid, options, 1, &error));
        QVERIFY(mmd.contains("flowchart "));
        QHash<QString, QString> node;
        static const QRegularExpression nodeLine(QStringLiteral("^\\s*(n\\d+)\\[\"([^\"]*)\"\\]$"),
                                                 QRegularExpression::MultilineOption);
        for (auto it = nodeLine.globalMatch(mmd); it.hasNext();) {
            const auto m = it.next();
            node.insert(m.captured(2).section(QStringLiteral("<br/>"), 0, 0), m.captured(1));
        }
        QCOMPARE(node.size(), int(doc.components.size()));
        QHash<QString, QString> nodeOfId;
        for (const auto& c : doc.components) {
            QVERIFY2(node.contains(mermaidText(q(c.name))), c.name.c_str());
            nodeOfId.insert(q(c.id), node.value(mermaidText(q(c.name))));
        }
        for (const auto& c : doc.connections) {
            const QString arrow = c.mode == ConnectionMode::Async         ? "-.->"
                                  : c.mode == ConnectionMode::Replication ? "==>"
                                                                          : "-->";
            const QRegularExpression edge(QStringLiteral("^\\s*%1 %2(\\|[^|]*\\|)? %3$")
                                              .arg(nodeOfId.value(q(c.from)), QRegularExpression::escape(arrow),
                                                   nodeOfId.value(q(c.to))),
                                          QRegularExpression::MultilineOption);
            QVERIFY2(edge.match(mmd).hasMatch(), c.id.c_str());
        }
    }

    void pngAtFourTimesOfASelection() {
        const Document doc = load(examples().front());
        DiagramRenderOptions options;
        options.selection = {q(doc.components[0].id)};
        QString error;
        const QByteArray png = exportDiagram(doc, cat(), DiagramFormat::Png, options, 4, &error);
        QImage image;
        QVERIFY2(image.loadFromData(png, "PNG"), qPrintable(error));
        const QRectF bounds = diagramExportBounds(selectDiagram(doc, options.selection));
        QCOMPARE(image.size(), QSize(int(std::ceil(bounds.width() * 4)), int(std::ceil(bounds.height() * 4))));
        // One card and its margins (and its zone frame, if any): far smaller than the whole.
        QVERIFY(bounds.width() < diagramExportBounds(doc).width());
    }

    void largeDiagramGetsALargerLandscapeSheet() {
        Document doc = load(QStringLiteral(ARCHLENS_RESOURCES_DIR "/examples/url-shortener.archlens"));
        // Spread the design out to about 5000 x 2500 units: too small to read on A4.
        for (auto& c : doc.components) {
            c.x *= 4;
            c.y *= 4;
        }
        const QRectF bounds = diagramExportBounds(doc);
        QVERIFY(bounds.width() > 4000 && bounds.width() > bounds.height());
        const QByteArray pdf = renderDiagramPdf(doc, cat(), {});
        QCOMPARE(pdfPages(pdf), 1);
        static const QRegularExpression box(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"));
        const auto m = box.match(QString::fromLatin1(pdf));
        QVERIFY(m.hasMatch());
        const double w = m.captured(1).toDouble(), h = m.captured(2).toDouble();
        QVERIFY2(w > h, "landscape");
        QVERIFY2(w > 842 * 1.5, qPrintable(QString::number(w))); // larger than A4 (842 pt wide)
        // Readable: at least 0.55 of 1:1 (a unit is 0.75 pt) unless even A0 is too small.
        const double k = std::min((w - 2 * 28.35) / bounds.width(), (h - 2 * 28.35) / bounds.height());
        QVERIFY2(k >= 0.55 * 0.75 - 1e-6 || w >= 3370, qPrintable(QString::number(k)));
    }

    void selectionKeepsOnlyWhatIsSelected() {
        const Document doc = load(QStringLiteral(ARCHLENS_RESOURCES_DIR "/examples/url-shortener.archlens"));
        const Connection& c = doc.connections.front();
        QStringList unknown;
        const Document part = selectDiagram(doc, {q(c.from), q(c.to), "nonsense"}, &unknown);
        QCOMPARE(unknown, QStringList{"nonsense"});
        QCOMPARE(int(part.components.size()), c.from == c.to ? 1 : 2);
        for (const auto& k : part.connections) {
            QVERIFY(part.component(k.from));
            QVERIFY(part.component(k.to));
        }
        QString error;
        DiagramRenderOptions options;
        options.selection = {"nonsense"};
        QVERIFY(exportDiagram(doc, cat(), DiagramFormat::Svg, options, 1, &error).isEmpty());
        QVERIFY(error.contains("nonsense"));
        // A zone's id selects the components placed in it.
        if (!doc.zones.empty()) {
            const Document zone = selectDiagram(doc, {q(doc.zones.front().id)});
            QVERIFY(!zone.components.empty());
            QVERIFY(zone.components.size() < doc.components.size());
        }
    }

    void backgroundAndBadges() {
        const Document doc = load(QStringLiteral(ARCHLENS_RESOURCES_DIR "/examples/ecommerce-checkout.archlens"));
        const Report report = critique(doc, cat());
        DiagramRenderOptions white;
        white.whiteBackground = true;
        const QImage plain = renderDiagramImage(doc, cat(), white, 1);
        QCOMPARE(plain.pixelColor(1, 1), QColor(Qt::white));
        const QImage themed = renderDiagramImage(doc, cat(), DiagramRenderOptions{}, 1);
        QCOMPARE(themed.pixelColor(1, 1).rgb(), DiagramTheme::light().background.rgb());
        // A component named by an error finding gets a red badge on its top-right corner.
        const auto badges = severityBadges(doc, report);
        const Component* named = nullptr;
        for (const auto& c : doc.components)
            if (badges.value(q(c.id)).severity == int(Severity::Error)) named = &c;
        QVERIFY(named);
        DiagramRenderOptions withBadges = white;
        withBadges.badges = &report;
        const QImage badged = renderDiagramImage(doc, cat(), withBadges, 1);
        const QRectF box = geometry::componentRect(*named).translated(-diagramExportBounds(doc).topLeft());
        // The badge's centre is 2 px right of and above the corner; sample below the digit.
        const QPoint centre(int(box.right() + 2), int(box.top() - 2) + 7);
        const QColor c = badged.pixelColor(centre);
        QVERIFY2(c.red() > 150 && c.green() < 100 && c.blue() < 100, qPrintable(c.name()));
        QVERIFY(plain.pixelColor(centre) != c);
    }

    void subjectNamesByIdSayWhatTheScanSays() {
        // SubjectNames (the reports' look-up by id) against the document's own scans, on a
        // design with a duplicate id (the first element wins in both) and unknown ids.
        Document doc = load(examples().front());
        QVERIFY(doc.components.size() >= 2 && !doc.connections.empty() && !doc.flows.empty());
        Component twin = doc.components.front();
        twin.name = "a later twin";
        doc.components.push_back(twin);
        doc.components[1].name.clear(); // named by its id
        std::vector<std::string> ids{"no-such-id", ""};
        for (const auto& c : doc.components)
            ids.push_back(c.id);
        for (const auto& c : doc.connections)
            ids.push_back(c.id);
        for (const auto& z : doc.zones)
            ids.push_back(z.id);
        for (const auto& f : doc.flows)
            ids.push_back(f.id);
        const SubjectNames names(doc);
        auto scanned = [&](const std::string& id) {
            if (doc.component(id)) return componentName(doc, id);
            if (const Connection* c = doc.connection(id))
                return componentName(doc, c->from) + QStringLiteral(" → ") +
                       componentName(doc, c->to);
            if (const Zone* z = doc.zone(id)) return QStringLiteral("zone ") + q(z->id);
            if (const Flow* f = doc.flow(id)) return q(f->name.empty() ? f->id : f->name);
            return q(id);
        };
        for (const auto& id : ids) {
            QCOMPARE(names.subject(id), scanned(id));
            QCOMPARE(names.component(id), componentName(doc, id));
        }
        QCOMPARE(names.subject(doc.components.front().id), q(doc.components.front().name));
        QCOMPARE(names.subject(doc.components[1].id), q(doc.components[1].id));
        const Connection& first = doc.connections.front();
        QVERIFY(names.subject(first.id).contains(QStringLiteral(" → ")));
    }

    void aLargeDesignsReportPictureKeepsWithinItsBudget() {
        // Small designs keep 2x; one wider than the budget is scaled down to it.
        QCOMPARE(reportDiagramScale(QRectF(0, 0, 1200, 800)), 2.0);
        QCOMPARE(reportDiagramScale(QRectF(0, 0, 81920, 100)), 0.1);
        const double square = reportDiagramScale(QRectF(0, 0, 6000, 6000));
        QVERIFY(square * square * 36e6 <= kReportDiagramMaxPixels * (1 + 1e-9));
        QVERIFY(square > 0.8);

        // The report of a design 200,000 px tall: its picture fits the budget.
        Document doc = load(examples().front());
        doc.components.back().y = 200000;
        const QRectF bounds = diagramExportBounds(doc);
        QVERIFY(bounds.height() > 200000);
        const Report report = critique(doc, cat());
        const auto images = reportImages(doc, cat(), report);
        QVERIFY(!images.empty());
        const QImage& diagram = images.front().image;
        QVERIFY(!diagram.isNull());
        QVERIFY2(diagram.height() <= kReportDiagramMaxSide + 1,
                 qPrintable(QString::number(diagram.height())));
        QVERIFY(diagram.height() > kReportDiagramMaxSide / 2);
        QVERIFY(double(diagram.width()) * diagram.height() <=
                kReportDiagramMaxPixels + diagram.height());
    }

    void reports_data() { diagramFormats_data(); }

    void reports() {
        QFETCH(QString, file);
        const Document doc = load(file);
        const Report report = critique(doc, cat());
        QVERIFY(!report.findings.empty());
        const std::vector<ReportImage> images = reportImages(doc, cat(), report);
        QCOMPARE(int(images.size()), 5); // diagram, availability, utilisation, waterfall, load curves
        for (const auto& image : images)
            QVERIFY2(!image.image.isNull() && image.image.width() > 100, qPrintable(image.name));

        // HTML: self-contained, every finding with its texts, the flows table.
        const QString html = reportHtml(doc, report, images);
        QVERIFY(!html.contains("<script", Qt::CaseInsensitive));
        QVERIFY(!html.contains("<link", Qt::CaseInsensitive));
        QVERIFY(!html.contains("src=\"http"));
        QCOMPARE(html.count("src=\"data:image/png;base64,"), int(images.size()));
        for (const auto& f : report.findings) {
            QVERIFY2(html.contains(htmlText(f.title)), f.title.c_str());
            QVERIFY2(html.contains(htmlText(f.message)), f.message.c_str());
            QVERIFY(html.contains(htmlText(f.guideSection)));
            QVERIFY(html.contains(htmlText(f.followUp)));
        }
        for (const auto& f : report.flows)
            QVERIFY(html.contains(q(availabilityPercent(f.availability))));
        QVERIFY(html.contains("Acknowledged trade-offs"));
        QVERIFY(html.contains("Assumptions behind the numbers"));

        // PDF: the pages QTextDocument lays out, every finding on them.
        QTextDocument text;
        layoutReportForPrint(text, doc, report, images);
        const QString plain = text.toPlainText();
        for (const auto& f : report.findings)
            QVERIFY2(plain.contains(q(f.title)), f.title.c_str());
        const QByteArray pdf = reportPdf(doc, report, images);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(text.pageCount() >= 3);
        QCOMPARE(pdfPages(pdf), text.pageCount());

        // Markdown: the report and its pictures beside it, linked by name.
        QTemporaryDir dir;
        const auto files = reportMarkdown(doc, report, images, dir.filePath("critique.md"));
        QCOMPARE(int(files.size()), 1 + int(images.size()));
        const QString md = QString::fromUtf8(files[0].data);
        for (size_t i = 1; i < files.size(); ++i) {
            QVERIFY(files[i].path.startsWith(dir.path()));
            QVERIFY(md.contains("(<" + QFileInfo(files[i].path).fileName() + ">)"));
            QImage png;
            QVERIFY(png.loadFromData(files[i].data, "PNG"));
        }
        for (const auto& f : report.findings)
            QVERIFY2(md.contains(markdownText(q(f.title))), f.title.c_str());

        // JSON: exactly the schema of `archlens check --format json`.
        const auto json = buildReport(doc, cat(), ReportFormat::Json, dir.filePath("r.json"), &report, "x.archlens");
        Json expected = reportToJson(doc, report);
        expected["file"] = "x.archlens";
        expected["valid"] = true;
        // Byte for byte as dump writes the tree, the newline at the end added.
        QCOMPARE(json.at(0).data.toStdString(), expected.dump(2) + "\n");
    }

    void hostileNamesStayText() {
        const Document doc = hostileDesign();
        const Report report = critique(doc, cat());
        const QString hostile = QString::fromUtf8(kHostile);
        QString error;
        for (DiagramFormat format : {DiagramFormat::Svg, DiagramFormat::Drawio}) {
            const QByteArray xml = exportDiagram(doc, cat(), format, DiagramRenderOptions{}, 1, &error);
            QVERIFY(!xml.contains("<script"));
            QVERIFY(!xml.contains("<img"));
            QString xmlError;
            const QStringList texts = xmlTexts(xml, &xmlError);
            QVERIFY2(xmlError.isEmpty(), qPrintable(xmlError));
            // The name comes back whole once the XML is parsed: it was text all along.
            QVERIFY(anyContains(texts, hostile));
        }
        const QString mmd = QString::fromUtf8(exportDiagram(doc, cat(), DiagramFormat::Mermaid, {}, 1, &error));
        QVERIFY(!mmd.contains("<script"));
        QVERIFY(!mmd.contains("\"quoted\""));
        QVERIFY(mmd.contains("#lt;script#gt;alert(1)#lt;/script#gt; #amp; #quot;quoted#quot;"));

        const auto images = reportImages(doc, cat(), report);
        const QString html = reportHtml(doc, report, images);
        QVERIFY(!html.contains("<script"));
        QVERIFY(!html.contains("<img src=x"));
        QVERIFY(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;"));
        QTemporaryDir dir;
        const auto md = reportMarkdown(doc, report, images, dir.filePath("r.md"));
        QVERIFY(!md[0].data.contains("<script"));
        QVERIFY(!md[0].data.contains("<img src=x"));
        // The PDF shows the name as text.
        QTextDocument text;
        layoutReportForPrint(text, doc, report, images);
        QVERIFY(text.toPlainText().contains(hostile));
    }

    void controlCharactersLeaveSvgAndDrawioWellFormed() {
        const Document doc = controlDesign();
        QString error;
        const QByteArray svg = exportDiagram(doc, cat(), DiagramFormat::Svg, {}, 1, &error);
        QVERIFY2(!svg.isEmpty(), qPrintable(error));
        QCOMPARE(forbiddenByte(svg), -1);
        QString xmlError;
        const QStringList svgTexts = xmlTexts(svg, &xmlError);
        QVERIFY2(xmlError.isEmpty(), qPrintable(xmlError));
        for (const char* name : kNames) {
            // Line breaks end a card's line; the first line is there as it is.
            const QString visible = xmlVisible(name).section(QLatin1Char('\n'), 0, 0);
            QVERIFY2(anyContains(svgTexts, visible), qPrintable(visible));
        }
        QVERIFY(anyContains(svgTexts, QStringLiteral("red")));
        QVERIFY(anyContains(svgTexts, xmlVisible(kTitle)));

        const QByteArray drawio = exportDiagram(doc, cat(), DiagramFormat::Drawio, {}, 1, &error);
        QCOMPARE(forbiddenByte(drawio), -1);
        QXmlStreamReader reader(drawio);
        QSet<QString> ids;
        QStringList values;
        QList<QPair<QString, QString>> edges;
        QString diagramName;
        while (!reader.atEnd()) {
            reader.readNext();
            if (!reader.isStartElement()) continue;
            const auto a = reader.attributes();
            if (reader.name() == QLatin1String("diagram")) diagramName = a.value("name").toString();
            if (reader.name() != QLatin1String("mxCell")) continue;
            const QString id = a.value("id").toString();
            QVERIFY2(!ids.contains(id), qPrintable(id));
            ids.insert(id);
            values << a.value("value").toString();
            if (a.value("edge") == QLatin1String("1"))
                edges.append({a.value("source").toString(), a.value("target").toString()});
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(diagramName, xmlVisible(kTitle));
        for (const char* name : kNames)
            QVERIFY2(anyContains(values, xmlVisible(name)), name);
        // The element whose id XML cannot hold is named by its place, and its edges follow.
        QVERIFY(ids.contains(QStringLiteral("component#2")));
        QCOMPARE(edges.size(), int(doc.connections.size()));
        int toControlId = 0;
        for (const auto& [source, target] : edges) {
            QVERIFY2(ids.contains(source) && ids.contains(target), qPrintable(source + " -> " + target));
            toControlId += target == QLatin1String("component#2");
        }
        QCOMPARE(toControlId, 1); // client -> dns
        QVERIFY(ids.contains(QStringLiteral("component-client")));
    }

    void mermaidKeepsEveryNameALabel() {
        const Document doc = controlDesign();
        QString error;
        const QString mmd = QString::fromUtf8(exportDiagram(doc, cat(), DiagramFormat::Mermaid, {}, 1, &error));
        const QStringList lines = mmd.split(QLatin1Char('\n'));
        QVERIFY(lines.size() > 5);
        // The front matter is intact: three lines, the title one YAML double-quoted scalar.
        QCOMPARE(lines[0], QStringLiteral("---"));
        const QString fffd(2, QChar(QChar::ReplacementCharacter));
        // Spelled without raw string literals, which moc 6.4 does not read.
        QCOMPARE(lines[1], QStringLiteral("title: \"T \\\\ back\\\\slash \\\"q\\\" \\x251 \\x252 ") + fffd +
                               QStringLiteral("[31m \\x25\\x25{init: {\\\"theme\\\":\\\"dark\\\"}}\\x25\\x25\""));
        QCOMPARE(lines[2], QStringLiteral("---"));
        QVERIFY(lines[3].startsWith(QLatin1String("flowchart ")));
        // No directive anywhere (Mermaid finds them mid-line too), no control character.
        QVERIFY(!mmd.contains(QLatin1String("%%{")));
        for (const QString& line : lines) {
            QVERIFY2(!line.trimmed().startsWith(QLatin1String("%%{")), qPrintable(line));
            for (const QChar ch : line)
                QVERIFY2(ch.unicode() >= 0x20 && (ch.unicode() < 0x7f || ch.unicode() > 0x9f), qPrintable(line));
        }
        // One node line per component, its label the name as written (line break as a space).
        static const QRegularExpression nodeLine(QStringLiteral("^\\s*(n\\d+)\\[\"([^\"]*)\"\\]$"),
                                                 QRegularExpression::MultilineOption);
        QStringList labels;
        for (auto it = nodeLine.globalMatch(mmd); it.hasNext();)
            labels << mermaidDecoded(it.next().captured(2).section(QStringLiteral("<br/>"), 0, 0));
        QCOMPARE(labels.size(), int(doc.components.size()));
        for (const auto& c : doc.components) {
            QString expected;
            for (const QChar ch : q(c.name))
                expected += ch == QLatin1Char('\n')                        ? QChar(QLatin1Char(' '))
                            : ch.unicode() < 0x20 || ch.unicode() == 0x7f ? QChar(QChar::ReplacementCharacter)
                                                                          : ch;
            QVERIFY2(labels.contains(expected), qPrintable(expected));
        }
        static const QRegularExpression edgeLine(QStringLiteral("^    n\\d+ (-->|-\\.->|==>)(\\|\"[^\"]*\"\\|)? n\\d+$"),
                                                 QRegularExpression::MultilineOption);
        int edges = 0;
        for (auto it = edgeLine.globalMatch(mmd); it.hasNext(); it.next())
            ++edges;
        QCOMPARE(edges, int(doc.connections.size()));
    }

    void reportsKeepPlaceholdersInNames() {
        const Document doc = controlDesign();
        const Report report = critique(doc, cat());
        QVERIFY(report.saturation.has_value());
        const QString multiplier = QString::fromStdString(multiplierText(report.saturation->multiplier));
        QTemporaryDir dir;
        const auto md = reportMarkdown(doc, report, {}, dir.filePath("r.md"));
        const QString text = QString::fromUtf8(md[0].data);
        QCOMPARE(forbiddenByte(md[0].data), -1);
        // Each flow's row names the flow with its "%1 %2" and ends with its own sync depth.
        const QString row = "| " + markdownText(QString::fromUtf8(kFlowName)) + " | ";
        QCOMPARE(row, QStringLiteral("| flow %1 %2 \uFFFD\\[0m | "));
        QStringList depths;
        for (const QString& line : text.split(QLatin1Char('\n')))
            if (line.startsWith(row)) depths << line.section(QLatin1String(" | "), -1).chopped(2);
        QStringList expected;
        for (const auto& f : report.flows)
            expected << QString::number(f.syncDepth);
        QCOMPARE(depths, expected);
        QVERIFY2(text.contains("The first component to saturate is **sat %1 %2**, at " + multiplier + " the declared"),
                 qPrintable(text));

        const QString html = reportHtml(doc, report, {});
        QCOMPARE(forbiddenByte(html.toUtf8()), -1);
        QVERIFY(html.contains(QStringLiteral("<td>flow %1 %2 \uFFFD[0m</td>")));
        QVERIFY(html.contains("The first component to saturate is <b>sat %1 %2</b>, at " + multiplier + " the declared"));
        QVERIFY(html.contains(htmlText(QString::fromUtf8(kTitle))));
    }

    void plotTextsKeepPlaceholdersInNames() {
        auto doc = std::make_shared<Document>(controlDesign());
        auto report = std::make_shared<Report>(critique(*doc, cat()));
        // Tick labels: the flow's name, then its downtime, each once.
        QCustomPlot plot;
        buildAvailability(plot, *report, *doc, 0.999, DiagramTheme::light());
        auto ticker = plot.xAxis->ticker().dynamicCast<QCPAxisTickerText>();
        QVERIFY(ticker);
        const QString tick = ticker->ticks().value(1);
        QVERIFY2(tick.startsWith(QString::fromUtf8(kFlowName) + "\n") && tick.endsWith("/mo"), qPrintable(tick));

        // Hover texts: the name with its placeholders, then the numbers in their places.
        for (PlotItem::Kind kind : {PlotItem::Availability, PlotItem::Utilisation}) {
            PlotItem item;
            item.setSize(QSizeF(900, 520));
            item.setKind(kind);
            item.setReport(report, doc);
            QCustomPlot& p = item.plot();
            auto* iface = p.plottable(0)->interface1D();
            QVERIFY(iface && iface->dataCount() > 0);
            // The busiest component is the one that saturates first, named "sat %1 %2".
            int tallest = 0;
            for (int i = 0; i < iface->dataCount(); ++i)
                if (iface->dataMainValue(i) > iface->dataMainValue(tallest)) tallest = i;
            QPointF pixel = iface->dataPixelPosition(tallest);
            QCPAxis* valueAxis = p.plottable(0)->valueAxis();
            const double zero = valueAxis->coordToPixel(0);
            if (valueAxis->orientation() == Qt::Vertical)
                pixel.ry() += zero > pixel.y() ? 3 : -3;
            else
                pixel.rx() += zero < pixel.x() ? -3 : 3;
            const QString text = item.textAt(pixel);
            static const QRegularExpression availability(QStringLiteral("^flow %1 %2 \x1b\\[0m, .* — \\d+\\.\\d nines \\(\\d+(\\.\\d+)?%\\)$"));
            static const QRegularExpression utilisation(QStringLiteral("^sat %1 %2 — [\\d,]+(\\.\\d)?% utilised$"));
            QVERIFY2((kind == PlotItem::Availability ? availability : utilisation).match(text).hasMatch(), qPrintable(text));
            QCOMPARE(text.count(QLatin1String("%1")), 1);
            // The plot's SVG is well-formed XML whatever the names hold.
            QTemporaryDir dir;
            QVERIFY(item.save(dir.filePath("p.svg")));
            QFile file(dir.filePath("p.svg"));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray svg = file.readAll();
            QCOMPARE(forbiddenByte(svg), -1);
            QString xmlError;
            xmlTexts(svg, &xmlError);
            QVERIFY2(xmlError.isEmpty(), qPrintable(xmlError));
        }
    }

    void acknowledgedTradeOffsAreListed() {
        Document doc = load(QStringLiteral(ARCHLENS_RESOURCES_DIR "/examples/url-shortener.archlens"));
        const Report before = critique(doc, cat());
        QVERIFY(!before.findings.empty());
        const Finding& f = before.findings.back();
        Acknowledgement ack;
        ack.rule = f.rule;
        ack.subjects = f.subjects;
        ack.note = "<b>cheap</b> & good enough";
        doc.acknowledgements.push_back(ack);
        const Report report = critique(doc, cat());
        QVERIFY(report.findings.back().acknowledged.has_value());
        const QStringList lines = acknowledgedTradeoffs(doc, report);
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines[0].startsWith(q(f.title)));
        QVERIFY(lines[0].endsWith(": <b>cheap</b> & good enough"));
        const QString html = reportHtml(doc, report, {});
        const QString section = html.section("Acknowledged trade-offs", 1).section("<h2>", 0, 0);
        QVERIFY(section.contains(htmlText(f.title)));
        QVERIFY(section.contains("&lt;b&gt;cheap&lt;/b&gt; &amp; good enough"));
        QVERIFY(!section.contains("None recorded"));
        // Accepted, it is no longer among the open findings.
        const QString open = html.section("<h2>Findings</h2>", 1).section("Acknowledged trade-offs", 0, 0);
        QVERIFY(!open.contains(htmlText(f.title)));
    }

    /// The reports judge each flow by the targets the rules judge it by (flowTargets()): a
    /// flow's own target rather than the design's, and a background flow not by the
    /// design's at all.
    void reportsJudgeFlowsByTheirOwnTargets() {
        Document doc = load(QStringLiteral(ARCHLENS_RESOURCES_DIR "/examples/url-shortener.archlens"));
        Report report = critique(doc, cat());
        QVERIFY(report.flows.size() >= 2);
        FlowResult& background = report.flows[0];
        FlowResult& own = report.flows[1];
        // Both miss a tight design target; one is background work, one has a looser target.
        doc.requirements.p99_ms = std::min(background.p99_ms, own.p99_ms) / 2;
        doc.requirements.availability.reset(); // only latency is judged here
        background.background = true;
        Flow* ownFlow = nullptr;
        for (Flow& f : doc.flows)
            if (f.id == own.id) ownFlow = &f;
        QVERIFY(ownFlow);
        ownFlow->p99_ms = own.p99_ms * 2;
        QVERIFY(!flowTargets(doc, background).p99_ms);
        QCOMPARE(*flowTargets(doc, own).p99_ms, own.p99_ms * 2);

        auto row = [](const QString& text, const std::string& name) {
            return text.section(QStringLiteral("| ") + q(name) + QStringLiteral(" |"), 1).section('\n', 0, 0);
        };
        const QString md = critiqueMarkdown(doc, report);
        const QString backgroundRow = row(md, background.name);
        const QString ownRow = row(md, own.name);
        QVERIFY2(!backgroundRow.isEmpty() && !ownRow.isEmpty(), qPrintable(md));
        QVERIFY2(!backgroundRow.contains(QStringLiteral("✗")), qPrintable(backgroundRow));
        QVERIFY2(ownRow.contains(QStringLiteral("✓")) && !ownRow.contains(QStringLiteral("✗")),
                 qPrintable(ownRow));

        const QString html = reportHtml(doc, report, {});
        const QString table = html.section(QStringLiteral("<th>Sync depth</th>"), 1).section(QStringLiteral("</table>"), 0, 0);
        const QString htmlBackground = table.section(htmlText(background.name), 1).section(QStringLiteral("</tr>"), 0, 0);
        const QString htmlOwn = table.section(htmlText(own.name), 1).section(QStringLiteral("</tr>"), 0, 0);
        QVERIFY2(!htmlBackground.isEmpty() && !htmlOwn.isEmpty(), qPrintable(table));
        QVERIFY2(!htmlBackground.contains(QStringLiteral("over")), qPrintable(htmlBackground));
        QVERIFY2(!htmlOwn.contains(QStringLiteral("✗ over")), qPrintable(htmlOwn));
    }

    /// Two arrows leaving the right side of one box and two arriving on the left of
    /// another end in draw.io where the canvas ends them: spread along the side, each with
    /// its own fixed point, not all at the side's middle.
    void drawioEdgesSpreadAlongASide() {
        const auto loaded = readDocument(R"({"format": "archlens", "version": 1, "components": [
            {"id": "lb", "kind": "load_balancer", "x": 100, "y": 300},
            {"id": "a", "kind": "app_service", "x": 500, "y": 230},
            {"id": "b", "kind": "app_service", "x": 500, "y": 370},
            {"id": "db", "kind": "rdbms", "x": 900, "y": 300}],
          "connections": [
            {"id": "c1", "from": "lb", "to": "a", "mode": "sync", "props": {"label": "HTTPS"}},
            {"id": "c2", "from": "lb", "to": "b", "mode": "sync"},
            {"id": "c3", "from": "a", "to": "db", "mode": "sync"},
            {"id": "c4", "from": "b", "to": "db", "mode": "sync"}]})",
                                         cat());
        QVERIFY(loaded.ok());
        QString error;
        const QByteArray drawio =
            exportDiagram(*loaded.document, cat(), DiagramFormat::Drawio, {}, 1, &error);
        QHash<QString, QHash<QString, double>> edge; // connection id -> style key -> value
        QHash<QString, QString> label;               // connection id -> its cell's value
        QXmlStreamReader reader(drawio);
        while (!reader.atEnd()) {
            reader.readNext();
            if (!reader.isStartElement() || reader.attributes().value("edge") != QLatin1String("1"))
                continue;
            QHash<QString, double> style;
            for (const QString& part : reader.attributes().value("style").toString().split(';'))
                if (const QStringList kv = part.split('='); kv.size() == 2)
                    style.insert(kv[0], kv[1].toDouble());
            QVERIFY(style.contains("exitPerimeter") && style.value("exitPerimeter") == 0);
            QVERIFY(style.contains("entryPerimeter") && style.value("entryPerimeter") == 0);
            edge.insert(reader.attributes().value("id").toString(), style);
            label.insert(reader.attributes().value("id").toString(),
                         reader.attributes().value("value").toString());
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(edge.size(), 4);
        // A connection's label rides on its edge; one without has none.
        QCOMPARE(label["connection-c1"], QString("HTTPS"));
        QCOMPARE(label["connection-c2"], QString());
        const auto& c1 = edge["connection-c1"];
        const auto& c2 = edge["connection-c2"];
        // Both leave the load balancer's right side, the upper one higher up: a third and two
        // thirds of the way down, as on the canvas.
        QCOMPARE(c1.value("exitX"), 1.0);
        QCOMPARE(c2.value("exitX"), 1.0);
        QVERIFY2(std::abs(c1.value("exitY") - 1.0 / 3) < 1e-3,
                 qPrintable(QString::number(c1.value("exitY"))));
        QVERIFY2(std::abs(c2.value("exitY") - 2.0 / 3) < 1e-3,
                 qPrintable(QString::number(c2.value("exitY"))));
        // Each enters its service in the middle of the left side (one arrow there).
        QCOMPARE(c1.value("entryX"), 0.0);
        QCOMPARE(c1.value("entryY"), 0.5);
        // Both arrive on the database's left side, apart.
        const auto& c3 = edge["connection-c3"];
        const auto& c4 = edge["connection-c4"];
        QCOMPARE(c3.value("entryX"), 0.0);
        QCOMPARE(c4.value("entryX"), 0.0);
        QVERIFY(c3.value("entryY") < c4.value("entryY"));
    }

    void emptyDesignExports() {
        Document doc;
        doc.title = "Empty";
        QString error;
        for (DiagramFormat f : {DiagramFormat::Svg, DiagramFormat::Pdf, DiagramFormat::Png,
                                DiagramFormat::Mermaid, DiagramFormat::Drawio})
            QVERIFY2(!exportDiagram(doc, cat(), f, {}, 1, &error).isEmpty(), qPrintable(error));
        QTemporaryDir dir;
        for (ReportFormat f : {ReportFormat::Html, ReportFormat::Markdown, ReportFormat::Pdf, ReportFormat::Json})
            QCOMPARE(exportReport(doc, cat(), f, dir.filePath("empty." + extensionOf(f))), QString());
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    ExportTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_export.moc"
