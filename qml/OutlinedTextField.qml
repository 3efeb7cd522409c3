import QtQuick
import QtQuick.Controls

// A TextField whose frame can be seen in the dark theme. Fusion draws the outline a shade darker
// than the window, which on a dark window is next to invisible; there it takes the
// placeholder text colour instead (3:1 or more against the window, as WCAG asks of a
// control's edge). The light theme keeps the style's own.
TextField {
    id: control
    Binding {
        target: control.background
        property: "border.color"
        value: control.palette.placeholderText
        when: control.background !== null && control.palette.window.hslLightness < 0.5 && !control.activeFocus
    }
}
