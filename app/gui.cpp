#include "gui.h"

#include "analysis_controller.h"
#include "comparison_controller.h"
#include "document_controller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>
#include <memory>
#include <string_view>

Q_IMPORT_QML_PLUGIN(ArchLensPlugin)

namespace archlens::gui {

namespace {

/// Saves the window to `path` once the scene has been laid out and drawn, then quits.
void screenshotWhenReady(QQuickWindow* window, const QString& path) {
    // Two frames: the first lays out and loads images, the second shows them.
    auto frames = std::make_shared<int>(0);
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [window, path, frames] {
        if (++*frames != 2) return;
        QTimer::singleShot(100, window, [window, path] {
            const QImage image = window->grabWindow();
            const bool saved = !image.isNull() && image.save(path);
            if (!saved)
                qCritical("archlens: could not write the screenshot to %s", qPrintable(path));
            QCoreApplication::exit(saved ? 0 : 2);
        });
    });
    window->requestUpdate();
}

} // namespace

int run(int argc, char** argv) {
    // A screenshot needs no screen: without a display, render offscreen.
    bool wantsScreenshot = false;
    for (int i = 1; i < argc; ++i)
        wantsScreenshot = wantsScreenshot || std::string_view(argv[i]).starts_with("--screenshot");
    if (wantsScreenshot && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName("ArchLens");
    QApplication::setOrganizationName("ArchLens");
    QApplication::setApplicationVersion(ARCHLENS_VERSION);
    QApplication::setWindowIcon(QIcon(":/icons/app.svg"));
    // The installed desktop entry (installer/archlens.desktop): a Wayland compositor matches
    // the window to it for the icon and the name in the task bar.
    QGuiApplication::setDesktopFileName(QStringLiteral("archlens"));
    // Fusion follows the system palette, so light and dark themes come for free.
    QQuickStyle::setStyle("Fusion");

    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Sketch a system design and get it critiqued.\n"
        "Commands without a window: check, diff, export, report, estimate, score, rules,\n"
        "catalogue (archlens --help lists them).");
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption screenshot("screenshot", "Render the window to a PNG file and exit.",
                                  "out.png");
    parser.addOption(screenshot);
    QCommandLineOption size("size", "Window size for --screenshot, WIDTHxHEIGHT.", "size",
                            "1400x900");
    parser.addOption(size);
    QCommandLineOption compare(
        "compare", "Compare the design with another one, as File > Compare With File... does.",
        "other.archlens");
    parser.addOption(compare);
    parser.addPositionalArgument("file", "The design to open (*.archlens).", "[FILE]");
    parser.process(app);

    QQmlApplicationEngine engine;
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(3); }, Qt::QueuedConnection);
    // The window's live critique (its required property); the engine outlives the window.
    auto* analysis = new AnalysisController(&engine);
    engine.setInitialProperties(
        {{QStringLiteral("critique"), QVariant::fromValue(analysis)},
         {QStringLiteral("showCritiqueWhenAnalysed"), parser.isSet(screenshot)}});
    engine.load(QUrl(QStringLiteral("qrc:/ArchLens/Main.qml")));
    if (engine.rootObjects().isEmpty()) return 3;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().front());
    // The module's types are registered once Main.qml has imported it.
    auto* controller = engine.singletonInstance<DocumentController*>(
        qmlTypeId("ArchLens", 1, 0, "DocumentController"));
    if (controller && !parser.positionalArguments().isEmpty())
        controller->openFile(parser.positionalArguments().front());
    if (parser.isSet(compare)) {
        auto* comparison =
            window ? window->findChild<ComparisonController*>(QStringLiteral("comparison"))
                   : nullptr;
        if (!comparison || !comparison->compareWithFile(parser.value(compare))) {
            qCritical("archlens: cannot compare with %s: %s", qPrintable(parser.value(compare)),
                      comparison ? qPrintable(comparison->errorText())
                                 : "no comparison in the window");
            return 2;
        }
    }

    if (parser.isSet(screenshot)) {
        const QStringList wh = parser.value(size).split('x');
        if (window && wh.size() == 2) window->resize(wh[0].toInt(), wh[1].toInt());
        if (!window) return 3;
        // The picture shows the critique with its analysis complete: analyse now; once the
        // results are in, the window shows the findings and a plot (showCritiqueWhenAnalysed,
        // whose handler was connected first and so runs first), then it is grabbed.
        const QString path = QDir::current().absoluteFilePath(parser.value(screenshot));
        auto shot = std::make_shared<bool>(false);
        auto shoot = [window, path, shot] {
            if (*shot) return;
            *shot = true;
            screenshotWhenReady(window, path);
        };
        // Results in (the finding rows follow reportChanged), or no results to wait for.
        QObject::connect(analysis, &AnalysisController::reportChanged, window, shoot);
        QObject::connect(analysis, &AnalysisController::statusChanged, window, [analysis, shoot] {
            if (analysis->status() == AnalysisController::Invalid) shoot();
        });
        analysis->runNow();
    }
    return app.exec();
}

} // namespace archlens::gui
