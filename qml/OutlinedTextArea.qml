import QtQuick
import QtQuick.Controls

// A TextArea with a frame: Fusion draws none, so a text area in a panel reads as loose text.
// The frame is the style's outline in the light theme; in the dark one, where that outline
// would vanish, the placeholder text colour (3:1 or more against the window); the highlight
// while typing, as a TextField has.
TextArea {
    id: control
    background: Rectangle {
        implicitWidth: 120
        implicitHeight: 24
        radius: 2
        color: control.palette.base
        border.color: control.activeFocus ? control.palette.highlight
                      : control.palette.window.hslLightness < 0.5 ? control.palette.placeholderText
                      : Qt.darker(control.palette.window, 1.4)
    }
}
