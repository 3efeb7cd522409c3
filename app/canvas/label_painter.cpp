#include "label_painter.h"

#include <QSvgRenderer>
#include <cmath>

namespace archlens {

LabelPainter::LabelPainter() = default;
LabelPainter::~LabelPainter() = default;

QSvgRenderer* LabelPainter::icon(const QString& resource) {
    auto it = icons_.find(resource);
    if (it == icons_.end()) it = icons_.insert(resource, std::make_shared<QSvgRenderer>(resource));
    return it.value()->isValid() ? it.value().get() : nullptr;
}

void LabelPainter::paint(QPainter& p, const LabelContent& content, QPointF at) {
    if (content.boxes.empty() && content.icons.empty() && content.texts.empty()) return;
    p.save();
    p.translate(at);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    for (const BoxShape& b : content.boxes) {
        p.setPen(b.strokeWidth > 0 ? QPen(b.stroke, b.strokeWidth) : QPen(Qt::NoPen));
        p.setBrush(b.fill.isValid() && b.fill.alpha() > 0 ? QBrush(b.fill) : QBrush(Qt::NoBrush));
        if (b.radius > 0)
            p.drawRoundedRect(b.rect, b.radius, b.radius);
        else
            p.drawRect(b.rect);
    }
    for (const IconShape& i : content.icons)
        if (QSvgRenderer* svg = icon(i.resource)) svg->render(&p, i.rect);
    for (const TextShape& t : content.texts) {
        p.setFont(t.font);
        p.setPen(t.colour);
        p.drawText(t.rect, t.flags, t.text);
    }
    p.restore();
}

QImage LabelPainter::image(const LabelContent& content, QSizeF size, double scale) {
    QImage image(QSize(int(std::ceil(size.width() * scale)), int(std::ceil(size.height() * scale))),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.scale(scale, scale);
    paint(p, content, QPointF());
    return image;
}

} // namespace archlens
