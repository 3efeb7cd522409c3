#pragma once
// The inspector's rows: one editable attribute of the inspected element(s) per row.
#include "archlens/model/editor.h"
#include "document_controller.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QStringList>

namespace archlens {

/// The attributes of what the inspector shows, one row each, drawn from the catalogue's
/// property schema so that a new kind or property needs no new QML. With an empty
/// `target` it follows the selection: the current element and every selected element of
/// the same type (several components show the properties all their kinds accept); with
/// nothing selected, or with target "document", it shows the title and requirements;
/// any other target pins it to the element of that id (no rows once that id is gone).
/// Without a controller it has no rows.
///
/// Each row carries the schema (label, type, unit, range, choices, help) and the state
/// (effective value, whether the element sets it, whether the selected elements disagree,
/// and the reason the last edit of that row was refused). setValue() and reset() edit only
/// through the controller's invokables, so every edit is one undo step and a refused one
/// changes nothing. The rows follow the document: when only values change they emit
/// dataChanged for the rows that differ; they reset only when the set of rows changes.
class PropertyModel : public QAbstractListModel {
    Q_OBJECT
    Q_PROPERTY(archlens::DocumentController* controller READ controller WRITE setController NOTIFY
                   controllerChanged)
    Q_PROPERTY(QString target READ target WRITE setTarget NOTIFY targetChanged)
    /// What the rows belong to, in words: "API gateway · Application service",
    /// "3 components", "Connection API → Database", "Nothing selected: the design".
    Q_PROPERTY(QString heading READ heading NOTIFY inspectedChanged)
    /// "component", "connection", "zone", "flow", "note", "document", or "" without rows.
    Q_PROPERTY(QString inspectedType READ inspectedType NOTIFY inspectedChanged)
    /// The ids whose attributes the rows edit ("" stands for the document).
    Q_PROPERTY(QStringList inspectedIds READ inspectedIds NOTIFY inspectedChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        LabelRole,
        TypeRole,
        UnitRole,
        MinimumRole,
        MaximumRole,
        ExclusiveMinRole,
        ChoicesRole,
        HelpRole,
        ValueRole,
        IsSetRole,
        MixedRole,
        ErrorRole,
        DefaultRole,
        ResettableRole,
        /// The value shown is the catalogue's default, not one the design states: drawn in
        /// the placeholder style, so chosen values stand out.
        FromDefaultRole
    };
    Q_ENUM(Role)

    /// How a row is edited: which editor PropertyField.qml shows for it.
    enum Editor {
        ReadOnly,
        Int,
        Number,
        Bool,
        Choice,          ///< one of `choices` (an enum property, a connection mode, ...)
        ComponentChoice, ///< one of the design's components
        String,
        Text, ///< several lines
        ZoneList,
        FlowList,
        OpList,
        Latency ///< a p50/p99 pair
    };
    Q_ENUM(Editor)

    /// One row: the schema part comes from the catalogue (or, for the fields every element
    /// of a type has, from this model); the state part from the document.
    struct Row {
        QString name; ///< attribute name: "name", "mode", "props.instances", ...
        QString label;
        Editor type = ReadOnly;
        QString unit;
        QVariant minimum;
        QVariant maximum;
        bool exclusiveMin = false;
        QVariantList choices; ///< {value, text} maps
        QString help;
        QVariant defaultValue;
        bool nullable = false; ///< the attribute may be unset (back to its default)
        QVariant value;
        bool isSet = false;
        bool mixed = false;
        QString error;
        bool operator==(const Row&) const = default;
    };

    explicit PropertyModel(QObject* parent = nullptr);
    ~PropertyModel() override;

    DocumentController* controller() const { return controller_; }
    void setController(DocumentController* controller);
    QString target() const { return target_; }
    void setTarget(const QString& target);
    QString heading() const { return heading_; }
    QString inspectedType() const { return type_; }
    QStringList inspectedIds() const { return ids_; }
    int count() const { return int(rows_.size()); }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Row of the attribute with this name, or -1.
    Q_INVOKABLE int rowOf(const QString& name) const;
    /// Sets the row's attribute on every inspected element, as one undo step. With
    /// `typing`, successive calls until finishTyping() merge into that one step, so that
    /// typing "300" letter by letter undoes at once. Returns false, leaves the document as
    /// it was and puts the reason in the row's `error` when the value is refused.
    Q_INVOKABLE bool setValue(int row, const QVariant& value, bool typing = false);
    /// Unsets the row's attribute, so the catalogue's default (or nothing) applies again.
    Q_INVOKABLE bool reset(int row);
    /// Ends a typing session: the next typed edit starts a new undo step.
    Q_INVOKABLE void finishTyping() { ++typingSession_; }

signals:
    void controllerChanged();
    void targetChanged();
    void inspectedChanged();
    void countChanged();

private:
    /// Recomputes the rows from the document and tells views what changed.
    void refresh();
    /// Which type and ids the rows are about, from `target` and the selection.
    std::pair<QString, QStringList> inspected() const;
    std::vector<Row> buildRows(const QString& type, const QStringList& ids) const;
    QString describe(const QString& type, const QStringList& ids) const;
    /// Stores `value` for the row through the controller; the reason when refused.
    std::optional<QString> apply(const Row& row, const QVariant& value, const QString& mergeKey);
    void setError(int row, const QString& error);

    QPointer<DocumentController> controller_;
    QString target_;
    QString type_;
    QStringList ids_;
    QString heading_;
    std::vector<Row> rows_;
    int typingSession_ = 0;
};

} // namespace archlens
