#pragma once
// The colours the canvas, the exported diagrams and the plots are drawn in, for the light
// and the dark theme. One place, so that the canvas, its labels, the plots and the exporters
// agree; the colours that carry a meaning (severities, load, met targets) are its
// StatusPalette, shared with the QML panels.
#include "status_palette.h"

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
    QColor latencyP99; ///< the p99 series of the plots (p50 is the accent)
    StatusPalette status;

    static DiagramTheme light();
    static DiagramTheme darkTheme();
    /// The stripe colour of a palette category ("compute", "data", ...).
    QColor category(const std::string& category) const;
};

} // namespace archlens
