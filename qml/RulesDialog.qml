import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// Help ▸ Rules: every rule of the critique with its severity, the section of the guide it
// cites and what it asks to change, searchable. The same list `archlens rules` prints.
Dialog {
    id: dialog
    objectName: "rulesDialog"

    title: qsTr("Rules of the critique")
    modal: true
    standardButtons: Dialog.Close
    footer: OutlinedDialogButtonBox { }
    width: 640
    height: Math.min(720, parent ? parent.height - 80 : 720)

    onOpened: search.forceActiveFocus()

    RuleListModel {
        id: rules
        filter: search.text
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        OutlinedTextField {
            id: search
            objectName: "ruleSearch"
            Layout.fillWidth: true
            placeholderText: qsTr("Search %1 rules by name, guide section or advice").arg(rules.total)
        }
        Label {
            visible: rules.count === 0
            text: qsTr("No rule matches \u201c%1\u201d.").arg(search.text)
            color: dialog.palette.placeholderText
        }
        ListView {
            id: list
            objectName: "ruleList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 10
            model: rules
            delegate: ColumnLayout {
                required property string ruleId
                required property string title
                required property string severity
                required property string guideSection
                required property string suggestion
                width: list.width - 12
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    Rectangle {
                        width: 10; height: 10; radius: 5
                        color: Theme.severity(severity)
                    }
                    Label {
                        text: title
                        font.bold: true
                        wrapMode: Label.Wrap
                        Layout.fillWidth: true
                    }
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Label.Wrap
                    text: suggestion
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Label.Wrap
                    color: dialog.palette.placeholderText
                    text: qsTr("%1 · Guide: %2 · %3").arg(severity).arg(guideSection).arg(ruleId)
                }
            }
            ScrollBar.vertical: ScrollBar {}
        }
    }
}
