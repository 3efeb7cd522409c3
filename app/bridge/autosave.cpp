#include "autosave.h"

#include "archlens/model/document_io.h"
#include "document_controller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>
#include <algorithm>

namespace archlens {

namespace {

constexpr int kDefaultIntervalMs = 30'000;
constexpr int kDefaultIdleMs = 2'000;
const char* const kMetaFormat = "archlens-recovery";

/// Whole or nothing, so that a crash in the middle of an autosave leaves the previous one.
bool writeWhole(const QString& path, const QByteArray& data) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return false;
    if (file.write(data) != data.size()) {
        file.cancelWriting();
        return false;
    }
    return file.commit();
}

QString shownTime(const QDateTime& time) {
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

Autosave::Autosave(QObject* parent) : QObject(parent), sessionId_(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    folder_ = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
              QStringLiteral("/recovery");
    writer_.setMaxThreadCount(1);
    idle_.setSingleShot(true);
    idle_.setInterval(kDefaultIdleMs);
    periodic_.setSingleShot(true);
    periodic_.setInterval(kDefaultIntervalMs);
    connect(&idle_, &QTimer::timeout, this, &Autosave::autosaveNow);
    connect(&periodic_, &QTimer::timeout, this, &Autosave::autosaveNow);
    // Scanned once the QML properties are set (folder first), not in the constructor.
    QTimer::singleShot(0, this, &Autosave::scan);
}

Autosave::~Autosave() {
    // The program is ending normally: the person has saved or chosen to discard, so the
    // recovery file goes. (A crash never gets here, which is the point.)
    removeOwnFile();
    writer_.waitForDone();
    ownLock_.reset();
}

void Autosave::setController(DocumentController* controller) {
    if (controller == controller_) return;
    if (controller_) disconnect(controller_, nullptr, this, nullptr);
    controller_ = controller;
    if (controller_) {
        connect(controller_, &DocumentController::documentChanged, this, &Autosave::documentEdited);
        connect(controller_, &DocumentController::modifiedChanged, this, &Autosave::modifiedChanged);
    }
    emit controllerChanged();
}

void Autosave::setFolder(const QString& folder) {
    if (folder == folder_) return;
    folder_ = folder;
    emit folderChanged();
}

void Autosave::setIntervalMs(int ms) {
    periodic_.setInterval(std::max(100, ms));
    emit timingChanged();
}

void Autosave::setIdleMs(int ms) {
    idle_.setInterval(std::max(10, ms));
    emit timingChanged();
}

QString Autosave::pathFor(const QString& id, const char* extension) const {
    return QDir(folder_).filePath(id + QLatin1Char('.') + QLatin1String(extension));
}

QString Autosave::recoveryPath() const {
    return pathFor(sessionId_, "archlens");
}

void Autosave::documentEdited() {
    if (!controller_ || !controller_->modified()) return;
    dirty_ = true;
    idle_.start(); // restarted by every edit: fires when the person pauses
    // Not restarted: during unbroken editing it still fires an interval after the first
    // edit that the recovery file lacks.
    if (!periodic_.isActive()) periodic_.start();
}

void Autosave::modifiedChanged() {
    if (!controller_ || controller_->modified()) return;
    dirty_ = false;
    idle_.stop();
    periodic_.stop();
    removeOwnFile();
}

void Autosave::autosaveNow() {
    idle_.stop();
    periodic_.stop();
    if (!controller_ || !controller_->modified() || !dirty_) return;
    if (!QDir().mkpath(folder_)) {
        qWarning("archlens: cannot create the recovery folder %s", qPrintable(folder_));
        return;
    }
    if (!ownLock_) {
        ownLock_ = std::make_unique<QLockFile>(pathFor(sessionId_, "lock"));
        // Only a dead owner makes a lock stale, never its age: a window open for hours
        // keeps its claim.
        ownLock_->setStaleLockTime(0);
        if (!ownLock_->tryLock(0)) {
            qWarning("archlens: cannot lock the recovery file in %s", qPrintable(folder_));
            ownLock_.reset();
            return;
        }
    }
    dirty_ = false;
    lastAutosave_ = QDateTime::currentDateTime();
    fileWritten_ = true;

    // Taking the copy (or sharing the live analysis's) is the only work on this thread;
    // serialising and writing run on the worker.
    std::shared_ptr<const Document> snapshot = controller_->snapshot();
    QJsonObject meta{{"format", kMetaFormat},
                     {"version", 1},
                     {"source", controller_->filePath()},
                     {"title", controller_->title()},
                     {"saved_at", lastAutosave_.toString(Qt::ISODateWithMs)}};
    const QString designPath = recoveryPath();
    const QString metaPath = pathFor(sessionId_, "json");
    QPointer<Autosave> self(this);
    writer_.start([snapshot = std::move(snapshot), meta, designPath, metaPath, self] {
        const std::string text = writeDocument(*snapshot);
        // The design first: a description is never left pointing at nothing. The text is
        // written from where it is, not copied (several MB on a large design).
        const bool ok =
            writeWhole(designPath, QByteArray::fromRawData(text.data(), qsizetype(text.size()))) &&
            writeWhole(metaPath, QJsonDocument(meta).toJson(QJsonDocument::Compact));
        if (!ok) qWarning("archlens: could not write the recovery file %s", qPrintable(designPath));
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self] {
                if (self) emit self->autosaved();
            },
            Qt::QueuedConnection);
    });
}

void Autosave::removeOwnFile() {
    if (!fileWritten_) return;
    fileWritten_ = false;
    const QString design = recoveryPath();
    const QString meta = pathFor(sessionId_, "json");
    // On the writer, after any write still queued, so that it cannot bring the file back.
    writer_.start([design, meta] {
        QFile::remove(meta);
        QFile::remove(design);
    });
}

void Autosave::waitForWrites() {
    writer_.waitForDone();
}

void Autosave::scan() {
    const QDir dir(folder_);
    if (!dir.exists()) {
        emit scanned();
        return;
    }
    QVariantList found;
    const QStringList metas = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString& name : metas) {
        const QString id = QFileInfo(name).completeBaseName();
        if (id == sessionId_ || offered_.count(id)) continue;
        auto lock = std::make_unique<QLockFile>(pathFor(id, "lock"));
        lock->setStaleLockTime(0);
        // Held by a running program (another window): its work is not ours to offer.
        if (!lock->tryLock(0)) continue;
        QFile metaFile(pathFor(id, "json"));
        const QString design = pathFor(id, "archlens");
        QJsonObject meta;
        if (metaFile.open(QIODevice::ReadOnly))
            meta = QJsonDocument::fromJson(metaFile.readAll()).object();
        if (meta.value("format").toString() != QLatin1String(kMetaFormat) ||
            !QFileInfo::exists(design))
            continue; // not ours, or half there: left alone, and the lock released
        const QDateTime savedAt =
            QDateTime::fromString(meta.value("saved_at").toString(), Qt::ISODateWithMs);
        const QString source = meta.value("source").toString();
        const QString title = meta.value("title").toString();
        found << QVariantMap{{"id", id},
                             {"fileName", source.isEmpty() ? title : QFileInfo(source).fileName()},
                             {"title", title},
                             {"source", source},
                             {"savedAt", shownTime(savedAt)},
                             {"savedAtIso", savedAt.toString(Qt::ISODate)},
                             {"recoveryPath", design}};
        offered_[id] = std::move(lock);
    }
    std::sort(found.begin(), found.end(), [](const QVariant& a, const QVariant& b) {
        return a.toMap().value("savedAtIso").toString() > b.toMap().value("savedAtIso").toString();
    });
    if (!found.isEmpty()) {
        recoverable_ += found;
        emit recoverableChanged();
    }
    emit scanned();
}

bool Autosave::restore(const QString& id) {
    for (const QVariant& v : recoverable_) {
        const QVariantMap entry = v.toMap();
        if (entry.value("id").toString() != id) continue;
        if (!controller_ ||
            !controller_->restoreRecovered(entry.value("recoveryPath").toString(),
                                           entry.value("source").toString(),
                                           entry.value("savedAt").toString()))
            return false;
        // The restored work is this window's unsaved work now, written to its own file.
        release(id, true);
        autosaveNow();
        return true;
    }
    return false;
}

void Autosave::discard(const QString& id) {
    release(id, true);
}

void Autosave::postpone(const QString& id) {
    release(id, false);
}

void Autosave::release(const QString& id, bool removeFiles) {
    const auto before = recoverable_.size();
    recoverable_.erase(std::remove_if(recoverable_.begin(), recoverable_.end(),
                                      [&](const QVariant& v) {
                                          return v.toMap().value("id").toString() == id;
                                      }),
                       recoverable_.end());
    if (removeFiles) {
        QFile::remove(pathFor(id, "json"));
        QFile::remove(pathFor(id, "archlens"));
    }
    offered_.erase(id); // unlocks, removing the lock file
    if (recoverable_.size() != before) emit recoverableChanged();
}

} // namespace archlens
