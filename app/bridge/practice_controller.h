#pragma once
// The practice interview in the window: starts a session on a prompt (a new design whose
// requirements are the prompt's targets), runs its clock, moves through the phases, and
// edits the notes and checklists, every edit through the DocumentController so each is one
// undo step. The clock is live only here: the time of the current phase is put into the
// document when the phase changes, on pause, before every save and every half minute
// while running (DocumentController::recordPracticeTime, which undo never winds back). A
// session opened from a file starts paused. The clock is injectable, for tests.
#include "archlens/model/practice.h"
#include "archlens/model/practice_history.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVariantList>

#include <functional>
#include <optional>
#include <set>
#include <string>

namespace archlens {

class AnalysisController;
class DocumentController;
class PracticeHistoryStore;

class PracticeController : public QObject {
    Q_OBJECT
    Q_MOC_INCLUDE("document_controller.h")
    Q_MOC_INCLUDE("analysis_controller.h")
    Q_MOC_INCLUDE("practice_history_store.h")
    Q_PROPERTY(archlens::DocumentController* controller READ controller WRITE setController NOTIFY
                   controllerChanged)
    /// Whether the design carries a practice session.
    Q_PROPERTY(bool active READ active NOTIFY sessionChanged)
    Q_PROPERTY(QString promptId READ promptId NOTIFY sessionChanged)
    Q_PROPERTY(QString promptTitle READ promptTitle NOTIFY sessionChanged)
    Q_PROPERTY(int minutes READ minutes NOTIFY sessionChanged)
    Q_PROPERTY(bool finished READ finished NOTIFY sessionChanged)
    /// The phases, in order: {id, title, hint, plannedS, usedS, state ("done", "current",
    /// "next"), checklist: [{id, text, checked}], checkedCount}. `usedS` is as last recorded;
    /// the current phase's live time is currentUsedS.
    Q_PROPERTY(QVariantList phases READ phases NOTIFY sessionChanged)
    Q_PROPERTY(int currentIndex READ currentIndex NOTIFY sessionChanged)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    /// Live clock figures, in seconds; they change on every tick while running.
    Q_PROPERTY(double currentUsedS READ currentUsedS NOTIFY clockChanged)
    Q_PROPERTY(double currentPlannedS READ currentPlannedS NOTIFY sessionChanged)
    Q_PROPERTY(double usedS READ usedS NOTIFY clockChanged)
    Q_PROPERTY(double remainingS READ remainingS NOTIFY clockChanged)
    /// The live critique, whose open findings interviewer mode asks about.
    Q_PROPERTY(archlens::AnalysisController* analysis READ analysis WRITE setAnalysis NOTIFY
                   analysisChanged)
    /// Interviewer mode: the next question ({text, source ("finding" or "deep-dive"), rule,
    /// severity, title, guideSection}), or an empty map when none is left; and how many
    /// are left, this one included.
    Q_PROPERTY(QVariantMap question READ question NOTIFY questionChanged)
    Q_PROPERTY(int questionsLeft READ questionsLeft NOTIFY questionChanged)
    /// Where a finished session is recorded (Help ▸ Practice History).
    Q_PROPERTY(
        archlens::PracticeHistoryStore* history READ history WRITE setHistory NOTIFY historyChanged)
    /// The answers given so far, in order: {question, answer}.
    Q_PROPERTY(QVariantList answers READ answers NOTIFY sessionChanged)

public:
    using Clock = std::function<qint64()>; ///< milliseconds on a monotonic clock

    explicit PracticeController(QObject* parent = nullptr);

    DocumentController* controller() const { return controller_; }
    void setController(DocumentController* controller);
    /// Replaces the clock (tests); the default is a monotonic timer.
    void setClock(Clock clock);

    bool active() const { return session() != nullptr; }
    QString promptId() const;
    QString promptTitle() const;
    int minutes() const;
    bool finished() const;
    QVariantList phases() const;
    int currentIndex() const;
    bool running() const { return running_; }
    double currentUsedS() const;
    double currentPlannedS() const;
    double usedS() const;
    double remainingS() const;

    /// Starts a new design for `promptId` with a session of `minutes`, titled after the
    /// prompt, its requirements the prompt's targets, and the clock running. False (and
    /// nothing changes) for an unknown prompt or a length out of range.
    Q_INVOKABLE bool start(const QString& promptId, int minutes);
    Q_INVOKABLE void pause();
    Q_INVOKABLE void resume();
    /// Moves to the phase at `index` (one undo step), the clock going on there.
    Q_INVOKABLE bool goToPhase(int index);
    Q_INVOKABLE bool nextPhase() { return goToPhase(currentIndex() + 1); }
    /// Stops the clock, marks the session finished (one undo step) and records it in the
    /// history with the open findings of the latest critique.
    Q_INVOKABLE bool finish();
    /// Takes the session out of the design (one undo step); the drawing stays.
    Q_INVOKABLE bool discard();
    Q_INVOKABLE bool setNotes(int index, const QString& text);
    Q_INVOKABLE QString notes(int index) const;
    Q_INVOKABLE bool setChecked(int index, const QString& item, bool checked);

    PracticeHistoryStore* history() const;
    void setHistory(PracticeHistoryStore* history);
    AnalysisController* analysis() const;
    void setAnalysis(AnalysisController* analysis);
    QVariantMap question() const;
    int questionsLeft() const;
    QVariantList answers() const;
    /// Records `answer` to `question` (typing into one answer merges into one undo step);
    /// an answer to a question asked before replaces it.
    Q_INVOKABLE bool answerQuestion(const QString& question, const QString& answer);
    /// The answer given to `question`, or "".
    Q_INVOKABLE QString answerTo(const QString& question) const;
    /// The scorecard of the design as it is now, against the session's prompt and with its
    /// phases' times (analysed afresh, without the what-if): the JSON of `archlens score`
    /// as a map ({total, prompt, categories: [{id, title, points, max, lines: [{points, max,
    /// reason, link: {kind, id, subjects}}]}], notes}). Empty without a session.
    Q_INVOKABLE QVariantMap scorecard() const;
    /// The rubric: {id, title, max, how} for each category, in card order.
    Q_INVOKABLE QVariantList rubric() const;
    /// Puts the question aside for now: the next one is asked (until the design is reopened).
    Q_INVOKABLE void skipQuestion(const QString& question);
    /// "12:05" or "1:02:03" for a number of seconds (negative: "−0:30").
    Q_INVOKABLE static QString clockText(double seconds);

    /// Puts the live time of the current phase into the document.
    void flush();

signals:
    void controllerChanged();
    void sessionChanged();
    void runningChanged();
    void clockChanged();
    void analysisChanged();
    void historyChanged();
    void questionChanged();

private:
    const PracticeSession* session() const;
    double liveSeconds() const; ///< since the clock last started, or 0 when paused
    void setRunning(bool running);
    bool edit(const PracticeSession& next, const QString& text, const QString& mergeKey = {});

    /// The questions still open, first the one to ask; worked out once per questionChanged
    /// (the question and the count left both read it).
    const QVariantList& questionList() const;
    /// The history's record of the session, which must exist.
    PracticeRecord finishedRecord() const;

    QPointer<DocumentController> controller_;
    QPointer<AnalysisController> analysis_;
    QPointer<PracticeHistoryStore> history_;
    std::set<std::string> skipped_;
    Clock clock_;
    bool running_ = false;
    qint64 runStartMs_ = 0;
    QTimer tick_;
    int ticksSinceFlush_ = 0;
    mutable std::optional<QVariantList> questions_; ///< questionList's, until questionChanged
};

} // namespace archlens
