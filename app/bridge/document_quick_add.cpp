// DocumentController: the quick-add search's edit. A person types a kind on the canvas and
// presses Enter: the new component lands at the pointer, called from the one that was
// selected, and one Undo takes both away again.
#include "document_controller.h"

namespace archlens {

QString DocumentController::addConnectedComponent(const QString& kindId, qreal x, qreal y,
                                                  const QString& from) {
    const KindInfo* kind = editor_.catalogue().kind(kindId.toStdString());
    if (!kind) return refuse("there is no component kind \"" + kindId.toStdString() + "\""), "";
    const Component* source = from.isEmpty() ? nullptr : index_.component(from.toStdString());
    if (!from.isEmpty() && !source)
        return refuse("the component to connect from no longer exists"), "";
    // Copied now: adding a component may move the document's components in memory.
    const std::string sourceName = source ? source->name : std::string();
    QString id;
    {
        Editor::Group group(editor_, source ? "Add " + kind->label + " called from " + sourceName
                                            : "Add " + kind->label);
        id = addComponent(kindId, x, y);
        if (id.isEmpty()) return {};
        if (source) connectComponents(from, id); // a refusal says why; the box stays
    }
    selection_.select(id);
    emit placed({id}); // placed at the pointer, which may be at the edge of the view
    return id;
}

} // namespace archlens
