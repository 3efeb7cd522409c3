import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// Help ▸ Practice History: every finished practice interview, newest first, with its score
// and the findings left open, and the score plotted over time.
Dialog {
    id: dialog
    objectName: "practiceHistoryDialog"

    property bool dark: false

    title: qsTr("Practice history")
    modal: true
    standardButtons: Dialog.Close
    footer: OutlinedDialogButtonBox { }
    width: 760
    height: Math.min(720, parent ? parent.height - 60 : 720)
    onAboutToShow: PracticeHistory.reload()

    ColumnLayout {
        anchors.fill: parent
        spacing: 10
        Label {
            objectName: "practiceHistoryProblem"
            visible: PracticeHistory.problem !== ""
            Layout.fillWidth: true
            wrapMode: Label.Wrap
            text: PracticeHistory.problem
            color: Theme.error
        }
        Label {
            visible: PracticeHistory.sessions.length === 0
            Layout.fillWidth: true
            wrapMode: Label.Wrap
            text: qsTr("No practice interview finished yet. Start one with File ▸ New Practice; when you press Finish it is recorded here.")
            color: dialog.palette.placeholderText
        }
        PlotItem {
            objectName: "scoreHistoryPlot"
            visible: PracticeHistory.sessions.length > 0
            Layout.fillWidth: true
            Layout.preferredHeight: 240
            kind: PlotItem.ScoreHistory
            history: PracticeHistory
            dark: dialog.dark
        }
        ListView {
            id: list
            objectName: "practiceSessions"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: PracticeHistory.sessions
            ScrollBar.vertical: ScrollBar { }
            header: RowLayout {
                width: list.width - 12
                visible: list.count > 0
                Label { text: qsTr("Finished"); font.bold: true; Layout.preferredWidth: 140 }
                Label { text: qsTr("Prompt"); font.bold: true; Layout.fillWidth: true }
                Label { text: qsTr("Time"); font.bold: true; Layout.preferredWidth: 110 }
                Label { text: qsTr("Score"); font.bold: true; Layout.preferredWidth: 60 }
                Label { text: qsTr("Open findings"); font.bold: true; Layout.preferredWidth: 150 }
            }
            delegate: RowLayout {
                required property var modelData
                width: list.width - 12
                Label { text: modelData.finishedAt; Layout.preferredWidth: 140 }
                Label { text: modelData.title; elide: Label.ElideRight; Layout.fillWidth: true }
                Label {
                    text: qsTr("%1 of %2 min").arg(Math.round(modelData.usedS / 60)).arg(modelData.minutes)
                    Layout.preferredWidth: 110
                }
                Label {
                    text: modelData.score === undefined ? "–" : String(Math.round(modelData.score))
                    font.bold: true
                    Layout.preferredWidth: 60
                }
                Label {
                    text: [Format.count(modelData.errors, qsTr("%1 error"), qsTr("%1 errors")),
                           Format.count(modelData.warnings, qsTr("%1 warning"), qsTr("%1 warnings")),
                           qsTr("%1 info").arg(modelData.infos)].join(" · ")
                    color: modelData.errors > 0 ? Theme.error : modelData.warnings > 0 ? Theme.warningText
                                                                                        : dialog.palette.windowText
                    Layout.preferredWidth: 150
                }
            }
        }
    }
}
