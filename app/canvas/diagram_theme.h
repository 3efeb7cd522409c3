#pragma once
// The colours the canvas and the exported diagrams are drawn in, for the light and the
// dark theme. One place, so that the canvas, its labels and the exporters agree.
#include <QColor>
#include <string>

namespace archlens {

struct DiagramTheme {
    bool dark = false;
    QColor background, grid, gridMajor;
    QColor cardFill, cardBorder, cardText, cardTextDim;
    QColor accent, accentFill;
    QColor zoneFill, zoneBorder, zoneText, regionFill, regionBorder;
    QColor connection, connectionAsync, connectionReplication;
    QColor noteFill, noteBorder, noteText;
    QColor rubberBandFill, rubberBand;

    static DiagramTheme light();
    static DiagramTheme darkTheme();
    /// The stripe colour of a palette category ("compute", "data", ...).
    QColor category(const std::string& category) const;
};

} // namespace archlens
