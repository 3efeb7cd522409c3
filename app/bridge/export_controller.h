#pragma once
// File ▸ Export and File ▸ Export Report for the window: the options of the export dialog,
// the preview of the diagram as it will be exported, and the writing of the files, all on
// the open document of a DocumentController. ExportPreview paints that preview.
#include "archlens/analysis/report.h"
#include "diagram_export.h"
#include "document_controller.h"

#include <QObject>
#include <QPointer>
#include <QQuickPaintedItem>
#include <QUrl>
#include <memory>

namespace archlens {

class ComparisonController;

class ExportController : public QObject {
    Q_OBJECT
    /// The comparison shown in the window, if any: a report exported while it is active
    /// includes it ("Compared with ..."). Set from QML.
    Q_MOC_INCLUDE("comparison_controller.h")
    Q_PROPERTY(archlens::ComparisonController* comparison READ comparison WRITE setComparison NOTIFY
                   comparisonChanged)
    /// The document to export; set from QML to the DocumentController singleton.
    Q_PROPERTY(archlens::DocumentController* document READ document WRITE setDocument NOTIFY documentChanged)
    /// Diagram format by extension: "svg", "pdf", "png", "mmd" or "drawio".
    Q_PROPERTY(QString format READ format WRITE setFormat NOTIFY optionsChanged)
    /// Report format by extension: "html", "md", "pdf" or "json".
    Q_PROPERTY(QString reportFormat READ reportFormat WRITE setReportFormat NOTIFY optionsChanged)
    /// PNG scale (1, 2 or 4).
    Q_PROPERTY(double scale READ scale WRITE setScale NOTIFY optionsChanged)
    /// Only the selected elements instead of the whole diagram.
    Q_PROPERTY(bool selectionOnly READ selectionOnly WRITE setSelectionOnly NOTIFY optionsChanged)
    Q_PROPERTY(bool whiteBackground READ whiteBackground WRITE setWhiteBackground NOTIFY optionsChanged)
    /// Severity badges on the components the findings name.
    Q_PROPERTY(bool badges READ badges WRITE setBadges NOTIFY optionsChanged)
    Q_PROPERTY(bool hasSelection READ hasSelection NOTIFY previewChanged)
    /// The size in pixels of a PNG export with the current options, as "1234 × 567".
    Q_PROPERTY(QString sizeText READ sizeText NOTIFY previewChanged)
    /// Why the last export failed, or "".
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    explicit ExportController(QObject* parent = nullptr);
    ~ExportController() override;

    DocumentController* document() const { return document_; }
    void setDocument(DocumentController* document);
    ComparisonController* comparison() const;
    void setComparison(ComparisonController* comparison);
    QString format() const { return format_; }
    void setFormat(const QString& format);
    QString reportFormat() const { return reportFormat_; }
    void setReportFormat(const QString& format);
    double scale() const { return scale_; }
    void setScale(double scale);
    bool selectionOnly() const { return selectionOnly_; }
    void setSelectionOnly(bool on);
    bool whiteBackground() const { return white_; }
    void setWhiteBackground(bool on);
    bool badges() const { return badges_; }
    void setBadges(bool on);
    bool hasSelection() const;
    QString sizeText() const;
    QString errorText() const { return errorText_; }

    /// A file name for the save dialog: the design's file name with the format's extension.
    Q_INVOKABLE QUrl suggestedUrl(bool report) const;
    /// The same as a local path, in the design's folder or else the last folder used.
    Q_INVOKABLE QString suggestedPath(bool report) const;
    /// Writes the diagram with the current options; false (and errorText) on failure.
    Q_INVOKABLE bool exportDiagramTo(const QUrl& file);
    Q_INVOKABLE bool exportDiagramToPath(const QString& path);
    /// Writes the critique report in `reportFormat`; false (and errorText) on failure.
    Q_INVOKABLE bool exportReportTo(const QUrl& file);
    Q_INVOKABLE bool exportReportToPath(const QString& path);

    /// The document part the options select, and the render options, for the preview.
    Document previewDocument() const;
    DiagramRenderOptions renderOptions();

signals:
    void comparisonChanged();
    void documentChanged();
    void optionsChanged();
    void previewChanged();
    void errorTextChanged();

private:
    QPointer<ComparisonController> comparison_;
    void setErrorText(const QString& text);
    const Report& currentReport();
    QStringList selectionIds() const;

    QPointer<DocumentController> document_;
    QString format_ = QStringLiteral("svg");
    QString reportFormat_ = QStringLiteral("html");
    double scale_ = 2;
    bool selectionOnly_ = false;
    bool white_ = false;
    bool badges_ = false;
    QString errorText_;
    /// The critique of the document as it was last asked for; dropped on every edit.
    std::unique_ptr<Report> report_;
    QMetaObject::Connection documentEdits_, selectionEdits_;
};

/// The diagram as the export will draw it, fitted into the item.
class ExportPreview : public QQuickPaintedItem {
    Q_OBJECT
    Q_PROPERTY(archlens::ExportController* exporter READ exporter WRITE setExporter NOTIFY exporterChanged)

public:
    explicit ExportPreview(QQuickItem* parent = nullptr);
    ExportController* exporter() const { return exporter_; }
    void setExporter(ExportController* exporter);
    void paint(QPainter* painter) override;

signals:
    void exporterChanged();

private:
    QPointer<ExportController> exporter_;
};

} // namespace archlens
