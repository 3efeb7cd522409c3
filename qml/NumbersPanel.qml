import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// Under the canvas: the what-if controls (traffic multiplier, load colouring, failure
// injection), the flows table with each flow's numbers against the requirements, and the
// plots. Everything here follows the live analysis; nothing changes the document.
Pane {
    id: panel
    objectName: "numbersPanel"
    required property AnalysisController analysis
    property DiagramView view: null
    property bool dark: false
    /// Only the what-if bar is shown, so that the canvas gets the room. The window keeps
    /// the state (in its settings) and sizes the panel to headerHeight while it is set.
    property bool collapsed: false
    /// The person asked to collapse (true) or expand (false) the panel.
    signal collapseRequested(bool collapse)
    /// The height of the panel when collapsed: the what-if bar alone.
    readonly property real headerHeight: whatIfBar.implicitHeight
    padding: 0

    readonly property color good: Theme.ok
    readonly property color bad: Theme.error
    /// The page shown: 0 the flows table, 1-4 the plots.
    property alias page: pageTabs.currentIndex
    /// The flow the waterfall and the load curves are about.
    property string flowId: flows.count > 0 ? flows.flowIdAt(Math.max(0, table.currentIndex)) : ""

    FlowResultModel { id: flows; objectName: "flowResults"; analysis: panel.analysis }

    // The analysis works out load curves only for the flow they are shown for, and for none
    // while they are not on show: on a large design they are its costliest part.
    Binding {
        target: panel.analysis
        property: "curveFlow"
        value: pageTabs.currentIndex === 2 && !panel.collapsed ? panel.flowId : ""
    }

    // A flow selected anywhere (the flows list, the canvas) is the one the table marks,
    // also once its numbers arrive: a flow just added is selected before it has a row.
    Connections {
        target: DocumentController.selection
        function onChanged() { panel.followSelection() }
    }
    Connections {
        target: flows
        function onModelReset() {
            // A design with fewer flows than the row marked (another file opened, flows
            // deleted): back to the first, or the panel would be about no flow at all.
            if (table.currentIndex >= flows.count) table.currentIndex = 0
            panel.followSelection()
        }
        function onRowsInserted() { panel.followSelection() }
    }
    function followSelection() {
        if (DocumentController.selection.currentKind === SelectionModel.FlowElement)
            panel.showFlow(DocumentController.selection.current)
    }

    /// Makes a flow the one the table marks and the latency and load plots are about.
    function showFlow(id) {
        const row = flows.rowOf(id)
        if (row >= 0) table.currentIndex = row
    }

    /// Right-click ▸ Save Plot: asks where, in the format chosen.
    function savePlot(suffix) {
        FileDialogs.saveFile(qsTr("Save plot"), "plot." + suffix,
                             [suffix.toUpperCase() + " (*." + suffix + ")"], suffix,
                             (path) => {
                                 if (!plot.save(path))
                                     DocumentController.showError(qsTr("Could not save the plot to %1").arg(path))
                             })
    }

    function verdictColour(verdict: int): color {
        return verdict === FlowResultModel.Met ? good : verdict === FlowResultModel.Missed ? bad : palette.text
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        // What-if bar. A RowLayout of fixed controls: nothing in it is created or destroyed.
        ToolBar {
            id: whatIfBar
            Layout.fillWidth: true
            Layout.preferredHeight: implicitHeight
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 8
                anchors.rightMargin: 8
                spacing: 8
                Label { text: qsTr("Traffic"); opacity: 0.8 }
                Slider {
                    id: multiplier
                    objectName: "multiplierSlider"
                    from: -1
                    to: 2
                    value: 0
                    stepSize: 0
                    Layout.preferredWidth: 120
                    // Applied when the handle is let go or moved by keys, not on every pixel
                    // of a drag: each value is a full re-analysis.
                    onMoved: applyTimer.restart()
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Scale every flow's rate from 0.1× to 100× and watch where the design saturates")
                    Timer {
                        id: applyTimer
                        interval: 120
                        onTriggered: panel.analysis.trafficMultiplier = Math.pow(10, multiplier.value)
                    }
                }
                Label {
                    objectName: "multiplierLabel"
                    // The slider is linear in log10: -1 .. 2 is 0.1× .. 100×.
                    text: Format.multiplier(Math.pow(10, multiplier.value))
                    font.bold: Math.abs(multiplier.value) > 0.001
                    Layout.preferredWidth: 44
                }
                ToolButton {
                    text: qsTr("Reset")
                    enabled: Math.abs(multiplier.value) > 0.001
                    onClicked: { multiplier.value = 0; panel.analysis.trafficMultiplier = 1 }
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Back to the declared traffic")
                }
                OutlinedCheckBox {
                    id: showLoad
                    objectName: "showLoad"
                    text: qsTr("Show load")
                    checked: Math.abs(multiplier.value) > 0.001
                    onToggled: if (panel.view) panel.view.showLoad = checked
                    onCheckedChanged: if (panel.view) panel.view.showLoad = checked
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Colour each component by its utilisation: green, amber from 50%, orange from 80%, red when saturated")
                }
                OutlinedButton {
                    id: failureButton
                    objectName: "failureMode"
                    text: qsTr("Fail components…")
                    checkable: true
                    checked: panel.view ? panel.view.failureMode : false
                    onToggled: if (panel.view) panel.view.failureMode = checked
                    palette.buttonText: checked ? panel.bad : panel.palette.buttonText
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("While on, clicking a component or a zone marks it failed (click again to restore). The design itself is not changed.")
                }
                ToolButton {
                    text: qsTr("Restore")
                    visible: panel.analysis.failed.length > 0
                    onClicked: panel.analysis.failed = []
                }
                Label {
                    visible: panel.analysis.failed.length > 0
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                    objectName: "failureSummary"
                    text: qsTr("%1 down · %2 of %3 broken")
                          .arg(panel.analysis.failed.length).arg(flows.brokenCount)
                          .arg(Format.count(flows.count, qsTr("%1 flow"), qsTr("%1 flows")))
                    color: flows.brokenCount > 0 ? panel.bad : panel.good
                }
                Item { Layout.fillWidth: true; visible: panel.analysis.failed.length === 0 }
                ToolButton {
                    objectName: "numbersCollapse"
                    // ▾ folds the panel down to this bar, ▴ unfolds it.
                    text: panel.collapsed ? "\u25B4" : "\u25BE"
                    font.pixelSize: 16
                    Accessible.name: panel.collapsed ? qsTr("Show the numbers") : qsTr("Hide the numbers")
                    onClicked: panel.collapseRequested(!panel.collapsed)
                    ToolTip.visible: hovered
                    ToolTip.text: (panel.collapsed ? qsTr("Show the flows table and the plots")
                                                   : qsTr("Hide the flows table and the plots, keeping this bar"))
                                  + " (Ctrl+J)"
                }
            }
        }

        // One page at a time, full width: the flows table, then the four plots. Plain
        // items shown by index, not a StackLayout, so nothing is re-laid out from inside
        // a layout's own polish when rows come and go.
        Item {
            Layout.fillWidth: true
            Layout.preferredHeight: pageTabs.implicitHeight
            visible: !panel.collapsed
            TabBar {
                id: pageTabs
                objectName: "numberTabs"
                anchors.left: parent.left
                anchors.right: flowBox.left
                anchors.rightMargin: 8
                TabButton { text: qsTr("Flows"); width: implicitWidth }
                TabButton { text: qsTr("Latency"); width: implicitWidth }
                TabButton { text: qsTr("Load"); width: implicitWidth }
                TabButton { text: qsTr("Availability"); width: implicitWidth }
                TabButton { text: qsTr("Utilisation"); width: implicitWidth }
            }
            OutlinedComboBox {
                id: flowBox
                objectName: "plotFlow"
                anchors.right: parent.right
                anchors.rightMargin: 6
                anchors.verticalCenter: parent.verticalCenter
                width: 220
                visible: pageTabs.currentIndex === 1 || pageTabs.currentIndex === 2
                model: flows
                textRole: "name"
                currentIndex: table.currentIndex
                onActivated: (index) => table.currentIndex = index
                ToolTip.visible: hovered
                ToolTip.text: qsTr("The flow the latency and load plots are about")
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !panel.collapsed

            // The flows table: a header row and one row per flow (plain Rows, no layouts,
            // since the rows are re-created with every report).
            Item {
                anchors.fill: parent
                visible: pageTabs.currentIndex === 0
                clip: true
                readonly property var widths: [0.26, 0.16, 0.08, 0.14, 0.12, 0.12, 0.12]
                Row {
                    id: header
                    x: 8
                    width: parent.width - 16
                    height: 26
                    Repeater {
                        model: [qsTr("Flow"), qsTr("Availability"), qsTr("Nines"),
                                qsTr("Down / month"), qsTr("Down / year"), qsTr("p50"), qsTr("p99")]
                        Label {
                            required property string modelData
                            required property int index
                            width: header.width * header.parent.widths[index]
                            height: header.height
                            verticalAlignment: Text.AlignVCenter
                            text: modelData
                            font.bold: true
                            font.pixelSize: 11
                            opacity: 0.7
                            elide: Text.ElideRight
                        }
                    }
                }
                ListView {
                    id: table
                    objectName: "flowTable"
                    anchors.top: header.bottom
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    clip: true
                    model: flows
                    currentIndex: 0
                    ScrollBar.vertical: ScrollBar {}
                    delegate: ItemDelegate {
                        id: row
                        required property int index
                        required property string flowId
                        required property string name
                        required property string availabilityText
                        required property bool estimated
                        required property string intervalText
                        required property string ninesText
                        required property string downtimeMonth
                        required property string downtimeYear
                        required property string p50Text
                        required property string p99Text
                        required property int availabilityVerdict
                        required property int latencyVerdict
                        required property string targetText
                        required property bool broken
                        width: ListView.view.width
                        height: 28
                        background: Rectangle {
                            readonly property color tint: panel.palette.highlight
                            color: Qt.rgba(tint.r, tint.g, tint.b,
                                           row.ListView.isCurrentItem ? 0.18 : row.hovered ? 0.07 : 0)
                        }
                        onClicked: {
                            table.currentIndex = index
                            // Selecting the flow lights its route on the canvas.
                            if (panel.view) panel.view.highlight = []
                            DocumentController.selection.select(flowId)
                        }
                        ToolTip.visible: hovered
                        ToolTip.delay: 600
                        ToolTip.text: (estimated
                                       ? qsTr("Availability estimated by simulation, 95% interval %1.").arg(intervalText)
                                       : qsTr("Availability computed exactly.")) + " " + targetText
                        contentItem: Row {
                            readonly property var cells: [
                                { text: row.name, colour: row.broken ? panel.bad : panel.palette.text, bold: true },
                                { text: row.broken ? qsTr("broken") : row.availabilityText + (row.estimated ? " ≈" : ""),
                                  colour: panel.verdictColour(row.broken ? FlowResultModel.Missed : row.availabilityVerdict),
                                  bold: row.availabilityVerdict !== FlowResultModel.NoTarget },
                                { text: row.ninesText, colour: panel.verdictColour(row.availabilityVerdict), bold: false },
                                { text: row.downtimeMonth, colour: panel.palette.text, bold: false },
                                { text: row.downtimeYear, colour: panel.palette.text, bold: false },
                                // A broken flow serves nothing: its latency means nothing either.
                                { text: row.broken ? "—" : row.p50Text, colour: panel.palette.text, bold: false },
                                { text: row.broken ? "—" : row.p99Text, colour: panel.verdictColour(row.latencyVerdict),
                                  bold: row.latencyVerdict !== FlowResultModel.NoTarget }
                            ]
                            Repeater {
                                model: 7
                                Label {
                                    required property int index
                                    width: header.width * header.parent.widths[index]
                                    height: 20
                                    verticalAlignment: Text.AlignVCenter
                                    text: parent.cells[index].text
                                    color: parent.cells[index].colour
                                    font.bold: parent.cells[index].bold
                                    elide: Text.ElideRight
                                    textFormat: Text.PlainText
                                }
                            }
                        }
                    }
                    Label {
                        objectName: "flowsEmptyText"
                        anchors.centerIn: parent
                        visible: table.count === 0
                        opacity: 0.6
                        text: panel.analysis.status === AnalysisController.Invalid
                              ? qsTr("Cannot analyse: %1").arg(panel.analysis.problem)
                              : panel.analysis.hasResults
                                ? qsTr("No flows yet: add one in Flows & targets to get numbers.")
                                : qsTr("Analysing…")
                    }
                }
            }

            PlotItem {
                id: plot
                objectName: "plot"
                anchors.fill: parent
                visible: pageTabs.currentIndex > 0
                analysis: panel.analysis
                dark: panel.dark
                kind: [PlotItem.Waterfall, PlotItem.Waterfall, PlotItem.Curves, PlotItem.Availability,
                       PlotItem.Utilisation][pageTabs.currentIndex]
                flowId: panel.flowId
                multiplier: panel.analysis.trafficMultiplier
                topN: 10
                ToolTip.visible: hoverText !== ""
                ToolTip.text: hoverText
                MouseArea {
                    anchors.fill: parent
                    acceptedButtons: Qt.RightButton
                    onClicked: (mouse) => plotMenu.popup(plot, mouse.x, mouse.y)
                }
                Menu {
                    id: plotMenu
                    MenuItem { text: qsTr("Save Plot as PNG…"); onTriggered: panel.savePlot("png") }
                    MenuItem { text: qsTr("Save Plot as SVG…"); onTriggered: panel.savePlot("svg") }
                    MenuItem { text: qsTr("Save Plot as PDF…"); onTriggered: panel.savePlot("pdf") }
                }
            }
        }
    }
}
