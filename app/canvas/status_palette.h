#pragma once
// The colours that carry a meaning, in one place: the severities of findings (error,
// warning, info) and accepted trade-offs, a target met, the load levels, the glow of the
// finding looked at, the analysis pending, and the colours of error messages. The findings
// panel, the inspector, the status bar, the numbers panel, the error banner (all through the
// QML singleton Theme, app/bridge/qml_theme.h), the canvas overlay, the badges of exported
// diagrams, the plots and the HTML and PDF reports all take them from here, so that "error"
// is one red everywhere. tests/app/test_theme.cpp holds the values against the QML side and
// the reports; tests/check_colour_literals.cmake keeps copies of them out of other files.
#include "archlens/analysis/report.h"

#include <QColor>

namespace archlens {

struct StatusPalette {
    // Marks: badges, bars, dots, frames. The same on both themes, so that the canvas
    // overlay (drawn without knowing the theme) and the exports agree with the panels.
    QColor error, warning, info;
    QColor accepted; ///< a finding accepted as a trade-off: no longer a problem
    QColor ok;       ///< a target met, a flow surviving the what-if, light load, fresh analysis
    QColor busy;     ///< load from 80% of capacity, between warning and error
    QColor glow;     ///< the elements of the finding being looked at
    QColor pending;  ///< the analysis is running
    // Text. Amber text on a light window needs to be darker than an amber mark to be read.
    QColor warningText;
    QColor errorText;                     ///< a message saying what is wrong with an input
    QColor errorSurface, errorSurfaceText; ///< a banner announcing a failure, and its text

    static const StatusPalette& light();
    static const StatusPalette& dark();

    /// The mark colour of a severity.
    QColor severity(Severity severity) const;
    /// The colour of a utilisation level (offered load / capacity): ok below 50%, warning
    /// from 50%, busy from 80%, error when saturated (100%).
    QColor utilisation(double utilisation) const;
};

} // namespace archlens
