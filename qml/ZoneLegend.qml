import QtQuick
import QtQuick.Controls
import ArchLens

// Every zone of the design at once, over the top-left corner of the canvas (the same size
// at every zoom): one chip per zone in the colour its chips on the boxes have, including
// zones no component is placed in yet, so a zone just added shows at once. A click selects
// the zone (the inspector shows it, the canvas rings its chips and boxes); in failure mode
// it fails the zone, or brings it back, as a click on one of its chips on a box does.
Control {
    id: legend
    objectName: "zoneLegend"
    required property DiagramView view
    readonly property var analysis: view ? view.analysis : null
    readonly property var failed: analysis ? analysis.failed : []

    visible: DocumentController.zones.count > 0
    leftPadding: 6
    rightPadding: 6
    topPadding: 4
    bottomPadding: 4
    background: Rectangle {
        radius: 6
        color: legend.palette.window
        opacity: 0.92
        border.width: 1
        border.color: legend.palette.mid
    }

    contentItem: Row {
        id: row
        spacing: 5
        Label {
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Zones")
            font.pixelSize: 11
            opacity: 0.75
        }
        Repeater {
            id: chips
            objectName: "zoneLegendChips"
            model: DocumentController.zones
            delegate: Rectangle {
                id: chip
                required property string zoneId
                required property string region
                required property color colour
                required property color textColour
                readonly property bool failed: legend.failed.indexOf(zoneId) >= 0
                readonly property bool selected: DocumentController.selection.ids.indexOf(zoneId) >= 0
                objectName: "zoneLegendChip_" + zoneId
                width: label.implicitWidth + 12
                height: 18
                radius: 3
                color: colour
                Text {
                    id: label
                    anchors.centerIn: parent
                    text: chip.zoneId
                    color: chip.textColour
                    font.pixelSize: 11
                    font.bold: true
                }
                // Failed: washed out, framed and struck through in red, as on the boxes.
                Rectangle {
                    anchors.fill: parent
                    visible: chip.failed
                    radius: parent.radius
                    color: legend.palette.window
                    opacity: 0.55
                }
                Rectangle {
                    anchors.fill: parent
                    visible: chip.failed
                    radius: parent.radius
                    color: "transparent"
                    border.width: 2
                    border.color: Theme.error
                }
                Rectangle {
                    visible: chip.failed
                    anchors.centerIn: parent
                    width: Math.hypot(parent.width, parent.height) - 6
                    height: 2
                    rotation: -Math.atan2(parent.height, parent.width) * 180 / Math.PI
                    color: Theme.error
                }
                // Selected: a ring in the selection colour.
                Rectangle {
                    anchors.fill: parent
                    anchors.margins: -3
                    visible: chip.selected
                    radius: parent.radius + 2
                    color: "transparent"
                    border.width: 2
                    border.color: legend.palette.highlight
                }
                MouseArea {
                    id: mouse
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: Qt.PointingHandCursor
                    onClicked: {
                        if (legend.view && legend.view.failureMode && legend.analysis)
                            legend.analysis.toggleFailed(chip.zoneId)
                        else
                            DocumentController.selection.select(chip.zoneId)
                    }
                }
                ToolTip.visible: mouse.containsMouse
                ToolTip.delay: 400
                ToolTip.text: (chip.region !== "" ? qsTr("Zone %1 in region %2").arg(chip.zoneId).arg(chip.region)
                                                  : qsTr("Zone %1 (no region)").arg(chip.zoneId))
                              + (chip.failed ? qsTr(" · failed") : "")
                              + "\n" + (legend.view && legend.view.failureMode
                                        ? qsTr("Click to fail it or bring it back")
                                        : qsTr("Click to select it"))
            }
        }
    }
}
