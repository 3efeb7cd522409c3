import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// The practice interview's clock, across the top of the window while a session is open:
// the prompt, the current phase with its time against the plan, the time left, and the
// buttons to pause, move on and finish.
ToolBar {
    id: bar
    objectName: "practiceBar"

    required property PracticeController practice
    /// Shows the practice panel (its notes and checklists).
    signal showPanel()
    /// Shows the scorecard (the bar asks for it when the session is finished).
    signal showScorecard()

    visible: practice.active
    readonly property var phase: practice.currentIndex >= 0 && practice.currentIndex < practice.phases.length
                                 ? practice.phases[practice.currentIndex] : null
    readonly property bool phaseOver: practice.currentUsedS > practice.currentPlannedS
    readonly property bool timeOver: practice.remainingS < 0

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 10
        anchors.rightMargin: 10
        spacing: 12
        Label {
            text: qsTr("Practice: %1").arg(bar.practice.promptTitle)
            font.bold: true
        }
        Label {
            objectName: "practicePhase"
            visible: !bar.practice.finished && bar.phase !== null
            text: bar.phase ? qsTr("%1 (%2 of %3) · %4 %5")
                                .arg(bar.phase.title)
                                .arg(bar.practice.currentIndex + 1)
                                .arg(bar.practice.phases.length)
                                .arg(bar.practice.clockText(bar.practice.currentUsedS))
                                .arg(qsTr("of %1").arg(bar.practice.clockText(bar.practice.currentPlannedS)))
                            : ""
            color: bar.phaseOver ? Theme.warningText : bar.palette.windowText
        }
        Item { Layout.fillWidth: true }
        Label {
            objectName: "practiceRemaining"
            text: bar.practice.finished ? qsTr("Finished in %1").arg(bar.practice.clockText(bar.practice.usedS))
                  : bar.timeOver ? qsTr("%1 over time").arg(bar.practice.clockText(-bar.practice.remainingS))
                  : qsTr("%1 left").arg(bar.practice.clockText(bar.practice.remainingS))
            font.pointSize: Qt.application.font.pointSize * 1.25
            color: bar.timeOver ? Theme.error : bar.palette.windowText
        }
        OutlinedButton {
            objectName: "practicePause"
            visible: !bar.practice.finished
            text: bar.practice.running ? qsTr("Pause") : qsTr("Resume")
            onClicked: bar.practice.running ? bar.practice.pause() : bar.practice.resume()
        }
        OutlinedButton {
            objectName: "practiceNext"
            visible: !bar.practice.finished && bar.practice.currentIndex < bar.practice.phases.length - 1
            text: qsTr("Next phase")
            onClicked: bar.practice.nextPhase()
        }
        OutlinedButton {
            objectName: "practiceFinish"
            visible: !bar.practice.finished
            text: qsTr("Finish")
            onClicked: if (bar.practice.finish()) bar.showScorecard()
        }
        OutlinedButton {
            objectName: "practiceScore"
            text: bar.practice.finished ? qsTr("Scorecard") : qsTr("Score so far")
            onClicked: bar.showScorecard()
        }
        OutlinedButton {
            text: qsTr("Notes && checklist")
            onClicked: bar.showPanel()
        }
    }
}
