#pragma once
// The canvas on Qt Quick's software renderer (offscreen runs: headless screenshots and UI
// tests), which draws no custom geometry. It paints the visible part of the design with
// DiagramPainter into one image per frame. The GPU path (DiagramSceneNode) is the one
// people use; this one only has to look the same.
#include "diagram_scene.h"

#include <QSGNode>

class QSGImageNode;

namespace archlens {

class SoftwareSceneNode : public QSGNode {
public:
    SoftwareSceneNode() = default;
    ~SoftwareSceneNode() override;

    void sync(const SceneState& state, QQuickWindow* window);

private:
    QSGImageNode* image_ = nullptr;
};

} // namespace archlens
