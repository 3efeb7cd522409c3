import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// The practice tab: the prompt as the interviewer put it, the numbers they give when asked,
// the phases with their times, and for the phase chosen (the current one unless another is
// picked) what to do, its checklist and the candidate's notes. Without a session it offers
// to start one.
ScrollView {
    id: panel
    objectName: "practicePanel"

    required property PracticeController practice
    signal newPracticeRequested()
    signal showScorecard()
    signal showEstimates()
    signal compareWithReference()

    contentWidth: availableWidth
    clip: true

    readonly property var prompt: practice.active ? PromptLibrary.prompt(practice.promptId) : ({})
    /// The phase whose checklist and notes are shown.
    property int shownPhase: practice.currentIndex
    Connections {
        target: panel.practice
        function onCurrentIndexChanged() { panel.shownPhase = panel.practice.currentIndex }
    }
    readonly property var phase: shownPhase >= 0 && shownPhase < practice.phases.length
                                 ? practice.phases[shownPhase] : null
    // The notes box is filled when the phase shown changes or the design is replaced, not on
    // every edit, so typing keeps its cursor.
    function loadNotes() { notes.text = practice.notes(shownPhase) }
    onShownPhaseChanged: loadNotes()
    Connections {
        target: DocumentController
        function onDocumentReplaced() { panel.loadNotes() }
        function onHistoryChanged() { if (!notes.activeFocus) panel.loadNotes() }
    }

    /// Shows the phase with this id (its checklist and notes).
    function showPhase(id) {
        for (let i = 0; i < practice.phases.length; ++i)
            if (practice.phases[i].id === id) shownPhase = i
    }

    /// The question interviewer mode is asking, or null.
    property var asking: null
    /// Asks the next question, with the answer given to it before if any.
    property bool fillingAnswer: false
    function ask() {
        asking = practice.questionsLeft > 0 ? practice.question : null
        fillingAnswer = true
        answerBox.text = asking ? practice.answerTo(asking.text) : ""
        fillingAnswer = false
        if (asking) answerBox.forceActiveFocus()
    }
    Connections {
        target: DocumentController
        function onDocumentReplaced() { panel.asking = null }
    }

    /// 100000000 as "100 M", 1500 as "1.5 k".
    function si(n) {
        const units = [[1e12, " T"], [1e9, " G"], [1e6, " M"], [1e3, " k"]]
        for (const [size, suffix] of units)
            if (Math.abs(n) >= size) return Number((n / size).toPrecision(3)) + suffix
        return String(Number(n.toPrecision(3)))
    }

    ColumnLayout {
        width: panel.availableWidth
        spacing: 10

        // No session: what practice is, and the way in.
        ColumnLayout {
            visible: !panel.practice.active
            Layout.fillWidth: true
            Layout.margins: 12
            spacing: 8
            Label {
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                text: qsTr("Practise a system-design interview: pick a prompt and a length, then work through the phases against the clock while the critique reads your design.")
            }
            OutlinedButton {
                objectName: "startPracticeButton"
                text: qsTr("New practice interview…")
                onClicked: panel.newPracticeRequested()
            }
        }

        ColumnLayout {
            visible: panel.practice.active
            Layout.fillWidth: true
            Layout.margins: 12
            spacing: 8
            Label {
                text: panel.prompt.title || ""
                font.bold: true
                font.pointSize: Qt.application.font.pointSize * 1.15
            }
            Label {
                objectName: "practiceStatement"
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                text: panel.prompt.statement || ""
            }
            Label { text: qsTr("What it must do"); font.bold: true }
            Repeater {
                model: panel.prompt.functional || []
                Label {
                    required property string modelData
                    Layout.fillWidth: true
                    wrapMode: Label.Wrap
                    text: "• " + modelData
                }
            }
            // The numbers are there when the candidate asks, as an interviewer gives them.
            OutlinedButton {
                objectName: "askNumbers"
                text: numbersShown.visible ? qsTr("Hide the numbers") : qsTr("Ask for the numbers")
                onClicked: numbersShown.visible = !numbersShown.visible
            }
            Label {
                id: numbersShown
                objectName: "practiceScale"
                visible: false
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                readonly property var s: panel.prompt.scale || ({})
                readonly property var t: panel.prompt.targets || ({})
                text: panel.practice.active && s.dailyUsers !== undefined
                      ? qsTr("%1 daily users; each reads %2 and writes %3 times a day; an object is %4 bytes and is kept %5 days; the peak is %6× the average. Targets: %7 available, p99 under %8 ms.")
                            .arg(panel.si(s.dailyUsers)).arg(s.readsPerUser).arg(s.writesPerUser)
                            .arg(panel.si(s.objectBytes)).arg(s.retentionDays).arg(s.peakFactor)
                            .arg(Format.availabilityInput(t.availability)).arg(t.p99Ms)
                      : ""
            }

            Label { text: qsTr("Phases"); font.bold: true; Layout.topMargin: 6 }
            Repeater {
                model: panel.practice.phases
                ItemDelegate {
                    required property var modelData
                    required property int index
                    objectName: "phaseRow_" + modelData.id
                    Layout.fillWidth: true
                    highlighted: index === panel.shownPhase
                    onClicked: panel.shownPhase = index
                    contentItem: RowLayout {
                        spacing: 8
                        Rectangle {
                            width: 10; height: 10; radius: 5
                            color: modelData.state === "current" ? Theme.ok
                                   : modelData.state === "done" ? panel.palette.placeholderText : "transparent"
                            border.color: panel.palette.placeholderText
                        }
                        Label {
                            text: modelData.title
                            font.bold: modelData.state === "current"
                            Layout.fillWidth: true
                        }
                        Label {
                            text: qsTr("%1/%2 ticked").arg(modelData.checkedCount).arg(modelData.checklist.length)
                            color: panel.palette.placeholderText
                        }
                        Label {
                            text: qsTr("%1 of %2")
                                    .arg(panel.practice.clockText(modelData.state === "current"
                                                                      ? panel.practice.currentUsedS : modelData.usedS))
                                    .arg(panel.practice.clockText(modelData.plannedS))
                            color: (modelData.state === "current" ? panel.practice.currentUsedS : modelData.usedS)
                                   > modelData.plannedS ? Theme.warningText : panel.palette.windowText
                        }
                    }
                }
            }
            OutlinedButton {
                objectName: "estimatesButton"
                visible: panel.phase !== null && panel.phase.id === "estimates"
                text: qsTr("Estimates calculator…")
                onClicked: panel.showEstimates()
            }
            OutlinedButton {
                visible: !panel.practice.finished && panel.shownPhase !== panel.practice.currentIndex
                text: qsTr("Work on this phase now")
                onClicked: panel.practice.goToPhase(panel.shownPhase)
            }

            Label {
                text: panel.phase ? panel.phase.title : ""
                font.bold: true
                Layout.topMargin: 6
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                color: panel.palette.placeholderText
                text: panel.phase ? panel.phase.hint : ""
            }
            Repeater {
                model: panel.phase ? panel.phase.checklist : []
                OutlinedCheckBox {
                    id: checkItem
                    required property var modelData
                    objectName: "check_" + modelData.id
                    Layout.fillWidth: true
                    text: modelData.text
                    // Wrapped, not elided: each item is a sentence to read in full.
                    contentItem: Label {
                        text: checkItem.text
                        wrapMode: Label.Wrap
                        leftPadding: checkItem.indicator.width + checkItem.spacing
                        verticalAlignment: Text.AlignVCenter
                    }
                    checked: modelData.checked
                    onClicked: panel.practice.setChecked(panel.shownPhase, modelData.id, checked)
                }
            }
            OutlinedTextArea {
                id: notes
                objectName: "practiceNotes"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(120, implicitHeight)
                wrapMode: TextEdit.Wrap
                placeholderText: qsTr("Notes for this phase: assumptions, numbers, API calls, decisions…")
                onTextChanged: if (activeFocus) panel.practice.setNotes(panel.shownPhase, text)
            }
            // Interviewer mode. The question on show is held here, not bound to the
            // controller's next one: answering it makes another one next while the
            // candidate is still typing.
            Label { text: qsTr("Interviewer"); font.bold: true; Layout.topMargin: 10 }
            Label {
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                color: panel.palette.placeholderText
                text: qsTr("The questions an interviewer would ask next: about the critique's open findings, the most serious first, then the prompt's deep dives.")
            }
            OutlinedButton {
                objectName: "askButton"
                visible: panel.asking === null
                enabled: panel.practice.questionsLeft > 0
                text: panel.practice.questionsLeft > 0
                      ? qsTr("Ask me a question (%1 left)").arg(panel.practice.questionsLeft)
                      : qsTr("No question left")
                onClicked: panel.ask()
            }
            ColumnLayout {
                visible: panel.asking !== null
                Layout.fillWidth: true
                spacing: 6
                Label {
                    objectName: "questionText"
                    Layout.fillWidth: true
                    wrapMode: Label.Wrap
                    font.bold: true
                    text: panel.asking ? panel.asking.text : ""
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Label.Wrap
                    color: panel.palette.placeholderText
                    text: !panel.asking ? ""
                          : panel.asking.source === "finding"
                            ? qsTr("Asked because of the %1 “%2” (guide: %3).")
                                  .arg(panel.asking.severity).arg(panel.asking.title).arg(panel.asking.guideSection)
                            : qsTr("A deep-dive question of the prompt.")
                }
                OutlinedTextArea {
                    id: answerBox
                    objectName: "answerBox"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(90, implicitHeight)
                    wrapMode: TextEdit.Wrap
                    placeholderText: qsTr("Your answer, as you would say it")
                    onTextChanged: if (activeFocus && panel.asking && !panel.fillingAnswer) panel.practice.answerQuestion(panel.asking.text, text)
                }
                RowLayout {
                    OutlinedButton {
                        objectName: "nextQuestion"
                        text: qsTr("Next question")
                        onClicked: panel.ask()
                    }
                    OutlinedButton {
                        text: qsTr("Skip")
                        onClicked: { panel.practice.skipQuestion(panel.asking.text); panel.ask() }
                    }
                    OutlinedButton {
                        text: qsTr("Stop")
                        onClicked: panel.asking = null
                    }
                }
            }
            Label {
                visible: panel.practice.answers.length > 0
                text: qsTr("Answered (%1)").arg(panel.practice.answers.length)
                font.bold: true
            }
            Repeater {
                model: panel.practice.answers
                ColumnLayout {
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: 2
                    Label { Layout.fillWidth: true; wrapMode: Label.Wrap; text: modelData.question; font.italic: true }
                    Label { Layout.fillWidth: true; wrapMode: Label.Wrap; text: modelData.answer }
                }
            }

            // A Flow: the buttons wrap when the pane is narrow.
            Flow {
                Layout.fillWidth: true
                Layout.topMargin: 6
                spacing: 6
                OutlinedButton {
                    text: panel.practice.finished ? qsTr("Scorecard") : qsTr("Score so far")
                    onClicked: panel.showScorecard()
                }
                OutlinedButton {
                    objectName: "compareWithReference"
                    text: qsTr("Compare with the reference")
                    onClicked: panel.compareWithReference()
                }
                OutlinedButton {
                    text: qsTr("Discard session")
                    onClicked: panel.practice.discard()
                }
            }
        }
    }
}
