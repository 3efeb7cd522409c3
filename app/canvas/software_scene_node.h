#pragma once
// The canvas on Qt Quick's software renderer (offscreen runs: headless screenshots and UI
// tests), which draws no custom geometry. It paints the visible part of the frame's shapes
// with QPainter into one image per frame. The GPU path (DiagramSceneNode) is the one people
// use; both draw the same shapes, and a test compares their pictures.
#include "canvas_shapes.h"

#include <QImage>
#include <QSGNode>

class QQuickWindow;
class QSGImageNode;

namespace archlens {

/// The frame as the software canvas paints it, at the device pixel ratio of the state:
/// grid, design, critique and overlays.
QImage paintCanvasImage(const SceneState& state);

class SoftwareSceneNode : public QSGNode {
public:
    SoftwareSceneNode() = default;
    ~SoftwareSceneNode() override;

    void sync(const SceneState& state, QQuickWindow* window);

private:
    QSGImageNode* image_ = nullptr;
};

} // namespace archlens
