#include "diagram_view.h"

#include "archlens/model/describe.h"
#include "archlens/model/limits.h"

#include "analysis_controller.h"
#include "comparison_controller.h"
#include "diagram_geometry.h"
#include "diagram_scene.h"
#include "document_controller.h"
#include "software_scene_node.h"

#include <QCursor>
#include <QGuiApplication>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QStyleHints>
#include <cmath>

namespace archlens {

namespace {
constexpr double kConnectionSlop = 5; ///< pixels around a connection that select it
} // namespace

DiagramView::DiagramView(QQuickItem* parent) : QQuickItem(parent) {
    setFlag(ItemHasContents);
    setFlag(ItemIsFocusScope);
    setActiveFocusOnTab(true);
    setAcceptedMouseButtons(Qt::LeftButton | Qt::MiddleButton | Qt::RightButton);
    setAcceptHoverEvents(true);
    setAcceptTouchEvents(true);
    setClip(true);
}

DiagramView::~DiagramView() = default;

void DiagramView::setController(DocumentController* controller) {
    if (controller_ == controller) return;
    if (controller_) disconnect(controller_, nullptr, this, nullptr);
    controller_ = controller;
    if (controller_) {
        connect(controller_, &DocumentController::documentChanged, this,
                &DiagramView::documentChanged);
        connect(controller_, &DocumentController::fileChanged, this, &DiagramView::showOpened);
        // After an automatic layout the boxes are somewhere else: show the design again as
        // when it was opened (whole, unless its names would be too small to read).
        connect(controller_, &DocumentController::layoutFinished, this, &DiagramView::showOpened);
        // A copy placed out of sight is scrolled to; one in view leaves the view alone.
        connect(controller_, &DocumentController::placed, this, &DiagramView::revealElements);
        connect(controller_->selection(), &SelectionModel::changed, this, [this] {
            ++selectionRevision_;
            updateShownFlow();
            update();
        });
    }
    emit controllerChanged();
    documentChanged();
}

AnalysisController* DiagramView::analysis() const {
    return analysis_;
}

void DiagramView::setAnalysis(AnalysisController* analysis) {
    if (analysis_ == analysis) return;
    if (analysis_) disconnect(analysis_, nullptr, this, nullptr);
    analysis_ = analysis;
    if (analysis_) {
        connect(analysis_, &AnalysisController::reportChanged, this,
                &DiagramView::critiqueInputsChanged);
        // Of the what-ifs the canvas draws the failed elements only: a new traffic multiplier
        // shows with the report it brings. Building the critique's drawing again costs a
        // frame of tens of milliseconds at 10,000 components, at each step of the slider.
        connect(analysis_, &AnalysisController::whatIfChanged, this, [this] {
            const QStringList failed = analysis_->failed();
            if (QSet<QString>(failed.begin(), failed.end()) != critique_.failed)
                critiqueInputsChanged();
        });
    }
    critiqueInputsChanged();
    emit critiqueChanged();
}

ComparisonController* DiagramView::comparison() const {
    return comparison_;
}

void DiagramView::setComparison(ComparisonController* comparison) {
    if (comparison_ == comparison) return;
    if (comparison_) disconnect(comparison_, nullptr, this, nullptr);
    comparison_ = comparison;
    if (comparison_)
        connect(comparison_, &ComparisonController::changed, this,
                &DiagramView::critiqueInputsChanged);
    critiqueInputsChanged();
    emit critiqueChanged();
}

void DiagramView::setHighlight(const QStringList& ids) {
    if (ids == highlight_) return;
    highlight_ = ids;
    critiqueInputsChanged();
    emit critiqueChanged();
}

void DiagramView::setShowLoad(bool on) {
    if (on == showLoad_) return;
    showLoad_ = on;
    critiqueInputsChanged();
    emit critiqueChanged();
}

void DiagramView::setFailureMode(bool on) {
    if (on == failureMode_) return;
    failureMode_ = on;
    if (on) {
        cancelDrag();
        if (!routeFlow_.isEmpty()) { // one mode at a time
            routeFlow_.clear();
            updateShownFlow();
        }
    }
    setCursor(restingCursor());
    emit critiqueChanged();
}

Qt::CursorShape DiagramView::restingCursor() const {
    if (panMode_) return Qt::OpenHandCursor;
    if (failureMode_) return Qt::CrossCursor;
    if (!routeFlow_.isEmpty()) return Qt::PointingHandCursor;
    return Qt::ArrowCursor;
}

void DiagramView::setRouteFlow(const QString& flow) {
    if (flow == routeFlow_) return;
    routeFlow_ = flow;
    if (!flow.isEmpty()) {
        cancelDrag();
        setFailureMode(false);
    }
    setCursor(restingCursor());
    updateShownFlow();
    emit critiqueChanged();
}

void DiagramView::updateShownFlow() {
    QString flow = routeFlow_;
    if (flow.isEmpty() && controller_) {
        const SelectionModel* sel = controller_->selection();
        if (sel->currentKind() == SelectionModel::FlowElement) flow = sel->current();
    }
    if (flow == shownFlow_ && critique_.routing == !routeFlow_.isEmpty()) return;
    shownFlow_ = flow;
    critiqueInputsChanged();
    emit critiqueChanged();
}

void DiagramView::critiqueInputsChanged() {
    const std::shared_ptr<const Report> report = analysis_ ? analysis_->report() : nullptr;
    critique_ = CritiqueOverlay::build(report.get(), analysis_ ? analysis_->failed() : QStringList(),
                                       showLoad_, highlight_);
    if (controller_ && !shownFlow_.isEmpty())
        critique_.showFlow(report.get(), controller_->editor().document(), shownFlow_,
                           !routeFlow_.isEmpty());
    critique_.comparison = comparison_ && comparison_->active() ? &comparison_->overlay() : nullptr;
    ++critiqueRevision_;
    update();
}

void DiagramView::documentChanged() {
    ++documentRevision_;
    // A flow being routed that goes away (deleted, undone, another file) ends route mode.
    if (!routeFlow_.isEmpty() &&
        (!controller_ || !controller_->editor().document().flow(routeFlow_.toStdString())))
        setRouteFlow({});
    if (drag_ == Drag::Moving) cancelDrag();
    update();
}

void DiagramView::setZoom(qreal zoom) {
    zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(zoom, zoom_)) return;
    zoom_ = zoom;
    emit viewChanged();
    update();
}

void DiagramView::setOrigin(QPointF origin) {
    if (origin == origin_) return;
    origin_ = origin;
    emit viewChanged();
    update();
}

void DiagramView::setDark(bool dark) {
    if (dark == theme_.dark) return;
    theme_ = dark ? DiagramTheme::darkTheme() : DiagramTheme::light();
    emit themeChanged();
    update();
}

void DiagramView::setShowGrid(bool show) {
    if (show == showGrid_) return;
    showGrid_ = show;
    emit themeChanged();
    update();
}

void DiagramView::setSnapToGrid(bool snap) {
    if (snap == snap_) return;
    snap_ = snap;
    emit snapChanged();
}

void DiagramView::setPanMode(bool on) {
    if (on == panMode_) return;
    panMode_ = on;
    setCursor(restingCursor());
    emit panModeChanged();
}

void DiagramView::setSettled(bool settled) {
    if (settled == settled_) return;
    settled_ = settled;
    emit settledChanged();
}

QPointF DiagramView::mapToDocument(QPointF p) const {
    return origin_ + p / zoom_;
}

QPointF DiagramView::mapFromDocument(QPointF p) const {
    return (p - origin_) * zoom_;
}

QRectF DiagramView::rectFromDocument(QRectF r) const {
    return {mapFromDocument(r.topLeft()), mapFromDocument(r.bottomRight())};
}

QPointF DiagramView::viewCentre() const {
    return mapToDocument(QPointF(width() / 2, height() / 2));
}

void DiagramView::zoomAt(qreal factor, QPointF itemPoint) {
    const QPointF anchor = mapToDocument(itemPoint);
    const qreal next = std::clamp(zoom_ * factor, kMinZoom, kMaxZoom);
    if (qFuzzyCompare(next, zoom_)) return;
    zoom_ = next;
    origin_ = anchor - itemPoint / zoom_;
    emit viewChanged();
    update();
}

void DiagramView::zoomTo(qreal zoom) {
    zoomAt(zoom / zoom_, QPointF(width() / 2, height() / 2));
}

void DiagramView::panBy(qreal dx, qreal dy) {
    setOrigin(origin_ - QPointF(dx, dy) / zoom_);
}

void DiagramView::zoomToFit() {
    if (width() <= 0 || height() <= 0) {
        fitPending_ = true;
        return;
    }
    fitPending_ = false;
    QRectF bounds = controller_ ? controller_->bounds() : QRectF();
    if (bounds.isEmpty()) bounds = QRectF(0, 0, 800, 500);
    bounds.adjust(-40, -40, 40, 40);
    zoom_ =
        std::clamp(std::min(width() / bounds.width(), height() / bounds.height()), kMinZoom, 1.25);
    origin_ = bounds.center() - QPointF(width(), height()) / (2 * zoom_);
    emit viewChanged();
    update();
}

void DiagramView::showOpened() {
    if (width() <= 0 || height() <= 0) {
        openPending_ = true;
        return;
    }
    openPending_ = false;
    fitPending_ = false;
    QRectF bounds = controller_ ? controller_->bounds() : QRectF();
    if (bounds.isEmpty()) bounds = QRectF(0, 0, 800, 500);
    bounds.adjust(-40, -40, 40, 40);
    const double fit = std::min(width() / bounds.width(), height() / bounds.height());
    zoom_ = std::clamp(fit, kReadableZoom, 1.0);
    // Where people start reading a design: where its first flow enters (or its first box).
    QPointF entry = bounds.center();
    if (controller_) {
        const Document& doc = controller_->document();
        const Component* first = !doc.flows.empty()        ? doc.component(doc.flows.front().entry)
                                 : !doc.components.empty() ? &doc.components.front()
                                                           : nullptr;
        if (first) entry = geometry::componentRect(*first).center();
    }
    const QSizeF view(width() / zoom_, height() / zoom_);
    // Along each axis: the whole extent centred when it fits; otherwise from its left edge
    // across, and centred on the entry down (clamped to the design).
    const double x =
        bounds.width() <= view.width() ? bounds.center().x() - view.width() / 2 : bounds.left();
    const double y = bounds.height() <= view.height()
                         ? bounds.center().y() - view.height() / 2
                         : std::clamp(entry.y() - view.height() / 2, bounds.top(),
                                      bounds.bottom() - view.height());
    origin_ = QPointF(x, y);
    emit viewChanged();
    update();
}

void DiagramView::reveal(QRectF r) {
    const QRectF view(origin_, QSizeF(width() / zoom_, height() / zoom_));
    if (view.contains(r)) return;
    if (r.width() > view.width() || r.height() > view.height()) {
        const QRectF padded = r.adjusted(-40, -40, 40, 40);
        zoom_ = std::clamp(std::min(width() / padded.width(), height() / padded.height()), kMinZoom,
                           zoom_);
    }
    origin_ = r.center() - QPointF(width(), height()) / (2 * zoom_);
    emit viewChanged();
    update();
}

void DiagramView::revealElements(const QStringList& ids) {
    if (!controller_) return;
    const Document& doc = controller_->document();
    const DocumentIndex& index = controller_->index();
    QRectF area;
    for (const QString& qid : ids) {
        const std::string id = qid.toStdString();
        const auto e = index.find(id);
        if (!e) continue;
        switch (e->type) {
        case ElementType::Component:
            area |= geometry::componentRect(doc.components[size_t(e->row)]);
            break;
        case ElementType::Note:
            area |= geometry::noteRect(doc.notes[size_t(e->row)]);
            break;
        case ElementType::Connection:
            for (const std::string* end :
                 {&doc.connections[size_t(e->row)].from, &doc.connections[size_t(e->row)].to})
                if (const Component* c = index.component(*end)) area |= geometry::componentRect(*c);
            break;
        case ElementType::Zone:
            for (const auto& c : doc.components) {
                const auto zones = geometry::componentZones(c);
                if (std::find(zones.begin(), zones.end(), id) != zones.end())
                    area |= geometry::componentRect(c);
            }
            break;
        default:
            break;
        }
    }
    if (!area.isNull()) reveal(area.adjusted(-24, -24, 24, 24));
}

void DiagramView::geometryChange(const QRectF& newGeometry, const QRectF& oldGeometry) {
    QQuickItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.width() > 0 && newGeometry.height() > 0) {
        if (openPending_)
            showOpened();
        else if (fitPending_)
            zoomToFit();
    }
    update();
}

// --- hit testing -------------------------------------------------------------------------

QString DiagramView::componentAt(QPointF doc) const {
    if (!controller_) return {};
    const int row = diagramIndex().componentAt(doc);
    return row < 0 ? QString()
                   : QString::fromStdString(controller_->document().components[size_t(row)].id);
}

DiagramView::Hit DiagramView::hitTest(QPointF itemPoint) const {
    if (!controller_) return {};
    const Document& doc = controller_->document();
    const QPointF p = mapToDocument(itemPoint);
    const double slop = kHandleRadius / zoom_;
    const SelectionModel* sel = controller_->selection();
    auto near = [&](QPointF a) { return std::hypot(a.x() - p.x(), a.y() - p.y()) <= slop; };

    // Handles first: they sit on the edges of what they belong to.
    if (const QString id = resizable(); !id.isEmpty())
        if (const Component* c = controller_->index().component(id.toStdString()))
            if (near(geometry::componentRect(*c).bottomRight())) return {id, Hit::Resize};
    for (const QString& id : {hovered_, sel->current()}) {
        if (id.isEmpty()) continue;
        if (const Component* c = controller_->index().component(id.toStdString()))
            if (near(geometry::handlePoint(geometry::componentRect(*c))))
                return {id, Hit::Handle};
    }
    const auto& curves = this->curves();
    for (const QString& id : sel->idsOfType(ElementType::Connection)) {
        const auto e = controller_->index().find(id.toStdString());
        if (!e || size_t(e->row) >= curves.size() || !curves[size_t(e->row)]) continue;
        const ConnectionCurve& curve = *curves[size_t(e->row)];
        if (near(curve.points[3])) return {id, Hit::ConnectionEnd};
        if (near(curve.points[0])) return {id, Hit::ConnectionStart};
    }
    for (auto it = doc.notes.rbegin(); it != doc.notes.rend(); ++it)
        if (geometry::noteRect(*it).contains(p)) return {QString::fromStdString(it->id), Hit::Body};
    if (QString id = componentAt(p); !id.isEmpty()) return {id, Hit::Body};

    if (const int row = diagramIndex().connectionNear(p, kConnectionSlop / zoom_); row >= 0)
        return {QString::fromStdString(doc.connections[size_t(row)].id), Hit::Body};
    // A zone is picked by its label strip, so clicks inside it still reach the canvas.
    for (const auto& z : diagramIndex().zones())
        if (QRectF(z.rect.left(), z.rect.top(), z.rect.width(), geometry::kZoneLabel).contains(p))
            return {QString::fromStdString(doc.zones[size_t(z.zone)].id), Hit::Body};
    return {};
}

QString DiagramView::zoneChipAt(QPointF itemPoint) const {
    if (!controller_) return {};
    const Document& doc = controller_->document();
    const QPointF p = mapToDocument(itemPoint);
    // The topmost box under the point decides.
    const int row = diagramIndex().componentAt(p);
    if (row < 0) return {};
    const QRectF& box = diagramIndex().boxes()[size_t(row)];
    for (const ZoneChip& chip : geometry::zoneChips(doc, doc.components[size_t(row)], box))
        if (chip.zone >= 0 && chip.rect.adjusted(-1, -1, 1, 1).contains(p))
            return QString::fromStdString(doc.zones[size_t(chip.zone)].id);
    return {};
}

const DiagramIndex& DiagramView::diagramIndex() const {
    const Document& doc = controller_->document();
    if (!index_ || indexRevision_ != documentRevision_ ||
        index_->boxes().size() != doc.components.size() ||
        index_->curves().size() != doc.connections.size()) {
        index_ = std::make_shared<const DiagramIndex>(doc);
        indexRevision_ = documentRevision_;
    }
    return *index_;
}

QString DiagramView::elementAt(QPointF itemPoint) const {
    return hitTest(itemPoint).id;
}

QRectF DiagramView::elementRect(const QString& id) const {
    if (!controller_) return {};
    const auto e = controller_->index().find(id.toStdString());
    if (!e) return {};
    const Document& doc = controller_->document();
    if (e->type == ElementType::Component)
        return rectFromDocument(geometry::componentRect(doc.components[size_t(e->row)]));
    if (e->type == ElementType::Note)
        return rectFromDocument(geometry::noteRect(doc.notes[size_t(e->row)]));
    return {};
}

QStringList DiagramView::elementsIn(QRectF itemRect) const {
    QStringList out;
    if (!controller_) return out;
    const QRectF r(mapToDocument(itemRect.topLeft()), mapToDocument(itemRect.bottomRight()));
    const Document& doc = controller_->document();
    for (int row : diagramIndex().componentsIn(r))
        out << QString::fromStdString(doc.components[size_t(row)].id);
    for (const auto& n : doc.notes)
        if (r.intersects(geometry::noteRect(n))) out << QString::fromStdString(n.id);
    return out;
}

// --- rendering ---------------------------------------------------------------------------

SceneState DiagramView::sceneState() const {
    SceneState s;
    s.doc = &controller_->document();
    s.catalogue = &controller_->editor().catalogue();
    s.selected = &controller_->selection()->idSet();
    s.theme = theme_;
    s.zoom = zoom_;
    s.origin = origin_;
    s.size = size();
    s.dpr = window() ? window()->effectiveDevicePixelRatio() : 1;
    s.showGrid = showGrid_;
    s.grid = DocumentController::kGrid;
    s.dragOffset = drag_ == Drag::Moving ? dragOffset_ : QPointF();
    if (drag_ == Drag::Moving) s.guides = guides_;
    s.rubberBand = drag_ == Drag::RubberBand ? rubberBand_ : QRectF();
    s.connecting = drag_ == Drag::Connecting || drag_ == Drag::Retargeting;
    if (s.connecting) {
        if (drag_ == Drag::Connecting) {
            if (const Component* c = controller_->index().component(pressedId_.toStdString()))
                s.connectFrom =
                    mapFromDocument(geometry::handlePoint(geometry::componentRect(*c)));
        } else {
            s.connectFrom = pressPoint_;
        }
        s.connectTo = lastPoint_;
    }
    s.handleFor = drag_ == Drag::None ? hovered_ : QString();
    s.resizeGripFor = drag_ == Drag::None ? resizable() : QString();
    s.resizing = drag_ == Drag::Resizing ? rectFromDocument(resizing_) : QRectF();
    s.dropTarget = dropTarget_;
    s.documentRevision = documentRevision_;
    s.selectionRevision = selectionRevision_;
    s.critique = &critique_;
    s.critiqueRevision = critiqueRevision_;
    diagramIndex();
    s.index = index_;
    return s;
}

QSGNode* DiagramView::updatePaintNode(QSGNode* old, UpdatePaintNodeData*) {
    if (!controller_) {
        delete old;
        return nullptr;
    }
    const bool software =
        window()->rendererInterface()->graphicsApi() == QSGRendererInterface::Software;
    const SceneState s = sceneState();
    if (software) {
        auto* node = old ? static_cast<SoftwareSceneNode*>(old) : new SoftwareSceneNode;
        node->sync(s, window());
        QMetaObject::invokeMethod(
            this, [this] { setSettled(true); }, Qt::QueuedConnection);
        return node;
    }
    auto* node = old ? static_cast<DiagramSceneNode*>(old) : new DiagramSceneNode;
    node->setReleaseBytes(cacheReleaseBytes_);
    const bool pending = node->sync(s, window());
    // A new level of detail re-uploads every tile on screen. Qt 6.4's renderer keeps a
    // staging copy of each vertex buffer it uploads, in update batches it recycles at the
    // largest size each has had, so a zoom across levels leaves copies sized for geometry
    // no longer drawn; releasing the window's cached resources (from the GUI thread, once
    // this frame is drawn) lets them go. It also drops the renderer's pipelines, which the
    // next frame makes again: worth it only when the tiles hold a megabyte or more of
    // vertices (a 500-component design's zoom out peaked no lower with the release, and
    // its slowest frames took 44 ms instead of 25).
    const bool release = node->takeReleaseDue();
    QMetaObject::invokeMethod(
        this,
        [this, pending, release] {
            setSettled(!pending);
            if (release && window()) {
                window()->releaseResources();
                ++cacheReleases_;
            }
            if (pending) update();
        },
        Qt::QueuedConnection);
    return node;
}

} // namespace archlens
