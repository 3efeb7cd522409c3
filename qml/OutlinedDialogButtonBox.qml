import QtQuick
import QtQuick.Controls

// The button row of a dialog whose standard buttons (OK, Cancel, Save, Close...) are
// OutlinedButtons, so that in the dark theme they are framed like the window's other buttons.
// Set as a Dialog's footer; the Dialog's standardButtons fill it.
DialogButtonBox {
    visible: count > 0
    delegate: OutlinedButton { }
}
