// DiagramView's input: mouse, wheel, keys and touch, and the clicks of route mode. Kept
// apart from the view's state, hit tests and rendering (diagram_view.cpp) so that each file
// reads on its own; both implement the one class declared in diagram_view.h.
#include "diagram_view.h"

#include "archlens/model/describe.h"
#include "archlens/model/limits.h"

#include "analysis_controller.h"
#include "diagram_geometry.h"
#include "document_controller.h"

#include <QCursor>
#include <QGuiApplication>
#include <QStyleHints>
#include <cmath>

namespace archlens {

namespace {
constexpr double kDragThreshold = 4; ///< pixels before a press becomes a drag
constexpr double kRouteHandle =
    8;                           ///< radius of a route handle in document units (critique_overlay)
constexpr double kSnapReach = 6; ///< pixels within which a moved box lines up with another
} // namespace

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
    // The components through the index (those selected, and those near the view), so that
    // grabbing a box in a large design does not size every box in it.
    const DiagramIndex& index = diagramIndex();
    for (const QString& id : sel->idsOfType(ElementType::Component))
        if (const int row = index.componentRow(id.toStdString()); row >= 0)
            moveBox_ |= index.boxes()[size_t(row)];
    for (int row : index.componentsIn(near))
        if (!sel->contains(QString::fromStdString(doc.components[size_t(row)].id)))
            others.push_back(index.boxes()[size_t(row)]);
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
            const QPointF h = mapFromDocument(geometry::handlePoint(geometry::componentRect(*c)));
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

} // namespace archlens
