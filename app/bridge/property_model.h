#pragma once
// Placeholder: the inspector's property rows (filled in by the inspector work).
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace archlens {

class PropertyModel : public QObject {
    Q_OBJECT
    QML_ELEMENT

public:
    explicit PropertyModel(QObject* parent = nullptr) : QObject(parent) {}
};

} // namespace archlens
