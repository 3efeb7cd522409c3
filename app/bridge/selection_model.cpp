#include "selection_model.h"

namespace archlens {

SelectionModel::SelectionModel(Editor& editor, const DocumentIndex& index, QObject* parent)
    : QObject(parent), editor_(editor), index_(index) {
    observer_ = editor_.addObserver([this](const Changes&) { prune(); });
}

SelectionModel::~SelectionModel() {
    editor_.removeObserver(observer_);
}

std::optional<ElementType> SelectionModel::typeOf(const std::string& id) const {
    const auto e = index_.find(id);
    if (!e) return std::nullopt;
    return e->type;
}

SelectionModel::ElementKind SelectionModel::kindOf(ElementType type) {
    switch (type) {
    case ElementType::Document:
        return DocumentElement;
    case ElementType::Zone:
        return ZoneElement;
    case ElementType::Component:
        return ComponentElement;
    case ElementType::Connection:
        return ConnectionElement;
    case ElementType::Flow:
        return FlowElement;
    case ElementType::Note:
        return NoteElement;
    }
    return NoElement;
}

std::optional<ElementType> SelectionModel::typeOfKind(ElementKind kind) {
    for (ElementType t : {ElementType::Document, ElementType::Zone, ElementType::Component,
                          ElementType::Connection, ElementType::Flow, ElementType::Note})
        if (kindOf(t) == kind) return t;
    return std::nullopt;
}

std::optional<ElementType> SelectionModel::currentType() const {
    if (ids_.isEmpty()) return std::nullopt;
    return typeOf(ids_.back().toStdString());
}

SelectionModel::ElementKind SelectionModel::currentKind() const {
    const auto t = currentType();
    return t ? kindOf(*t) : NoElement;
}

void SelectionModel::select(const QString& id, int mode) {
    QStringList next = mode == Replace ? QStringList() : ids_;
    if (mode == Toggle && next.contains(id)) {
        next.removeAll(id);
    } else if (!id.isEmpty()) {
        next.removeAll(id); // re-adding moves it to the end: it becomes current
        next << id;
    }
    setIds(next);
}

void SelectionModel::setIds(const QStringList& ids) {
    QStringList known;
    QSet<QString> seen;
    for (const QString& id : ids)
        if (!seen.contains(id) && typeOf(id.toStdString())) {
            seen.insert(id);
            known << id;
        }
    if (known == ids_) return;
    ids_ = known;
    set_ = seen;
    emit changed();
}

void SelectionModel::clear() {
    setIds({});
}

QStringList SelectionModel::idsOfKind(ElementKind kind) const {
    const auto type = typeOfKind(kind);
    return type ? idsOfType(*type) : QStringList();
}

QStringList SelectionModel::idsOfType(ElementType type) const {
    QStringList out;
    for (const QString& id : ids_) {
        const auto t = typeOf(id.toStdString());
        if (t && *t == type) out << id;
    }
    return out;
}

std::vector<ElementRef> SelectionModel::refs() const {
    std::vector<ElementRef> out;
    for (const QString& id : ids_)
        if (const auto t = typeOf(id.toStdString())) out.push_back({*t, id.toStdString()});
    return out;
}

void SelectionModel::prune() {
    QStringList kept;
    for (const QString& id : ids_)
        if (typeOf(id.toStdString())) kept << id;
    if (kept == ids_) return;
    ids_ = kept;
    set_ = QSet<QString>(kept.begin(), kept.end());
    emit changed();
}

} // namespace archlens
