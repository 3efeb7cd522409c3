#include "qml_format.h"

#include "archlens/analysis/display_format.h"

namespace archlens {

QmlFormat::QmlFormat(QObject* parent) : QObject(parent) {}

QString QmlFormat::milliseconds(double ms) const {
    return QString::fromStdString(millisecondsText(ms));
}

QString QmlFormat::multiplier(double factor) const {
    return QString::fromStdString(multiplierText(factor));
}

QString QmlFormat::rate(double requestsPerSecond) const {
    return QString::fromStdString(rateText(requestsPerSecond));
}

} // namespace archlens
