#include "status_palette.h"

namespace archlens {

namespace {

StatusPalette make(bool dark) {
    StatusPalette p;
    p.error = QColor("#d93025");
    p.warning = QColor("#e8a317");
    p.info = QColor("#3b82c4");
    p.accepted = QColor("#8a93a3");
    p.ok = QColor("#2e9d5b");
    p.busy = QColor("#f57c00");
    p.glow = QColor("#ff9800");
    p.pending = QColor("#b0b4bb");
    p.warningText = QColor("#c98a0c");
    p.errorText = dark ? QColor("#ff8a80") : QColor("#c62828");
    p.errorSurface = QColor("#fdecea");
    p.errorSurfaceText = QColor("#8a1c14");
    return p;
}

} // namespace

const StatusPalette& StatusPalette::light() {
    static const StatusPalette palette = make(false);
    return palette;
}

const StatusPalette& StatusPalette::dark() {
    static const StatusPalette palette = make(true);
    return palette;
}

QColor StatusPalette::severity(Severity s) const {
    switch (s) {
    case Severity::Error: return error;
    case Severity::Warning: return warning;
    case Severity::Info: break;
    }
    return info;
}

QColor StatusPalette::utilisation(double u) const {
    if (u >= 1) return error;
    if (u >= 0.8) return busy;
    if (u >= 0.5) return warning;
    return ok;
}

} // namespace archlens
