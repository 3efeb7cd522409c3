import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// While the design is compared with another one (File ▸ Compare With …), a banner over the
// top of the canvas says with what and how many elements the design adds, removes and
// changes, with a legend of the canvas's colours and a button that ends the comparison.
// The colours are the theme's, as the canvas draws them (ComparisonColours).
Control {
    id: banner
    objectName: "comparisonBanner"
    required property ComparisonController comparison

    // Also when a comparison asked for could not be made: the banner says why.
    visible: comparison.active || comparison.errorText !== ""
    padding: 6
    leftPadding: 10
    rightPadding: 6
    background: Rectangle {
        radius: 6
        color: banner.palette.window
        opacity: 0.95
        border.width: 1
        border.color: banner.comparison.active ? Theme.warning : Theme.error
    }

    component Swatch: Row {
        id: swatch
        property color colour
        property string text
        property bool ghost: false
        spacing: 4
        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: 14; height: 10
            color: swatch.ghost ? Qt.rgba(swatch.colour.r, swatch.colour.g, swatch.colour.b, 0.18) : "transparent"
            border.width: 2
            border.color: swatch.colour
        }
        Label {
            anchors.verticalCenter: parent.verticalCenter
            text: swatch.text
            font.pixelSize: 11
        }
    }

    // The comparison on the first line, the legend on the second; on a third, why the last
    // comparison asked for could not be made.
    contentItem: ColumnLayout {
        spacing: 4
        // The name gives way (elided in the middle) when the canvas is narrow, so that the
        // counts and the button stay on it.
        RowLayout {
            visible: banner.comparison.active
            Layout.fillWidth: true
            spacing: 12
            Label {
                objectName: "comparisonWith"
                text: qsTr("Compared with %1:").arg(banner.comparison.otherName)
                font.bold: true
                elide: Text.ElideMiddle
                Layout.fillWidth: true
                Layout.minimumWidth: 60
                Layout.maximumWidth: implicitWidth
            }
            Label {
                objectName: "comparisonCounts"
                text: qsTr("%1 added, %2 removed, %3 changed").arg(banner.comparison.addedCount)
                          .arg(banner.comparison.removedCount).arg(banner.comparison.changedCount)
                font.bold: true
            }
            Button {
                objectName: "endComparisonButton"
                text: qsTr("End comparison")
                flat: true
                onClicked: banner.comparison.endComparison()
            }
        }
        // The legend on a line of its own, so the first one fits a narrow canvas.
        Row {
            objectName: "comparisonLegend"
            visible: banner.comparison.active
            spacing: 10
            Swatch { colour: Theme.ok; text: qsTr("added") }
            Swatch { colour: Theme.warning; text: qsTr("changed") }
            Swatch { colour: Theme.error; text: qsTr("removed (where it was)"); ghost: true }
        }
        RowLayout {
            visible: banner.comparison.errorText !== ""
            Layout.fillWidth: true
            spacing: 12
            Label {
                objectName: "comparisonError"
                text: banner.comparison.errorText
                color: Theme.errorText
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.minimumWidth: 60
                Layout.maximumWidth: 620
            }
            Button {
                objectName: "dismissComparisonError"
                text: qsTr("Dismiss")
                flat: true
                onClicked: banner.comparison.clearError()
            }
        }
    }
}
