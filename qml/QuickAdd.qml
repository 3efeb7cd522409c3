import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// The quick-add search: a letter, "/" or Ctrl+K on the canvas opens it at the pointer.
// Typing narrows the catalogue's kinds (best matches first), the arrow keys move, Enter
// places the chosen kind where the pointer was and, when one component is selected,
// connects it to the new one (one undo step); Escape closes it.
Popup {
    id: popup
    objectName: "quickAdd"
    required property DiagramView view
    /// Where the new component goes, in document coordinates.
    property point docPoint

    width: 300
    padding: 6
    focus: true
    modal: false
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside

    /// Opens at an item point of the view, the search starting with `text`.
    function openAt(itemPoint, text) {
        docPoint = view.mapToDocument(itemPoint)
        // Inside the view, below and to the right of the pointer where there is room.
        x = Math.max(0, Math.min(itemPoint.x, view.width - width))
        y = Math.max(0, Math.min(itemPoint.y, view.height - implicitHeight))
        field.text = text
        kinds.filter = text
        list.currentIndex = 0
        open()
        field.forceActiveFocus()
        field.cursorPosition = field.text.length
    }

    /// The selected component the new one is called from, or "".
    function source() {
        const sel = DocumentController.selection
        return sel.count === 1 && sel.currentKind === SelectionModel.ComponentElement ? sel.current : ""
    }

    function accept() {
        const kind = kinds.kindAt(list.currentIndex)
        if (kind === "") return
        const from = source()
        close()
        DocumentController.addConnectedComponent(kind, docPoint.x, docPoint.y, from)
    }

    onClosed: view.forceActiveFocus()

    CatalogueModel {
        id: kinds
        ranked: true
    }

    contentItem: ColumnLayout {
        spacing: 4
        OutlinedTextField {
            id: field
            objectName: "quickAddField"
            Layout.fillWidth: true
            placeholderText: popup.source() !== ""
                             ? qsTr("Add a component called from %1").arg(DocumentController.attribute(popup.source(), "name"))
                             : qsTr("Add a component")
            onTextChanged: { kinds.filter = text; list.currentIndex = 0 }
            Keys.onUpPressed: list.currentIndex = Math.max(0, list.currentIndex - 1)
            Keys.onDownPressed: list.currentIndex = Math.min(list.count - 1, list.currentIndex + 1)
            Keys.onReturnPressed: popup.accept()
            Keys.onEnterPressed: popup.accept()
        }
        ListView {
            id: list
            objectName: "quickAddList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(count, 8) * 32
            // No rows made ahead of time: the model is reset at every key, and a row being
            // made in the background for a reset model is cancelled with a warning.
            cacheBuffer: 0
            clip: true
            model: kinds
            highlightMoveDuration: 0
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: row
                required property int index
                required property string kind
                required property string label
                required property string iconUrl
                required property string categoryLabel
                objectName: "quickAdd_" + kind
                width: ListView.view.width
                height: 32
                highlighted: ListView.isCurrentItem
                contentItem: RowLayout {
                    spacing: 8
                    Image {
                        source: row.iconUrl
                        sourceSize: Qt.size(20, 20)
                        Layout.preferredWidth: 20
                        Layout.preferredHeight: 20
                    }
                    Label { text: row.label; elide: Label.ElideRight; Layout.fillWidth: true }
                    Label { text: row.categoryLabel; opacity: 0.6; font.pixelSize: 11 }
                }
                onClicked: { list.currentIndex = index; popup.accept() }
            }
        }
        Label {
            visible: list.count === 0
            text: qsTr("No kind matches “%1”").arg(field.text)
            opacity: 0.7
        }
    }
}
