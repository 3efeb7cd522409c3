import QtQuick
import QtQuick.Controls

// Placeholder: the document's flows and requirements.
Pane {
}
