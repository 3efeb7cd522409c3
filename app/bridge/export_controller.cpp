#include "export_controller.h"

#include "comparison_controller.h"

#include "report_content.h"
#include "report_export.h"
#include "file_dialogs.h"

#include <QDir>

#include <QFileInfo>
#include <QPainter>
#include <cmath>

namespace archlens {

ExportController::ExportController(QObject* parent) : QObject(parent) {
    connect(this, &ExportController::optionsChanged, this, &ExportController::previewChanged);
}

ExportController::~ExportController() = default;

void ExportController::setDocument(DocumentController* document) {
    if (document_ == document) return;
    disconnect(documentEdits_);
    disconnect(selectionEdits_);
    document_ = document;
    report_.reset();
    if (document_) {
        documentEdits_ = connect(document_, &DocumentController::documentChanged, this, [this] {
            report_.reset();
            emit previewChanged();
        });
        selectionEdits_ = connect(document_->selection(), &SelectionModel::changed, this,
                                  &ExportController::previewChanged);
    }
    emit documentChanged();
    emit previewChanged();
}

void ExportController::setFormat(const QString& format) {
    if (format_ == format || !diagramFormatForPath(QStringLiteral("x.") + format)) return;
    format_ = format;
    emit optionsChanged();
}

void ExportController::setReportFormat(const QString& format) {
    if (reportFormat_ == format || !reportFormatForPath(QStringLiteral("x.") + format)) return;
    reportFormat_ = format;
    emit optionsChanged();
}

void ExportController::setScale(double scale) {
    if (scale_ == scale || !(scale > 0 && scale <= 8)) return;
    scale_ = scale;
    emit optionsChanged();
}

void ExportController::setSelectionOnly(bool on) {
    if (selectionOnly_ == on) return;
    selectionOnly_ = on;
    emit optionsChanged();
}

void ExportController::setWhiteBackground(bool on) {
    if (white_ == on) return;
    white_ = on;
    emit optionsChanged();
}

void ExportController::setBadges(bool on) {
    if (badges_ == on) return;
    badges_ = on;
    emit optionsChanged();
}

bool ExportController::hasSelection() const {
    return document_ && document_->selection()->count() > 0;
}

QStringList ExportController::selectionIds() const {
    return selectionOnly_ && hasSelection() ? document_->selection()->ids() : QStringList();
}

Document ExportController::previewDocument() const {
    if (!document_) return {};
    return selectDiagram(document_->document(), selectionIds());
}

const Report& ExportController::currentReport() {
    if (!report_) {
        report_ = std::make_unique<Report>(document_ ? critique(document_->document(), Catalogue::builtin())
                                                     : Report{});
    }
    return *report_;
}

DiagramRenderOptions ExportController::renderOptions() {
    DiagramRenderOptions options;
    options.whiteBackground = white_;
    if (badges_) options.badges = &currentReport();
    return options;
}

QString ExportController::sizeText() const {
    const QRectF bounds = diagramExportBounds(previewDocument());
    return QStringLiteral("%1 × %2 px")
        .arg(int(std::ceil(bounds.width() * scale_)))
        .arg(int(std::ceil(bounds.height() * scale_)));
}

QUrl ExportController::suggestedUrl(bool report) const {
    QString base = QStringLiteral("design");
    QString dir;
    if (document_ && !document_->filePath().isEmpty()) {
        const QFileInfo info(document_->filePath());
        base = info.completeBaseName();
        dir = info.absolutePath();
    }
    const QString name = report ? base + QStringLiteral("-report.") + reportFormat_
                                : base + QLatin1Char('.') + format_;
    return QUrl::fromLocalFile(dir.isEmpty() ? name : dir + QLatin1Char('/') + name);
}

void ExportController::setErrorText(const QString& text) {
    if (errorText_ == text) return;
    errorText_ = text;
    emit errorTextChanged();
}

QString ExportController::suggestedPath(bool report) const {
    const QUrl url = suggestedUrl(report);
    const QFileInfo info(url.toLocalFile());
    if (info.isAbsolute()) return info.filePath();
    return QDir(FileDialogs::lastFolder()).filePath(info.fileName());
}

bool ExportController::exportDiagramTo(const QUrl& file) {
    return exportDiagramToPath(file.isLocalFile() ? file.toLocalFile() : file.toString());
}

bool ExportController::exportReportTo(const QUrl& file) {
    return exportReportToPath(file.isLocalFile() ? file.toLocalFile() : file.toString());
}

bool ExportController::exportDiagramToPath(const QString& path) {
    if (!document_) return false;
    // The extension typed in the save dialog wins over the format picked.
    const auto format = diagramFormatForPath(path);
    if (!format) {
        setErrorText(tr("Cannot tell the format of %1: use .svg, .pdf, .png, .mmd or .drawio.").arg(path));
        return false;
    }
    DiagramRenderOptions options = renderOptions();
    options.selection = selectionIds();
    QString error;
    const QByteArray bytes = exportDiagram(document_->document(), Catalogue::builtin(), *format, options,
                                           scale_, &error);
    if (bytes.isEmpty()) {
        setErrorText(error.isEmpty() ? tr("Nothing to export.") : error);
        return false;
    }
    error = writeFileAtomically(path, bytes);
    setErrorText(error);
    return error.isEmpty();
}

ComparisonController* ExportController::comparison() const {
    return comparison_;
}

void ExportController::setComparison(ComparisonController* comparison) {
    if (comparison_ == comparison) return;
    comparison_ = comparison;
    emit comparisonChanged();
}

bool ExportController::exportReportToPath(const QString& path) {
    if (!document_) return false;
    const auto format = reportFormatForPath(path);
    if (!format) {
        setErrorText(tr("Cannot tell the format of %1: use .html, .md, .pdf or .json.").arg(path));
        return false;
    }
    const auto comparison = comparison_ ? comparison_->reportComparison() : std::nullopt;
    const QString error =
        exportReport(document_->document(), Catalogue::builtin(), *format, path, &currentReport(),
                     document_->filePath(), comparison ? &*comparison : nullptr);
    setErrorText(error);
    return error.isEmpty();
}

ExportPreview::ExportPreview(QQuickItem* parent) : QQuickPaintedItem(parent) {
    setAntialiasing(true);
}

void ExportPreview::setExporter(ExportController* exporter) {
    if (exporter_ == exporter) return;
    if (exporter_) disconnect(exporter_, nullptr, this, nullptr);
    exporter_ = exporter;
    if (exporter_) connect(exporter_, &ExportController::previewChanged, this, [this] { update(); });
    emit exporterChanged();
    update();
}

void ExportPreview::paint(QPainter* painter) {
    if (!exporter_) return;
    const Document doc = exporter_->previewDocument();
    const QRectF bounds = diagramExportBounds(doc);
    const QRectF area(0, 0, width(), height());
    // The page's outline: the exported area, fitted and centred, over a neutral backdrop.
    const double k = std::min(area.width() / bounds.width(), area.height() / bounds.height());
    const QSizeF size = bounds.size() * k;
    const QRectF target(area.center() - QPointF(size.width() / 2, size.height() / 2), size);
    painter->fillRect(area, QColor(0x80, 0x80, 0x80, 40));
    paintDiagram(*painter, doc, Catalogue::builtin(), exporter_->renderOptions(), target);
    painter->setPen(QPen(QColor(0x80, 0x80, 0x80), 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(target);
}

} // namespace archlens
