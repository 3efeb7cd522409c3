#include "element_list_model.h"

namespace archlens {

ElementListModel::ElementListModel(ElementType type, QObject* parent)
    : QAbstractListModel(parent), type_(type) {}

ElementListModel::ElementListModel(Editor& editor, ElementType type, QObject* parent)
    : ElementListModel(type, parent) {
    attach(&editor);
}

ElementListModel::~ElementListModel() {
    detach();
}

void ElementListModel::setEditor(Editor* editor) {
    if (editor == editor_) return;
    beginResetModel();
    detach();
    attach(editor);
    endResetModel();
    emit countChanged();
}

void ElementListModel::forgetEditor() {
    if (!editor_) return;
    beginResetModel();
    // Its observers went with it: there is nothing left to remove.
    editor_ = nullptr;
    observer_ = 0;
    rows_ = 0;
    endResetModel();
    emit countChanged();
}

void ElementListModel::attach(Editor* editor) {
    editor_ = editor;
    if (!editor_) return;
    rows_ = editor_->document().count(type_);
    observer_ = editor_->addObserver(Editor::Observer{[this](const Change& c) { aboutToChange(c); },
                                                      [this](const Change& c) { changed(c); },
                                                      {}});
}

void ElementListModel::detach() {
    if (editor_) editor_->removeObserver(observer_);
    editor_ = nullptr;
    observer_ = 0;
    rows_ = 0;
}

int ElementListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : rows_;
}

int ElementListModel::indexOfId(const QString& id) const {
    return editor_ ? editor_->document().indexOf(type_, id.toStdString()) : -1;
}

void ElementListModel::aboutToChange(const Change& c) {
    if (c.op == Change::Op::Reset) beginResetModel();
    if (c.type != type_) return;
    if (c.op == Change::Op::Inserted) beginInsertRows({}, c.index, c.index);
    if (c.op == Change::Op::Removed) beginRemoveRows({}, c.index, c.index);
}

void ElementListModel::changed(const Change& c) {
    if (c.op == Change::Op::Reset) {
        rows_ = editor_->document().count(type_);
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
        if (c.index >= 0 && c.index < rows_) emit dataChanged(index(c.index), index(c.index));
        break;
    case Change::Op::Reset:
        break;
    }
}

} // namespace archlens
