#pragma once
// The drawing surface: shows the controller's document through one scene-graph tree
// (DiagramSceneNode) and turns mouse, wheel and keys into view changes (pan, zoom) and
// into edits, which it asks the controller to make (select, move, connect, re-target).
// It never changes the document itself. Document coordinates map to the item through
// `origin` (the document point at the top-left corner) and `zoom`.
#include "alignment_guides.h"
#include "canvas_shapes.h"
#include "critique_overlay.h"
#include "diagram_geometry.h"
#include "diagram_index.h"
#include "diagram_theme.h"

#include <QPointer>
#include <QQuickItem>
#include <memory>
#include <optional>

namespace archlens {

class AnalysisController;
class ComparisonController;
class DocumentController;

class DiagramView : public QQuickItem {
    Q_OBJECT
    Q_PROPERTY(archlens::DocumentController* controller READ controller WRITE setController NOTIFY
                   controllerChanged)
    Q_PROPERTY(qreal zoom READ zoom WRITE setZoom NOTIFY viewChanged)
    Q_PROPERTY(QPointF origin READ origin WRITE setOrigin NOTIFY viewChanged)
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY themeChanged)
    Q_PROPERTY(bool showGrid READ showGrid WRITE setShowGrid NOTIFY themeChanged)
    Q_PROPERTY(bool snapToGrid READ snapToGrid WRITE setSnapToGrid NOTIFY snapChanged)
    /// Space held: a left drag pans instead of selecting.
    Q_PROPERTY(bool panMode READ panMode WRITE setPanMode NOTIFY panModeChanged)
    /// The component under the pointer, "" when none: the canvas shows its full name.
    Q_PROPERTY(QString hoveredId READ hoveredId NOTIFY hoveredChanged)
    /// No labels are waiting to be painted: what is on screen is complete.
    Q_PROPERTY(bool settled READ settled NOTIFY settledChanged)
    Q_PROPERTY(QColor background READ background NOTIFY themeChanged)
    /// The live critique whose badges, load and failures are drawn over the diagram.
    Q_MOC_INCLUDE("analysis_controller.h")
    Q_PROPERTY(archlens::AnalysisController* analysis READ analysis WRITE setAnalysis NOTIFY
                   critiqueChanged)
    /// A comparison with another design, drawn over the diagram while it is active.
    Q_MOC_INCLUDE("comparison_controller.h")
    Q_PROPERTY(archlens::ComparisonController* comparison READ comparison WRITE setComparison NOTIFY
                   critiqueChanged)
    /// Subjects of the finding being looked at: drawn with a glow (a flow, along its path).
    Q_PROPERTY(QStringList highlight READ highlight WRITE setHighlight NOTIFY critiqueChanged)
    /// Colour components by their utilisation under the what-if traffic.
    Q_PROPERTY(bool showLoad READ showLoad WRITE setShowLoad NOTIFY critiqueChanged)
    /// A click marks a component or zone failed (or restores it) instead of selecting.
    Q_PROPERTY(bool failureMode READ failureMode WRITE setFailureMode NOTIFY critiqueChanged)
    /// Route mode: the flow whose route a click on a connection changes ("" when off). Its
    /// route is drawn with a handle on each connection it takes or could take next.
    Q_PROPERTY(QString routeFlow READ routeFlow WRITE setRouteFlow NOTIFY critiqueChanged)
    /// The flow whose route is drawn: the one being routed, else the selected flow.
    Q_PROPERTY(QString shownFlow READ shownFlow NOTIFY critiqueChanged)

public:
    static constexpr double kMinZoom = 0.02;
    static constexpr double kMaxZoom = 4.0;

    explicit DiagramView(QQuickItem* parent = nullptr);
    ~DiagramView() override;

    DocumentController* controller() const { return controller_; }
    void setController(DocumentController* controller);
    qreal zoom() const { return zoom_; }
    void setZoom(qreal zoom);
    QPointF origin() const { return origin_; }
    void setOrigin(QPointF origin);
    bool dark() const { return theme_.dark; }
    void setDark(bool dark);
    bool showGrid() const { return showGrid_; }
    void setShowGrid(bool show);
    bool snapToGrid() const { return snap_; }
    void setSnapToGrid(bool snap);
    bool panMode() const { return panMode_; }
    QString hoveredId() const { return hovered_; }
    void setPanMode(bool on);
    bool settled() const { return settled_; }
    /// Times the canvas has asked its window to release the scene graph's cached resources:
    /// once after each new level of detail, when its tiles hold at least
    /// cacheReleaseBytes() of vertices (tests, benchmarks).
    int cacheReleases() const { return cacheReleases_; }
    static constexpr qint64 kCacheReleaseBytes = 1 << 20;
    qint64 cacheReleaseBytes() const { return cacheReleaseBytes_; }
    /// Tests: 0 releases after every new level of detail.
    void setCacheReleaseBytes(qint64 bytes) { cacheReleaseBytes_ = bytes; }
    QColor background() const { return theme_.background; }
    const DiagramTheme& theme() const { return theme_; }
    AnalysisController* analysis() const;
    void setAnalysis(AnalysisController* analysis);
    ComparisonController* comparison() const;
    void setComparison(ComparisonController* comparison);
    QStringList highlight() const { return highlight_; }
    void setHighlight(const QStringList& ids);
    bool showLoad() const { return showLoad_; }
    void setShowLoad(bool on);
    bool failureMode() const { return failureMode_; }
    void setFailureMode(bool on);
    QString routeFlow() const { return routeFlow_; }
    void setRouteFlow(const QString& flow);
    QString shownFlow() const { return shownFlow_; }
    /// The elements the highlight lights up: its components and connections, with flows
    /// replaced by their critical path (for scrolling them into view).
    Q_INVOKABLE QStringList highlightedElements() const { return critique_.highlight.values(); }
    /// What the critique draws now (for tests).
    const CritiqueOverlay& critique() const { return critique_; }
    /// What the canvas draws in its next frame (both canvases draw from it; tests paint it
    /// in software to compare with what the GPU drew). Needs a controller.
    SceneState sceneState() const;

    Q_INVOKABLE QPointF mapToDocument(QPointF itemPoint) const;
    Q_INVOKABLE QPointF mapFromDocument(QPointF docPoint) const;
    Q_INVOKABLE QRectF rectFromDocument(QRectF docRect) const;
    /// The document point at the middle of the view.
    Q_INVOKABLE QPointF viewCentre() const;
    /// Zooms by `factor` keeping the document point under `itemPoint` where it is.
    Q_INVOKABLE void zoomAt(qreal factor, QPointF itemPoint);
    Q_INVOKABLE void zoomTo(qreal zoom);
    Q_INVOKABLE void zoomToFit();
    /// How a design is first shown: the whole of it when its names stay readable (a name
    /// at least 11 px high on screen, kReadableZoom), otherwise at that zoom, beginning at
    /// the left and centred on where its first flow enters.
    Q_INVOKABLE void showOpened();
    /// The least zoom at which a component's name (13 px in the document) is 11 px on screen.
    static constexpr double kReadableZoom = 11.0 / 13.0;
    Q_INVOKABLE void panBy(qreal dx, qreal dy);
    /// Scrolls so that a document rectangle is in view, zooming out only if it must.
    Q_INVOKABLE void reveal(QRectF docRect);
    /// Scrolls so that these elements (components, notes, the ends of connections, the
    /// members of zones) are in view.
    Q_INVOKABLE void revealElements(const QStringList& ids);
    /// The id of the topmost element at an item point: component, note, connection, zone.
    Q_INVOKABLE QString elementAt(QPointF itemPoint) const;
    /// The zone of the chip at an item point ("" when no zone chip is there).
    Q_INVOKABLE QString zoneChipAt(QPointF itemPoint) const;
    /// The box of a component or note in item coordinates (for in-place renaming).
    Q_INVOKABLE QRectF elementRect(const QString& id) const;
    /// Ids of the components and notes inside an item-coordinate rectangle.
    Q_INVOKABLE QStringList elementsIn(QRectF itemRect) const;

signals:
    void controllerChanged();
    void viewChanged();
    void themeChanged();
    void snapChanged();
    void panModeChanged();
    void hoveredChanged();
    void settledChanged();
    void critiqueChanged();
    /// Double-click or F2 on an element: QML shows a text field over it.
    void editRequested(const QString& id);
    void contextMenuRequested(const QString& id, QPointF itemPoint);
    /// A letter, "/" or Ctrl+K on the canvas: QML opens the quick-add search at `itemPoint`
    /// (the pointer, or the middle of the view), starting with `text`.
    void quickAddRequested(const QString& text, QPointF itemPoint);

protected:
    QSGNode* updatePaintNode(QSGNode* old, UpdatePaintNodeData*) override;
    void geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void hoverMoveEvent(QHoverEvent* event) override;
    void hoverLeaveEvent(QHoverEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void touchEvent(QTouchEvent* event) override;

private:
    /// Pixels around a handle that grab it: hit tests and hovering agree on it.
    static constexpr double kHandleRadius = 9;
    enum class Drag {
        None,
        Pending,
        Moving,
        Panning,
        RubberBand,
        Connecting,
        Retargeting,
        Resizing
    };
    struct Hit {
        QString id;
        enum Part { Nothing, Body, Handle, ConnectionStart, ConnectionEnd, Resize } part = Nothing;
    };
    /// The component whose resize grip shows: the current selection when it is one
    /// component and nothing is being dragged.
    QString resizable() const;
    /// The box a resize drag to `itemPoint` gives, in document units (grid-snapped unless
    /// Alt is held, within the model's limits).
    QRectF resizedBox(QPointF itemPoint, bool snap) const;
    Hit hitTest(QPointF itemPoint) const;
    QString componentAt(QPointF docPoint) const;
    /// Where everything of the document is drawn, with a grid for look-ups by place;
    /// worked out again only after the document changed.
    const DiagramIndex& diagramIndex() const;
    /// The connections' curves as drawn (ends spread along shared sides), by row.
    const std::vector<std::optional<ConnectionCurve>>& curves() const {
        return diagramIndex().curves();
    }
    void documentChanged();
    void critiqueInputsChanged();
    void setSettled(bool settled);
    void finishDrag(QPointF itemPoint);
    void cancelDrag();
    /// A press on a selected box became a move: what moves, and what it may line up with.
    void startMove();
    /// The move's offset for the pointer at `pos`: snapped to other boxes, else to the grid,
    /// unless Alt is held; updates the guides.
    QPointF moveOffset(QPointF pos, Qt::KeyboardModifiers modifiers);

    QPointer<DocumentController> controller_;
    DiagramTheme theme_ = DiagramTheme::light();
    qreal zoom_ = 1;
    QPointF origin_{-40, -40};
    bool showGrid_ = true;
    bool snap_ = true;
    bool panMode_ = false;
    bool settled_ = true;
    int cacheReleases_ = 0;
    qint64 cacheReleaseBytes_ = kCacheReleaseBytes;
    bool openPending_ = false; ///< showOpened() waits for a size
    bool fitPending_ = false;
    quint64 documentRevision_ = 1;
    quint64 selectionRevision_ = 1;
    QPointer<AnalysisController> analysis_;
    QPointer<ComparisonController> comparison_;
    CritiqueOverlay critique_;
    quint64 critiqueRevision_ = 1;
    QStringList highlight_;
    bool showLoad_ = false;
    bool failureMode_ = false;
    QString routeFlow_;
    QString shownFlow_;
    /// Follows the selection and route mode; rebuilds the overlay when the flow changes.
    void updateShownFlow();
    /// The pointer's shape when nothing is dragged: it says which mode the canvas is in.
    Qt::CursorShape restingCursor() const;
    /// Route mode: a click on a connection adds it to the routed flow or takes it off.
    void toggleRoute(QPointF itemPoint);

    Drag drag_ = Drag::None;
    QPointF pressPoint_; ///< item coordinates
    QPointF lastPoint_;  ///< item coordinates
    QPointF dragOffset_; ///< document units, for a move in progress
    QString pressedId_;
    QString retargetEnd_; ///< "from" or "to"
    QRectF rubberBand_;
    QRectF resizing_; ///< document units, while resizing
    bool rubberAdds_ = false;
    QString hovered_;
    QString dropTarget_;
    QRectF moveBox_; ///< the selection's boxes when a move started, in document units
    AlignmentSnapper snapper_;
    std::vector<QLineF> guides_;     ///< of the move in progress, in document units
    std::optional<QPointF> pointer_; ///< where the pointer was last seen over the canvas
    /// Shared with the render thread, which draws from the same boxes and curves.
    mutable std::shared_ptr<const DiagramIndex> index_;
    mutable quint64 indexRevision_ = 0; ///< the documentRevision_ index_ was made for
    // Pinch: the distance between the two touch points when the pinch started.
    double pinchDistance_ = 0;
    double pinchZoom_ = 1;
};

} // namespace archlens
