#include "element_list_model.h"

namespace archlens {

ElementListModel::ElementListModel(Editor& editor, ElementType type, QObject* parent)
    : QAbstractListModel(parent), editor_(editor), type_(type),
      rows_(editor.document().count(type)) {
    observer_ = editor_.addObserver(Editor::Observer{[this](const Change& c) { aboutToChange(c); },
                                                     [this](const Change& c) { changed(c); },
                                                     {}});
}

ElementListModel::~ElementListModel() {
    editor_.removeObserver(observer_);
}

int ElementListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : rows_;
}

int ElementListModel::indexOfId(const QString& id) const {
    return editor_.document().indexOf(type_, id.toStdString());
}

void ElementListModel::aboutToChange(const Change& c) {
    if (c.op == Change::Op::Reset) beginResetModel();
    if (c.type != type_) return;
    if (c.op == Change::Op::Inserted) beginInsertRows({}, c.index, c.index);
    if (c.op == Change::Op::Removed) beginRemoveRows({}, c.index, c.index);
}

void ElementListModel::changed(const Change& c) {
    if (c.op == Change::Op::Reset) {
        rows_ = editor_.document().count(type_);
        endResetModel();
        emit countChanged();
        return;
    }
    if (c.type != type_) {
        otherChanged(c);
        return;
    }
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
        if (c.index >= 0) emit dataChanged(index(c.index), index(c.index));
        break;
    case Change::Op::Reset:
        break;
    }
}

} // namespace archlens
