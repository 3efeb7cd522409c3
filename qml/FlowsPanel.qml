import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// The design's flows (the kinds of request it serves, each entering at one component
// with an operation and a rate) and its requirements. Clicking a flow selects it, so the
// Inspector tab edits it too; its fields are also shown right below the list.
Pane {
    id: panel
    objectName: "flowsPanel"
    padding: 0

    /// The flow shown below the list: the selected one, if the selection's current is a flow.
    readonly property string shownFlow: DocumentController.selection.currentKind === SelectionModel.FlowElement
                                        ? DocumentController.selection.current : ""
    /// The canvas, whose route mode the Route section turns on, and the live critique,
    /// which says which connections the flow takes.
    property DiagramView view: null
    property AnalysisController analysis: null
    /// The connections the shown flow travels over, as the latest analysis found them.
    readonly property var route: {
        if (!analysis || shownFlow === "") return []
        // Read again with every new report (lastRunMs changes with each).
        return analysis.lastRunMs >= 0 ? analysis.routeOf(shownFlow) : []
    }
    readonly property bool routing: view !== null && view.routeFlow !== "" && view.routeFlow === shownFlow

    FlowModel { id: flows; objectName: "flowModel"; controller: DocumentController }
    PropertyModel {
        id: flowProperties
        objectName: "flowProperties"
        // Without a controller it has no rows; an empty target would follow the selection.
        controller: panel.shownFlow !== "" ? DocumentController : null
        target: panel.shownFlow
    }
    PropertyModel {
        id: requirements
        objectName: "requirementProperties"
        controller: DocumentController
        target: "document"
    }

    component SectionTitle: Label {
        font.bold: true
        font.pixelSize: 11
        font.capitalization: Font.AllUppercase
        opacity: 0.6
        Layout.fillWidth: true
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: scroll.availableWidth
            spacing: 6

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 8
                Layout.topMargin: 10
                SectionTitle { text: qsTr("Flows") }
                OutlinedButton {
                    objectName: "addFlow"
                    text: qsTr("Add flow")
                    enabled: DocumentController.components.count > 0
                    onClicked: {
                        const id = DocumentController.addFlow("")
                        if (id !== "") DocumentController.selection.select(id)
                    }
                    ToolTip.visible: hovered
                    ToolTip.delay: 500
                    ToolTip.text: qsTr("A new flow entering at the client")
                }
                OutlinedButton {
                    objectName: "removeFlow"
                    text: qsTr("Remove")
                    enabled: panel.shownFlow !== ""
                    onClicked: DocumentController.deleteElements(DocumentController.selection.idsOfKind(SelectionModel.FlowElement))
                }
            }

            Frame {
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 8
                padding: 1
                ListView {
                    id: list
                    implicitWidth: 200
                    implicitHeight: Math.max(contentHeight, 44)
                    width: parent.width
                    interactive: false
                    model: flows
                    delegate: ItemDelegate {
                        id: row
                        required property int index
                        required property string flowId
                        required property string name
                        required property string entryName
                        required property string op
                        required property real rate
                        width: ListView.view.width
                        highlighted: DocumentController.selection.ids.indexOf(flowId) >= 0
                        onClicked: DocumentController.selection.select(flowId)
                        contentItem: ColumnLayout {
                            spacing: 1
                            Label {
                                text: row.name
                                elide: Text.ElideRight
                                textFormat: Text.PlainText
                                color: row.highlighted ? row.palette.highlightedText : row.palette.text
                                Layout.fillWidth: true
                            }
                            Label {
                                // The name goes in last: arg() fills the lowest placeholder
                                // left, so a name holding "%2" cannot take another's place.
                                text: qsTr("%3 · %1 · %2")
                                      .arg(row.op === "write" ? qsTr("write") : qsTr("read"))
                                      .arg(Format.rate(row.rate))
                                      .arg(row.entryName)
                                elide: Text.ElideRight
                                textFormat: Text.PlainText
                                opacity: 0.7
                                font.pixelSize: row.font.pixelSize - 1
                                color: row.highlighted ? row.palette.highlightedText : row.palette.text
                                Layout.fillWidth: true
                            }
                        }
                    }
                    Label {
                        anchors.fill: parent
                        anchors.margins: 8
                        visible: list.count === 0
                        wrapMode: Text.Wrap
                        verticalAlignment: Text.AlignVCenter
                        opacity: 0.65
                        text: qsTr("No flows yet. A flow is one kind of request, such as \"open a short link\"; add one to see its latency and availability.")
                    }
                }
            }

            ColumnLayout {
                visible: flowProperties.count > 0
                Layout.fillWidth: true
                spacing: 0
                SectionTitle {
                    text: flowProperties.heading
                    font.capitalization: Font.MixedCase
                    elide: Text.ElideRight
                    Layout.leftMargin: 12
                    Layout.topMargin: 6
                    Layout.bottomMargin: 4
                }
                // Rows in a Column, not in the layout: see Inspector.qml.
                Column {
                    Layout.fillWidth: true
                    leftPadding: 12
                    rightPadding: 6
                    Repeater {
                        model: flowProperties
                        PropertyField {
                            properties: flowProperties
                            width: parent.width - 18
                        }
                    }
                }
            }

            // The route: which connections the flow takes, and route mode to change it on
            // the canvas.
            ColumnLayout {
                objectName: "routeSection"
                visible: panel.shownFlow !== ""
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 8
                spacing: 4
                RowLayout {
                    Layout.fillWidth: true
                    SectionTitle { text: qsTr("Route") }
                    OutlinedButton {
                        objectName: "routeButton"
                        text: panel.routing ? qsTr("Done") : qsTr("Edit route on canvas")
                        highlighted: panel.routing
                        enabled: panel.view !== null
                        // The canvas takes the keyboard, so that Escape ends route mode.
                        onClicked: {
                            panel.view.routeFlow = panel.routing ? "" : panel.shownFlow
                            if (panel.routing) panel.view.forceActiveFocus()
                        }
                        ToolTip.visible: hovered
                        ToolTip.delay: 500
                        ToolTip.text: qsTr("Click connections on the canvas to send this flow over them or take it off (Escape ends)")
                    }
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    opacity: 0.65
                    text: panel.routing
                          ? qsTr("Click a connection on the canvas: a filled handle takes it off the route, a hollow one adds it. Other flows keep their routes.")
                          : panel.route.length === 0
                            ? qsTr("This flow travels over no connection yet.")
                            : panel.route.length === 1
                              ? qsTr("Travels over 1 connection, lit on the canvas while the flow is selected.")
                              : qsTr("Travels over %1 connections, lit on the canvas while the flow is selected.").arg(panel.route.length)
                }
                Repeater {
                    model: panel.route
                    delegate: RowLayout {
                        required property var modelData
                        objectName: "routeRow_" + modelData.id
                        Layout.fillWidth: true
                        spacing: 4
                        Label {
                            text: modelData.text + (modelData.tail ? "  " + qsTr("(async)") : "")
                            textFormat: Text.PlainText
                            elide: Text.ElideRight
                            Layout.fillWidth: true
                        }
                        ToolButton {
                            objectName: "takeOff_" + modelData.id
                            text: "\u2715"
                            font.pixelSize: 11
                            implicitWidth: 24
                            implicitHeight: 22
                            padding: 0
                            onClicked: DocumentController.routeFlow(modelData.id, panel.shownFlow, false)
                            ToolTip.visible: hovered
                            ToolTip.delay: 500
                            ToolTip.text: qsTr("Take this flow off the connection")
                        }
                    }
                }
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.topMargin: 8
                implicitHeight: 1
                color: panel.palette.mid
            }

            SectionTitle {
                text: qsTr("Requirements")
                Layout.leftMargin: 12
                Layout.topMargin: 4
            }
            Label {
                text: qsTr("The targets the critique judges the design against. Leave one empty to not judge it.")
                wrapMode: Text.Wrap
                opacity: 0.65
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 8
            }
            Column {
                Layout.fillWidth: true
                leftPadding: 12
                rightPadding: 6
                Repeater {
                    model: requirements
                    PropertyField {
                        properties: requirements
                        width: parent.width - 18
                    }
                }
            }
            Item { implicitHeight: 12 }
        }
    }
}
