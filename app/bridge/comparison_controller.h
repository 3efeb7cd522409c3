#pragma once
// The comparison shown on the canvas (File ▸ Compare With File…, File ▸ Compare With
// Reference, File ▸ End Comparison): the design being edited against another one, a file
// or a prompt's reference design.
#include "archlens/analysis/diff.h"
#include "comparison_overlay.h"
#include "document_controller.h"
#include "report_comparison.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QVariantList>
#include <optional>

namespace archlens {

/// Holds one comparison at a time: the other design ("before") with its critique, and the
/// diff from it to the document of `document` ("after"), worked out again shortly after
/// every edit so the canvas follows what is drawn. While `active`, the canvas (DiagramView,
/// through `overlay()`) marks what the current design adds, changes and removes, and a
/// report exported from the window includes the comparison (`reportComparison()`). It lasts
/// until ended, whatever file is open. A file or prompt that cannot be read leaves the
/// comparison as it was and sets `errorText`, naming the file. Registered for QML in
/// qml/bridge_types.h; QML creates it.
class ComparisonController : public QObject {
    Q_OBJECT
    Q_PROPERTY(archlens::DocumentController* document READ document WRITE setDocument NOTIFY
                   documentChanged)
    Q_PROPERTY(bool active READ active NOTIFY changed)
    /// What the design is compared with, for the banner: a file name or "the reference
    /// design of URL shortener".
    Q_PROPERTY(QString otherName READ otherName NOTIFY changed)
    /// Elements of every kind the current design adds, removes and changes.
    Q_PROPERTY(int addedCount READ addedCount NOTIFY changed)
    Q_PROPERTY(int removedCount READ removedCount NOTIFY changed)
    Q_PROPERTY(int changedCount READ changedCount NOTIFY changed)
    /// "Compared with X: 2 added, 1 removed, 3 changed".
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    /// Why the last comparison asked for could not be made ("" when it was).
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    /// The components the current design no longer has, each {name, x, y, width, height}
    /// (document units, where they were): the canvas writes their names in their ghosts.
    Q_PROPERTY(QVariantList ghosts READ ghosts NOTIFY changed)
    /// The bundled prompts, each {id, title}, sorted by title: the Compare With Reference menu.
    Q_PROPERTY(QVariantList prompts READ prompts CONSTANT)

public:
    explicit ComparisonController(QObject* parent = nullptr);

    DocumentController* document() const { return document_; }
    void setDocument(DocumentController* document);
    bool active() const { return other_.has_value(); }
    QString otherName() const { return otherName_; }
    int addedCount() const;
    int removedCount() const;
    int changedCount() const;
    QString summary() const;
    QString errorText() const { return errorText_; }
    QVariantList prompts() const;
    QVariantList ghosts() const;

    /// Compares the current design with the design in this file (a local path or a
    /// resource path ":/..."). False, with errorText, when it cannot be read.
    Q_INVOKABLE bool compareWithFile(const QString& path);
    Q_INVOKABLE bool compareWithUrl(const QUrl& url) { return compareWithFile(url.toLocalFile()); }
    /// Compares the current design with the reference design of the bundled prompt `id`
    /// (the prompt file's name without ".json"), for the practice session.
    Q_INVOKABLE bool compareWithPrompt(const QString& id);
    /// Compares with a design already loaded, named `name` in the banner.
    void compareWith(const Document& other, const QString& name);
    Q_INVOKABLE void endComparison();
    /// Forgets why the last comparison could not be made (the banner's Dismiss).
    Q_INVOKABLE void clearError() { setErrorText({}); }

    /// The diff from the other design to the current one (empty when not active).
    const DesignDiff& diff() const { return diff_; }
    /// What the canvas draws for the comparison.
    const ComparisonOverlay& overlay() const { return overlay_; }
    /// The comparison for a report exported from the window; null when not active.
    std::optional<ReportComparison> reportComparison() const;
    /// Works the diff out again now rather than after the pause following an edit.
    Q_INVOKABLE void refresh();

signals:
    void documentChanged();
    void changed();
    void errorTextChanged();

private:
    void setErrorText(const QString& text);

    QPointer<DocumentController> document_;
    std::optional<Document> other_;
    Report otherReport_;
    QString otherName_;
    DesignDiff diff_;
    ComparisonOverlay overlay_;
    QString errorText_;
    QTimer refresh_; ///< a pause after edits, so typing a name re-analyses once
};

} // namespace archlens
