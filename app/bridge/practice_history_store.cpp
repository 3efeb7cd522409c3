#include "practice_history_store.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace archlens {

PracticeHistoryStore::PracticeHistoryStore(QObject* parent) : QObject(parent) {
    reload();
}

QString PracticeHistoryStore::path() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("practice-history.json"));
}

void PracticeHistoryStore::reload() {
    records_.clear();
    problem_.clear();
    QFile file(path());
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            problem_ =
                tr("Cannot read the practice history %1: %2").arg(path(), file.errorString());
        } else {
            const PracticeHistoryLoad load = readPracticeHistory(file.readAll().toStdString());
            if (load.ok())
                records_ = load.records;
            else
                problem_ =
                    tr("The practice history %1 is damaged (%2); it is kept as it is and "
                       "a new one begins with the next session.")
                        .arg(path(), QString::fromStdString(load.problems.front().describe()));
        }
    }
    emit changed();
}

bool PracticeHistoryStore::record(const PracticeRecord& record) {
    reload();
    if (!problem_.isEmpty() && QFile::exists(path())) {
        // Set the damaged file aside rather than write over what may still be read by hand.
        const QString aside =
            path() + QStringLiteral(".damaged-") +
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-hhmmss"));
        if (!QFile::rename(path(), aside)) {
            problem_ = tr("Could not set the damaged practice history aside; the session was "
                          "not recorded.");
            emit changed();
            return false;
        }
        problem_ = tr("The damaged practice history was kept as %1.").arg(aside);
    }
    std::vector<PracticeRecord> next = records_;
    next.push_back(record);
    QDir().mkpath(QFileInfo(path()).absolutePath());
    QSaveFile file(path());
    const QByteArray text = QByteArray::fromStdString(writePracticeHistory(next));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit()) {
        problem_ = tr("Could not save the practice history %1: %2").arg(path(), file.errorString());
        emit changed();
        return false;
    }
    records_ = std::move(next);
    emit changed();
    return true;
}

QVariantList PracticeHistoryStore::sessions() const {
    QVariantList out;
    for (auto it = records_.rbegin(); it != records_.rend(); ++it) {
        const QDateTime when =
            QDateTime::fromString(QString::fromStdString(it->finished_at), Qt::ISODate);
        QVariantMap m{{"prompt", QString::fromStdString(it->prompt)},
                      {"title", QString::fromStdString(it->title)},
                      {"finishedAt", when.isValid() ? when.toLocalTime().toString(
                                                          QStringLiteral("yyyy-MM-dd hh:mm"))
                                                    : QString::fromStdString(it->finished_at)},
                      {"minutes", it->minutes},
                      {"usedS", it->used_s},
                      {"errors", it->errors},
                      {"warnings", it->warnings},
                      {"infos", it->infos}};
        if (it->score) m.insert(QStringLiteral("score"), *it->score);
        out << m;
    }
    return out;
}

} // namespace archlens
