#pragma once
// The practice history in the user's data folder (practice-history.json under the
// application's data location), for Help ▸ Practice History and its plot. Each finished
// session is appended and the file written atomically; the file is read again before each
// append, so two windows do not drop each other's sessions. A damaged file is never
// overwritten: it is set aside under a new name, the problem is reported in `problem`,
// and a fresh history begins.
#include "archlens/model/practice_history.h"

#include <QObject>
#include <QVariantList>

#include <vector>

namespace archlens {

class PracticeHistoryStore : public QObject {
    Q_OBJECT
    /// The finished sessions, newest first: {prompt, title, finishedAt (local date and
    /// time, as text), minutes, usedS, score (undefined when none), errors, warnings, infos}.
    Q_PROPERTY(QVariantList sessions READ sessions NOTIFY changed)
    /// What went wrong reading or writing the file, or "".
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    Q_PROPERTY(QString path READ path CONSTANT)

public:
    explicit PracticeHistoryStore(QObject* parent = nullptr);

    /// Where the history is kept.
    static QString path();
    const std::vector<PracticeRecord>& records() const { return records_; }
    QVariantList sessions() const;
    QString problem() const { return problem_; }

    /// Appends a finished session and saves; false (with `problem`) when it could not be
    /// written.
    bool record(const PracticeRecord& record);
    /// Reads the file again.
    Q_INVOKABLE void reload();

signals:
    void changed();

private:
    std::vector<PracticeRecord> records_;
    QString problem_;
};

} // namespace archlens
