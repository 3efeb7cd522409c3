import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// File ▸ New Practice: choose the prompt (or let chance choose) and the length of the
// interview; starting makes a new design with the practice session and its clock running.
Dialog {
    id: dialog
    objectName: "newPracticeDialog"

    /// The practice controller that starts the session.
    required property PracticeController practice

    title: qsTr("New practice interview")
    modal: true
    width: 680
    height: Math.min(600, parent ? parent.height - 80 : 600)
    standardButtons: Dialog.Ok | Dialog.Cancel
    footer: OutlinedDialogButtonBox { }

    property string promptId: ""
    property int minutes: 45
    readonly property var chosen: promptId === "" ? ({}) : PromptLibrary.prompt(promptId)

    Component.onCompleted: {
        const ok = standardButton(Dialog.Ok)
        if (ok) ok.text = qsTr("Start")
    }
    onAboutToShow: {
        if (promptId === "" && PromptLibrary.prompts.length > 0)
            promptId = PromptLibrary.prompts[0].id
        list.forceActiveFocus()
    }
    /// A session began: the window shows its panel.
    signal started()
    onAccepted: if (practice.start(promptId, minutes)) started()

    RowLayout {
        anchors.fill: parent
        spacing: 16
        ColumnLayout {
            Layout.preferredWidth: 230
            Layout.fillHeight: true
            Label { text: qsTr("Prompt"); font.bold: true }
            ListView {
                id: list
                objectName: "promptList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: PromptLibrary.prompts
                currentIndex: {
                    for (let i = 0; i < PromptLibrary.prompts.length; ++i)
                        if (PromptLibrary.prompts[i].id === dialog.promptId) return i
                    return -1
                }
                keyNavigationEnabled: true
                onCurrentIndexChanged: if (currentIndex >= 0) dialog.promptId = PromptLibrary.prompts[currentIndex].id
                delegate: ItemDelegate {
                    required property var modelData
                    required property int index
                    width: ListView.view.width
                    text: modelData.title
                    highlighted: ListView.isCurrentItem
                    onClicked: dialog.promptId = modelData.id
                    onDoubleClicked: { dialog.promptId = modelData.id; dialog.accept() }
                }
                ScrollBar.vertical: ScrollBar { }
            }
            OutlinedButton {
                objectName: "surpriseButton"
                text: qsTr("Surprise me")
                Layout.fillWidth: true
                onClicked: dialog.promptId = PromptLibrary.randomId()
            }
        }
        ColumnLayout {
            Layout.preferredWidth: 380
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8
            // A Column, not layout items: it places each label by its wrapped height.
            Column {
                Layout.fillWidth: true
                spacing: 8
                Label {
                    width: parent.width
                    text: dialog.chosen.title || ""
                    font.bold: true
                    font.pointSize: Qt.application.font.pointSize * 1.2
                }
                Label {
                    objectName: "promptStatement"
                    width: parent.width
                    wrapMode: Label.Wrap
                    text: dialog.chosen.statement || ""
                }
                Label {
                    width: parent.width
                    wrapMode: Label.Wrap
                    color: dialog.palette.placeholderText
                    text: dialog.chosen.targets
                          ? qsTr("Targets: %1 available, p99 under %2 ms. The scale is given when you ask for it, in the practice panel.")
                                .arg(Format.availabilityInput(dialog.chosen.targets.availability))
                                .arg(dialog.chosen.targets.p99Ms)
                          : ""
                }
            }
            Item { Layout.fillHeight: true }
            Label { text: qsTr("Length"); font.bold: true }
            RowLayout {
                Repeater {
                    model: [30, 45, 60]
                    OutlinedRadioButton {
                        required property int modelData
                        objectName: "length" + modelData
                        text: qsTr("%1 minutes").arg(modelData)
                        checked: dialog.minutes === modelData
                        onClicked: dialog.minutes = modelData
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                color: dialog.palette.placeholderText
                text: qsTr("The interview runs through requirements, estimates, API, high-level design, deep dive and trade-offs, with a suggested time for each. Starting opens a new design; the current one is kept if you save it first.")
            }
        }
    }
}
