#include "comparison_controller.h"

#include "bundled_prompts.h"

#include "archlens/analysis/analyze.h"
#include "archlens/analysis/rules.h"
#include "archlens/model/document_io.h"
#include "archlens/model/prompt.h"
#include "diagram_geometry.h"
#include "report_content.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

namespace archlens {

namespace {

/// A file's text, from disk or from the program's resources; nullopt when unreadable.
std::optional<std::string> readText(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return std::nullopt;
    return file.readAll().toStdString();
}

} // namespace

ComparisonController::ComparisonController(QObject* parent) : QObject(parent) {
    refresh_.setSingleShot(true);
    refresh_.setInterval(150);
    connect(&refresh_, &QTimer::timeout, this, &ComparisonController::refresh);
}

void ComparisonController::setDocument(DocumentController* document) {
    if (document_ == document) return;
    if (document_) disconnect(document_, nullptr, this, nullptr);
    document_ = document;
    if (document_) {
        // Every change of the document, a file opened included: the comparison stays until
        // the person ends it (Save As must not end it), and follows what is on the canvas.
        connect(document_, &DocumentController::documentChanged, this, [this] {
            if (active()) refresh_.start();
        });
    }
    emit documentChanged();
    if (active()) refresh();
}

int ComparisonController::addedCount() const {
    return int(diff_.added.size());
}
int ComparisonController::removedCount() const {
    return int(diff_.removed.size());
}
int ComparisonController::changedCount() const {
    return int(diff_.changed.size());
}

QString ComparisonController::summary() const {
    if (!active()) return {};
    return tr("Compared with %1: %2 added, %3 removed, %4 changed")
        .arg(otherName_)
        .arg(addedCount())
        .arg(removedCount())
        .arg(changedCount());
}

QVariantList ComparisonController::prompts() const {
    QVariantList out;
    for (const auto& p : bundledPrompts())
        out << QVariantMap{{QStringLiteral("id"), QString::fromStdString(p.id)},
                           {QStringLiteral("title"), QString::fromStdString(p.title)}};
    return out;
}

QVariantList ComparisonController::ghosts() const {
    QVariantList out;
    if (!other_) return out;
    for (const auto& e : diff_.removed) {
        if (e.type != ElementType::Component) continue;
        const Component* c = other_->component(e.id);
        if (!c) continue;
        const QRectF r = geometry::componentRect(*c);
        out << QVariantMap{{QStringLiteral("name"), QString::fromStdString(e.name)},
                           {QStringLiteral("x"), r.x()},
                           {QStringLiteral("y"), r.y()},
                           {QStringLiteral("width"), r.width()},
                           {QStringLiteral("height"), r.height()}};
    }
    return out;
}

bool ComparisonController::compareWithFile(const QString& path) {
    const auto text = readText(path);
    if (!text) {
        setErrorText(tr("Cannot read %1.").arg(path));
        return false;
    }
    LoadResult loaded = readDocument(*text, Catalogue::builtin());
    if (!loaded.ok()) {
        QStringList problems;
        for (const auto& p : loaded.problems)
            problems << QString::fromStdString(p.describe());
        setErrorText(tr("%1 is not a design ArchLens can read: %2")
                         .arg(QFileInfo(path).fileName(), problems.join(QStringLiteral("; "))));
        return false;
    }
    compareWith(*loaded.document, QFileInfo(path).fileName());
    return true;
}

bool ComparisonController::compareWithPrompt(const QString& id) {
    const Prompt* prompt = bundledPrompt(id.toStdString());
    if (!prompt) {
        setErrorText(tr("There is no prompt \"%1\".").arg(id));
        return false;
    }
    const auto text = readText(bundledReferencePath(prompt->id));
    LoadResult loaded = text ? readDocument(*text, Catalogue::builtin()) : LoadResult{};
    if (!loaded.ok()) {
        setErrorText(tr("The reference design of %1 (%2) cannot be read.")
                         .arg(QString::fromStdString(prompt->title),
                              QString::fromStdString(prompt->reference)));
        return false;
    }
    compareWith(*loaded.document,
                tr("the reference design of %1").arg(QString::fromStdString(prompt->title)));
    return true;
}

void ComparisonController::compareWith(const Document& other, const QString& name) {
    other_ = other;
    otherReport_ = critique(*other_, Catalogue::builtin());
    otherName_ = name;
    setErrorText({});
    refresh();
}

void ComparisonController::endComparison() {
    refresh_.stop();
    if (!active()) return;
    other_.reset();
    otherReport_ = {};
    otherName_.clear();
    diff_ = {};
    overlay_ = {};
    emit changed();
}

void ComparisonController::refresh() {
    refresh_.stop();
    if (!active() || !document_) return;
    const Document& current = document_->document();
    // The whole critique, curves included, as the reports have it: for the designs people
    // draw by hand this takes milliseconds, and only after a pause in editing.
    const Report report = critique(current, Catalogue::builtin());
    diff_ = diffDesigns(*other_, otherReport_, current, report);
    overlay_ = ComparisonOverlay::build(diff_, *other_);
    emit changed();
}

std::optional<ReportComparison> ComparisonController::reportComparison() const {
    if (!active()) return std::nullopt;
    return ReportComparison{otherName_, diff_};
}

void ComparisonController::setErrorText(const QString& text) {
    if (text == errorText_) return;
    errorText_ = text;
    emit errorTextChanged();
}

} // namespace archlens
