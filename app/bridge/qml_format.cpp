#include "qml_format.h"

#include "archlens/analysis/display_format.h"
#include "count_text.h"

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

QString QmlFormat::availabilityInput(double availability) const {
    return QString::fromStdString(availabilityInputText(availability));
}

QString QmlFormat::count(int n, const QString& one, const QString& many) const {
    return countText(n, one, many);
}

} // namespace archlens
