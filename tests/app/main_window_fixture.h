#pragma once
// What the UI tests share: the real main window, loaded from the QML module as the program
// loads it, and its items found by objectName. Each test keeps its own engine and checks.
#include "analysis_controller.h"
#include "diagram_view.h"
#include "document_controller.h"
#include "qml_message_guard.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSize>
#include <QTest>

namespace archlens::test {

/// An item by objectName in the visual tree (list delegates are not QObject children).
inline QQuickItem* findItem(QQuickItem* root, const QString& name) {
    if (root->objectName() == name) return root;
    for (QQuickItem* child : root->childItems())
        if (QQuickItem* found = findItem(child, name)) return found;
    return nullptr;
}

/// Loads Main.qml into `engine` as the program does, with a live critique owned by the
/// engine (liveCritique()), shows the window at `size` and waits until it is on the
/// screen; null when it could not be loaded or shown.
inline QQuickWindow* openMainWindow(QQmlApplicationEngine& engine, QSize size = {1400, 900}) {
    QmlMessageGuard::attach(); // inside the test run, over QTest's handler
    auto* critique = new AnalysisController(&engine);
    engine.setInitialProperties({{QStringLiteral("critique"), QVariant::fromValue(critique)}});
    engine.load(QUrl(QStringLiteral("qrc:/ArchLens/Main.qml")));
    if (engine.rootObjects().isEmpty()) return nullptr;
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().front());
    if (!window) return nullptr;
    window->resize(size);
    window->show();
    return QTest::qWaitForWindowExposed(window) ? window : nullptr;
}

/// The document controller singleton of the window's engine.
inline DocumentController* documentController(QQmlApplicationEngine& engine) {
    return engine.singletonInstance<DocumentController*>(
        qmlTypeId("ArchLens", 1, 0, "DocumentController"));
}

/// The live critique of a window opened by openMainWindow().
inline AnalysisController* liveCritique(QQmlApplicationEngine& engine) {
    return engine.findChild<AnalysisController*>(QString(), Qt::FindDirectChildrenOnly);
}

/// The main window and what a UI test drives in it, as opened by openUi().
struct Ui {
    QQuickWindow* window = nullptr;
    DocumentController* controller = nullptr;
    DiagramView* view = nullptr;
    AnalysisController* analysis = nullptr;
    bool ok() const { return window && controller && view && analysis; }
};

/// Opens the main window (openMainWindow()) and finds its document controller, canvas and
/// live critique: the set-up every UI test starts from. Check ok() before use.
inline Ui openUi(QQmlApplicationEngine& engine, QSize size = {1400, 900}) {
    Ui ui;
    ui.window = openMainWindow(engine, size);
    if (!ui.window) return ui;
    ui.controller = documentController(engine);
    ui.view = ui.window->findChild<DiagramView*>(QStringLiteral("diagramView"));
    ui.analysis = liveCritique(engine);
    return ui;
}

} // namespace archlens::test
