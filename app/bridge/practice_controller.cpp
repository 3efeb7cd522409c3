#include "practice_controller.h"

#include "analysis_controller.h"
#include "document_controller.h"
#include "practice_history_store.h"
#include "prompt_library.h"

#include <QDateTime>

#include "archlens/analysis/analyze.h"
#include "archlens/analysis/interviewer.h"
#include "archlens/analysis/rules.h"
#include "archlens/analysis/score.h"
#include "json_variant.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>

namespace archlens {

namespace {
constexpr int kTickMs = 250;
/// While running, the time is put into the document this often (in ticks), so that a
/// crash or a design replaced without saving loses at most this much.
constexpr int kTicksPerFlush = 120;
} // namespace

PracticeController::PracticeController(QObject* parent) : QObject(parent) {
    // First of questionChanged's receivers: whoever reacts to it reads the new list.
    connect(this, &PracticeController::questionChanged, this, [this] { questions_.reset(); });
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    clock_ = [timer] { return timer->elapsed(); };
    tick_.setInterval(kTickMs);
    connect(&tick_, &QTimer::timeout, this, [this] {
        if (++ticksSinceFlush_ >= kTicksPerFlush) flush();
        emit clockChanged();
    });
}

void PracticeController::setController(DocumentController* controller) {
    if (controller_ == controller) return;
    if (controller_) controller_->disconnect(this);
    setRunning(false);
    controller_ = controller;
    if (controller_) {
        connect(controller_, &DocumentController::documentChanged, this,
                &PracticeController::sessionChanged);
        connect(controller_, &DocumentController::documentReplaced, this, [this] {
            setRunning(false);
            skipped_.clear();
            emit questionChanged();
        });
        connect(controller_, &DocumentController::documentChanged, this,
                &PracticeController::questionChanged);
        connect(controller_, &DocumentController::aboutToSave, this, &PracticeController::flush);
    }
    emit controllerChanged();
    emit sessionChanged();
    emit clockChanged();
    emit questionChanged();
}

void PracticeController::setClock(Clock clock) {
    flush();
    clock_ = std::move(clock);
    runStartMs_ = clock_();
}

const PracticeSession* PracticeController::session() const {
    if (!controller_ || !controller_->document().practice) return nullptr;
    return &*controller_->document().practice;
}

QString PracticeController::promptId() const {
    return session() ? QString::fromStdString(session()->prompt) : QString();
}

QString PracticeController::promptTitle() const {
    if (!session()) return {};
    const Prompt* p = PromptLibrary::find(session()->prompt);
    return p ? QString::fromStdString(p->title) : QString::fromStdString(session()->prompt);
}

int PracticeController::minutes() const {
    return session() ? session()->minutes : 0;
}

bool PracticeController::finished() const {
    return session() && session()->finished;
}

int PracticeController::currentIndex() const {
    return session() ? session()->current : -1;
}

QVariantList PracticeController::phases() const {
    QVariantList out;
    const PracticeSession* s = session();
    if (!s) return out;
    for (size_t i = 0; i < s->phases.size(); ++i) {
        const PracticePhase& phase = s->phases[i];
        const PracticePhasePlan* plan = practicePhasePlan(phase.id);
        QVariantList checklist;
        int checkedCount = 0;
        if (plan)
            for (const auto& item : plan->checklist) {
                const bool checked = std::find(phase.checked.begin(), phase.checked.end(),
                                               item.id) != phase.checked.end();
                checkedCount += checked ? 1 : 0;
                checklist << QVariantMap{{"id", QString::fromStdString(item.id)},
                                         {"text", QString::fromStdString(item.text)},
                                         {"checked", checked}};
            }
        const int index = static_cast<int>(i);
        const QString state = s->finished || index < s->current ? QStringLiteral("done")
                              : index == s->current             ? QStringLiteral("current")
                                                                : QStringLiteral("next");
        out << QVariantMap{{"id", QString::fromStdString(phase.id)},
                           {"title", plan ? QString::fromStdString(plan->title)
                                          : QString::fromStdString(phase.id)},
                           {"hint", plan ? QString::fromStdString(plan->hint) : QString()},
                           {"plannedS", phase.planned_s},
                           {"usedS", phase.used_s},
                           {"state", state},
                           {"checklist", checklist},
                           {"checkedCount", checkedCount}};
    }
    return out;
}

double PracticeController::liveSeconds() const {
    return running_ ? static_cast<double>(clock_() - runStartMs_) / 1000.0 : 0.0;
}

double PracticeController::currentUsedS() const {
    const PracticeSession* s = session();
    if (!s || s->phases.empty()) return 0;
    return s->phases[static_cast<size_t>(s->current)].used_s + liveSeconds();
}

double PracticeController::currentPlannedS() const {
    const PracticeSession* s = session();
    if (!s || s->phases.empty()) return 0;
    return s->phases[static_cast<size_t>(s->current)].planned_s;
}

double PracticeController::usedS() const {
    const PracticeSession* s = session();
    return s ? s->usedSeconds() + liveSeconds() : 0;
}

double PracticeController::remainingS() const {
    const PracticeSession* s = session();
    return s ? s->plannedSeconds() - usedS() : 0;
}

void PracticeController::flush() {
    ticksSinceFlush_ = 0;
    const PracticeSession* s = session();
    if (!running_ || !s || s->phases.empty()) return;
    const double used = currentUsedS();
    runStartMs_ = clock_();
    controller_->recordPracticeTime(s->current, used);
}

void PracticeController::setRunning(bool running) {
    if (running == running_) return;
    if (!running) flush();
    running_ = running;
    runStartMs_ = clock_();
    ticksSinceFlush_ = 0;
    if (running_)
        tick_.start();
    else
        tick_.stop();
    emit runningChanged();
    emit clockChanged();
}

bool PracticeController::edit(const PracticeSession& next, const QString& text,
                              const QString& mergeKey) {
    return controller_ && controller_->setPractice(next, text, mergeKey);
}

bool PracticeController::start(const QString& promptId, int minutes) {
    const Prompt* prompt = PromptLibrary::find(promptId.toStdString());
    if (!controller_ || !prompt ||
        std::find(kPracticeLengths.begin(), kPracticeLengths.end(), minutes) ==
            kPracticeLengths.end())
        return false;
    setRunning(false);
    Document doc;
    doc.title = prompt->title;
    doc.hasRequirements = true;
    doc.requirements.availability = prompt->targets.availability;
    doc.requirements.p99_ms = prompt->targets.p99_ms;
    doc.practice = newPracticeSession(prompt->id, minutes);
    controller_->startDesign(std::move(doc), tr("Practice started: %1, %2 minutes")
                                                 .arg(QString::fromStdString(prompt->title))
                                                 .arg(minutes));
    setRunning(true);
    return true;
}

void PracticeController::pause() {
    setRunning(false);
}

void PracticeController::resume() {
    if (session() && !session()->finished) setRunning(true);
}

bool PracticeController::goToPhase(int index) {
    const PracticeSession* s = session();
    if (!s || index < 0 || static_cast<size_t>(index) >= s->phases.size() || index == s->current)
        return false;
    flush();
    PracticeSession next = *s;
    next.current = index;
    const PracticePhasePlan* plan = practicePhasePlan(next.phases[static_cast<size_t>(index)].id);
    const QString title = plan ? QString::fromStdString(plan->title) : QString();
    if (!edit(next, tr("Go to %1").arg(title))) return false;
    runStartMs_ = clock_();
    emit clockChanged();
    return true;
}

bool PracticeController::finish() {
    const PracticeSession* s = session();
    if (!s || s->finished) return false;
    setRunning(false);
    PracticeSession next = *session();
    next.finished = true;
    if (!edit(next, tr("Finish practice"))) return false;
    if (history_) history_->record(finishedRecord());
    return true;
}

namespace {

/// The scorecard of a practice design, analysed afresh: the live report may carry the
/// what-if's failures and traffic, which are no part of the design.
Scorecard practiceScorecard(const Document& doc, const Catalogue& catalogue,
                            Report* analysed = nullptr) {
    AnalysisOptions options;
    options.curves = false;
    Report report = analyze(doc, catalogue, options);
    runRules(doc, catalogue, report);
    const PracticeFacts facts = practiceFacts(*doc.practice);
    Scorecard card = score(doc, catalogue, report, PromptLibrary::find(doc.practice->prompt), &facts);
    if (analysed) *analysed = std::move(report);
    return card;
}

} // namespace

QVariantMap PracticeController::scorecard() const {
    if (!session()) return {};
    return toVariant(scorecardToJson(
                         practiceScorecard(controller_->document(), controller_->editor().catalogue())))
        .toMap();
}

QVariantList PracticeController::rubric() const {
    QVariantList out;
    for (const auto& r : scoreRubric())
        out << QVariantMap{{"id", QString::fromStdString(r.id)},
                           {"title", QString::fromStdString(r.title)},
                           {"max", r.max},
                           {"how", QString::fromStdString(r.how)}};
    return out;
}

PracticeRecord PracticeController::finishedRecord() const {
    const PracticeSession& s = *session();
    PracticeRecord r;
    r.prompt = s.prompt;
    r.title = promptTitle().toStdString();
    r.finished_at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
    r.minutes = s.minutes;
    r.used_s = s.usedSeconds();
    Report report;
    const double total =
        practiceScorecard(controller_->document(), controller_->editor().catalogue(), &report)
            .total;
    r.score = std::round(total * 10) / 10; // as the scorecard shows it
    for (const auto& f : report.findings) {
        if (f.acknowledged) continue;
        (f.severity == Severity::Error     ? r.errors
         : f.severity == Severity::Warning ? r.warnings
                                           : r.infos) += 1;
    }
    return r;
}

PracticeHistoryStore* PracticeController::history() const {
    return history_;
}

AnalysisController* PracticeController::analysis() const {
    return analysis_;
}

void PracticeController::setHistory(PracticeHistoryStore* history) {
    if (history_ == history) return;
    history_ = history;
    emit historyChanged();
}

bool PracticeController::discard() {
    if (!session()) return false;
    setRunning(false);
    return controller_->setPractice(std::nullopt, tr("Discard practice session"));
}

QString PracticeController::notes(int index) const {
    const PracticeSession* s = session();
    if (!s || index < 0 || static_cast<size_t>(index) >= s->phases.size()) return {};
    return QString::fromStdString(s->phases[static_cast<size_t>(index)].notes);
}

bool PracticeController::setNotes(int index, const QString& text) {
    const PracticeSession* s = session();
    if (!s || index < 0 || static_cast<size_t>(index) >= s->phases.size()) return false;
    PracticeSession next = *s;
    auto& phase = next.phases[static_cast<size_t>(index)];
    phase.notes = text.toStdString();
    return edit(next, tr("Edit practice notes"),
                QStringLiteral("practice-notes:") + QString::fromStdString(phase.id));
}

bool PracticeController::setChecked(int index, const QString& item, bool checked) {
    const PracticeSession* s = session();
    if (!s || index < 0 || static_cast<size_t>(index) >= s->phases.size()) return false;
    PracticeSession next = *s;
    auto& ticked = next.phases[static_cast<size_t>(index)].checked;
    const std::string id = item.toStdString();
    const auto it = std::find(ticked.begin(), ticked.end(), id);
    if ((it != ticked.end()) == checked) return true;
    if (checked)
        ticked.push_back(id);
    else
        ticked.erase(it);
    return edit(next, checked ? tr("Tick %1").arg(item) : tr("Untick %1").arg(item));
}

QString PracticeController::clockText(double seconds) {
    const bool negative = seconds < 0;
    // Whole seconds, rounded towards the past so a countdown shows 0:00 only when done.
    const auto total = static_cast<long long>(negative ? std::ceil(-seconds) : std::floor(seconds));
    const long long h = total / 3600, m = (total / 60) % 60, sec = total % 60;
    const QString body = h > 0 ? QStringLiteral("%1:%2:%3")
                                     .arg(h)
                                     .arg(m, 2, 10, QLatin1Char('0'))
                                     .arg(sec, 2, 10, QLatin1Char('0'))
                               : QStringLiteral("%1:%2").arg(m).arg(sec, 2, 10, QLatin1Char('0'));
    return negative ? QStringLiteral("−") + body : body;
}

void PracticeController::setAnalysis(AnalysisController* analysis) {
    if (analysis_ == analysis) return;
    if (analysis_) analysis_->disconnect(this);
    analysis_ = analysis;
    if (analysis_)
        connect(analysis_, &AnalysisController::reportChanged, this,
                &PracticeController::questionChanged);
    emit analysisChanged();
    emit questionChanged();
}

const QVariantList& PracticeController::questionList() const {
    if (questions_) return *questions_;
    QVariantList& out = questions_.emplace();
    const PracticeSession* s = session();
    if (!s) return out;
    std::set<std::string> settled = skipped_;
    for (const auto& a : s->answers)
        if (!a.answer.empty()) settled.insert(a.question);
    static const Report kNoReport;
    const std::shared_ptr<const Report> report = analysis_ ? analysis_->report() : nullptr;
    for (const auto& q :
         interviewQuestions(report ? *report : kNoReport, PromptLibrary::find(s->prompt), settled))
        out << QVariantMap{{"text", QString::fromStdString(q.text)},
                           {"source", QString::fromStdString(q.source)},
                           {"rule", QString::fromStdString(q.rule)},
                           {"severity", QString::fromUtf8(toString(q.severity))},
                           {"title", QString::fromStdString(q.title)},
                           {"guideSection", QString::fromStdString(q.guideSection)}};
    return out;
}

QVariantMap PracticeController::question() const {
    const QVariantList& list = questionList();
    return list.isEmpty() ? QVariantMap() : list.front().toMap();
}

int PracticeController::questionsLeft() const {
    return static_cast<int>(questionList().size());
}

QVariantList PracticeController::answers() const {
    QVariantList out;
    if (const PracticeSession* s = session())
        for (const auto& a : s->answers)
            out << QVariantMap{{"question", QString::fromStdString(a.question)},
                               {"answer", QString::fromStdString(a.answer)}};
    return out;
}

QString PracticeController::answerTo(const QString& question) const {
    if (const PracticeSession* s = session())
        for (const auto& a : s->answers)
            if (a.question == question.toStdString()) return QString::fromStdString(a.answer);
    return {};
}

bool PracticeController::answerQuestion(const QString& question, const QString& answer) {
    const PracticeSession* s = session();
    if (!s || question.trimmed().isEmpty()) return false;
    PracticeSession next = *s;
    const std::string q = question.toStdString();
    auto it = std::find_if(next.answers.begin(), next.answers.end(),
                           [&](const PracticeAnswer& a) { return a.question == q; });
    if (it == next.answers.end() && answer.isEmpty()) return true; // nothing said yet
    if (it == next.answers.end())
        next.answers.push_back({q, answer.toStdString(), Json::object()});
    else
        it->answer = answer.toStdString();
    return edit(next, tr("Answer a question"), QStringLiteral("practice-answer:") + question);
}

void PracticeController::skipQuestion(const QString& question) {
    skipped_.insert(question.toStdString());
    emit questionChanged();
}

} // namespace archlens
