#include "software_scene_node.h"

#include "diagram_painter.h"

#include <QPainter>
#include <QQuickWindow>
#include <QSGImageNode>
#include <cmath>

namespace archlens {

QImage paintCanvasImage(const SceneState& s) {
    const QSize pixels(int(std::ceil(s.size.width() * s.dpr)),
                       int(std::ceil(s.size.height() * s.dpr)));
    if (pixels.isEmpty()) return {};
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(s.dpr);
    image.fill(s.theme.background);
    QPainter p(&image);
    paintShapeLayer(p, canvasGrid(s));

    p.save();
    p.scale(s.zoom, s.zoom);
    p.translate(-s.origin);
    DiagramPainter(*s.doc, *s.catalogue, s.theme)
        .paint(p, canvasDiagramShapes(s, ShapeOptions::All, s.view()));
    p.restore();

    paintShapeLayer(p, canvasOverlay(s));
    p.end();
    return image;
}

SoftwareSceneNode::~SoftwareSceneNode() = default;

void SoftwareSceneNode::sync(const SceneState& s, QQuickWindow* window) {
    if (!image_) {
        image_ = window->createImageNode();
        image_->setOwnsTexture(true);
        appendChildNode(image_);
    }
    const QImage image = paintCanvasImage(s);
    if (image.isNull()) return;
    image_->setTexture(window->createTextureFromImage(image));
    image_->setRect(QRectF(QPointF(), s.size));
    image_->markDirty(QSGNode::DirtyMaterial | QSGNode::DirtyGeometry);
}

} // namespace archlens
