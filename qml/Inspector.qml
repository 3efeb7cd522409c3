import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// Edits what is selected: one component, several (a change applies to all of them), a
// connection, a zone, a note or a flow; with nothing selected, the design's title and
// requirements. The rows come from the catalogue's property schema through PropertyModel,
// so a new kind or property shows up here without new QML.
Pane {
    id: inspector
    objectName: "inspector"
    padding: 0
    /// The live critique, for the findings about what is inspected.
    property AnalysisController analysis: null
    /// The person asked to see all the findings about the selection.
    signal showFindings()

    FindingModel {
        id: selectionFindings
        objectName: "selectionFindings"
        // With nothing selected the design as a whole is inspected: no list then.
        analysis: rows.inspectedType === "document" ? null : inspector.analysis
        subjects: rows.inspectedIds
    }

    PropertyModel {
        id: rows
        objectName: "inspectorProperties"
        controller: DocumentController
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ColumnLayout {
            Layout.fillWidth: true
            Layout.margins: 12
            Layout.bottomMargin: 8
            spacing: 2
            Label {
                objectName: "inspectorHeading"
                text: rows.heading
                font.bold: true
                font.pixelSize: inspector.font.pixelSize + 2
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                textFormat: Text.PlainText
                Layout.fillWidth: true
            }
            Label {
                text: rows.inspectedType === "document"
                      ? qsTr("Select a component, connection, zone or flow to edit it.")
                      : rows.inspectedIds.length > 1
                        ? qsTr("Changes apply to all %1.").arg(rows.inspectedIds.length)
                        : qsTr("Hover a label for what it means.")
                opacity: 0.65
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: inspector.palette.mid
        }

        ScrollView {
            id: scroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            // A Column, not a ColumnLayout: the rows are re-created on every selection
            // change, also while the inspector's tab is hidden, and Qt 6.4's layouts crash
            // when a Repeater destroys their items while they are invisible.
            Column {
                width: scroll.availableWidth
                topPadding: 6
                bottomPadding: 12
                leftPadding: 12
                rightPadding: 6
                Repeater {
                    model: rows
                    PropertyField {
                        properties: rows
                        width: parent.width - 18
                    }
                }
            }
        }

        // The findings about the selection, most severe first, under the rows rather than
        // above them: they come and go with every report, and the rows keep their places
        // when they do. A Column, not a layout: its rows are re-created with every report.
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: inspector.palette.mid
            visible: findingList.visible
        }
        Column {
            id: findingList
            objectName: "selectionFindingList"
            visible: selectionFindings.count > 0
            Layout.fillWidth: true
            Layout.margins: 12
            Layout.topMargin: 8
            spacing: 3
            Label {
                text: qsTr("Findings about this")
                font.bold: true
                opacity: 0.8
            }
            Repeater {
                model: selectionFindings
                delegate: Row {
                    required property int index
                    required property string severity
                    required property string title
                    visible: index < 4
                    spacing: 6
                    width: parent.width
                    Rectangle {
                        width: 8; height: 8; radius: 4
                        anchors.verticalCenter: parent.verticalCenter
                        color: Theme.severity(severity)
                    }
                    Label {
                        width: parent.width - 14
                        text: title
                        elide: Text.ElideRight
                        textFormat: Text.PlainText
                    }
                }
            }
            Label {
                text: selectionFindings.count > 4
                      ? qsTr("<a href=\"#\">All %1 findings about this…</a>").arg(selectionFindings.count)
                      : qsTr("<a href=\"#\">Details in the critique…</a>")
                onLinkActivated: inspector.showFindings()
                opacity: 0.8
            }
        }
    }
}
