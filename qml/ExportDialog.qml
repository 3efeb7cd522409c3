import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ArchLens

// File ▸ Export and File ▸ Export Report: the options of the export with a preview of the
// diagram as it will be written, then a save dialog for the file. `report` picks which.
Dialog {
    id: dialog
    property bool report: false
    readonly property alias exporter: exporter

    function openFor(isReport) {
        report = isReport
        exporter.selectionOnly = exporter.hasSelection && !isReport
        open()
    }

    title: report ? qsTr("Export report") : qsTr("Export diagram")
    modal: true
    width: Math.min(900, parent ? parent.width - 80 : 900)
    height: Math.min(640, parent ? parent.height - 80 : 640)
    anchors.centerIn: parent
    standardButtons: Dialog.Cancel

    ExportController {
        id: exporter
        document: DocumentController
    }

    readonly property var diagramFormats: [
        { key: "svg", text: qsTr("SVG (vector)"), filter: qsTr("SVG images (*.svg)") },
        { key: "pdf", text: qsTr("PDF (vector, one page)"), filter: qsTr("PDF documents (*.pdf)") },
        { key: "png", text: qsTr("PNG image"), filter: qsTr("PNG images (*.png)") },
        { key: "mmd", text: qsTr("Mermaid flowchart (for Markdown)"), filter: qsTr("Mermaid (*.mmd)") },
        { key: "drawio", text: qsTr("draw.io diagram"), filter: qsTr("draw.io diagrams (*.drawio)") }
    ]
    readonly property var reportFormats: [
        { key: "html", text: qsTr("HTML (one self-contained file)"), filter: qsTr("HTML pages (*.html)") },
        { key: "md", text: qsTr("Markdown (images beside it)"), filter: qsTr("Markdown (*.md)") },
        { key: "pdf", text: qsTr("PDF (for print)"), filter: qsTr("PDF documents (*.pdf)") },
        { key: "json", text: qsTr("JSON (as archlens check)"), filter: qsTr("JSON (*.json)") }
    ]
    readonly property var formats: report ? reportFormats : diagramFormats
    readonly property string formatKey: report ? exporter.reportFormat : exporter.format

    RowLayout {
        anchors.fill: parent
        spacing: 16

        ColumnLayout {
            Layout.preferredWidth: 280
            Layout.maximumWidth: 280
            Layout.fillWidth: false
            Layout.fillHeight: true
            spacing: 8

            Label { text: qsTr("Format") }
            ComboBox {
                id: formatBox
                objectName: "exportFormat"
                Layout.fillWidth: true
                model: dialog.formats
                textRole: "text"
                currentIndex: Math.max(0, dialog.formats.findIndex(f => f.key === dialog.formatKey))
                onActivated: (index) => {
                    if (dialog.report) exporter.reportFormat = dialog.formats[index].key
                    else exporter.format = dialog.formats[index].key
                }
            }
            ColumnLayout {
                // Disabled rather than hidden for other formats: the layout stays still while
                // the format changes.
                visible: !dialog.report
                enabled: exporter.format === "png"
                Layout.fillWidth: true
                spacing: 4
                Label { text: qsTr("Scale") }
                RowLayout {
                    Repeater {
                        model: [1, 2, 4]
                        RadioButton {
                            required property int modelData
                            text: modelData + "×"
                            checked: exporter.scale === modelData
                            onClicked: exporter.scale = modelData
                        }
                    }
                }
                Label {
                    text: exporter.sizeText
                    opacity: 0.7
                }
            }
            Label { visible: !dialog.report; text: qsTr("What") }
            RadioButton {
                visible: !dialog.report
                text: qsTr("Whole diagram")
                checked: !exporter.selectionOnly
                onClicked: exporter.selectionOnly = false
            }
            RadioButton {
                visible: !dialog.report
                text: qsTr("Selection only")
                enabled: exporter.hasSelection
                checked: exporter.selectionOnly
                onClicked: exporter.selectionOnly = true
            }
            CheckBox {
                visible: !dialog.report
                enabled: exporter.format !== "mmd" && exporter.format !== "drawio"
                text: qsTr("White background")
                checked: exporter.whiteBackground
                onToggled: exporter.whiteBackground = checked
            }
            CheckBox {
                visible: !dialog.report
                enabled: exporter.format !== "mmd" && exporter.format !== "drawio"
                text: qsTr("Severity badges")
                checked: exporter.badges
                onToggled: exporter.badges = checked
            }
            Label {
                visible: dialog.report
                Layout.fillWidth: true
                wrapMode: Label.Wrap
                text: qsTr("The report holds the requirements, the diagram, the flows against the "
                           + "targets, the plots, every finding with its guide section, suggestion and "
                           + "follow-up question, and the assumptions behind the numbers.")
            }
            Item { Layout.fillHeight: true }
            Label {
                Layout.fillWidth: true
                visible: exporter.errorText !== ""
                text: exporter.errorText
                color: Theme.errorText
                wrapMode: Label.Wrap
            }
            Button {
                objectName: "exportButton"
                Layout.fillWidth: true
                highlighted: true
                text: qsTr("Export…")
                onClicked: {
                    const format = dialog.formats.find(f => f.key === dialog.formatKey)
                    FileDialogs.saveFile(dialog.title, exporter.suggestedPath(dialog.report),
                                         format ? [format.filter] : [], dialog.formatKey,
                                         (path) => {
                                             const ok = dialog.report ? exporter.exportReportToPath(path)
                                                                      : exporter.exportDiagramToPath(path)
                                             if (ok) dialog.close()
                                         })
                }
            }
        }

        ExportPreview {
            objectName: "exportPreview"
            exporter: exporter
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumWidth: 240
            Layout.minimumHeight: 200
        }
    }
}
