#include "qml_theme.h"

namespace archlens {

QmlTheme::QmlTheme(QObject* parent) : QObject(parent) {}

void QmlTheme::setDark(bool dark) {
    if (dark == dark_) return;
    dark_ = dark;
    emit paletteChanged();
}

const StatusPalette& QmlTheme::palette() const {
    return dark_ ? StatusPalette::dark() : StatusPalette::light();
}

QColor QmlTheme::severity(const QString& severity) const {
    const auto s = severityFromString(severity.toStdString());
    return palette().severity(s.value_or(Severity::Info));
}

} // namespace archlens
