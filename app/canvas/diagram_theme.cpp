#include "diagram_theme.h"

namespace archlens {

DiagramTheme DiagramTheme::light() {
    DiagramTheme t;
    t.dark = false;
    t.background = QColor("#fbfbfc");
    t.grid = QColor("#eceef2");
    t.gridMajor = QColor("#dde0e6");
    t.cardFill = QColor("#ffffff");
    t.cardBorder = QColor("#b9bec8");
    t.cardText = QColor("#1d2330");
    t.cardTextDim = QColor("#667085");
    t.accent = QColor("#2f6fde");
    t.accentFill = QColor(47, 111, 222, 40);
    t.zoneFill = QColor(90, 120, 170, 12);
    t.zoneBorder = QColor("#a9b6cc");
    t.zoneText = QColor("#4b5a73");
    t.regionFill = QColor(120, 90, 170, 10);
    t.regionBorder = QColor("#c6b8dc");
    t.connection = QColor("#5b6474");
    t.connectionAsync = QColor("#8a5cc7");
    t.connectionReplication = QColor("#2f9a8a");
    t.noteFill = QColor("#fff6c9");
    t.noteBorder = QColor("#e3cf6f");
    t.noteText = QColor("#4a3f12");
    t.rubberBandFill = QColor(47, 111, 222, 30);
    t.rubberBand = QColor("#2f6fde");
    t.latencyP99 = QColor("#d9731f");
    t.status = StatusPalette::light();
    return t;
}

DiagramTheme DiagramTheme::darkTheme() {
    DiagramTheme t;
    t.dark = true;
    t.background = QColor("#1c1f25");
    t.grid = QColor("#262a31");
    t.gridMajor = QColor("#30353e");
    t.cardFill = QColor("#2a2f38");
    t.cardBorder = QColor("#4a5262");
    t.cardText = QColor("#e8ebf0");
    t.cardTextDim = QColor("#9aa3b2");
    t.accent = QColor("#5b9bff");
    t.accentFill = QColor(91, 155, 255, 45);
    t.zoneFill = QColor(120, 150, 200, 14);
    t.zoneBorder = QColor("#56627a");
    t.zoneText = QColor("#aab6cc");
    t.regionFill = QColor(150, 120, 200, 14);
    t.regionBorder = QColor("#5e5275");
    t.connection = QColor("#a3acbb");
    t.connectionAsync = QColor("#b692ec");
    t.connectionReplication = QColor("#4fc2b0");
    t.noteFill = QColor("#4a4325");
    t.noteBorder = QColor("#7a6d33");
    t.noteText = QColor("#f3e7b5");
    t.rubberBandFill = QColor(91, 155, 255, 40);
    t.rubberBand = QColor("#5b9bff");
    t.latencyP99 = QColor("#f0a35e");
    t.status = StatusPalette::dark();
    return t;
}

QColor DiagramTheme::category(const std::string& category) const {
    if (category == "clients") return QColor("#3b82c4");
    if (category == "edge") return QColor("#7c5cc4");
    if (category == "compute") return QColor("#2e9d5b");
    if (category == "data") return QColor("#e0803a");
    if (category == "messaging") return QColor("#1f9aa6");
    if (category == "platform") return QColor("#6b7280");
    if (category == "external") return QColor("#c9504a");
    return QColor("#888888");
}

} // namespace archlens
