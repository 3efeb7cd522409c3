#include "diagram_view.h"

#include "archlens/model/describe.h"
#include "archlens/model/limits.h"

#include "analysis_controller.h"
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
constexpr double kDragThreshold = 4;  ///< pixels before a press becomes a drag
constexpr double kHandleRadius = 9;   ///< pixels around a handle that grab it
constexpr double kConnectionSlop = 5; ///< pixels around a connection that select it
constexpr double kRouteHandle =
    8; ///< radius of a route handle in document units (critique_overlay)
constexpr double kSnapReach = 6;      ///< pixels within which a moved box lines up with another
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
        connect(analysis_, &AnalysisController::whatIfChanged, this,
                &DiagramView::critiqueInputsChanged);
    }
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

void DiagramView::toggleRoute(QPointF itemPoint) {
    // The handles first: they are the targets route mode draws, and may lie off the line.
    QString id;
    const Document& d = controller_->editor().document();
    const QPointF at = mapToDocument(itemPoint);
    double nearest = kRouteHandle + 3 / zoom_;
    const auto& drawn = curves();
    for (size_t i = 0; i < d.connections.size() && i < drawn.size(); ++i) {
        const Connection& c = d.connections[i];
        const QString cid = QString::fromStdString(c.id);
        if (!drawn[i] || !critique_.hasRouteHandle(cid)) continue;
        const QPointF m = geometry::connectionMarker(*drawn[i], c);
        if (const double dist = std::hypot(m.x() - at.x(), m.y() - at.y()); dist < nearest) {
            nearest = dist;
            id = cid;
        }
    }
    if (id.isEmpty()) id = elementAt(itemPoint);
    const auto e = controller_->index().find(id.toStdString());
    if (!e || e->type != ElementType::Connection) {
        controller_->showStatus(tr("Route mode: click a connection to send the flow over it or "
                                   "take it off; Escape ends."));
        return;
    }
    const bool taken = critique_.onRoute(id);
    if (!taken && !critique_.routeCandidates.contains(id)) {
        // It would change the file but nothing on screen: the flow does not get there.
        const Document& doc = controller_->editor().document();
        const Connection& c = doc.connections[size_t(e->row)];
        controller_->showStatus(
            tr("The flow does not reach %1 yet: route it into %1 first.")
                .arg(QString::fromStdString(describeElement(doc, ElementType::Component, c.from))));
        return;
    }
    controller_->routeFlow(id, routeFlow_, !taken);
}

void DiagramView::critiqueInputsChanged() {
    const std::shared_ptr<const Report> report = analysis_ ? analysis_->report() : nullptr;
    critique_ = CritiqueOverlay::build(report.get(), analysis_ ? analysis_->failed() : QStringList(),
                                       showLoad_, highlight_);
    if (controller_ && !shownFlow_.isEmpty())
        critique_.showFlow(report.get(), controller_->editor().document(), shownFlow_,
                           !routeFlow_.isEmpty());
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
    const auto& comps = controller_->document().components;
    for (auto it = comps.rbegin(); it != comps.rend(); ++it)
        if (geometry::componentRect(*it).contains(doc)) return QString::fromStdString(it->id);
    return {};
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

    const double lineSlop = kConnectionSlop / zoom_;
    const QRectF probe(p.x() - lineSlop, p.y() - lineSlop, 2 * lineSlop, 2 * lineSlop);
    for (size_t i = curves.size(); i-- > 0;) {
        if (!curves[i]) continue;
        const ConnectionCurve& curve = *curves[i];
        QRectF hull;
        for (const QPointF& q : curve.points)
            hull |= QRectF(q, QSizeF(0.01, 0.01));
        if (!hull.intersects(probe)) continue;
        if (geometry::distanceToCurve(curve, p) <= lineSlop)
            return {QString::fromStdString(doc.connections[i].id), Hit::Body};
    }
    // A zone is picked by its label strip, so clicks inside it still reach the canvas.
    std::vector<QRectF> rects;
    rects.reserve(doc.components.size());
    for (const auto& c : doc.components)
        rects.push_back(geometry::componentRect(c));
    for (const auto& z : geometry::zoneAreas(doc, rects))
        if (QRectF(z.rect.left(), z.rect.top(), z.rect.width(), geometry::kZoneLabel).contains(p))
            return {QString::fromStdString(doc.zones[size_t(z.zone)].id), Hit::Body};
    return {};
}

QString DiagramView::zoneChipAt(QPointF itemPoint) const {
    if (!controller_) return {};
    const Document& doc = controller_->document();
    const QPointF p = mapToDocument(itemPoint);
    for (size_t i = doc.components.size(); i-- > 0;) {
        const QRectF box = geometry::componentRect(doc.components[i]);
        if (!box.contains(p)) continue;
        for (const ZoneChip& chip : geometry::zoneChips(doc, doc.components[i], box))
            if (chip.zone >= 0 && chip.rect.adjusted(-1, -1, 1, 1).contains(p))
                return QString::fromStdString(doc.zones[size_t(chip.zone)].id);
        return {}; // the topmost box under the point decides
    }
    return {};
}

const std::vector<std::optional<ConnectionCurve>>& DiagramView::curves() const {
    if (curvesRevision_ != documentRevision_ ||
        curves_.size() != controller_->document().connections.size()) {
        const Document& doc = controller_->document();
        std::vector<QRectF> boxes;
        boxes.reserve(doc.components.size());
        for (const auto& c : doc.components)
            boxes.push_back(geometry::componentRect(c));
        curves_ = geometry::connectionCurves(doc, boxes);
        curvesRevision_ = documentRevision_;
    }
    return curves_;
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
    for (const auto& c : doc.components)
        if (r.intersects(geometry::componentRect(c))) out << QString::fromStdString(c.id);
    for (const auto& n : doc.notes)
        if (r.intersects(geometry::noteRect(n))) out << QString::fromStdString(n.id);
    return out;
}

// --- mouse, wheel, keys ------------------------------------------------------------------

void DiagramView::mousePressEvent(QMouseEvent* event) {
    forceActiveFocus(Qt::MouseFocusReason);
    if (!controller_) return;
    const QPointF pos = event->position();
    pressPoint_ = lastPoint_ = pos;
    pointer_ = pos;
    dragOffset_ = {};
    SelectionModel* sel = controller_->selection();

    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && panMode_)) {
        drag_ = Drag::Panning;
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (failureMode_ && event->button() == Qt::LeftButton) {
        // The what-if: a click fails a component or a zone, or brings it back. Nothing of
        // this touches the document.
        QString id = zoneChipAt(pos); // a chip on a box fails its zone, not the box
        if (id.isEmpty()) id = elementAt(pos);
        const auto e = controller_->index().find(id.toStdString());
        if (analysis_ && e && (e->type == ElementType::Component || e->type == ElementType::Zone))
            analysis_->toggleFailed(id);
        drag_ = Drag::None;
        return;
    }
    if (!routeFlow_.isEmpty() && event->button() == Qt::LeftButton) {
        // Route mode edits the flow's route; a drag pans, since nothing is moved or picked.
        toggleRoute(pos);
        drag_ = Drag::Panning;
        return;
    }
    // A click on the canvas moves on from the finding that was being looked at.
    if (event->button() == Qt::LeftButton) setHighlight({});
    const Hit hit = hitTest(pos);
    if (event->button() == Qt::RightButton) {
        if (!hit.id.isEmpty() && !sel->contains(hit.id)) sel->select(hit.id);
        emit contextMenuRequested(hit.id, pos);
        return;
    }
    const bool additive = event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier);
    pressedId_ = hit.id;
    switch (hit.part) {
    case Hit::Handle:
        drag_ = Drag::Connecting;
        break;
    case Hit::Resize:
        drag_ = Drag::Resizing;
        resizing_ = resizedBox(pos, snap_ && !(event->modifiers() & Qt::AltModifier));
        break;
    case Hit::ConnectionStart:
    case Hit::ConnectionEnd:
        drag_ = Drag::Retargeting;
        retargetEnd_ = hit.part == Hit::ConnectionStart ? "from" : "to";
        break;
    case Hit::Body:
        if (additive)
            sel->select(hit.id, SelectionModel::Toggle);
        else if (!sel->contains(hit.id))
            sel->select(hit.id);
        drag_ = Drag::Pending;
        break;
    case Hit::Nothing:
        if (!additive) sel->clear();
        rubberAdds_ = additive;
        drag_ = Drag::RubberBand;
        rubberBand_ = QRectF(pos, QSizeF());
        break;
    }
    update();
}

void DiagramView::mouseMoveEvent(QMouseEvent* event) {
    if (!controller_) return;
    const QPointF pos = event->position();
    pointer_ = pos;
    const QPointF delta = pos - lastPoint_;
    lastPoint_ = pos;
    switch (drag_) {
    case Drag::Panning:
        panBy(delta.x(), delta.y());
        return;
    case Drag::Pending: {
        const QPointF moved = pos - pressPoint_;
        if (std::hypot(moved.x(), moved.y()) < kDragThreshold) return;
        const auto e = controller_->index().find(pressedId_.toStdString());
        if (!e || !controller_->selection()->contains(pressedId_) ||
            (e->type != ElementType::Component && e->type != ElementType::Note)) {
            drag_ = Drag::None;
            return;
        }
        drag_ = Drag::Moving;
        startMove();
        [[fallthrough]];
    }
    case Drag::Moving: {
        const QPointF offset = moveOffset(pos, event->modifiers());
        if (offset != dragOffset_) {
            dragOffset_ = offset;
            update();
        }
        return;
    }
    case Drag::RubberBand:
        rubberBand_ = QRectF(pressPoint_, pos).normalized();
        update();
        return;
    case Drag::Resizing:
        resizing_ = resizedBox(pos, snap_ && !(event->modifiers() & Qt::AltModifier));
        update();
        return;
    case Drag::Connecting:
    case Drag::Retargeting: {
        QString target = componentAt(mapToDocument(pos));
        if (drag_ == Drag::Connecting && target == pressedId_) target.clear();
        if (target != dropTarget_) dropTarget_ = target;
        update();
        return;
    }
    case Drag::None:
        return;
    }
}

void DiagramView::startMove() {
    const Document& doc = controller_->document();
    const SelectionModel* sel = controller_->selection();
    moveBox_ = {};
    guides_.clear();
    // The name tip of the grabbed box would ride along over the guides.
    if (!hovered_.isEmpty()) {
        hovered_.clear();
        emit hoveredChanged();
    }
    // What is on screen (and a margin around it) is what a person lines up with; boxes far
    // away are not worth a look at every pointer move.
    const QRectF view(origin_, QSizeF(width() / zoom_, height() / zoom_));
    const QRectF near =
        view.adjusted(-view.width() / 2, -view.height() / 2, view.width() / 2, view.height() / 2);
    std::vector<QRectF> others;
    auto add = [&](const std::string& id, const QRectF& r) {
        if (sel->contains(QString::fromStdString(id)))
            moveBox_ |= r;
        else if (near.intersects(r))
            others.push_back(r);
    };
    for (const auto& c : doc.components)
        add(c.id, geometry::componentRect(c));
    for (const auto& n : doc.notes)
        add(n.id, geometry::noteRect(n));
    snapper_ = AlignmentSnapper(others);
}

QPointF DiagramView::moveOffset(QPointF pos, Qt::KeyboardModifiers modifiers) {
    QPointF offset = (pos - pressPoint_) / zoom_;
    guides_.clear();
    if (modifiers & Qt::AltModifier) return offset; // Alt: exactly where the pointer says
    // Other boxes first: a box lined up with its neighbour beats one on the grid.
    const auto shift = snapper_.snap(moveBox_.translated(offset), kSnapReach / zoom_);
    if (shift.dx) offset.rx() += *shift.dx;
    if (shift.dy) offset.ry() += *shift.dy;
    // Otherwise the grabbed element's corner goes on the grid, as the drop will put it.
    if (snap_ && (!shift.dx || !shift.dy)) {
        if (const auto e = controller_->index().find(pressedId_.toStdString())) {
            const Document& doc = controller_->document();
            const QPointF corner =
                e->type == ElementType::Component
                    ? QPointF(doc.components[size_t(e->row)].x, doc.components[size_t(e->row)].y)
                    : QPointF(doc.notes[size_t(e->row)].x, doc.notes[size_t(e->row)].y);
            if (!shift.dx)
                offset.rx() = DocumentController::snap(corner.x() + offset.x()) - corner.x();
            if (!shift.dy)
                offset.ry() = DocumentController::snap(corner.y() + offset.y()) - corner.y();
        }
    }
    guides_ = snapper_.guides(moveBox_.translated(offset));
    return offset;
}

void DiagramView::mouseReleaseEvent(QMouseEvent* event) {
    finishDrag(event->position());
}

void DiagramView::finishDrag(QPointF pos) {
    if (!controller_) return;
    SelectionModel* sel = controller_->selection();
    const Drag drag = std::exchange(drag_, Drag::None);
    switch (drag) {
    case Drag::Panning:
        setCursor(restingCursor());
        break;
    case Drag::Pending:
        // A plain click on one of several selected elements selects just that one.
        if (!(QGuiApplication::keyboardModifiers() & (Qt::ShiftModifier | Qt::ControlModifier)) &&
            sel->count() > 1 && sel->contains(pressedId_))
            sel->select(pressedId_);
        break;
    case Drag::Moving: {
        const QPointF offset = std::exchange(dragOffset_, QPointF());
        if (!offset.isNull()) {
            // The grabbed element goes first: the controller snaps the first one's corner.
            QStringList ids = sel->ids();
            ids.removeAll(pressedId_);
            ids.prepend(pressedId_);
            controller_->moveElements(ids, offset.x(), offset.y(), false);
        }
        break;
    }
    case Drag::RubberBand: {
        const QStringList inside = elementsIn(rubberBand_);
        rubberBand_ = {};
        if (rubberAdds_) {
            QStringList ids = sel->ids();
            for (const QString& id : inside)
                if (!sel->contains(id)) ids << id;
            sel->setIds(ids);
        } else {
            sel->setIds(inside);
        }
        break;
    }
    case Drag::Connecting:
        if (!dropTarget_.isEmpty()) controller_->connectComponents(pressedId_, dropTarget_);
        break;
    case Drag::Resizing: {
        const QRectF box = std::exchange(resizing_, QRectF());
        if (const Component* c = controller_->index().component(pressedId_.toStdString()))
            if (box.size() != geometry::componentRect(*c).size())
                controller_->resizeComponent(pressedId_, box.width(), box.height());
        break;
    }
    case Drag::Retargeting:
        if (!dropTarget_.isEmpty()) controller_->retarget(pressedId_, retargetEnd_, dropTarget_);
        break;
    case Drag::None:
        break;
    }
    (void)pos;
    dropTarget_.clear();
    guides_.clear();
    update();
}

void DiagramView::cancelDrag() {
    if (drag_ == Drag::Panning) setCursor(restingCursor());
    drag_ = Drag::None;
    dragOffset_ = {};
    rubberBand_ = {};
    resizing_ = {};
    dropTarget_.clear();
    guides_.clear();
    update();
}

QString DiagramView::resizable() const {
    if (!controller_ || failureMode_ || !routeFlow_.isEmpty()) return {};
    const SelectionModel* sel = controller_->selection();
    if (sel->count() != 1 || sel->currentKind() != SelectionModel::ComponentElement) return {};
    return sel->current();
}

QRectF DiagramView::resizedBox(QPointF itemPoint, bool snap) const {
    const Component* c = controller_->index().component(pressedId_.toStdString());
    if (!c) return {};
    const QRectF box = geometry::componentRect(*c);
    QPointF corner = mapToDocument(itemPoint);
    if (snap)
        corner =
            QPointF(DocumentController::snap(corner.x()), DocumentController::snap(corner.y()));
    const double w = std::clamp(corner.x() - box.left(), kMinBoxWidth, kMaxBoxWidth);
    const double h = std::clamp(corner.y() - box.top(), kMinBoxHeight, kMaxBoxHeight);
    return QRectF(box.topLeft(), QSizeF(w, h));
}

void DiagramView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (!controller_ || event->button() != Qt::LeftButton) return;
    const Hit hit = hitTest(event->position());
    if (hit.part == Hit::Body) emit editRequested(hit.id);
}

void DiagramView::hoverMoveEvent(QHoverEvent* event) {
    if (!controller_) return;
    const QPointF pos = event->position();
    pointer_ = pos;
    QString over = componentAt(mapToDocument(pos));
    // Keep the handle of the box just left while the pointer is on that handle.
    if (over.isEmpty() && !hovered_.isEmpty())
        if (const Component* c = controller_->index().component(hovered_.toStdString())) {
            const QPointF h =
                mapFromDocument(geometry::handlePoint(geometry::componentRect(*c)));
            if (std::hypot(h.x() - pos.x(), h.y() - pos.y()) <= kHandleRadius) over = hovered_;
        }
    if (restingCursor() == Qt::ArrowCursor) {
        const Hit hit = hitTest(pos);
        setCursor(hit.part == Hit::Resize ? Qt::SizeFDiagCursor
                  : hit.part == Hit::Handle || hit.part == Hit::ConnectionStart ||
                          hit.part == Hit::ConnectionEnd
                      ? Qt::CrossCursor
                      : Qt::ArrowCursor);
    }
    if (over != hovered_) {
        hovered_ = over;
        emit hoveredChanged();
        update();
    }
}

void DiagramView::hoverLeaveEvent(QHoverEvent*) {
    pointer_.reset();
    if (hovered_.isEmpty()) return;
    hovered_.clear();
    emit hoveredChanged();
    update();
}

void DiagramView::wheelEvent(QWheelEvent* event) {
    const QPoint pixels = event->pixelDelta();
    const QPoint angle = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = angle.y() != 0 ? angle.y() : pixels.y() * 2.0;
        zoomAt(std::pow(1.0015, steps), event->position());
    } else {
        QPointF d = !pixels.isNull() ? QPointF(pixels) : QPointF(angle) / 120.0 * 48.0;
        if (event->modifiers() & Qt::ShiftModifier) d = QPointF(d.y(), d.x());
        panBy(d.x(), d.y());
    }
    event->accept();
}

void DiagramView::keyPressEvent(QKeyEvent* event) {
    if (!controller_) return;
    const double step =
        event->modifiers() & Qt::AltModifier
            ? 1
            : DocumentController::kGrid * (event->modifiers() & Qt::ShiftModifier ? 4 : 1);
    const bool snap = !(event->modifiers() & Qt::AltModifier);
    switch (event->key()) {
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) setPanMode(true);
        return;
    case Qt::Key_Left:
        controller_->moveSelection(-step, 0, snap);
        return;
    case Qt::Key_Right:
        controller_->moveSelection(step, 0, snap);
        return;
    case Qt::Key_Up:
        controller_->moveSelection(0, -step, snap);
        return;
    case Qt::Key_Down:
        controller_->moveSelection(0, step, snap);
        return;
    case Qt::Key_Escape:
        if (!routeFlow_.isEmpty())
            setRouteFlow({});
        else if (drag_ != Drag::None)
            cancelDrag();
        else
            controller_->selection()->clear();
        return;
    case Qt::Key_F2:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!controller_->selection()->current().isEmpty())
            emit editRequested(controller_->selection()->current());
        return;
    default: {
        // Typing on the canvas searches the catalogue (the quick-add field takes the
        // letter as its first); "/" and Ctrl+K open it empty.
        const QString text = event->text();
        const bool plain =
            (event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier)) == Qt::NoModifier;
        const bool letter = plain && text.size() == 1 && text.front().isLetter();
        if (letter || (plain && text == QLatin1String("/")) ||
            (event->key() == Qt::Key_K && event->modifiers() == Qt::ControlModifier)) {
            const QPointF at = pointer_ && boundingRect().contains(*pointer_)
                                   ? *pointer_
                                   : QPointF(width() / 2, height() / 2);
            emit quickAddRequested(letter ? text : QString(), at);
            return;
        }
        event->ignore();
    }
    }
}

void DiagramView::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        setPanMode(false);
        return;
    }
    event->ignore();
}

void DiagramView::touchEvent(QTouchEvent* event) {
    const auto& points = event->points();
    if (points.size() != 2) {
        pinchDistance_ = 0;
        event->ignore();
        return;
    }
    const QPointF a = points[0].position(), b = points[1].position();
    const double distance = std::hypot(a.x() - b.x(), a.y() - b.y());
    if (pinchDistance_ <= 0 || event->type() == QEvent::TouchBegin) {
        pinchDistance_ = distance;
        pinchZoom_ = zoom_;
    } else if (distance > 0) {
        zoomAt(pinchZoom_ * distance / pinchDistance_ / zoom_, (a + b) / 2);
    }
    if (event->type() == QEvent::TouchEnd) pinchDistance_ = 0;
    event->accept();
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
    const bool pending = node->sync(s, window());
    QMetaObject::invokeMethod(
        this,
        [this, pending] {
            setSettled(!pending);
            if (pending) update();
        },
        Qt::QueuedConnection);
    return node;
}

} // namespace archlens
