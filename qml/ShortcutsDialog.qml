import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens
import "MenuText.js" as MenuText

// Help ▸ Keyboard Shortcuts: every menu command that has a shortcut, read from the menu
// bar itself when the sheet opens (so it cannot fall out of date), then what the canvas
// does with keys and the mouse, which no menu shows.
Dialog {
    id: dialog
    objectName: "shortcutsDialog"
    required property MenuBar menuBar

    title: qsTr("Keyboard shortcuts")
    modal: true
    standardButtons: Dialog.Close
    footer: OutlinedDialogButtonBox { }
    width: 560
    height: Math.min(640, parent ? parent.height - 80 : 640)

    // The canvas's own keys and gestures (DiagramView), which are not menu commands.
    readonly property var canvasRows: [
        { where: qsTr("Canvas"), what: qsTr("Move the selection by one grid step (Shift: four, Alt: one pixel)"), keys: qsTr("Arrow keys") },
        { where: qsTr("Canvas"), what: qsTr("Rename the selected element"), keys: qsTr("F2 or Enter") },
        { where: qsTr("Canvas"), what: qsTr("Clear the selection, or cancel a drag"), keys: qsTr("Esc") },
        { where: qsTr("Canvas"), what: qsTr("Add to the selection"), keys: qsTr("Shift+click or Ctrl+click") },
        { where: qsTr("Canvas"), what: qsTr("Pan"), keys: qsTr("Space+drag or middle-button drag") },
        { where: qsTr("Canvas"), what: qsTr("Zoom at the pointer"), keys: qsTr("Ctrl+wheel") },
        { where: qsTr("Canvas"), what: qsTr("Scroll sideways"), keys: qsTr("Shift+wheel") },
        { where: qsTr("Canvas"), what: qsTr("Connect two components"), keys: qsTr("Drag from the dot on a box's right side") },
        { where: qsTr("Canvas"), what: qsTr("Quick add: search a kind, Enter places it at the pointer, connected from the selected component"), keys: qsTr("A letter, / or Ctrl+K") },
        { where: qsTr("Canvas"), what: qsTr("Drag without snapping to other boxes or the grid"), keys: qsTr("Alt+drag") },
    ]
    // Second shortcuts of menu commands (Main.qml), shown beside the first.
    readonly property var alternatives: ({ "Redo": "Ctrl+Y", "Delete": "Backspace", "Zoom In": "Ctrl++" })
    // Keys as their caps read.
    function keyText(sequence) {
        return sequence === "Del" ? qsTr("Delete") : sequence
    }

    property var rows: []

    // The command a menu entry stands for, without what it would act on now: the sheet
    // says "Undo", not "Undo Rename Link API".
    function commandName(text) {
        const plain = MenuText.plain(text)
        const m = plain.match(/^(Undo|Redo)\b/)
        return m ? m[1] : plain
    }
    function walk(menu, path, out) {
        for (let i = 0; i < menu.count; ++i) {
            const sub = menu.menuAt(i)
            if (sub) {
                walk(sub, path + " \u25b8 " + MenuText.plain(sub.title), out)
                continue
            }
            const action = menu.actionAt(i)
            if (!action || !action.shortcut) continue
            const what = commandName(action.text)
            const keys = keyText(String(action.shortcut))
            out.push({ where: path, what: what,
                       keys: alternatives[what] ? qsTr("%1 or %2").arg(keys).arg(alternatives[what]) : keys })
        }
    }
    function collect() {
        const out = []
        for (let m = 0; m < menuBar.count; ++m) {
            const menu = menuBar.menuAt(m)
            if (menu) walk(menu, MenuText.plain(menu.title), out)
        }
        return out.concat(canvasRows)
    }
    onAboutToShow: rows = collect()

    ListView {
        id: list
        objectName: "shortcutList"
        anchors.fill: parent
        clip: true
        model: dialog.rows
        section.property: "where"
        section.delegate: Label {
            required property string section
            text: section
            font.bold: true
            topPadding: 10
            bottomPadding: 2
        }
        delegate: RowLayout {
            required property var modelData
            width: list.width
            spacing: 16
            Label {
                text: modelData.what
                wrapMode: Label.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: modelData.keys
                color: dialog.palette.placeholderText
                horizontalAlignment: Text.AlignRight
                Layout.preferredWidth: Math.min(implicitWidth, 220)
                wrapMode: Label.Wrap
            }
        }
        ScrollBar.vertical: ScrollBar {}
    }
}
