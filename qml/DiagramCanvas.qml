import QtQuick
import QtQuick.Controls
import ArchLens

// The canvas: the C++ DiagramView that draws and handles the mouse, a drop area for the
// palette, the text field for renaming in place and the context menu.
Item {
    id: root
    property alias view: view
    property alias dark: view.dark
    property alias showGrid: view.showGrid
    property alias snapToGrid: view.snapToGrid
    /// The comparison with another design drawn over the diagram (File ▸ Compare With …).
    readonly property alias comparison: comparisonController
    /// An example was picked from the empty canvas; the window deals with unsaved changes.
    signal openExampleRequested(string path)

    function startRename(id) {
        if (id === "") return
        const r = view.elementRect(id)
        if (r.width <= 0) return
        renameField.elementId = id
        renameField.text = DocumentController.attribute(id, DocumentController.selection.currentKind === SelectionModel.NoteElement ? "text" : "name")
        renameField.x = r.x + 40 * view.zoom
        renameField.y = r.y + Math.max(0, (r.height - renameField.height) / 2)
        renameField.width = Math.max(120, r.width - 44 * view.zoom)
        renameField.visible = true
        renameField.selectAll()
        renameField.forceActiveFocus()
    }


    DiagramView {
        id: view
        objectName: "diagramView"
        anchors.fill: parent
        controller: DocumentController
        comparison: comparisonController
        focus: true
        onEditRequested: (id) => root.startRename(id)
        onContextMenuRequested: (id, p) => {
            contextMenu.docPoint = view.mapToDocument(p)
            contextMenu.popup(view, p.x, p.y)
        }
        onViewChanged: if (renameField.visible) renameField.commit()
        onQuickAddRequested: (text, p) => quickAdd.openAt(p, text)
    }

    ComparisonController {
        id: comparisonController
        objectName: "comparison"
        document: DocumentController
    }

    // At the bottom, clear of the zone legend and of where a design opens (its top left).
    ComparisonBanner {
        comparison: comparisonController
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 8
        anchors.horizontalCenter: parent.horizontalCenter
        width: Math.min(implicitWidth, parent.width - 16)
        z: 6
    }

    // The names of the ghosts of removed components, in their boxes (the canvas draws the
    // boxes). Text only, under the banner: they take no clicks.
    Repeater {
        model: comparisonController.active ? comparisonController.ghosts : []
        delegate: Label {
            required property var modelData
            objectName: "comparisonGhost"
            x: (modelData.x - view.origin.x) * view.zoom
            y: (modelData.y - view.origin.y) * view.zoom
            width: modelData.width * view.zoom
            height: modelData.height * view.zoom
            visible: view.zoom >= 0.3
            text: modelData.name
            font.pixelSize: Math.max(8, 13 * view.zoom)
            font.strikeout: true
            color: Theme.error
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.Wrap
            elide: Text.ElideRight
            padding: 4 * view.zoom
            z: 4
        }
    }

    QuickAdd {
        id: quickAdd
        parent: view
        view: view
    }

    // Every zone, over the top-left corner; a click selects (or, in failure mode, fails) one.
    ZoneLegend {
        id: zoneLegend
        view: view
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: 8
        z: 5
    }

    // An empty design says how to begin: from the palette, or from an example.
    Column {
        id: emptyHint
        objectName: "emptyHint"
        anchors.centerIn: parent
        width: Math.min(parent.width - 40, 460)
        spacing: 10
        visible: DocumentController.components.count === 0
        Label {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("An empty design")
            font.pixelSize: 20
            font.bold: true
            opacity: 0.7
        }
        Label {
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            opacity: 0.7
            text: qsTr("Drag a component from the palette on the left and drop it here, then draw a connection from the dot on its right side. Or start from an example:")
        }
        Flow {
            width: parent.width
            spacing: 6
            Repeater {
                model: DocumentController.examples
                delegate: OutlinedButton {
                    required property var modelData
                    objectName: "example_" + modelData.title
                    text: modelData.title
                    onClicked: root.openExampleRequested(modelData.path)
                }
            }
        }
    }

    // The full name of the box under the pointer, which the box itself may cut short.
    ToolTip {
        id: nameTip
        objectName: "nameTip"
        parent: view
        delay: 500
        readonly property string hovered: view.hoveredId
        readonly property rect box: hovered !== "" ? view.elementRect(hovered) : Qt.rect(0, 0, 0, 0)
        visible: hovered !== "" && !renameField.visible
        x: box.x
        y: box.y + box.height + 4
        text: hovered !== "" ? DocumentController.attribute(hovered, "name") : ""
    }

    DropArea {
        anchors.fill: parent
        keys: ["archlens/kind"]
        onDropped: (drop) => {
            const p = view.mapToDocument(Qt.point(drop.x, drop.y))
            DocumentController.addComponent(drop.source.kind, p.x, p.y)
            view.forceActiveFocus()
        }
    }

    OutlinedTextField {
        id: renameField
        objectName: "renameField"
        property string elementId: ""
        visible: false
        z: 10
        function commit() {
            if (!visible) return
            visible = false
            DocumentController.rename(elementId, text)
            view.forceActiveFocus()
        }
        onAccepted: commit()
        onActiveFocusChanged: if (!activeFocus) commit()
        Keys.onEscapePressed: { visible = false; view.forceActiveFocus() }
    }

    Menu {
        id: contextMenu
        property point docPoint
        MenuItem { text: qsTr("Rename"); enabled: DocumentController.selection.count === 1; onTriggered: root.startRename(DocumentController.selection.current) }
        MenuItem { text: qsTr("Cut"); enabled: DocumentController.selection.count > 0; onTriggered: DocumentController.cutSelection() }
        MenuItem { text: qsTr("Copy"); enabled: DocumentController.selection.count > 0; onTriggered: DocumentController.copySelection() }
        MenuItem { text: qsTr("Paste Here"); onTriggered: DocumentController.paste(contextMenu.docPoint.x, contextMenu.docPoint.y) }
        MenuItem { text: qsTr("Duplicate"); enabled: DocumentController.selection.count > 0; onTriggered: DocumentController.duplicateSelection() }
        MenuItem { text: qsTr("Delete"); enabled: DocumentController.selection.count > 0; onTriggered: DocumentController.deleteSelection() }
        MenuItem {
            objectName: "fitToName"
            text: qsTr("Fit Size to Name")
            visible: DocumentController.selection.count === 1 && DocumentController.isResized(DocumentController.selection.current)
            height: visible ? implicitHeight : 0
            onTriggered: DocumentController.resizeComponent(DocumentController.selection.current, NaN, NaN)
        }
        MenuSeparator {}
        MenuItem { text: qsTr("Add Note Here"); onTriggered: DocumentController.addNote(contextMenu.docPoint.x, contextMenu.docPoint.y) }
    }
}
