import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// The scorecard of a practice design: the total, then each part of the rubric with every
// point gained or lost and why. A line about a finding or a flow shows it on the canvas.
Dialog {
    id: dialog
    objectName: "scorecardDialog"

    required property PracticeController practice
    /// Shows what a line is about (a finding's subjects, a flow).
    signal lookAt(var link)

    property var card: ({})
    function refresh() { card = practice.scorecard() }
    onAboutToShow: refresh()

    title: card.prompt ? qsTr("Scorecard: %1/100 against %2").arg(card.total).arg(card.prompt.title)
                       : qsTr("Scorecard: %1/100").arg(card.total)
    modal: true
    standardButtons: Dialog.Close
    footer: OutlinedDialogButtonBox { }
    width: 720
    height: Math.min(760, parent ? parent.height - 60 : 760)

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        Label {
            Layout.fillWidth: true
            wrapMode: Label.Wrap
            text: qsTr("Every point gained or lost has its reason. A line about a finding, a flow or a phase shows it when clicked.")
            color: dialog.palette.placeholderText
        }
        OutlinedButton {
            objectName: "rubricButton"
            text: rubric.visible ? qsTr("Hide how it is scored") : qsTr("How it is scored")
            onClicked: rubric.visible = !rubric.visible
        }
        // The rubric, from the scorer itself (docs/scorecard.md says it at length).
        Column {
            id: rubric
            objectName: "rubric"
            visible: false
            Layout.fillWidth: true
            bottomPadding: 6
            spacing: 4
            Repeater {
                model: dialog.practice.rubric()
                Label {
                    required property var modelData
                    width: rubric.width
                    wrapMode: Label.Wrap
                    text: qsTr("<b>%1 (%2 points).</b> %3").arg(modelData.title).arg(modelData.max).arg(modelData.how)
                    textFormat: Text.StyledText
                }
            }
        }
        ListView {
            id: list
            objectName: "scoreCategories"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 14
            model: dialog.card.categories || []
            ScrollBar.vertical: ScrollBar { }
            footer: Column {
                width: list.width - 12
                topPadding: 12
                spacing: 4
                Repeater {
                    model: dialog.card.notes || []
                    Label {
                        required property string modelData
                        width: parent.width
                        wrapMode: Label.Wrap
                        text: modelData
                        color: dialog.palette.placeholderText
                    }
                }
            }
            delegate: ColumnLayout {
                id: category
                required property var modelData
                width: list.width - 12
                spacing: 4
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        text: category.modelData.title
                        font.bold: true
                        Layout.fillWidth: true
                    }
                    Label {
                        text: qsTr("%1/%2").arg(category.modelData.points).arg(category.modelData.max)
                        font.bold: true
                    }
                }
                Repeater {
                    model: category.modelData.lines
                    ItemDelegate {
                        id: line
                        required property var modelData
                        readonly property bool linked: modelData.link.kind === "finding" || modelData.link.kind === "flow"
                                                       || modelData.link.kind === "phase"
                        Layout.fillWidth: true
                        padding: 4
                        hoverEnabled: linked
                        onClicked: if (linked) dialog.lookAt(modelData.link)
                        contentItem: RowLayout {
                            spacing: 10
                            Label {
                                Layout.preferredWidth: 64
                                horizontalAlignment: Text.AlignRight
                                text: line.modelData.max > 0 ? qsTr("%1/%2").arg(line.modelData.points).arg(line.modelData.max)
                                                             : String(line.modelData.points)
                                color: line.modelData.points < 0 ? Theme.error
                                       : line.modelData.max > 0 && line.modelData.points < line.modelData.max ? Theme.warningText
                                       : dialog.palette.windowText
                            }
                            Label {
                                Layout.fillWidth: true
                                wrapMode: Label.Wrap
                                text: line.modelData.reason
                                font.underline: line.linked && line.hovered
                            }
                        }
                    }
                }
            }
        }
    }
}
