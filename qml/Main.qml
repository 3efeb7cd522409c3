import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Qt.labs.settings
import ArchLens

// The main window: menus, the palette on the left, the canvas, the inspector and flows
// on the right, a status line at the bottom. Every edit goes through DocumentController.
ApplicationWindow {
    id: window
    width: 1400
    height: 900
    visible: true
    title: (DocumentController.modified ? "• " : "") + DocumentController.fileName + " — ArchLens"

    // Light or dark, following the system unless the person chose one.
    SystemPalette { id: systemPalette; colorGroup: SystemPalette.Active }
    Settings {
        id: settings
        objectName: "settings"
        property string theme: "system"
        property bool showGrid: true
        property bool snapToGrid: true
        property bool numbersCollapsed: false
        property real numbersHeight: 300
    }
    readonly property bool dark: settings.theme === "dark"
                                 || (settings.theme === "system" && systemPalette.window.hslLightness < 0.5)
    palette.window: dark ? "#25282e" : systemPalette.window
    palette.windowText: dark ? "#e8ebf0" : systemPalette.windowText
    palette.base: dark ? "#1e2127" : systemPalette.base
    palette.alternateBase: dark ? "#2a2e35" : systemPalette.alternateBase
    palette.text: dark ? "#e8ebf0" : systemPalette.text
    palette.button: dark ? "#30343c" : systemPalette.button
    palette.buttonText: dark ? "#e8ebf0" : systemPalette.buttonText
    palette.highlight: dark ? "#3d7be0" : systemPalette.highlight
    palette.highlightedText: dark ? "#ffffff" : systemPalette.highlightedText
    palette.light: dark ? "#3a3f48" : systemPalette.light
    palette.midlight: dark ? "#343840" : systemPalette.midlight
    palette.mid: dark ? "#2c3037" : systemPalette.mid
    palette.dark: dark ? "#15171b" : systemPalette.dark
    palette.shadow: dark ? "#000000" : systemPalette.shadow
    palette.placeholderText: dark ? "#8a93a3" : systemPalette.placeholderText
    palette.toolTipBase: dark ? "#30343c" : "#ffffe1"
    palette.toolTipText: dark ? "#e8ebf0" : "#1d2330"
    palette.link: dark ? "#8ab4ff" : "#1a5fb4"
    palette.linkVisited: dark ? "#b9a2ff" : "#6a3fb5"
    // The colours that carry a meaning follow the theme too (Theme: the app's StatusPalette).
    Binding { target: Theme; property: "dark"; value: window.dark }

    /// What to do once unsaved changes are dealt with: a function, or null.
    property var afterSave: null
    property bool closeConfirmed: false

    /// The live critique of the document: it re-analyses the design shortly after every
    /// edit. Made by whoever loads the window (the program, a test), which so holds it
    /// without looking for it; the window connects it to the document.
    required property AnalysisController critique
    Component.onCompleted: window.critique.controller = DocumentController

    /// Set by --screenshot: once the first results are in (or the design turns out not to
    /// be analysable), bring the critique to the front.
    property bool showCritiqueWhenAnalysed: false
    Connections {
        target: window.critique
        enabled: window.showCritiqueWhenAnalysed
        function onReportChanged() { window.showCritique() }
        function onStatusChanged() {
            if (window.critique.status === AnalysisController.Invalid) window.showCritique()
        }
    }

    /// The practice interview of the open design, if it has one.
    PracticeController {
        id: practice
        objectName: "practice"
        controller: DocumentController
        analysis: window.critique
        history: PracticeHistory
    }
    NewPracticeDialog {
        id: newPracticeDialog
        practice: practice
        anchors.centerIn: parent
        onStarted: window.showPractice()
    }
    ScorecardDialog {
        id: scorecardDialog
        practice: practice
        anchors.centerIn: parent
        onLookAt: (link) => {
            if (link.kind === "flow") numbers.showFlow(link.id)
            else if (link.kind === "phase") {
                scorecardDialog.close()
                window.showPractice()
                practicePanel.showPhase(link.id)
            }
            else if (link.kind === "finding" && link.subjects.length > 0) {
                DocumentController.selection.setIds(link.subjects)
                canvas.view.revealElements(link.subjects)
            }
        }
    }
    EstimatesDialog {
        id: estimatesDialog
        anchors.centerIn: parent
        promptId: practice.promptId
    }
    function showPractice() { sideTabs.currentIndex = practiceTab.TabBar.index }

    /// Shows the findings list in the side pane.
    function showFindings() { sideTabs.currentIndex = critiqueTab.TabBar.index }

    /// Brings the critique to the front: its tab, the first finding looked at on the
    /// canvas, the latency plot.
    function showCritique() {
        showCritiqueWhenAnalysed = false
        showFindings()
        findingsPanel.lookAt(0)
        numbers.page = 1
    }

    function ifChangesHandled(action) {
        if (!DocumentController.modified) { action(); return }
        afterSave = action
        unsavedDialog.open()
    }
    function saveOrAsk(then) {
        if (DocumentController.save()) { if (then) then(); return true }
        if (DocumentController.filePath === "") askSaveAs(then)
        return false
    }
    /// Save As: the dialog proposes the file, or the title in the last folder used; `then`
    /// runs once the design is saved.
    function askSaveAs(then) {
        FileDialogs.saveFile(qsTr("Save design as"), DocumentController.suggestedSavePath(),
                             [qsTr("ArchLens designs (*.archlens)")], "archlens",
                             (path) => { if (DocumentController.saveAs(path) && then) then() })
    }
    function askOpen() {
        FileDialogs.openFile(qsTr("Open design"),
                             [qsTr("ArchLens designs (*.archlens)"), qsTr("All files (*)")],
                             (path) => DocumentController.openFile(path))
    }

    menuBar: MainMenu {
        id: mainMenu
        canvas: canvas
        settings: settings
        dark: window.dark
        onOpenRequested: window.ifChangesHandled(() => window.askOpen())
        onNewRequested: window.ifChangesHandled(() => DocumentController.newDocument())
        onNewPracticeRequested: window.ifChangesHandled(() => newPracticeDialog.open())
        onEstimatesRequested: estimatesDialog.open()
        onOpenPathRequested: (path) => window.ifChangesHandled(() => DocumentController.openFile(path))
        onSaveRequested: window.saveOrAsk(null)
        onSaveAsRequested: window.askSaveAs(null)
        onQuitRequested: window.close()
        onRenameRequested: canvas.startRename(DocumentController.selection.current)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        ErrorBanner {
            Layout.fillWidth: true
            text: DocumentController.errorText
            onDismissed: DocumentController.clearError()
        }
        PracticeBar {
            Layout.fillWidth: true
            practice: practice
            onShowPanel: window.showPractice()
            onShowScorecard: scorecardDialog.open()
        }
        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: Qt.Horizontal
            ComponentPalette {
                id: palettePane
                SplitView.preferredWidth: 230
                SplitView.minimumWidth: 160
                onAddRequested: (kind) => {
                    const c = canvas.view.viewCentre()
                    DocumentController.addComponent(kind, c.x, c.y)
                }
            }
            SplitView {
                id: canvasSplit
                SplitView.fillWidth: true
                orientation: Qt.Vertical
                // A handle one can grab (the style's is 2 px high), with a grip in its middle.
                handle: Rectangle {
                    implicitHeight: 6
                    color: SplitHandle.pressed ? canvasSplit.palette.dark
                           : SplitHandle.hovered ? canvasSplit.palette.midlight : canvasSplit.palette.mid
                    Rectangle {
                        anchors.centerIn: parent
                        width: 36; height: 2; radius: 1
                        color: canvasSplit.palette.placeholderText
                        opacity: 0.6
                    }
                }
                // The height the person dragged the numbers panel to is kept for next time.
                onResizingChanged: if (!resizing && !numbers.collapsed) settings.numbersHeight = numbers.height
                DiagramCanvas {
                    id: canvas
                    SplitView.fillHeight: true
                    dark: window.dark
                    showGrid: settings.showGrid
                    snapToGrid: settings.snapToGrid
                    Component.onCompleted: view.analysis = window.critique
                    // A report exported while a comparison is shown includes it.
                    Binding {
                        target: mainMenu.exportDialog.exporter
                        property: "comparison"
                        value: canvas.comparison
                    }
                    onOpenExampleRequested: (path) => window.ifChangesHandled(() => DocumentController.openFile(path))
                }
                NumbersPanel {
                    id: numbers
                    // Collapsed, it is held to its what-if bar; expanded, it gets back its height.
                    SplitView.preferredHeight: settings.numbersHeight
                    SplitView.minimumHeight: collapsed ? headerHeight : 120
                    SplitView.maximumHeight: collapsed ? headerHeight : Infinity
                    collapsed: settings.numbersCollapsed
                    onCollapseRequested: (collapse) => settings.numbersCollapsed = collapse
                    analysis: window.critique
                    view: canvas.view
                    dark: window.dark
                }
            }
            Pane {
                id: sidePane
                SplitView.preferredWidth: 360
                SplitView.minimumWidth: 240
                padding: 0
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 0
                    TabBar {
                        id: sideTabs
                        objectName: "sideTabs"
                        Layout.fillWidth: true
                        // Sized to their labels, so that four fit a narrow pane unelided.
                        TabButton { text: qsTr("Inspector"); width: implicitWidth }
                        TabButton { text: qsTr("Flows && targets"); width: implicitWidth }
                        TabButton { id: critiqueTab; text: qsTr("Critique"); width: implicitWidth }
                        TabButton { id: practiceTab; text: qsTr("Practice"); width: implicitWidth }
                    }
                    StackLayout {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        currentIndex: sideTabs.currentIndex
                        Inspector { analysis: window.critique; onShowFindings: window.showFindings() }
                        FlowsPanel { view: canvas.view; analysis: window.critique }
                        FindingsPanel {
                            id: findingsPanel
                            objectName: "findingsPanel"
                            analysis: window.critique
                            view: canvas.view
                            onFlowLookedAt: (flow) => numbers.showFlow(flow)
                        }
                        PracticePanel {
                            id: practicePanel
                            practice: practice
                            onShowScorecard: scorecardDialog.open()
                            onShowEstimates: estimatesDialog.open()
                            onCompareWithReference: canvas.comparison.compareWithPrompt(practice.promptId)
                            onNewPracticeRequested: window.ifChangesHandled(() => newPracticeDialog.open())
                        }
                    }
                }
            }
        }
    }

    footer: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 10
            anchors.rightMargin: 10
            Label {
                text: DocumentController.status
                elide: Label.ElideRight
                Layout.fillWidth: true
                opacity: 0.8
            }
            ToolButton {
                objectName: "critiqueSummary"
                // While a long run goes on, how far it has come; before the first results,
                // no counts (zero findings would read as a clean design).
                readonly property bool counting: window.critique.progress < 0 && window.critique.hasResults
                text: window.critique.status === AnalysisController.Invalid ? qsTr("Cannot analyse")
                      : !counting
                        ? (window.critique.progress >= 0
                           ? qsTr("Analysing… %1 %").arg(Math.round(window.critique.progress * 100))
                           : qsTr("Analysing…"))
                      : [Format.count(window.critique.errorCount, qsTr("%1 error"), qsTr("%1 errors")),
                         Format.count(window.critique.warningCount, qsTr("%1 warning"), qsTr("%1 warnings")),
                         qsTr("%1 info").arg(window.critique.infoCount)].join(" · ")
                palette.buttonText: !counting ? window.palette.windowText
                                    : window.critique.errorCount > 0 ? Theme.error
                                    : window.critique.warningCount > 0 ? Theme.warningText : window.palette.windowText
                opacity: window.critique.status === AnalysisController.Pending ? 0.6 : 1
                onClicked: window.showFindings()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Show the critique")
            }
            Label {
                objectName: "autosaveLabel"
                visible: DocumentController.modified && !isNaN(autosave.lastAutosave.getTime())
                text: qsTr("Autosaved %1").arg(Qt.formatTime(autosave.lastAutosave, "hh:mm:ss"))
                opacity: 0.6
                ToolTip.visible: autosaveHover.hovered
                ToolTip.text: qsTr("Unsaved changes are kept for recovery after a crash; Save writes the file.")
                HoverHandler { id: autosaveHover }
            }
            Label {
                text: DocumentController.selection.count > 0
                      ? qsTr("%1 selected").arg(DocumentController.selection.count) : ""
                opacity: 0.7
            }
            Label {
                objectName: "documentCounts"
                text: [Format.count(DocumentController.components.count, qsTr("%1 component"), qsTr("%1 components")),
                       Format.count(DocumentController.connections.count, qsTr("%1 connection"), qsTr("%1 connections")),
                       Format.count(DocumentController.zones.count, qsTr("%1 zone"), qsTr("%1 zones"))].join(" · ")
                opacity: 0.7
            }
            ToolButton {
                text: Math.round(canvas.view.zoom * 100) + "%"
                onClicked: canvas.view.zoomTo(1.0)
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Zoom to 100%")
            }
        }
    }

    // Second shortcuts for commands whose menu entry shows the first.
    Shortcut { sequence: "Ctrl+Y"; onActivated: DocumentController.redo() }
    Shortcut { sequence: "Backspace"; onActivated: DocumentController.deleteSelection() }
    Shortcut { sequence: "Ctrl++"; onActivated: canvas.view.zoomTo(canvas.view.zoom * 1.25) }

    // Unsaved work is kept in a recovery file; after a crash the next start offers it.
    Autosave {
        id: autosave
        objectName: "autosave"
        controller: DocumentController
        onRecoverableChanged: if (recoverable.length > 0 && !recoveryDialog.visible) recoveryDialog.offer()
    }
    RecoveryDialog {
        id: recoveryDialog
        autosave: autosave
        anchors.centerIn: parent
        onRestoreRequested: (id) => window.ifChangesHandled(() => autosave.restore(id))
    }
    Dialog {
        id: unsavedDialog
        title: qsTr("Unsaved changes")
        modal: true
        width: 440
        anchors.centerIn: parent
        standardButtons: Dialog.Save | Dialog.Discard | Dialog.Cancel
        footer: OutlinedDialogButtonBox { }
        Label {
            width: parent ? parent.width : 400
            wrapMode: Label.Wrap
            text: qsTr("Save the changes to %1 first?").arg(DocumentController.fileName)
        }
        onAccepted: window.saveOrAsk(window.afterSave)
        onDiscarded: { close(); const a = window.afterSave; window.afterSave = null; if (a) a() }
        onRejected: window.afterSave = null
    }

    onClosing: (close) => {
        if (closeConfirmed || !DocumentController.modified) return
        close.accepted = false
        ifChangesHandled(() => { window.closeConfirmed = true; window.close() })
    }
}
