import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// The menu bar. Every command of the editor is here with its shortcut shown, so the
// shortcuts can be learnt from the menus; the window supplies the file dialogs.
MenuBar {
    id: bar
    required property var canvas
    required property var settings
    signal newRequested()
    signal openRequested()
    signal openPathRequested(string path)
    signal saveRequested()
    signal saveAsRequested()
    signal quitRequested()
    signal renameRequested()

    readonly property bool hasSelection: DocumentController.selection.count > 0

    // The export dialog belongs to the entries that open it; it shows over the window.
    readonly property ExportDialog exportDialog: ExportDialog {
        parent: bar.Window.window ? bar.Window.window.contentItem : bar
    }

    // A menu entry that shows its action's shortcut on the right.
    component Entry: MenuItem {
        id: entry
        contentItem: RowLayout {
            spacing: 24
            Label {
                text: entry.text.replace("&&", "&")
                color: entry.enabled ? entry.palette.windowText : entry.palette.placeholderText
                Layout.fillWidth: true
            }
            Label {
                text: entry.action && entry.action.shortcut ? entry.action.shortcut : ""
                color: entry.palette.placeholderText
            }
        }
    }

    Menu {
        title: qsTr("&File")
        delegate: Entry {}
        Action { text: qsTr("&New"); shortcut: "Ctrl+N"; onTriggered: bar.newRequested() }
        Action { text: qsTr("&Open…"); shortcut: "Ctrl+O"; onTriggered: bar.openRequested() }
        Menu {
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
        Action { text: qsTr("&Export…"); shortcut: "Ctrl+E"; onTriggered: bar.exportDialog.openFor(false) }
        Action { text: qsTr("Export Re&port…"); shortcut: "Ctrl+Shift+E"; onTriggered: bar.exportDialog.openFor(true) }
        MenuSeparator {}
        Action { text: qsTr("&Quit"); shortcut: "Ctrl+Q"; onTriggered: bar.quitRequested() }
    }

    Menu {
        title: qsTr("&Edit")
        delegate: Entry {}
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
    }

    Menu {
        title: qsTr("&View")
        delegate: Entry {}
        Action { text: qsTr("Zoom &In"); shortcut: "Ctrl+="; onTriggered: bar.canvas.view.zoomTo(bar.canvas.view.zoom * 1.25) }
        Action { text: qsTr("Zoom &Out"); shortcut: "Ctrl+-"; onTriggered: bar.canvas.view.zoomTo(bar.canvas.view.zoom / 1.25) }
        Action { text: qsTr("Zoom to &Fit"); shortcut: "Ctrl+0"; onTriggered: bar.canvas.view.zoomToFit() }
        Action { text: qsTr("&Actual Size (100%)"); shortcut: "Ctrl+1"; onTriggered: bar.canvas.view.zoomTo(1.0) }
        MenuSeparator {}
        Action { text: qsTr("Show &Grid"); checkable: true; checked: bar.settings.showGrid; shortcut: "Ctrl+'"; onTriggered: bar.settings.showGrid = checked }
        Action { text: qsTr("&Snap to Grid"); checkable: true; checked: bar.settings.snapToGrid; onTriggered: bar.settings.snapToGrid = checked }
        MenuSeparator {}
        Menu {
            title: qsTr("&Theme")
            Action { text: qsTr("Follow the &System"); checkable: true; checked: bar.settings.theme === "system"; onTriggered: bar.settings.theme = "system" }
            Action { text: qsTr("&Light"); checkable: true; checked: bar.settings.theme === "light"; onTriggered: bar.settings.theme = "light" }
            Action { text: qsTr("&Dark"); checkable: true; checked: bar.settings.theme === "dark"; onTriggered: bar.settings.theme = "dark" }
        }
    }

    Menu {
        id: arrangeMenu
        title: qsTr("&Arrange")
        delegate: Entry {}
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

    Menu {
        id: helpMenu
        title: qsTr("&Help")
        Menu {
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
    }
}
