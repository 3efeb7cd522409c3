import QtQuick
import QtQuick.Controls
import ArchLens

// The drawing surface: pans by dragging or scrolling, zooms with Ctrl+wheel around the
// cursor. Document coordinates map to the scene through `origin` and `zoom`.
Flickable {
    id: flick
    property real zoom: 1.0
    readonly property rect docBounds: DocumentController.bounds
    readonly property real margin: 80
    // Document point at the scene's top-left corner.
    readonly property point origin: Qt.point(docBounds.x - margin, docBounds.y - margin)

    clip: true
    contentWidth: Math.max(width, (docBounds.width + 2 * margin) * zoom)
    contentHeight: Math.max(height, (docBounds.height + 2 * margin) * zoom)
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}
    ScrollBar.horizontal: ScrollBar {}

    function zoomTo(z, px, py) {
        const cx = px === undefined ? width / 2 : px
        const cy = py === undefined ? height / 2 : py
        const nz = Math.max(0.05, Math.min(4, z))
        const docX = (contentX + cx) / zoom, docY = (contentY + cy) / zoom
        zoom = nz
        contentX = Math.max(0, docX * nz - cx)
        contentY = Math.max(0, docY * nz - cy)
    }
    function zoomToFit() {
        if (docBounds.width <= 0 || width <= 0) return
        zoom = Math.max(0.05, Math.min(1.5, Math.min(width / (docBounds.width + 2 * margin),
                                                     height / (docBounds.height + 2 * margin))))
        contentX = Math.max(0, (contentWidth - width) / 2)
        contentY = Math.max(0, (contentHeight - height) / 2)
    }

    Rectangle {
        width: flick.contentWidth
        height: flick.contentHeight
        color: palette.base

        Item {
            id: world
            scale: flick.zoom
            transformOrigin: Item.TopLeft
            x: -flick.origin.x * flick.zoom
            y: -flick.origin.y * flick.zoom

            Repeater {
                model: DocumentController.connections
                delegate: ConnectionLine {}
            }
            Repeater {
                model: DocumentController.components
                delegate: ComponentBox {}
            }
        }
    }

    WheelHandler {
        acceptedModifiers: Qt.ControlModifier
        onWheel: (event) => flick.zoomTo(flick.zoom * Math.pow(1.0015, event.angleDelta.y), point.position.x, point.position.y)
    }
}
