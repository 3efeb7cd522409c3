import QtQuick
import QtQuick.Controls

// Placeholder: one property editor row of the inspector.
Item {
}
