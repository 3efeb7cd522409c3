import QtQuick
import QtQuick.Shapes

// One connection: a line from border to border with an arrowhead at the callee. Sync is
// solid, async dashed, replication dotted.
Shape {
    id: line
    required property string mode
    required property real x1
    required property real y1
    required property real x2
    required property real y2

    readonly property real angle: Math.atan2(y2 - y1, x2 - x1)
    readonly property color stroke: mode === "replication" ? "#9a6b2f" : (mode === "async" ? "#c0487a" : palette.text)
    antialiasing: true

    ShapePath {
        strokeColor: line.stroke
        strokeWidth: 1.6
        fillColor: "transparent"
        strokeStyle: line.mode === "sync" ? ShapePath.SolidLine : ShapePath.DashLine
        dashPattern: line.mode === "replication" ? [1, 2.5] : [5, 3]
        capStyle: ShapePath.FlatCap
        startX: line.x1; startY: line.y1
        PathLine { x: line.x2 - 9 * Math.cos(line.angle); y: line.y2 - 9 * Math.sin(line.angle) }
    }
    ShapePath {
        strokeColor: line.stroke
        strokeWidth: 1
        fillColor: line.stroke
        startX: line.x2; startY: line.y2
        PathLine { x: line.x2 - 11 * Math.cos(line.angle - 0.4); y: line.y2 - 11 * Math.sin(line.angle - 0.4) }
        PathLine { x: line.x2 - 11 * Math.cos(line.angle + 0.4); y: line.y2 - 11 * Math.sin(line.angle + 0.4) }
        PathLine { x: line.x2; y: line.y2 }
    }
}
