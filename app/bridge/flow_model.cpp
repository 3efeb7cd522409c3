#include "flow_model.h"

#include "document_controller.h"

namespace archlens {

FlowModel::FlowModel(QObject* parent) : ElementListModel(ElementType::Flow, parent) {}

void FlowModel::setController(DocumentController* controller) {
    if (controller == controller_) return;
    disconnect(controllerGone_);
    controller_ = controller;
    if (controller_)
        // The editor lives inside the controller and dies with it, before `destroyed`.
        controllerGone_ =
            connect(controller_, &QObject::destroyed, this, [this] { forgetEditor(); });
    setEditor(controller_ ? &controller_->editor() : nullptr);
    emit controllerChanged();
}

QString FlowModel::idAt(int row) const {
    if (row < 0 || row >= rowCount()) return {};
    return QString::fromStdString(document().flows[size_t(row)].id);
}

QVariant FlowModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Flow& f = document().flows[size_t(index.row())];
    switch (role) {
    case IdRole:
        return QString::fromStdString(f.id);
    case Qt::DisplayRole:
    case NameRole:
        return QString::fromStdString(f.name);
    case EntryRole:
        return QString::fromStdString(f.entry);
    case EntryNameRole: {
        const Component* c = controller_->index().component(f.entry);
        return QString::fromStdString(c ? c->name : f.entry);
    }
    case OpRole:
        return QString::fromStdString(f.op);
    case RateRole:
        return f.rate_rps;
    }
    return {};
}

QHash<int, QByteArray> FlowModel::roleNames() const {
    return {{IdRole, "flowId"},           {NameRole, "name"}, {EntryRole, "entry"},
            {EntryNameRole, "entryName"}, {OpRole, "op"},     {RateRole, "rate"}};
}

void FlowModel::otherChanged(const Change& c) {
    if (c.type != ElementType::Component || c.op != Change::Op::Updated ||
        !(c.attribute == "name" || c.attribute.empty()))
        return;
    // The entry's name is shown beside each flow: refresh the flows entering there.
    const auto& flows = document().flows;
    for (int row = 0; row < rowCount() && row < int(flows.size()); ++row)
        if (flows[size_t(row)].entry == c.id) emit dataChanged(index(row), index(row));
}

} // namespace archlens
