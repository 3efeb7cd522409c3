import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// The catalogue by category, with a search box. Drag an entry onto the canvas to add it
// where it is dropped; double-click or Enter adds it at the middle of the view.
Pane {
    id: pane
    padding: 0
    signal addRequested(string kind)

    CatalogueModel { id: kinds }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        OutlinedTextField {
            id: search
            objectName: "paletteSearch"
            Layout.fillWidth: true
            Layout.margins: 8
            placeholderText: qsTr("Search components")
            onTextChanged: { kinds.filter = text; list.currentIndex = 0 }
            Keys.onDownPressed: list.forceActiveFocus()
            Keys.onReturnPressed: if (list.count > 0) pane.addRequested(kinds.kindAt(Math.max(0, list.currentIndex)))
        }
        ListView {
            id: list
            objectName: "paletteList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: kinds
            keyNavigationEnabled: true
            ScrollBar.vertical: ScrollBar {}
            section.property: "categoryLabel"
            section.delegate: Label {
                required property string section
                text: section
                font.bold: true
                font.pixelSize: 11
                font.capitalization: Font.AllUppercase
                opacity: 0.6
                leftPadding: 12
                topPadding: 10
                bottomPadding: 4
            }
            Keys.onReturnPressed: if (currentIndex >= 0) pane.addRequested(kinds.kindAt(currentIndex))
            Keys.onEnterPressed: if (currentIndex >= 0) pane.addRequested(kinds.kindAt(currentIndex))

            delegate: ItemDelegate {
                id: entry
                required property int index
                required property string kind
                required property string label
                required property string iconUrl
                required property string description
                objectName: "palette_" + kind
                width: ListView.view.width
                height: 36
                highlighted: ListView.isCurrentItem && ListView.view.activeFocus
                hoverEnabled: true
                ToolTip.visible: hovered && !dragHandler.active
                ToolTip.delay: 700
                ToolTip.text: description
                contentItem: RowLayout {
                    spacing: 10
                    Image {
                        source: entry.iconUrl
                        sourceSize: Qt.size(22, 22)
                        Layout.preferredWidth: 22
                        Layout.preferredHeight: 22
                    }
                    Label { text: entry.label; elide: Label.ElideRight; Layout.fillWidth: true }
                }
                onClicked: { list.currentIndex = index; list.forceActiveFocus() }
                onDoubleClicked: pane.addRequested(kind)

                // What follows the pointer while dragging; the canvas's DropArea reads kind.
                Rectangle {
                    id: ghost
                    property string kind: entry.kind
                    parent: entry.Window.window ? entry.Window.window.contentItem : entry
                    visible: dragHandler.active
                    width: 184; height: 56; radius: 4
                    color: entry.palette.base
                    border.color: entry.palette.highlight
                    border.width: 2
                    opacity: 0.85
                    z: 1000
                    Drag.active: dragHandler.active
                    Drag.keys: ["archlens/kind"]
                    Drag.hotSpot.x: width / 2
                    Drag.hotSpot.y: height / 2
                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: 12
                        spacing: 10
                        Image { source: entry.iconUrl; sourceSize: Qt.size(28, 28) }
                        Label { text: entry.label; font.bold: true; Layout.fillWidth: true; elide: Label.ElideRight }
                    }
                }
                DragHandler {
                    id: dragHandler
                    target: null
                    onCentroidChanged: if (active) {
                        const s = centroid.scenePosition
                        const p = ghost.parent.mapFromItem(null, s.x, s.y)
                        ghost.x = p.x - ghost.width / 2
                        ghost.y = p.y - ghost.height / 2
                    }
                    onActiveChanged: if (!active) ghost.Drag.drop()
                }
            }
        }
    }
}
