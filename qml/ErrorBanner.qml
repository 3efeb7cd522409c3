import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// Shows why a file could not be opened, above the canvas, until dismissed. Text only:
// names from a file are never interpreted as markup.
Rectangle {
    id: banner
    property alias text: message.text
    signal dismissed()
    visible: text.length > 0
    implicitHeight: visible ? layout.implicitHeight + 16 : 0
    color: Theme.errorSurface
    border.color: Theme.error

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: 8
        Label {
            id: message
            color: Theme.errorSurfaceText
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        OutlinedButton { text: qsTr("Dismiss"); onClicked: banner.dismissed() }
    }
}
