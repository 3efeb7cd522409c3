#pragma once
// Base of the list models over one collection of the document. It brackets each change
// the editor announces (begin before, end after: insert, remove, update, reset), so views
// update row by row and never reload the whole list for one edit. Subclasses say which
// collection and what each role shows. The controller's own models get the editor at
// construction; a model created in QML gets it later through setEditor (one reset) and has
// no rows until then.
#include "archlens/model/editor.h"

#include <QAbstractListModel>

namespace archlens {

class ElementListModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    ElementListModel(Editor& editor, ElementType type, QObject* parent = nullptr);
    ~ElementListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int count() const { return rowCount(); }
    /// Row of the element with this id, or -1.
    Q_INVOKABLE int indexOfId(const QString& id) const;

signals:
    void countChanged();

protected:
    /// Without an editor: no rows until setEditor.
    explicit ElementListModel(ElementType type, QObject* parent = nullptr);
    /// Follows `editor`'s document instead (null: none), as one reset.
    void setEditor(Editor* editor);
    /// The editor has been destroyed (with the object that owned it): drops it, as one
    /// reset, without touching it.
    void forgetEditor();
    /// Only while there is an editor (always, when a row is asked for).
    const Document& document() const { return editor_->document(); }
    /// Called for changes to other collections, so that derived rows (a connection's end
    /// points follow its components) can be refreshed.
    virtual void otherChanged(const Change& change) { (void)change; }

private:
    void attach(Editor* editor);
    void detach();
    void aboutToChange(const Change& change);
    void changed(const Change& change);

    Editor* editor_ = nullptr;
    ElementType type_;
    int observer_ = 0;
    /// Rows announced to views so far. The document has already changed when the editor
    /// notifies, so the count views see between begin and end must come from here.
    int rows_ = 0;
};

} // namespace archlens
