import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// The critique: findings of the live analysis grouped by severity, with counts, filters
// and search. Selecting a finding selects its subjects on the canvas and scrolls to them.
Pane {
    id: panel
    required property AnalysisController analysis
    property DiagramView view: null
    padding: 0

    /// Makes a finding current: selects its subjects, lights them up on the canvas (a flow
    /// along its critical path) and scrolls them into view.
    /// A finding about a flow was looked at: the numbers can follow that flow.
    signal flowLookedAt(string flow)

    /// The finding being looked at, by identity (rule, subjects, flow), so that it stays
    /// open and lit when the list is rebuilt by a fix, an undo or a change of traffic, and
    /// lets go of the canvas when it goes away.
    property string currentIdentity: ""

    function lookAt(row) {
        if (row < 0 || row >= findings.count) return
        list.currentIndex = row
        currentIdentity = findings.identityAt(row)
        const subjects = findings.subjectsAt(row)
        DocumentController.selection.setIds(subjects)
        const flow = findings.flowAt(row)
        if (flow !== "") flowLookedAt(flow)
        if (view) {
            // After the selection: a click on the canvas clears the glow.
            // A finding about a flow lights up the flow's path as well.
            view.highlight = flow !== "" ? subjects.concat([flow]) : subjects
            view.revealElements(view.highlightedElements())
        }
    }

    FindingModel {
        id: findings
        objectName: "findingModel"
        analysis: panel.analysis
        subjects: onlySelection.checked ? DocumentController.selection.ids : []
        // Rebuilt: find the finding being looked at again. Still there, it stays current
        // (its subjects may have changed place, so the glow is drawn anew); gone, its glow
        // goes with it. After the list view's own reset, which moves to the first row.
        onModelReset: Qt.callLater(panel.followCurrent)
    }
    function followCurrent() {
        if (currentIdentity === "") return
        const row = findings.rowOfIdentity(currentIdentity)
        list.currentIndex = row
        if (row < 0) {
            currentIdentity = ""
            if (view) view.highlight = []
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            Rectangle {
                width: 10; height: 10; radius: 5
                color: panel.analysis.status === AnalysisController.Fresh ? Theme.ok
                     : panel.analysis.status === AnalysisController.Invalid ? Theme.error : Theme.pending
            }
            Label {
                objectName: "analysisStatus"
                Layout.fillWidth: true
                elide: Label.ElideRight
                opacity: 0.8
                text: panel.analysis.status === AnalysisController.Fresh
                      ? qsTr("Up to date · analysed in %1").arg(Format.milliseconds(panel.analysis.lastRunMs))
                      : panel.analysis.status === AnalysisController.Invalid
                        ? qsTr("Cannot analyse: %1").arg(panel.analysis.problem)
                        : panel.analysis.progress >= 0
                          ? qsTr("Analysing… %1 %").arg(Math.round(panel.analysis.progress * 100))
                          : qsTr("Analysing…")
            }
            Label {
                visible: panel.analysis.acceptedCount > 0
                text: qsTr("%1 accepted").arg(panel.analysis.acceptedCount)
                opacity: 0.7
            }
        }

        RowLayout {
            spacing: 4
            // Three fixed buttons: a model that changed with the counts would make the
            // Repeater rebuild its buttons in the middle of the row's layout.
            Repeater {
                model: 3
                delegate: OutlinedButton {
                    required property int index
                    readonly property string key: ["showErrors", "showWarnings", "showInfo"][index]
                    readonly property string label: [qsTr("Errors"), qsTr("Warnings"), qsTr("Info")][index]
                    readonly property int count: [panel.analysis.errorCount, panel.analysis.warningCount,
                                                  panel.analysis.infoCount][index]
                    // Text colours: amber marks are too light to read as text.
                    readonly property color colour: [Theme.error, Theme.warningText, Theme.info][index]
                    checkable: true
                    checked: findings[key]
                    onToggled: findings[key] = checked
                    text: label + "  " + count
                    palette.buttonText: checked ? colour : panel.palette.placeholderText
                    font.bold: checked
                    ToolTip.visible: hovered
                    ToolTip.text: checked ? qsTr("Hide %1").arg(label.toLowerCase())
                                          : qsTr("Show %1").arg(label.toLowerCase())
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            OutlinedTextField {
                id: searchField
                objectName: "findingSearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Search findings")
                onTextChanged: findings.search = text
            }
            OutlinedComboBox {
                id: ruleBox
                Layout.preferredWidth: 140
                model: [qsTr("All rules")].concat(findings.rules)
                onActivated: (index) => findings.rule = index === 0 ? "" : findings.rules[index - 1]
            }
        }
        OutlinedCheckBox {
            id: onlySelection
            text: qsTr("Only findings about the selection")
        }

        ListView {
            id: list
            objectName: "findingList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: findings
            spacing: 2
            ScrollBar.vertical: ScrollBar {}
            section.property: "severityLabel"
            section.delegate: Label {
                required property string section
                text: section
                font.bold: true
                font.pixelSize: 11
                font.capitalization: Font.AllUppercase
                opacity: 0.6
                topPadding: 8
                bottomPadding: 2
            }
            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                width: parent.width - 24
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                opacity: 0.6
                text: panel.analysis.status === AnalysisController.Fresh ? qsTr("Nothing to point at here.") : ""
            }

            delegate: ItemDelegate {
                id: entry
                required property int index
                required property string severity
                required property string title
                required property string message
                required property string suggestion
                required property string guideSection
                required property string followUp
                required property string rule
                required property var subjects
                required property string flow
                required property bool acknowledged
                required property string acknowledgement
                required property var key
                required property string identity
                width: ListView.view.width - 10
                // Open for the finding being looked at, wherever the list put it.
                highlighted: identity === panel.currentIdentity
                onClicked: panel.lookAt(index)
                // A light tint rather than the selection colour: the severity bar and the
                // text keep their colours.
                background: Rectangle {
                    readonly property color tint: panel.palette.highlight
                    color: Qt.rgba(tint.r, tint.g, tint.b,
                                   entry.highlighted ? 0.16 : entry.hovered ? 0.06 : 0)
                    radius: 3
                }
                // Plain anchors and columns: a layout inside a delegate that a model reset
                // destroys mid-arrangement crashes Qt 6.4's layout engine.
                contentItem: Item {
                    implicitHeight: texts.implicitHeight
                    Rectangle {
                        id: bar
                        objectName: "severityBar"
                        width: 4
                        height: parent.height
                        radius: 2
                        color: entry.acknowledged ? Theme.accepted : Theme.severity(entry.severity)
                    }
                    Column {
                        id: texts
                        anchors.left: bar.right
                        anchors.leftMargin: 8
                        anchors.right: parent.right
                        spacing: 3
                        Label {
                            width: parent.width
                            text: entry.title
                            font.bold: true
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                        }
                        Label {
                            width: parent.width
                            text: entry.message
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            opacity: 0.9
                        }
                        Label {
                            width: parent.width
                            visible: entry.highlighted
                            text: qsTr("Change: %1").arg(entry.suggestion)
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                        }
                        Label {
                            width: parent.width
                            visible: entry.highlighted && entry.followUp !== ""
                            text: qsTr("Next question: %1").arg(entry.followUp)
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            font.italic: true
                        }
                        Label {
                            width: parent.width
                            visible: entry.acknowledged
                            text: entry.acknowledgement !== ""
                                  ? qsTr("Accepted: %1").arg(entry.acknowledgement)
                                  : qsTr("Accepted as a trade-off")
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            font.italic: true
                        }
                        // Accepting a trade-off (with the reason, saved in the design) or
                        // reopening one: each is a step on the undo history.
                        Row {
                            width: parent.width
                            spacing: 6
                            visible: entry.highlighted
                            OutlinedTextField {
                                id: noteField
                                objectName: "acceptNote"
                                visible: !entry.acknowledged
                                width: parent.width - acceptButton.width - 6
                                placeholderText: qsTr("Why this is an acceptable trade-off")
                                onAccepted: acceptButton.clicked()
                            }
                            OutlinedButton {
                                id: acceptButton
                                objectName: "acceptFinding"
                                text: entry.acknowledged ? qsTr("Reopen") : qsTr("Accept trade-off")
                                onClicked: entry.acknowledged
                                           ? DocumentController.withdrawAcknowledgement(entry.rule, entry.key)
                                           : DocumentController.acknowledgeFinding(entry.rule, entry.key, noteField.text)
                                ToolTip.visible: hovered
                                ToolTip.text: entry.acknowledged
                                              ? qsTr("Count this finding as an open problem again")
                                              : qsTr("Keep the finding, in its own section, with your reason; it no longer counts as a problem")
                            }
                        }
                        Label {
                            width: parent.width
                            text: qsTr("Guide: %1 · %2").arg(entry.guideSection).arg(entry.rule)
                            wrapMode: Text.Wrap
                            textFormat: Text.PlainText
                            font.pixelSize: 11
                            opacity: 0.6
                        }
                    }
                }
            }
        }
    }
}
