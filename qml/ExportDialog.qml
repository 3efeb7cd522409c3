import QtQuick
import QtQuick.Controls
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
    footer: OutlinedDialogButtonBox { }

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

    // The options on the left (scrolling in a small window), the Export button under them,
    // the preview on the right. Positioners and anchors rather than layouts: rows shown for
    // one kind of export and hidden for the other are re-placed at once, and a wrapped text
    // gets the column's width.
    Item {
        anchors.fill: parent

        ScrollView {
            id: optionsScroll
            anchors.left: parent.left
            anchors.top: parent.top
            anchors.bottom: errorLabel.visible ? errorLabel.top : exportButton.top
            anchors.bottomMargin: 8
            width: 280
            contentWidth: availableWidth
            clip: true

            Column {
                objectName: "exportOptions"
                width: optionsScroll.availableWidth
                spacing: 8

                Label { text: qsTr("Format") }
                OutlinedComboBox {
                    id: formatBox
                    objectName: "exportFormat"
                    width: parent.width
                    model: dialog.formats
                    textRole: "text"
                    currentIndex: Math.max(0, dialog.formats.findIndex(f => f.key === dialog.formatKey))
                    onActivated: (index) => {
                        if (dialog.report) exporter.reportFormat = dialog.formats[index].key
                        else exporter.format = dialog.formats[index].key
                    }
                }
                Column {
                    // Disabled rather than hidden for other formats: the options stay still
                    // while the format changes.
                    visible: !dialog.report
                    enabled: exporter.format === "png"
                    width: parent.width
                    spacing: 4
                    Label { text: qsTr("Scale") }
                    Row {
                        Repeater {
                            model: [1, 2, 4]
                            OutlinedRadioButton {
                                required property int modelData
                                text: modelData + "×"
                                checked: exporter.scale === modelData
                                onClicked: exporter.scale = modelData
                            }
                        }
                    }
                    Label {
                        objectName: "exportSizeLabel"
                        // Read only while the dialog is shown: the size is worked out
                        // from the whole diagram, and the design changes at every edit.
                        text: dialog.visible ? exporter.sizeText : ""
                        opacity: 0.7
                    }
                }
                Label { visible: !dialog.report; text: qsTr("What") }
                OutlinedRadioButton {
                    visible: !dialog.report
                    text: qsTr("Whole diagram")
                    checked: !exporter.selectionOnly
                    onClicked: exporter.selectionOnly = false
                }
                OutlinedRadioButton {
                    visible: !dialog.report
                    text: qsTr("Selection only")
                    enabled: exporter.hasSelection
                    checked: exporter.selectionOnly
                    onClicked: exporter.selectionOnly = true
                }
                OutlinedCheckBox {
                    visible: !dialog.report
                    enabled: exporter.format !== "mmd" && exporter.format !== "drawio"
                    text: qsTr("White background")
                    checked: exporter.whiteBackground
                    onToggled: exporter.whiteBackground = checked
                }
                OutlinedCheckBox {
                    visible: !dialog.report
                    enabled: exporter.format !== "mmd" && exporter.format !== "drawio"
                    text: qsTr("Severity badges")
                    checked: exporter.badges
                    onToggled: exporter.badges = checked
                }
                Label {
                    objectName: "exportReportContents"
                    visible: dialog.report
                    width: parent.width
                    wrapMode: Label.Wrap
                    text: qsTr("The report holds the requirements, the diagram, the flows against the "
                               + "targets, the plots, every finding with its guide section, suggestion and "
                               + "follow-up question, and the assumptions behind the numbers.")
                }
            }
        }

        Label {
            id: errorLabel
            anchors.left: parent.left
            anchors.bottom: exportButton.top
            anchors.bottomMargin: 8
            width: optionsScroll.width
            visible: exporter.errorText !== ""
            text: exporter.errorText
            color: Theme.errorText
            wrapMode: Label.Wrap
        }
        OutlinedButton {
            id: exportButton
            objectName: "exportButton"
            anchors.left: parent.left
            anchors.bottom: parent.bottom
            width: optionsScroll.width
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

        ExportPreview {
            objectName: "exportPreview"
            exporter: exporter
            anchors.left: optionsScroll.right
            anchors.leftMargin: 16
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.bottom: parent.bottom
        }
    }
}
