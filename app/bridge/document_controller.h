#pragma once
// The QML-facing owner of the open document. It loads and saves files, owns the Editor
// (and through it the one undo history), the selection and the list models the views
// draw from. QML reads through the models and changes the document only through this
// controller's invokables, each of which becomes one step on the undo history. An edit
// the model refuses changes nothing and is reported through `status` and editRefused().
// Definitions are split by topic: document_files.cpp (open, save, recent files),
// document_edits.cpp (adding, moving, deleting, properties), document_layout.cpp
// (automatic layout, align, distribute), document_quick_add.cpp and clipboard.cpp.
#include "archlens/layout/auto_layout.h"
#include "archlens/layout/box_sizes.h"
#include "archlens/model/editor.h"
#include "component_model.h"
#include "connection_model.h"
#include "document_index.h"
#include "selection_model.h"
#include "zone_geometry.h"
#include "zone_model.h"

#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QUrl>
#include <QVariant>

namespace archlens {

class DocumentController : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString title READ title NOTIFY documentChanged)
    Q_PROPERTY(QString filePath READ filePath NOTIFY fileChanged)
    Q_PROPERTY(QString fileName READ fileName NOTIFY fileChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorChanged)
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    Q_PROPERTY(bool modified READ modified NOTIFY modifiedChanged)
    Q_PROPERTY(QRectF bounds READ bounds NOTIFY documentChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY historyChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY historyChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY historyChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY historyChanged)
    Q_PROPERTY(QStringList recentFiles READ recentFiles NOTIFY recentFilesChanged)
    Q_PROPERTY(QVariantList examples READ examples CONSTANT)
    Q_PROPERTY(int gridSize READ gridSize CONSTANT)
    Q_PROPERTY(bool layoutRunning READ layoutRunning NOTIFY layoutRunningChanged)
    Q_PROPERTY(archlens::ComponentModel* components READ components CONSTANT)
    Q_PROPERTY(archlens::ConnectionModel* connections READ connections CONSTANT)
    Q_PROPERTY(archlens::ZoneModel* zones READ zones CONSTANT)
    Q_PROPERTY(archlens::SelectionModel* selection READ selection CONSTANT)

public:
    static constexpr int kGrid = boxes::kGrid;

    explicit DocumentController(QObject* parent = nullptr);
    ~DocumentController() override;

    QString title() const;
    QString filePath() const { return filePath_; }
    QString fileName() const;
    QString errorText() const { return errorText_; }
    QString status() const { return status_; }
    bool modified() const { return editor_.isModified(); }
    /// The rectangle enclosing every component and note, for zoom-to-fit.
    QRectF bounds() const;
    bool canUndo() const { return editor_.canUndo(); }
    bool canRedo() const { return editor_.canRedo(); }
    QString undoText() const;
    QString redoText() const;
    QStringList recentFiles() const;
    /// The bundled example designs: {title, path} maps.
    QVariantList examples() const;
    int gridSize() const { return kGrid; }
    bool layoutRunning() const { return layoutRunning_; }
    ComponentModel* components() { return &components_; }
    ConnectionModel* connections() { return &connections_; }
    ZoneModel* zones() { return &zones_; }
    SelectionModel* selection() { return &selection_; }
    Editor& editor() { return editor_; }
    const Document& document() const { return editor_.document(); }
    /// An immutable copy of the document for work on other threads (see Editor::snapshot).
    std::shared_ptr<const Document> snapshot() const { return editor_.snapshot(); }
    const DocumentIndex& index() const { return index_; }

    // Files (document_files.cpp). Each returns false and sets errorText when it fails,
    // leaving the current document as it was.
    Q_INVOKABLE void newDocument();
    Q_INVOKABLE bool openFile(const QString& path);
    Q_INVOKABLE bool openUrl(const QUrl& url) { return openFile(url.toLocalFile()); }
    /// Saves to the current file; false without one (QML then asks for a name).
    Q_INVOKABLE bool save();
    Q_INVOKABLE bool saveAs(const QString& path);
    Q_INVOKABLE bool saveAsUrl(const QUrl& url) { return saveAs(url.toLocalFile()); }
    /// Where Save As proposes to save: the current file, else the title (or "Untitled")
    /// with the .archlens suffix in the last folder used.
    Q_INVOKABLE QString suggestedSavePath() const;
    /// Replaces the design with work recovered after a crash (`recoveryPath`), keeping it
    /// marked modified and bound to `sourcePath` (the file it was unsaved changes to, or "").
    /// `savedAt` is shown in the status line. False, with errorText, when it cannot be read.
    Q_INVOKABLE bool restoreRecovered(const QString& recoveryPath, const QString& sourcePath,
                                      const QString& savedAt);
    /// Replaces the design with `doc`, a new unsaved design with no history (a practice
    /// session's start), marked modified; `status` goes to the status line.
    void startDesign(Document doc, const QString& status);
    /// Reloads the file from disk, dropping unsaved changes and the history.
    Q_INVOKABLE bool revert();
    Q_INVOKABLE void clearRecentFiles();
    Q_INVOKABLE void clearError();
    /// Shows a problem that is not the document's (a plot that could not be saved) in the
    /// same banner.
    Q_INVOKABLE void showError(const QString& text) { setError(text); }
    /// Says something in the status line (a hint from the canvas).
    Q_INVOKABLE void showStatus(const QString& text) { setStatus(text); }

    // Edits (document_edits.cpp). Positions are document coordinates.
    /// Adds a component of `kind` centred near (x, y), snapped to the grid, inside the zone
    /// it is dropped into; selects it and returns its id ("" when refused).
    Q_INVOKABLE QString addComponent(const QString& kind, qreal x, qreal y);
    /// Adds a component as addComponent() does and, when `from` names a component, a
    /// connection from it to the new one: one undo step (document_quick_add.cpp). Selects
    /// the new component and returns its id ("" when refused).
    Q_INVOKABLE QString addConnectedComponent(const QString& kind, qreal x, qreal y,
                                              const QString& from);
    Q_INVOKABLE QString addNote(qreal x, qreal y, const QString& text = {});
    Q_INVOKABLE QString addZone(const QString& region = {});
    Q_INVOKABLE QString addFlow(const QString& entry = {});
    /// Connects two components with a synchronous call; "" when refused.
    Q_INVOKABLE QString connectComponents(const QString& from, const QString& to);
    /// Points one end ("from" or "to") of a connection at another component.
    Q_INVOKABLE bool retarget(const QString& connection, const QString& end,
                              const QString& component);
    /// Moves components and notes by (dx, dy), snapping the first one's corner to the grid
    /// unless `snap` is false; one undo step. Components that land in a zone join it.
    /// Gives a component's box this size (one undo step); NaN for both lets it fit its
    /// name again.
    Q_INVOKABLE bool resizeComponent(const QString& id, qreal width, qreal height);
    /// Whether the person sized this component's box (so it can be fitted to its name).
    Q_INVOKABLE bool isResized(const QString& id) const;
    /// Makes a flow travel over a connection or not (route mode), as one step; the other
    /// flows keep their routes (Editor::routeFlow).
    Q_INVOKABLE bool routeFlow(const QString& connection, const QString& flow, bool through);
    /// Whether the flow travels over the connection when it reaches its caller.
    Q_INVOKABLE bool carriesFlow(const QString& connection, const QString& flow) const;
    Q_INVOKABLE bool moveElements(const QStringList& ids, qreal dx, qreal dy, bool snap = true);
    Q_INVOKABLE bool moveSelection(qreal dx, qreal dy, bool snap = true);
    Q_INVOKABLE bool rename(const QString& id, const QString& name);
    Q_INVOKABLE bool deleteElements(const QStringList& ids);
    Q_INVOKABLE bool deleteSelection();
    /// Sets an attribute ("name", "mode", "props.instances", "requirements.p99_ms", ...) of
    /// one element ("" for the document). `mergeKey` merges successive typing into one step.
    Q_INVOKABLE bool setAttribute(const QString& id, const QString& name, const QVariant& value,
                                  const QString& mergeKey = {});
    /// Sets the attribute on every selected element that takes it, as one step.
    Q_INVOKABLE bool setAttributeOnSelection(const QString& name, const QVariant& value);
    /// Sets the attribute of these elements as one step (typing into one element's field
    /// merges by `mergeKey`). A refusal changes nothing, is reported as every refusal is,
    /// and is returned as a value, `reason` being what to say beside the field.
    EditResult setAttributeOn(const QStringList& ids, const QString& name, const QVariant& value,
                              const QString& mergeKey = {});
    /// The stored value of an attribute (null when unset).
    Q_INVOKABLE QVariant attribute(const QString& id, const QString& name) const;
    Q_INVOKABLE void selectAll();
    Q_INVOKABLE void undo();
    Q_INVOKABLE void redo();

    // Accepted trade-offs (document_acknowledgements.cpp). A finding is named by its rule
    // and its subjects in any order; each edit is one undo step, and the critique marks
    // the finding after the next analysis.
    /// Accepts the finding as a trade-off with `note`, or changes the note of one accepted.
    Q_INVOKABLE bool acknowledgeFinding(const QString& rule, const QStringList& subjects,
                                        const QString& note);
    /// Withdraws the acknowledgement, so the finding is open again.
    Q_INVOKABLE bool withdrawAcknowledgement(const QString& rule, const QStringList& subjects);
    /// The note of the finding's acknowledgement; undefined in QML when it is not accepted.
    Q_INVOKABLE QVariant acknowledgementNote(const QString& rule,
                                             const QStringList& subjects) const;

    // The practice session (document_practice.cpp): Editor::setPractice and
    // recordPracticeTime, with a refusal reported as every refusal is.
    bool setPractice(std::optional<PracticeSession> session, const QString& text,
                     const QString& mergeKey = {});
    void recordPracticeTime(int index, double usedSeconds);

    /// Sizes the design to back-of-the-envelope estimates, as one undo step
    /// (document_estimates.cpp): the user-facing read flows together carry `peakReads`
    /// and the write flows `peakWrites`, each flow keeping its share of its group's
    /// traffic and rounded up; the requirements' peak traffic becomes their sum.
    bool applyEstimates(double peakReads, double peakWrites);

    // Clipboard (clipboard.cpp): a fragment of a document as JSON, so that copy and paste
    // also work between two windows.
    Q_INVOKABLE void copySelection();
    Q_INVOKABLE void cutSelection();
    /// Pastes at (x, y) when given, else offset from the copied position.
    Q_INVOKABLE bool paste(qreal x = qQNaN(), qreal y = qQNaN());
    Q_INVOKABLE bool duplicateSelection();
    Q_INVOKABLE bool canPaste() const;

    // Arrangement (document_layout.cpp), each one undo step.
    /// Lays the whole design out with Graphviz on a worker thread (big designs take
    /// seconds); the result lands as one step when ready, unless the design was replaced.
    Q_INVOKABLE void autoLayout();
    /// Lines up the selected boxes: "left", "hcenter", "right", "top", "vcenter", "bottom".
    Q_INVOKABLE bool alignSelection(const QString& edge);
    /// Spaces the selected boxes evenly: "horizontal" or "vertical".
    Q_INVOKABLE bool distributeSelection(const QString& axis);

    /// Snaps a coordinate to the grid.
    static double snap(double v) { return std::round(v / kGrid) * kGrid; }

signals:
    /// Anything about the design changed, its layout included.
    void documentChanged();
    /// What the analysis reads changed: every change but moving and resizing boxes (see
    /// onlyLayoutChanged), and any replacement of the design. Follows documentChanged.
    void meaningChanged();
    void fileChanged();
    void errorChanged();
    void statusChanged();
    void modifiedChanged();
    void historyChanged();
    void recentFilesChanged();
    /// An edit was not allowed; `reason` says why in words for people.
    void editRefused(const QString& reason);
    void layoutRunningChanged();
    /// An automatic layout has been applied (or failed, with the reason in status).
    void layoutFinished();
    /// A paste, a duplicate or a quick add placed these elements (and selected them): the
    /// view scrolls to show them.
    void placed(const QStringList& ids);
    /// The design was replaced by another (new, open, revert, recovery, a practice start):
    /// what belonged to the old one (a running practice clock) must let go of it.
    void documentReplaced();
    /// About to write the design to a file: last chance to put live state into it.
    void aboutToSave();

private:
    void setError(const QString& text);
    void setStatus(const QString& text);
    /// Reports a refused edit; returns false so callers can `return refuse(...)`.
    bool refuse(const std::string& reason);
    void addRecentFile(const QString& path);
    /// The zone frames on the canvas, without the components `ignore` names.
    std::vector<ZoneArea> zoneAreasWithout(const std::vector<std::string>& ignore) const;
    /// Zones among `areas` whose frame contains this point, innermost first.
    std::vector<std::string> zonesAt(QPointF point, std::vector<ZoneArea> areas) const;
    bool pasteJson(const QByteArray& data, QPointF at, bool atGiven);
    void applyLayout(const std::vector<Editor::Position>& positions, quint64 generation);

    Editor editor_;
    DocumentIndex index_; ///< before the models: their observers use it
    ComponentModel components_;
    ConnectionModel connections_;
    ZoneModel zones_;
    SelectionModel selection_;
    QString filePath_;
    QString errorText_;
    QString status_;
    int pasteCount_ = 0;
    bool layoutRunning_ = false;
    /// Counts replaced documents, so a layout computed for an older one is dropped.
    quint64 generation_ = 0;
    std::shared_ptr<AutoLayout> layoutEngine_;
    int observer_ = 0;
};

} // namespace archlens
