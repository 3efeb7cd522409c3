import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// The back-of-the-envelope calculator: the interviewer's numbers and the candidate's
// assumptions on the left, every figure with its formula on the right, and Apply to size
// the design's flows and peak traffic to them (one undo step).
Dialog {
    id: dialog
    objectName: "estimatesDialog"

    /// The prompt whose numbers to start from when opened ("" keeps the last inputs).
    property string promptId: ""

    title: qsTr("Back-of-the-envelope estimates")
    modal: true
    width: 860
    height: Math.min(620, parent ? parent.height - 60 : 620)
    standardButtons: Dialog.Apply | Dialog.Close
    footer: OutlinedDialogButtonBox { }

    EstimateCalculator {
        id: calculator
        objectName: "estimateCalculator"
        controller: DocumentController
    }
    onAboutToShow: if (promptId !== "") calculator.usePrompt(promptId)
    onApplied: if (calculator.apply()) close()

    readonly property var fields: [
        { name: "daily_users", label: qsTr("Daily users") },
        { name: "reads_per_user_per_day", label: qsTr("Reads per user a day") },
        { name: "writes_per_user_per_day", label: qsTr("Writes per user a day") },
        { name: "object_bytes", label: qsTr("Object size (bytes)") },
        { name: "retention_days", label: qsTr("Retention (days)") },
        { name: "peak_factor", label: qsTr("Peak over average (×)") },
        { name: "hot_fraction", label: qsTr("Hot share of reads to cache") },
        { name: "server_rps", label: qsTr("Requests a second per server") },
        { name: "replication", label: qsTr("Copies of each object") }
    ]

    RowLayout {
        anchors.fill: parent
        spacing: 18
        GridLayout {
            Layout.alignment: Qt.AlignTop
            columns: 2
            columnSpacing: 8
            rowSpacing: 6
            Repeater {
                model: dialog.fields
                delegate: Label {
                    required property var modelData
                    required property int index
                    Layout.row: index
                    Layout.column: 0
                    text: modelData.label
                }
            }
            Repeater {
                model: dialog.fields
                delegate: OutlinedTextField {
                    required property var modelData
                    required property int index
                    objectName: "estimate_" + modelData.name
                    Layout.row: index
                    Layout.column: 1
                    Layout.preferredWidth: 130
                    horizontalAlignment: TextInput.AlignRight
                    // Shown as the calculator holds it; typed values go in as they parse.
                    text: String(calculator.inputs[modelData.name])
                    onTextEdited: {
                        const v = Number(text.replace(/[ ,_]/g, ""))
                        if (text.trim() !== "" && !isNaN(v)) calculator.setInput(modelData.name, v)
                    }
                }
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 6
            Repeater {
                model: calculator.problems
                Label {
                    required property var modelData
                    Layout.fillWidth: true
                    wrapMode: Label.Wrap
                    color: Theme.error
                    text: modelData.message
                }
            }
            ListView {
                id: figureList
                objectName: "estimateFigures"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 8
                model: calculator.figures
                ScrollBar.vertical: ScrollBar { }
                delegate: ColumnLayout {
                    required property var modelData
                    width: figureList.width - 12
                    spacing: 1
                    RowLayout {
                        Layout.fillWidth: true
                        Label { text: modelData.label; Layout.fillWidth: true }
                        Label { text: modelData.text; font.bold: true }
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Label.Wrap
                        text: modelData.formula
                        color: dialog.palette.placeholderText
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                color: dialog.palette.placeholderText
                text: qsTr("Apply sizes the design: the user-facing read flows together carry the peak reads and the write flows the peak writes, each keeping its share; the requirements' peak traffic becomes the total. One step to undo.")
            }
        }
    }
}
