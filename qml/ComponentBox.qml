import QtQuick
import QtQuick.Controls

// One component on the canvas: icon, name, kind, instance count and zones.
Rectangle {
    id: box
    required property string componentId
    required property string name
    required property string kindLabel
    required property string icon
    required property string category
    required property real posX
    required property real posY
    required property real boxWidth
    required property real boxHeight
    required property int instances
    required property var zones

    readonly property var categoryColours: ({
        clients: "#5B8DEF", edge: "#8E6CEF", compute: "#2DAA8F", data: "#E0803A",
        messaging: "#D4557B", platform: "#6B7A8F", external: "#888888"
    })
    x: posX
    y: posY
    width: boxWidth
    height: boxHeight
    radius: 8
    color: palette.window
    border.width: 1.5
    border.color: categoryColours[category] || "#888"

    Rectangle {
        width: 4; radius: 2
        anchors { left: parent.left; top: parent.top; bottom: parent.bottom; margins: 6 }
        color: box.border.color
    }
    Image {
        id: iconImage
        source: box.icon
        sourceSize: Qt.size(64, 64)
        width: 30; height: 30
        anchors { left: parent.left; leftMargin: 16; verticalCenter: parent.verticalCenter }
        smooth: true
    }
    Column {
        anchors { left: iconImage.right; leftMargin: 8; right: parent.right; rightMargin: 8; verticalCenter: parent.verticalCenter }
        spacing: 1
        Label {
            width: parent.width
            text: box.name
            textFormat: Text.PlainText
            font.bold: true
            font.pixelSize: 12
            elide: Text.ElideRight
        }
        Label {
            width: parent.width
            text: box.kindLabel + (box.zones.length > 0 ? " · " + box.zones.join(", ") : "")
            textFormat: Text.PlainText
            font.pixelSize: 10
            opacity: 0.65
            elide: Text.ElideRight
        }
    }
    Rectangle {
        visible: box.instances > 1
        anchors { right: parent.right; top: parent.top; margins: -7 }
        width: countLabel.implicitWidth + 10; height: 16; radius: 8
        color: box.border.color
        Label { id: countLabel; anchors.centerIn: parent; text: "×" + box.instances; color: "white"; font.pixelSize: 10; font.bold: true }
    }
}
