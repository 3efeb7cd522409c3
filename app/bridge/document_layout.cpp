// DocumentController: automatic layout, align and distribute. The positions come from the
// layout library (Graphviz); here they become one undoable move.
#include "document_controller.h"

#include "count_text.h"

#include "archlens/layout/align.h"
#include "diagram_geometry.h"

#include <QPointer>
#include <QThreadPool>
#include <unordered_map>

namespace archlens {

namespace {
LayoutOptions layoutOptions() {
    LayoutOptions o;
    o.nodeWidth = geometry::kComponentWidth;
    o.nodeHeight = geometry::kComponentHeight;
    o.componentSize = [](const Component& c) {
        const QRectF r = geometry::componentRect(c);
        return std::pair{r.width(), r.height()};
    };
    o.noteWidth = geometry::kNoteWidth;
    o.noteHeight = geometry::kNoteHeight;
    return o;
}

std::vector<std::string> selectedBoxes(const SelectionModel& selection) {
    std::vector<std::string> ids;
    for (const auto& ref : selection.refs())
        if (ref.type == ElementType::Component || ref.type == ElementType::Note)
            ids.push_back(ref.id);
    return ids;
}
} // namespace

void DocumentController::autoLayout() {
    if (layoutRunning_) return;
    if (editor_.document().components.empty()) {
        refuse("there is nothing to lay out");
        return;
    }
    if (!layoutEngine_) layoutEngine_ = std::make_shared<AutoLayout>();
    layoutRunning_ = true;
    emit layoutRunningChanged();
    setStatus(tr("Laying out %1…")
                  .arg(countText(qsizetype(editor_.document().components.size()),
                                 tr("%1 component"), tr("%1 components"))));
    // The worker gets its own copy of the document and of the engine's handle, so neither
    // an edit nor closing the window can pull them away from under it.
    auto engine = layoutEngine_;
    auto doc = std::make_shared<Document>(editor_.document());
    const quint64 generation = generation_;
    QPointer<DocumentController> self(this);
    QThreadPool::globalInstance()->start([engine, doc, generation, self] {
        auto positions = engine->layout(*doc, layoutOptions());
        QMetaObject::invokeMethod(
            self.data(),
            [self, positions = std::move(positions), generation] {
                if (self) self->applyLayout(positions, generation);
            },
            Qt::QueuedConnection);
    });
}

void DocumentController::applyLayout(const std::vector<Editor::Position>& positions,
                                     quint64 generation) {
    layoutRunning_ = false;
    emit layoutRunningChanged();
    if (generation != generation_) {
        setStatus(tr("Layout dropped: another design was opened"));
        emit layoutFinished();
        return;
    }
    // Components deleted while the layout ran are skipped; the rest move as one step.
    std::vector<Editor::Position> moves;
    moves.reserve(positions.size());
    for (const auto& p : positions) {
        const Component* c = index_.component(p.ref.id);
        if (c && (c->x != p.x || c->y != p.y)) moves.push_back(p);
    }
    if (!moves.empty()) {
        // Named for what the person did, rather than "Move 40 items".
        Editor::Group group(editor_, "Automatic layout");
        if (const EditResult r = editor_.move(moves); !r.ok()) refuse(r.error);
    }
    setStatus(
        tr("Laid out %1")
            .arg(countText(qsizetype(positions.size()), tr("%1 component"), tr("%1 components"))));
    emit layoutFinished();
}

bool DocumentController::alignSelection(const QString& edge) {
    static const std::unordered_map<std::string, AlignEdge> edges{
        {"left", AlignEdge::Left}, {"hcenter", AlignEdge::HCenter}, {"right", AlignEdge::Right},
        {"top", AlignEdge::Top},   {"vcenter", AlignEdge::VCenter}, {"bottom", AlignEdge::Bottom}};
    const auto it = edges.find(edge.toStdString());
    if (it == edges.end()) return refuse("unknown alignment \"" + edge.toStdString() + "\"");
    const auto ids = selectedBoxes(selection_);
    if (ids.size() < 2) return refuse("select two or more boxes to align");
    const auto moves = align(editor_.document(), ids, it->second, layoutOptions());
    Editor::Group group(editor_, "Align " + edge.toStdString());
    const EditResult r = editor_.move(moves);
    return r.ok() || refuse(r.error);
}

bool DocumentController::distributeSelection(const QString& axis) {
    if (axis != QLatin1String("horizontal") && axis != QLatin1String("vertical"))
        return refuse("unknown axis \"" + axis.toStdString() + "\"");
    const auto ids = selectedBoxes(selection_);
    if (ids.size() < 3) return refuse("select three or more boxes to distribute");
    const auto moves = distribute(
        editor_.document(), ids,
        axis == QLatin1String("horizontal") ? Axis::Horizontal : Axis::Vertical, layoutOptions());
    Editor::Group group(editor_, "Distribute " + axis.toStdString());
    const EditResult r = editor_.move(moves);
    return r.ok() || refuse(r.error);
}

} // namespace archlens
