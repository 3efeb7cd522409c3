// One palette and one formatter, seen from every side: the QML singletons Theme and Format
// give exactly the C++ StatusPalette and display_format texts, on both themes; the HTML and
// PDF reports, the canvas overlay, the exported diagram's badges and the plots draw in the
// palette's colours. A colour or a format changed in one place and not the other fails here.
#include "archlens/analysis/display_format.h"
#include "critique_overlay.h"
#include "diagram_export.h"
#include "diagram_geometry.h"
#include "diagram_theme.h"
#include "plot_builder.h"
#include "qml_message_guard.h"
#include "qml_theme.h"
#include "report_content.h"
#include "report_html.h"
#include "status_palette.h"

#include "archlens/model/catalogue.h"
#include "archlens/model/document_io.h"

#include <QApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QRegularExpression>
#include <QTest>
#include <QTextDocument>
#include <QtQml/qqmlextensionplugin.h>
#include <memory>
#include <qcustomplot.h>

Q_IMPORT_QML_PLUGIN(ArchLensPlugin)

using namespace archlens;

namespace {

const Catalogue& cat() {
    return Catalogue::builtin();
}

Document example(const char* name) {
    const auto result = readDocumentFile(std::string(ARCHLENS_RESOURCES_DIR "/examples/") + name + ".archlens", cat());
    if (!result.ok()) qFatal("cannot read example %s", name);
    return *result.document;
}

/// Each colour of the palette, by the name the QML singleton gives it.
struct NamedColour {
    const char* name;
    QColor StatusPalette::*member;
};
const NamedColour kColours[] = {
    {"error", &StatusPalette::error},
    {"warning", &StatusPalette::warning},
    {"info", &StatusPalette::info},
    {"accepted", &StatusPalette::accepted},
    {"ok", &StatusPalette::ok},
    {"busy", &StatusPalette::busy},
    {"glow", &StatusPalette::glow},
    {"pending", &StatusPalette::pending},
    {"warningText", &StatusPalette::warningText},
    {"errorText", &StatusPalette::errorText},
    {"errorSurface", &StatusPalette::errorSurface},
    {"errorSurfaceText", &StatusPalette::errorSurfaceText},
};

} // namespace

class ThemeTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { archlens::test::QmlMessageGuard::attach(); }
    void cleanup() { ARCHLENS_VERIFY_NO_QML_MESSAGES(); }

    /// What QML reads from Theme is the C++ palette, colour by colour, on both themes.
    void qmlThemeIsTheCppPalette_data() {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void qmlThemeIsTheCppPalette() {
        QFETCH(bool, dark);
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        QString qml = QStringLiteral("import QtQuick\nimport ArchLens\nQtObject {\n"
                                     "    Component.onCompleted: Theme.dark = %1\n")
                          .arg(dark ? "true" : "false");
        for (const NamedColour& c : kColours)
            qml += QStringLiteral("    property color %1: Theme.%1\n").arg(QLatin1String(c.name));
        qml += QStringLiteral("    property color severityError: Theme.severity(\"error\")\n"
                              "    property color severityWarning: Theme.severity(\"warning\")\n"
                              "    property color severityInfo: Theme.severity(\"info\")\n}\n");
        QQmlComponent component(&engine);
        component.setData(qml.toUtf8(), QUrl(QStringLiteral("qrc:/theme_probe.qml")));
        std::unique_ptr<QObject> probe(component.create());
        QVERIFY2(probe, qPrintable(component.errorString()));

        const StatusPalette& palette = dark ? StatusPalette::dark() : StatusPalette::light();
        for (const NamedColour& c : kColours)
            QVERIFY2(probe->property(c.name).value<QColor>() == palette.*c.member,
                     qPrintable(QStringLiteral("Theme.%1 is %2, the palette says %3")
                                    .arg(QLatin1String(c.name), probe->property(c.name).value<QColor>().name(),
                                         (palette.*c.member).name())));
        QCOMPARE(probe->property("severityError").value<QColor>(), palette.error);
        QCOMPARE(probe->property("severityWarning").value<QColor>(), palette.warning);
        QCOMPARE(probe->property("severityInfo").value<QColor>(), palette.info);
    }

    /// The marks of the critique are the same on both themes: the canvas overlay is drawn
    /// without knowing the theme, so it must agree with the panels of either.
    void marksAreTheSameOnBothThemes() {
        const StatusPalette& light = StatusPalette::light();
        const StatusPalette& dark = StatusPalette::dark();
        for (auto member : {&StatusPalette::error, &StatusPalette::warning, &StatusPalette::info,
                            &StatusPalette::accepted, &StatusPalette::ok, &StatusPalette::busy,
                            &StatusPalette::glow, &StatusPalette::pending})
            QCOMPARE(dark.*member, light.*member);
        QCOMPARE(DiagramTheme::light().status.error, light.error);
        QCOMPARE(DiagramTheme::darkTheme().status.errorText, dark.errorText);
        QCOMPARE(severityColour(Severity::Error), light.error);
        QCOMPARE(severityColour(Severity::Warning), light.warning);
        QCOMPARE(severityColour(Severity::Info), light.info);
        QCOMPARE(utilisationColour(0.3), light.ok);
        QCOMPARE(utilisationColour(0.6), light.warning);
        QCOMPARE(utilisationColour(0.9), light.busy);
        QCOMPARE(utilisationColour(1.2), light.error);
    }

    /// Format gives QML the texts display_format gives everything else.
    void qmlFormatIsTheDisplayFormat() {
        QQmlEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        QQmlComponent component(&engine);
        component.setData("import QtQml\nimport ArchLens\nQtObject {\n"
                          "    property string ms: Format.milliseconds(1523)\n"
                          "    property string small: Format.milliseconds(8.444)\n"
                          "    property string times: Format.multiplier(Math.pow(10, 0.1))\n"
                          "    property string hundred: Format.multiplier(100)\n"
                          "    property string rate: Format.rate(40450)\n}\n",
                          QUrl(QStringLiteral("qrc:/format_probe.qml")));
        std::unique_ptr<QObject> probe(component.create());
        QVERIFY2(probe, qPrintable(component.errorString()));
        QCOMPARE(probe->property("ms").toString(), QStringLiteral("1.52 s"));
        QCOMPARE(probe->property("small").toString(), QStringLiteral("8.44 ms"));
        QCOMPARE(probe->property("times").toString(), QString::fromStdString(multiplierText(std::pow(10, 0.1))));
        QCOMPARE(probe->property("hundred").toString(), QStringLiteral("100×"));
        QCOMPARE(probe->property("rate").toString(), QStringLiteral("40,450 req/s"));
    }

    /// The HTML report's severity borders and verdicts, and the PDF's framed findings, are
    /// the palette's colours.
    void reportsUseThePalette() {
        const Document doc = example("url-shortener");
        const Report report = critique(doc, cat());
        const StatusPalette& palette = StatusPalette::light();
        const QString html = reportHtml(doc, report, {});
        QVERIFY(html.contains(QStringLiteral(".finding.error { border-color: %1; }").arg(palette.error.name())));
        QVERIFY(html.contains(QStringLiteral(".finding.warning { border-color: %1; }").arg(palette.warning.name())));
        QVERIFY(html.contains(QStringLiteral(".finding.info { border-color: %1; }").arg(palette.info.name())));
        QVERIFY(html.contains(QStringLiteral(".miss { color: %1;").arg(palette.error.name())));
        QVERIFY(html.contains(QStringLiteral(".ok { color: %1;").arg(palette.ok.name())));
        // Every colour placeholder filled.
        QVERIFY(!html.contains(QRegularExpression(QStringLiteral("@[a-z]+@"))));

        ReportHtmlOptions print;
        print.forPrint = true;
        const QString printed = reportHtml(doc, report, {}, print);
        for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
            QVERIFY2(printed.contains(QStringLiteral("bgcolor=\"%1\"").arg(palette.severity(s).name())),
                     toString(s));
        const QString sheet = reportPrintStyleSheet();
        QVERIFY(sheet.contains(QStringLiteral(".miss { color: %1;").arg(palette.error.name())));
        QVERIFY(sheet.contains(QStringLiteral(".ok { color: %1;").arg(palette.ok.name())));
    }

    /// The badge of an exported diagram is the palette's error colour, exactly.
    void exportedBadgesUseThePalette() {
        const Document doc = example("url-shortener");
        const Report report = critique(doc, cat());
        DiagramRenderOptions options;
        options.whiteBackground = true;
        options.badges = &report;
        const QImage image = renderDiagramImage(doc, cat(), options, 1);
        const auto badges = severityBadges(doc, report);
        const Component* named = nullptr;
        for (const auto& c : doc.components)
            if (badges.value(QString::fromStdString(c.id)).severity == int(Severity::Error)) named = &c;
        QVERIFY(named);
        const QRectF box = geometry::componentRect(*named).translated(-diagramExportBounds(doc).topLeft());
        // Below the white count, inside the disc (see DiagramPainter::paintBadge).
        const QPoint inside(int(box.right() + 2), int(box.top() - 2) + 7);
        QCOMPARE(image.pixelColor(inside), StatusPalette::light().error);
    }

    /// The plots mark a saturated component and a missed target in the palette's error red.
    void plotsUseThePalette() {
        const Document doc = example("url-shortener");
        const Report report = critique(doc, cat());
        for (const DiagramTheme& theme : {DiagramTheme::light(), DiagramTheme::darkTheme()}) {
            QCustomPlot plot;
            buildUtilisation(plot, report, doc, 10, theme);
            QCPAbstractPlottable* saturated = nullptr;
            for (int i = 0; i < plot.plottableCount(); ++i)
                if (plot.plottable(i)->objectName() == QLatin1String(plotnames::saturated)) saturated = plot.plottable(i);
            QVERIFY(saturated);
            QCOMPARE(saturated->brush().color(), theme.status.error);

            buildAvailability(plot, report, doc, 0.9999, theme);
            QCPAbstractItem* target = nullptr;
            for (int i = 0; i < plot.itemCount(); ++i)
                if (plot.item(i)->objectName() == QLatin1String("target")) target = plot.item(i);
            QVERIFY(target);
            QCOMPARE(static_cast<QCPItemStraightLine*>(target)->pen().color(), theme.status.error);
        }
    }
};

int main(int argc, char** argv) {
    archlens::test::QmlMessageGuard::install();
    QApplication app(argc, argv); // the plots are widgets
    ThemeTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_theme.moc"
