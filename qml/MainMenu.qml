import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens
import "MenuText.js" as MenuText

// The menu bar. Every command of the editor is here with its shortcut shown, so the
// shortcuts can be learnt from the menus; the window supplies the file dialogs.
MenuBar {
    id: bar
    required property var canvas
    required property var settings
    /// Whether the window is in the dark theme (for the plots of dialogs).
    property bool dark: false
    signal newRequested()
    signal newPracticeRequested()
    signal estimatesRequested()
    signal openRequested()
    signal openPathRequested(string path)
    signal saveRequested()
    signal saveAsRequested()
    signal quitRequested()
    signal renameRequested()

    readonly property bool hasSelection: DocumentController.selection.count > 0

    // The dialogs belong to the entries that open them; they show over the window.
    readonly property ExportDialog exportDialog: ExportDialog {
        parent: bar.Window.window ? bar.Window.window.contentItem : bar
    }
    readonly property ShortcutsDialog shortcutsDialog: ShortcutsDialog {
        parent: bar.Window.window ? bar.Window.window.contentItem : bar
        anchors.centerIn: parent
        menuBar: bar
    }
    readonly property RulesDialog rulesDialog: RulesDialog {
        parent: bar.Window.window ? bar.Window.window.contentItem : bar
        anchors.centerIn: parent
    }
    readonly property PracticeHistoryDialog practiceHistoryDialog: PracticeHistoryDialog {
        parent: bar.Window.window ? bar.Window.window.contentItem : bar
        anchors.centerIn: parent
        dark: bar.dark
    }
    readonly property AboutDialog aboutDialog: AboutDialog {
        parent: bar.Window.window ? bar.Window.window.contentItem : bar
        anchors.centerIn: parent
    }

    // A menu entry that shows its action's shortcut on the right. Its text is drawn without
    // the mnemonic marks ("&New" reads "New"); room is kept on the left for a check mark and
    // on the right for a submenu's arrow, as the style's own entry does.
    component Entry: MenuItem {
        id: entry
        readonly property real checkRoom: entry.checkable && entry.indicator ? entry.indicator.width + entry.spacing : 0
        readonly property real arrowRoom: entry.subMenu && entry.arrow ? entry.arrow.width + entry.spacing : 0
        // Anchored labels rather than a layout: their implicit widths follow a changed text
        // at once, so a menu measured as it opens sees "Undo Rename …" at its full length.
        contentItem: Item {
            implicitWidth: entryText.implicitWidth + 32 + entryKeys.implicitWidth
            implicitHeight: Math.max(entryText.implicitHeight, entryKeys.implicitHeight)
            Label {
                id: entryText
                anchors.left: parent.left
                anchors.verticalCenter: parent.verticalCenter
                leftPadding: entry.checkRoom
                text: MenuText.plain(entry.text)
                color: entry.enabled ? entry.palette.windowText : entry.palette.placeholderText
            }
            Label {
                id: entryKeys
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                rightPadding: entry.arrowRoom
                text: entry.action && entry.action.shortcut ? entry.action.shortcut : ""
                color: entry.palette.placeholderText
            }
        }
    }

    // A menu as wide as its widest entry, so that no text runs into its shortcut. Measured
    // each time it opens: entries such as "Undo Rename …" change their text meanwhile.
    component WideMenu: Menu {
        id: menu
        delegate: Component { Entry {} }
        onAboutToShow: {
            let widest = 0
            for (let i = 0; i < menu.count; ++i) {
                const item = menu.itemAt(i)
                if (item) widest = Math.max(widest, item.implicitWidth)
            }
            menu.width = Math.max(menu.implicitWidth, widest + menu.leftPadding + menu.rightPadding)
        }
    }

    WideMenu {
        title: qsTr("&File")
        Action { text: qsTr("&New"); shortcut: "Ctrl+N"; onTriggered: bar.newRequested() }
        Action { text: qsTr("New &Practice…"); onTriggered: bar.newPracticeRequested() }
        Action { text: qsTr("&Open…"); shortcut: "Ctrl+O"; onTriggered: bar.openRequested() }
        WideMenu {
            id: recentMenu
            title: qsTr("Open &Recent")
            enabled: DocumentController.recentFiles.length > 0
            Instantiator {
                model: DocumentController.recentFiles
                delegate: MenuItem {
                    required property string modelData
                    text: modelData
                    onTriggered: bar.openPathRequested(modelData)
                }
                onObjectAdded: (index, object) => recentMenu.insertItem(index, object)
                onObjectRemoved: (index, object) => recentMenu.removeItem(object)
            }
            MenuSeparator {}
            MenuItem { text: qsTr("Clear list"); onTriggered: DocumentController.clearRecentFiles() }
        }
        MenuSeparator {}
        Action { text: qsTr("&Save"); shortcut: "Ctrl+S"; onTriggered: bar.saveRequested() }
        Action { text: qsTr("Save &As…"); shortcut: "Ctrl+Shift+S"; onTriggered: bar.saveAsRequested() }
        Action {
            text: qsTr("Re&vert")
            enabled: DocumentController.modified && DocumentController.filePath !== ""
            onTriggered: DocumentController.revert()
        }
        MenuSeparator {}
        Action {
            text: qsTr("&Compare With File…")
            onTriggered: FileDialogs.openFile(qsTr("Compare with design"),
                                              [qsTr("ArchLens designs (*.archlens)"), qsTr("All files (*)")],
                                              (path) => bar.canvas.comparison.compareWithFile(path))
        }
        WideMenu {
            id: referenceMenu
            title: qsTr("Compare With &Reference")
            enabled: bar.canvas.comparison.prompts.length > 0
            Instantiator {
                model: bar.canvas.comparison.prompts
                delegate: MenuItem {
                    required property var modelData
                    text: modelData.title
                    onTriggered: bar.canvas.comparison.compareWithPrompt(modelData.id)
                }
                onObjectAdded: (index, object) => referenceMenu.insertItem(index, object)
                onObjectRemoved: (index, object) => referenceMenu.removeItem(object)
            }
        }
        Action {
            text: qsTr("En&d Comparison")
            enabled: bar.canvas.comparison.active
            onTriggered: bar.canvas.comparison.endComparison()
        }
        MenuSeparator {}
        Action { text: qsTr("&Export…"); shortcut: "Ctrl+E"; onTriggered: bar.exportDialog.openFor(false) }
        Action { text: qsTr("Export Re&port…"); shortcut: "Ctrl+Shift+E"; onTriggered: bar.exportDialog.openFor(true) }
        MenuSeparator {}
        Action { text: qsTr("&Quit"); shortcut: "Ctrl+Q"; onTriggered: bar.quitRequested() }
    }

    WideMenu {
        title: qsTr("&Edit")
        Action {
            text: DocumentController.canUndo ? qsTr("&Undo %1").arg(DocumentController.undoText) : qsTr("&Undo")
            enabled: DocumentController.canUndo
            shortcut: "Ctrl+Z"
            onTriggered: DocumentController.undo()
        }
        Action {
            text: DocumentController.canRedo ? qsTr("&Redo %1").arg(DocumentController.redoText) : qsTr("&Redo")
            enabled: DocumentController.canRedo
            shortcut: "Ctrl+Shift+Z"
            onTriggered: DocumentController.redo()
        }
        MenuSeparator {}
        Action { text: qsTr("Cu&t"); shortcut: "Ctrl+X"; enabled: bar.hasSelection; onTriggered: DocumentController.cutSelection() }
        Action { text: qsTr("&Copy"); shortcut: "Ctrl+C"; enabled: bar.hasSelection; onTriggered: DocumentController.copySelection() }
        Action { text: qsTr("&Paste"); shortcut: "Ctrl+V"; onTriggered: DocumentController.paste() }
        Action { text: qsTr("D&uplicate"); shortcut: "Ctrl+D"; enabled: bar.hasSelection; onTriggered: DocumentController.duplicateSelection() }
        Action { text: qsTr("&Delete"); shortcut: "Del"; enabled: bar.hasSelection; onTriggered: DocumentController.deleteSelection() }
        Action { text: qsTr("Re&name"); shortcut: "F2"; enabled: bar.hasSelection; onTriggered: bar.renameRequested() }
        MenuSeparator {}
        Action { text: qsTr("Select &All"); shortcut: "Ctrl+A"; onTriggered: DocumentController.selectAll() }
        Action { text: qsTr("Select &None"); shortcut: "Ctrl+Shift+A"; onTriggered: DocumentController.selection.clear() }
        MenuSeparator {}
        Action {
            text: qsTr("Add &Note")
            shortcut: "Ctrl+Shift+N"
            onTriggered: { const c = bar.canvas.view.viewCentre(); DocumentController.addNote(c.x, c.y) }
        }
        Action { text: qsTr("Add &Zone"); onTriggered: DocumentController.addZone("") }
        MenuSeparator {}
        Action { text: qsTr("&Estimates…"); onTriggered: bar.estimatesRequested() }
    }

    WideMenu {
        title: qsTr("&View")
        Action { text: qsTr("Zoom &In"); shortcut: "Ctrl+="; onTriggered: bar.canvas.view.zoomTo(bar.canvas.view.zoom * 1.25) }
        Action { text: qsTr("Zoom &Out"); shortcut: "Ctrl+-"; onTriggered: bar.canvas.view.zoomTo(bar.canvas.view.zoom / 1.25) }
        Action { text: qsTr("Zoom to &Fit"); shortcut: "Ctrl+0"; onTriggered: bar.canvas.view.zoomToFit() }
        Action { text: qsTr("&Actual Size (100%)"); shortcut: "Ctrl+1"; onTriggered: bar.canvas.view.zoomTo(1.0) }
        MenuSeparator {}
        Action { text: qsTr("Show &Grid"); checkable: true; checked: bar.settings.showGrid; shortcut: "Ctrl+'"; onTriggered: bar.settings.showGrid = checked }
        Action { text: qsTr("&Snap to Grid"); checkable: true; checked: bar.settings.snapToGrid; onTriggered: bar.settings.snapToGrid = checked }
        Action {
            text: qsTr("Show &Numbers Panel")
            checkable: true
            checked: !bar.settings.numbersCollapsed
            shortcut: "Ctrl+J"
            onTriggered: bar.settings.numbersCollapsed = !checked
        }
        MenuSeparator {}
        WideMenu {
            title: qsTr("&Theme")
            Action { text: qsTr("Follow the &System"); checkable: true; checked: bar.settings.theme === "system"; onTriggered: bar.settings.theme = "system" }
            Action { text: qsTr("&Light"); checkable: true; checked: bar.settings.theme === "light"; onTriggered: bar.settings.theme = "light" }
            Action { text: qsTr("&Dark"); checkable: true; checked: bar.settings.theme === "dark"; onTriggered: bar.settings.theme = "dark" }
        }
    }

    WideMenu {
        id: arrangeMenu
        title: qsTr("&Arrange")
        Action { text: qsTr("&Automatic Layout"); shortcut: "Ctrl+L"; onTriggered: DocumentController.autoLayout() }
        MenuSeparator {}
        Action { text: qsTr("Align &Left"); enabled: bar.hasSelection; onTriggered: DocumentController.alignSelection("left") }
        Action { text: qsTr("Align &Centres Horizontally"); enabled: bar.hasSelection; onTriggered: DocumentController.alignSelection("hcenter") }
        Action { text: qsTr("Align &Right"); enabled: bar.hasSelection; onTriggered: DocumentController.alignSelection("right") }
        Action { text: qsTr("Align &Top"); enabled: bar.hasSelection; onTriggered: DocumentController.alignSelection("top") }
        Action { text: qsTr("Align &Middles Vertically"); enabled: bar.hasSelection; onTriggered: DocumentController.alignSelection("vcenter") }
        Action { text: qsTr("Align &Bottom"); enabled: bar.hasSelection; onTriggered: DocumentController.alignSelection("bottom") }
        MenuSeparator {}
        Action { text: qsTr("Distribute &Horizontally"); enabled: DocumentController.selection.count > 2; onTriggered: DocumentController.distributeSelection("horizontal") }
        Action { text: qsTr("Distribute &Vertically"); enabled: DocumentController.selection.count > 2; onTriggered: DocumentController.distributeSelection("vertical") }
    }

    WideMenu {
        id: helpMenu
        title: qsTr("&Help")
        WideMenu {
            id: examplesMenu
            title: qsTr("&Examples")
            Instantiator {
                model: DocumentController.examples
                delegate: MenuItem {
                    required property var modelData
                    text: modelData.title
                    onTriggered: bar.openPathRequested(modelData.path)
                }
                onObjectAdded: (index, object) => examplesMenu.insertItem(index, object)
                onObjectRemoved: (index, object) => examplesMenu.removeItem(object)
            }
        }
        MenuSeparator {}
        Action { text: qsTr("&Keyboard Shortcuts"); shortcut: "F1"; onTriggered: bar.shortcutsDialog.open() }
        Action { text: qsTr("&Rules of the Critique"); onTriggered: bar.rulesDialog.open() }
        Action { text: qsTr("&Practice History"); onTriggered: bar.practiceHistoryDialog.open() }
        MenuSeparator {}
        Action { text: qsTr("&About ArchLens"); onTriggered: bar.aboutDialog.open() }
    }
}
