#pragma once
// Paints the pictures inside cards and zone strips (LabelContent, from diagram_shapes.h):
// what is in them is decided there; this only draws it, and keeps the parsed SVG icons so
// a frame does not parse the same file a hundred times. The canvas paints labels into
// images that become textures; the software canvas and the exporters paint them straight
// onto their page. Not thread-bound: the GPU canvas calls it on the render thread.
#include "diagram_shapes.h"

#include <QHash>
#include <QImage>
#include <QPainter>
#include <QSizeF>
#include <memory>

class QSvgRenderer;

namespace archlens {

class LabelPainter {
public:
    LabelPainter();
    ~LabelPainter();

    /// Paints `content` with its origin at `at` (document coordinates of the painter).
    void paint(QPainter& p, const LabelContent& content, QPointF at);
    /// The same, into a transparent image of `size` times `scale`.
    QImage image(const LabelContent& content, QSizeF size, double scale);

private:
    QSvgRenderer* icon(const QString& resource);
    QHash<QString, std::shared_ptr<QSvgRenderer>> icons_;
};

} // namespace archlens
