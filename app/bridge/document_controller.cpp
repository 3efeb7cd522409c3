#include "document_controller.h"

#include "diagram_geometry.h"

#include <QFileInfo>

namespace archlens {

DocumentController::DocumentController(QObject* parent)
    : QObject(parent), editor_(Catalogue::builtin()), index_(editor_), components_(editor_),
      connections_(editor_, index_), zones_(editor_), selection_(editor_, index_) {
    observer_ = editor_.addObserver([this](const Changes& changes) {
        emit documentChanged();
        if (!onlyLayoutChanged(changes)) emit meaningChanged();
        emit modifiedChanged();
        emit historyChanged();
    });
}

DocumentController::~DocumentController() {
    editor_.removeObserver(observer_);
}

QString DocumentController::title() const {
    const auto& t = editor_.document().title;
    if (!t.empty()) return QString::fromStdString(t);
    return filePath_.isEmpty() ? tr("Untitled") : QFileInfo(filePath_).completeBaseName();
}

QString DocumentController::fileName() const {
    return filePath_.isEmpty() ? tr("Untitled") : QFileInfo(filePath_).fileName();
}

QRectF DocumentController::bounds() const {
    return geometry::documentBounds(editor_.document());
}

QString DocumentController::undoText() const {
    return QString::fromStdString(editor_.history().undoText());
}

QString DocumentController::redoText() const {
    return QString::fromStdString(editor_.history().redoText());
}

void DocumentController::undo() {
    if (!editor_.canUndo()) return;
    const QString text = undoText();
    editor_.undo();
    setStatus(tr("Undid %1").arg(text));
}

void DocumentController::redo() {
    if (!editor_.canRedo()) return;
    const QString text = redoText();
    editor_.redo();
    setStatus(tr("Redid %1").arg(text));
}

void DocumentController::clearError() {
    setError({});
}

void DocumentController::setError(const QString& text) {
    if (text == errorText_) return;
    errorText_ = text;
    emit errorChanged();
}

void DocumentController::setStatus(const QString& text) {
    if (text == status_) return;
    status_ = text;
    emit statusChanged();
}

bool DocumentController::refuse(const std::string& reason) {
    const QString text = QString::fromStdString(reason);
    setStatus(text);
    emit editRefused(text);
    return false;
}

} // namespace archlens
