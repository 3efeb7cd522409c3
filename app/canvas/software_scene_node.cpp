#include "software_scene_node.h"

#include "critique_overlay.h"
#include "diagram_geometry.h"
#include "diagram_painter.h"

#include <QImage>
#include <QPainter>
#include <QQuickWindow>
#include <QSGImageNode>
#include <cmath>

namespace archlens {

SoftwareSceneNode::~SoftwareSceneNode() = default;

void SoftwareSceneNode::sync(const SceneState& s, QQuickWindow* window) {
    if (!image_) {
        image_ = window->createImageNode();
        image_->setOwnsTexture(true);
        appendChildNode(image_);
    }
    const QSize pixels(int(std::ceil(s.size.width() * s.dpr)),
                       int(std::ceil(s.size.height() * s.dpr)));
    if (pixels.isEmpty()) return;
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(s.dpr);
    image.fill(s.theme.background);
    QPainter p(&image);

    if (s.showGrid) {
        const double step = s.gridStep();
        p.setPen(QPen(s.theme.grid, 1));
        for (double x = std::floor(s.origin.x() / step) * step;
             x <= s.origin.x() + s.size.width() / s.zoom; x += step) {
            const double sx = std::round((x - s.origin.x()) * s.zoom) + 0.5;
            p.drawLine(QPointF(sx, 0), QPointF(sx, s.size.height()));
        }
        for (double y = std::floor(s.origin.y() / step) * step;
             y <= s.origin.y() + s.size.height() / s.zoom; y += step) {
            const double sy = std::round((y - s.origin.y()) * s.zoom) + 0.5;
            p.drawLine(QPointF(0, sy), QPointF(s.size.width(), sy));
        }
    }

    p.save();
    p.scale(s.zoom, s.zoom);
    p.translate(-s.origin);
    PaintOptions options;
    options.visible = QRectF(s.origin, QSizeF(s.size.width() / s.zoom, s.size.height() / s.zoom));
    options.pixel = 1 / s.zoom;
    options.selected = s.selected;
    options.dragOffset = s.dragOffset;
    options.labels = s.labelsReadable();
    options.compact = s.labelsCompact();
    DiagramPainter(*s.doc, *s.catalogue, s.theme).paint(p, options);
    if (s.critique) {
        std::vector<QRectF> boxes;
        boxes.reserve(s.doc->components.size());
        for (const auto& c : s.doc->components) {
            QRectF r = geometry::componentRect(c);
            if (!s.dragOffset.isNull() && s.selected->contains(QString::fromStdString(c.id)))
                r.translate(s.dragOffset);
            boxes.push_back(r);
        }
        paintCritique(p, critiqueShapes(*s.critique, *s.doc, boxes, s.theme.background));
    }
    p.restore();

    p.setRenderHint(QPainter::Antialiasing);
    if (!s.rubberBand.isNull()) {
        p.setPen(QPen(s.theme.rubberBand, 1));
        p.setBrush(s.theme.rubberBandFill);
        p.drawRect(s.rubberBand);
    }
    if (s.connecting) {
        p.setPen(QPen(s.theme.accent, 2));
        p.drawLine(s.connectFrom, s.connectTo);
    }
    p.end();

    image_->setTexture(window->createTextureFromImage(image));
    image_->setRect(QRectF(QPointF(), s.size));
    image_->markDirty(QSGNode::DirtyMaterial | QSGNode::DirtyGeometry);
}

} // namespace archlens
