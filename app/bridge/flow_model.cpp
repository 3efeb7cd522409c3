#include "flow_model.h"

#include "document_controller.h"

namespace archlens {

FlowModel::FlowModel(QObject* parent) : QAbstractListModel(parent) {}

FlowModel::~FlowModel() {
    detach();
}

void FlowModel::setController(DocumentController* controller) {
    if (controller == controller_) return;
    beginResetModel();
    detach();
    controller_ = controller;
    attach();
    endResetModel();
    emit controllerChanged();
    emit countChanged();
}

void FlowModel::attach() {
    rows_ = 0;
    if (!controller_) return;
    rows_ = controller_->document().count(ElementType::Flow);
    observer_ = controller_->editor().addObserver(
        Editor::Observer{[this](const Change& c) { aboutToChange(c); },
                         [this](const Change& c) { changed(c); },
                         {}});
}

void FlowModel::detach() {
    // The editor lives inside the controller: once the controller is gone (QPointer null)
    // there is no observer left to remove.
    if (controller_ && observer_) controller_->editor().removeObserver(observer_);
    observer_ = 0;
    rows_ = 0;
}

const Document* FlowModel::document() const {
    return controller_ ? &controller_->document() : nullptr;
}

int FlowModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : rows_;
}

int FlowModel::indexOfId(const QString& id) const {
    const Document* doc = document();
    return doc ? doc->indexOf(ElementType::Flow, id.toStdString()) : -1;
}

QString FlowModel::idAt(int row) const {
    const Document* doc = document();
    if (!doc || row < 0 || row >= rows_) return {};
    return QString::fromStdString(doc->flows[size_t(row)].id);
}

QVariant FlowModel::data(const QModelIndex& index, int role) const {
    const Document* doc = document();
    if (!doc || !checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Flow& f = doc->flows[size_t(index.row())];
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

void FlowModel::aboutToChange(const Change& c) {
    if (c.op == Change::Op::Reset) beginResetModel();
    if (c.type != ElementType::Flow) return;
    if (c.op == Change::Op::Inserted) beginInsertRows({}, c.index, c.index);
    if (c.op == Change::Op::Removed) beginRemoveRows({}, c.index, c.index);
}

void FlowModel::changed(const Change& c) {
    if (c.op == Change::Op::Reset) {
        rows_ = controller_->document().count(ElementType::Flow);
        endResetModel();
        emit countChanged();
        return;
    }
    if (c.type == ElementType::Component && c.op == Change::Op::Updated &&
        (c.attribute == "name" || c.attribute.empty())) {
        // The entry's name is shown beside each flow: refresh the flows entering there.
        const auto& flows = controller_->document().flows;
        for (int row = 0; row < rows_ && row < int(flows.size()); ++row)
            if (flows[size_t(row)].entry == c.id) emit dataChanged(index(row), index(row));
        return;
    }
    if (c.type != ElementType::Flow) return;
    switch (c.op) {
    case Change::Op::Inserted:
        ++rows_;
        endInsertRows();
        emit countChanged();
        break;
    case Change::Op::Removed:
        --rows_;
        endRemoveRows();
        emit countChanged();
        break;
    case Change::Op::Updated:
        if (c.index >= 0 && c.index < rows_) emit dataChanged(index(c.index), index(c.index));
        break;
    case Change::Op::Reset:
        break;
    }
}

} // namespace archlens
