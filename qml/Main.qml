import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// The main window: a tool bar, the reason a file could not be opened (if one was not),
// and the canvas showing the design.
ApplicationWindow {
    id: window
    width: 1400
    height: 900
    visible: true
    title: (DocumentController.modified ? "• " : "") + DocumentController.title + " — ArchLens"

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 8
            spacing: 8
            Label {
                text: DocumentController.title
                font.bold: true
                font.pixelSize: 15
                elide: Label.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("%1 components · %2 connections · %3 zones")
                      .arg(DocumentController.components.count)
                      .arg(DocumentController.connections.count)
                      .arg(DocumentController.zones.count)
                opacity: 0.7
            }
            ToolButton { text: qsTr("Fit"); onClicked: canvas.zoomToFit(); ToolTip.visible: hovered; ToolTip.text: qsTr("Zoom to fit") }
            ToolButton { text: "100%"; onClicked: canvas.zoomTo(1.0) }
            ToolButton { text: "−"; onClicked: canvas.zoomTo(canvas.zoom / 1.25) }
            ToolButton { text: "+"; onClicked: canvas.zoomTo(canvas.zoom * 1.25) }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        ErrorBanner {
            Layout.fillWidth: true
            text: DocumentController.errorText
            onDismissed: DocumentController.clearError()
        }
        DiagramCanvas {
            id: canvas
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
    }

    Component.onCompleted: canvas.zoomToFit()
    Connections {
        target: DocumentController
        function onFileChanged() { canvas.zoomToFit() }
    }
}
