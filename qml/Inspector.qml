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
    }
}
