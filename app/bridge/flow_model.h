#pragma once
// Placeholder: the document's flows as rows (filled in by the flows panel work).
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace archlens {

class FlowModelPlaceholder : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
};

} // namespace archlens
