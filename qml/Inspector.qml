import QtQuick
import QtQuick.Controls

// Placeholder: edits the selected element through the catalogue's schema.
Pane {
}
