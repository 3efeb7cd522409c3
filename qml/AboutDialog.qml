import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// Help ▸ About: what the program is, its version and what it is built on.
Dialog {
    id: dialog
    objectName: "aboutDialog"
    title: qsTr("About ArchLens")
    modal: true
    standardButtons: Dialog.Close
    footer: OutlinedDialogButtonBox { }
    width: 460

    RuleListModel { id: rules }

    ColumnLayout {
        width: parent ? parent.width : 420
        spacing: 8
        Label {
            text: qsTr("ArchLens %1").arg(Qt.application.version)
            font.pixelSize: 20
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Label.Wrap
            text: qsTr("Sketch a system design, say what traffic flows through it, and get the critique a senior interviewer would give: %1 rules, each citing the section of the system-design guide it comes from, with latency and availability worked out from the diagram.").arg(rules.total)
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Label.Wrap
            color: dialog.palette.placeholderText
            text: qsTr("Built with Qt, QCustomPlot, Graphviz and nlohmann/json. The same analysis runs on the command line: archlens check DESIGN.")
        }
    }
}
