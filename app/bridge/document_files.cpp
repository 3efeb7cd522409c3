// DocumentController: new, open, save, revert, recent files and the bundled examples.
#include "document_controller.h"

#include "archlens/model/document_io.h"
#include "file_dialogs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace archlens {

namespace {
constexpr int kMaxRecent = 10;
const char* const kRecentKey = "recentFiles";

/// Paths inside the resources are not files on disk: read them through Qt.
LoadResult loadPathUnguarded(const QString& path, const Catalogue& catalogue) {
    if (!path.startsWith(QLatin1String(":/")))
        return readDocumentFile(path.toStdString(), catalogue);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        LoadResult r;
        r.problems.push_back({"", "cannot read the bundled example"});
        return r;
    }
    return readDocument(file.readAll().toStdString(), catalogue);
}

/// The reader reports every problem it knows of as a problem; this is the last line of
/// defence, so that a reader bug shows as a message and never takes the open design down.
LoadResult loadPath(const QString& path, const Catalogue& catalogue) {
    try {
        return loadPathUnguarded(path, catalogue);
    } catch (const std::exception& e) {
        LoadResult r;
        r.problems.push_back({"", std::string("cannot read this file: ") + e.what()});
        return r;
    } catch (...) {
        LoadResult r;
        r.problems.push_back({"", "cannot read this file"});
        return r;
    }
}

/// The problems of a load, one a line, each with its place.
QString problemLines(const Problems& problems) {
    QStringList lines;
    for (const auto& p : problems)
        lines << QString::fromStdString(p.describe());
    return lines.join('\n');
}

/// A file name made from a design's title: characters that file systems or shells treat
/// specially become spaces, and an empty result is "Untitled".
QString fileNameFromTitle(const QString& title) {
    QString name;
    for (const QChar ch : title) {
        const bool special = ch.category() == QChar::Other_Control ||
                             ch.category() == QChar::Other_Format ||
                             QStringLiteral("/\\:*?\"<>|").contains(ch);
        name += special ? QLatin1Char(' ') : ch;
    }
    name = name.simplified().left(120);
    while (name.startsWith(QLatin1Char('.')))
        name.remove(0, 1);
    return name.isEmpty() ? QStringLiteral("Untitled") : name;
}
} // namespace

void DocumentController::startDesign(Document doc, const QString& status) {
    ++generation_;
    selection_.clear();
    editor_.resetDocument(std::move(doc));
    editor_.markModified();
    filePath_.clear();
    pasteCount_ = 0;
    clearError();
    setStatus(status);
    emit documentReplaced();
    emit fileChanged();
    emit documentChanged();
    emit meaningChanged();
    emit modifiedChanged();
    emit historyChanged();
}

void DocumentController::newDocument() {
    ++generation_;
    editor_.resetDocument(Document{});
    filePath_.clear();
    pasteCount_ = 0;
    clearError();
    setStatus(tr("New design"));
    emit documentReplaced();
    emit fileChanged();
    emit documentChanged();
    emit meaningChanged();
    emit modifiedChanged();
    emit historyChanged();
}

bool DocumentController::openFile(const QString& path) {
    auto result = loadPath(path, editor_.catalogue());
    const QString shown = QFileInfo(path).fileName();
    if (!result.ok()) {
        setError(tr("Could not open %1; the current design is unchanged.\n%2")
                     .arg(shown, problemLines(result.problems)));
        return false;
    }
    // A bundled example opens as a new, unsaved design: saving must ask where.
    const bool bundled = path.startsWith(QLatin1String(":/"));
    filePath_ = bundled ? QString() : QFileInfo(path).absoluteFilePath();
    selection_.clear();
    ++generation_;
    editor_.resetDocument(std::move(*result.document));
    pasteCount_ = 0;
    clearError();
    if (!bundled) addRecentFile(filePath_);
    setStatus(tr("Opened %1").arg(shown));
    emit documentReplaced();
    emit fileChanged();
    emit documentChanged();
    emit meaningChanged();
    emit modifiedChanged();
    emit historyChanged();
    return true;
}

bool DocumentController::save() {
    if (filePath_.isEmpty()) return false;
    return saveAs(filePath_);
}

bool DocumentController::saveAs(const QString& path) {
    if (path.isEmpty()) return false;
    QString target = path;
    if (QFileInfo(target).suffix().isEmpty()) target += QStringLiteral(".archlens");
    emit aboutToSave();
    const std::string error = writeDocumentFile(target.toStdString(), editor_.document());
    if (!error.empty()) {
        setError(tr("Could not save %1:\n%2").arg(target, QString::fromStdString(error)));
        return false;
    }
    editor_.markClean();
    const bool renamed = QFileInfo(target).absoluteFilePath() != filePath_;
    filePath_ = QFileInfo(target).absoluteFilePath();
    addRecentFile(filePath_);
    clearError();
    setStatus(tr("Saved %1").arg(QFileInfo(target).fileName()));
    if (renamed) emit fileChanged();
    emit modifiedChanged();
    emit documentChanged();
    return true;
}

QString DocumentController::suggestedSavePath() const {
    if (!filePath_.isEmpty()) return filePath_;
    const QString name = fileNameFromTitle(QString::fromStdString(editor_.document().title));
    return QDir(FileDialogs::lastFolder()).filePath(name + QStringLiteral(".archlens"));
}

bool DocumentController::restoreRecovered(const QString& recoveryPath, const QString& sourcePath,
                                          const QString& savedAt) {
    auto result = loadPath(recoveryPath, editor_.catalogue());
    if (!result.ok()) {
        setError(tr("Could not restore the unsaved changes; the current design is unchanged.\n%1")
                     .arg(problemLines(result.problems)));
        return false;
    }
    selection_.clear();
    ++generation_;
    editor_.resetDocument(std::move(*result.document));
    // The restored work has never been saved: it stays marked modified, and Save writes it
    // to the file it came from.
    editor_.markModified();
    filePath_ = sourcePath.isEmpty() ? QString() : QFileInfo(sourcePath).absoluteFilePath();
    pasteCount_ = 0;
    clearError();
    // Named as the recovery question named it: by the design's title, else its file.
    setStatus(tr("Restored the unsaved changes of %1 from %2").arg(title(), savedAt));
    emit documentReplaced();
    emit fileChanged();
    emit documentChanged();
    emit meaningChanged();
    emit modifiedChanged();
    emit historyChanged();
    return true;
}

bool DocumentController::revert() {
    if (filePath_.isEmpty()) return false;
    return openFile(filePath_);
}

QStringList DocumentController::recentFiles() const {
    return QSettings().value(kRecentKey).toStringList();
}

void DocumentController::addRecentFile(const QString& path) {
    QStringList list = recentFiles();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings().setValue(kRecentKey, list);
    emit recentFilesChanged();
}

void DocumentController::clearRecentFiles() {
    QSettings().remove(kRecentKey);
    emit recentFilesChanged();
}

QVariantList DocumentController::examples() const {
    QVariantList out;
    const QDir dir(QStringLiteral(":/examples"));
    for (const QString& name :
         dir.entryList({QStringLiteral("*.archlens")}, QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(name);
        QString title = QFileInfo(name).completeBaseName();
        auto loaded = loadPath(path, editor_.catalogue());
        if (loaded.ok() && !loaded.document->title.empty())
            title = QString::fromStdString(loaded.document->title);
        out << QVariantMap{{"title", title}, {"path", path}};
    }
    return out;
}

} // namespace archlens
