#include "document_controller.h"

#include "archlens/model/document_io.h"

#include <QFileInfo>

namespace archlens {

DocumentController::DocumentController(QObject* parent)
    : QObject(parent), editor_(Catalogue::builtin()), components_(editor_), connections_(editor_),
      zones_(editor_) {
    editor_.addObserver([this](const Changes&) {
        emit documentChanged();
        emit modifiedChanged();
    });
}

QString DocumentController::title() const {
    const auto& t = editor_.document().title;
    if (!t.empty()) return QString::fromStdString(t);
    return filePath_.isEmpty() ? tr("Untitled") : QFileInfo(filePath_).completeBaseName();
}

QRectF DocumentController::bounds() const {
    const auto& doc = editor_.document();
    QRectF r;
    for (const auto& c : doc.components)
        r |= QRectF(c.x, c.y, ComponentModel::kWidth, ComponentModel::kHeight);
    for (const auto& n : doc.notes)
        r |= QRectF(n.x, n.y, 200, 60);
    return r;
}

bool DocumentController::openFile(const QString& path) {
    auto result = readDocumentFile(path.toStdString(), editor_.catalogue());
    if (!result.ok()) {
        QStringList lines;
        for (const auto& p : result.problems)
            lines << QString::fromStdString(p.describe());
        setError(tr("Could not open %1:\n%2").arg(QFileInfo(path).fileName(), lines.join('\n')));
        return false;
    }
    filePath_ = QFileInfo(path).absoluteFilePath();
    editor_.resetDocument(std::move(*result.document));
    clearError();
    emit fileChanged();
    return true;
}

void DocumentController::clearError() {
    setError({});
}

void DocumentController::setError(const QString& text) {
    if (text == errorText_) return;
    errorText_ = text;
    emit errorChanged();
}

} // namespace archlens
