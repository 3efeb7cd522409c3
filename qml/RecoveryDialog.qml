import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// Offers the work that a program which did not end normally left in its recovery file:
// restore it, discard it, or decide later (it is offered again at the next start). One
// recovered design at a time, newest first.
Dialog {
    id: dialog
    objectName: "recoveryDialog"
    required property Autosave autosave
    /// The person chose to restore; the window first deals with its own unsaved changes.
    signal restoreRequested(string id)

    property var entry: null
    /// Ids already answered in this run (a restore may wait for the unsaved-changes question).
    property var answered: []
    function offer() {
        const waiting = autosave.recoverable.filter(e => answered.indexOf(e.id) < 0)
        if (waiting.length === 0) return
        entry = waiting[0]
        answered = answered.concat([entry.id])
        open()
    }

    title: qsTr("Recover unsaved work")
    modal: true
    closePolicy: Popup.NoAutoClose
    width: 480

    ColumnLayout {
        width: parent ? parent.width : 440
        spacing: 10
        Label {
            Layout.fillWidth: true
            wrapMode: Label.Wrap
            text: dialog.entry
                  // The file name goes in last, so that a "%1" in it stays text.
                  ? qsTr("ArchLens did not close normally. Unsaved changes to <b>%2</b> were kept, last written at %1.")
                    .arg(dialog.entry.savedAt).arg(dialog.entry.fileName.replace(/&/g, "&amp;").replace(/</g, "&lt;"))
                  : ""
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Label.Wrap
            opacity: 0.75
            visible: dialog.entry !== null && dialog.entry.source !== ""
            text: dialog.entry ? qsTr("Restoring opens them as unsaved changes to %1; Save writes them there.")
                                 .arg(dialog.entry.source) : ""
        }
    }

    footer: DialogButtonBox {
        OutlinedButton {
            id: restoreButton
            objectName: "restoreButton"
            text: qsTr("Restore")
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
        OutlinedButton {
            objectName: "discardButton"
            text: qsTr("Discard")
            DialogButtonBox.buttonRole: DialogButtonBox.DestructiveRole
        }
        OutlinedButton {
            objectName: "laterButton"
            text: qsTr("Later")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    onOpened: restoreButton.forceActiveFocus()
    // Enter restores, as the highlighted choice; Escape is "later".
    Shortcut {
        sequences: ["Return", "Enter"]
        enabled: dialog.opened
        onActivated: dialog.accept()
    }

    function next() {
        entry = null
        Qt.callLater(offer)
    }
    onAccepted: { const id = entry.id; restoreRequested(id); next() }
    onDiscarded: { autosave.discard(entry.id); close(); next() }
    onRejected: { autosave.postpone(entry.id); next() }
}
