#include "file_dialogs.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJSEngine>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QWindow>

namespace archlens {

namespace {
const char* const kLastFolderKey = "lastFolder";
}

FileDialogs::FileDialogs(QObject* parent) : QObject(parent) {}

FileDialogs::~FileDialogs() {
    if (dialog_) delete dialog_.data();
}

QFileDialog* FileDialogs::current() const {
    return dialog_.data();
}

QString FileDialogs::lastFolder() {
    const QString saved = QSettings().value(kLastFolderKey).toString();
    if (!saved.isEmpty() && QFileInfo(saved).isDir()) return saved;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QFileInfo(documents).isDir()) return documents;
    return QDir::homePath();
}

void FileDialogs::setLastFolder(const QString& folder) {
    if (!folder.isEmpty()) QSettings().setValue(kLastFolderKey, folder);
}

QWindow* FileDialogs::parentWindow() const {
    if (QWindow* focused = QGuiApplication::focusWindow()) return focused;
    const auto windows = QGuiApplication::topLevelWindows();
    for (QWindow* w : windows)
        if (w->isVisible()) return w;
    return nullptr;
}

void FileDialogs::openFile(const QString& title, const QStringList& filters,
                           const QJSValue& done) {
    auto* dialog = new QFileDialog(nullptr, title, lastFolder());
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters(filters);
    show(dialog, done, {});
}

void FileDialogs::saveFile(const QString& title, const QString& suggested,
                           const QStringList& filters, const QString& suffix,
                           const QJSValue& done) {
    const QFileInfo info(suggested);
    const QString folder = info.isAbsolute() && info.absoluteDir().exists()
                               ? info.absolutePath()
                               : lastFolder();
    auto* dialog = new QFileDialog(nullptr, title, folder);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilters(filters);
    if (!suffix.isEmpty()) dialog->setDefaultSuffix(suffix);
    // QFileDialog asks before overwriting by default; said here so that nobody turns it off.
    dialog->setOption(QFileDialog::DontConfirmOverwrite, false);
    dialog->selectFile(info.fileName());
    show(dialog, done, suffix);
}

void FileDialogs::show(QFileDialog* dialog, const QJSValue& done, const QString& suffix) {
    if (dialog_) {
        // One at a time: a second request (a double-pressed shortcut) raises the first.
        delete dialog;
        dialog_->raise();
        dialog_->activateWindow();
        return;
    }
    dialog_ = dialog;
    done_ = done;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    // A widget cannot be the child of a Qt Quick window; a transient parent centres the
    // dialog over it and keeps it in front.
    dialog->winId();
    if (QWindow* parent = parentWindow(); parent && dialog->windowHandle())
        dialog->windowHandle()->setTransientParent(parent);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, suffix](const QString& path) { finish(path, suffix); });
    connect(dialog, &QObject::destroyed, this, [this] {
        done_ = QJSValue();
        emit showingChanged();
    });
    dialog->open();
    emit showingChanged();
    emit dialogShown(dialog);
}

void FileDialogs::finish(const QString& chosen, const QString& suffix) {
    if (chosen.isEmpty()) return;
    QString path = chosen;
    // The desktop's own dialog may not append the suffix; then the name is completed here
    // and, since that dialog could not have asked, an existing file is confirmed here.
    if (!suffix.isEmpty() && QFileInfo(path).suffix().isEmpty() && dialog_ &&
        dialog_->acceptMode() == QFileDialog::AcceptSave) {
        path += QLatin1Char('.') + suffix;
        if (QFileInfo::exists(path)) {
            const auto answer = QMessageBox::question(
                nullptr, tr("Replace file?"),
                tr("%1 already exists. Replace it?").arg(QFileInfo(path).fileName()));
            if (answer != QMessageBox::Yes) return;
        }
    }
    setLastFolder(QFileInfo(path).absolutePath());
    QJSValue done = done_;
    done_ = QJSValue();
    if (done.isCallable()) {
        const QJSValue result = done.call({QJSValue(path)});
        if (result.isError())
            qWarning("archlens: a file dialog callback failed: %s",
                     qPrintable(result.toString()));
    }
}

} // namespace archlens
