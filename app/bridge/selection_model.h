#pragma once
// Which elements the person has selected, by id (ids are unique across the whole document,
// so the id alone says which element). The selection is view state, not document state:
// changing it is not an edit and never goes on the undo history. After every edit it drops
// ids that no longer exist, so it never names a deleted element.
#include "archlens/model/editor.h"
#include "document_index.h"

#include <QObject>
#include <QSet>
#include <QStringList>

namespace archlens {

class SelectionModel : public QObject {
    Q_OBJECT
    Q_PROPERTY(QStringList ids READ ids NOTIFY changed)
    Q_PROPERTY(int count READ count NOTIFY changed)
    /// The element last clicked (the one the inspector shows first), or empty.
    Q_PROPERTY(QString current READ current NOTIFY changed)
    /// What the current element is (NoElement when nothing is selected).
    Q_PROPERTY(ElementKind currentKind READ currentKind NOTIFY changed)

public:
    enum Mode { Replace, Add, Toggle };
    Q_ENUM(Mode)
    /// The model's ElementType as QML sees it, with a value for "nothing selected". The
    /// names carry a suffix so that they do not hide the model's Zone, Component... types
    /// inside this class.
    enum ElementKind {
        NoElement,
        DocumentElement,
        ZoneElement,
        ComponentElement,
        ConnectionElement,
        FlowElement,
        NoteElement
    };
    Q_ENUM(ElementKind)
    static ElementKind kindOf(ElementType type);
    static std::optional<ElementType> typeOfKind(ElementKind kind);

    SelectionModel(Editor& editor, const DocumentIndex& index, QObject* parent = nullptr);
    ~SelectionModel() override;

    QStringList ids() const { return ids_; }
    const QSet<QString>& idSet() const { return set_; }
    int count() const { return int(ids_.size()); }
    QString current() const { return ids_.isEmpty() ? QString() : ids_.back(); }
    ElementKind currentKind() const;
    /// The type of the current element; nullopt when nothing is selected.
    std::optional<ElementType> currentType() const;

    Q_INVOKABLE void select(const QString& id, int mode = Replace);
    Q_INVOKABLE void setIds(const QStringList& ids);
    Q_INVOKABLE void clear();
    Q_INVOKABLE bool contains(const QString& id) const { return set_.contains(id); }
    /// Ids of the selected elements of one kind, in selection order.
    Q_INVOKABLE QStringList idsOfKind(archlens::SelectionModel::ElementKind kind) const;
    QStringList idsOfType(ElementType type) const;
    /// The selected elements, each with its type, for edits.
    std::vector<ElementRef> refs() const;
    /// The type of an element of the document, or nullopt for an unknown id.
    std::optional<ElementType> typeOf(const std::string& id) const;

signals:
    void changed();

private:
    void prune();

    Editor& editor_;
    const DocumentIndex& index_;
    QStringList ids_;
    QSet<QString> set_; ///< the same ids, for constant-time contains()
    int observer_ = 0;
};

} // namespace archlens
