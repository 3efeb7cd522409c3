#include "label_painter.h"

#include "diagram_geometry.h"

#include <QFontMetricsF>
#include <QSvgRenderer>
#include <cmath>

namespace archlens {

LabelPainter::LabelPainter() = default;
LabelPainter::~LabelPainter() = default;

QSvgRenderer* LabelPainter::icon(const std::string& path) {
    const QString key = QString::fromStdString(path);
    auto it = icons_.find(key);
    if (it == icons_.end())
        it = icons_.insert(key, std::make_shared<QSvgRenderer>(QStringLiteral(":/") + key));
    return it.value()->isValid() ? it.value().get() : nullptr;
}

void LabelPainter::paintComponent(QPainter& p, const QRectF& box, const Component& c,
                                  const KindInfo* kind, const DiagramTheme& theme, bool compact) {
    p.save();
    if (compact) {
        QFont big;
        big.setPixelSize(24);
        big.setBold(true);
        p.setFont(big);
        p.setPen(theme.cardText);
        const QRectF r = box.adjusted(14, 2, -8, -2);
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetricsF(big).elidedText(QString::fromStdString(c.name), Qt::ElideRight,
                                                 r.width()));
        p.restore();
        return;
    }
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const double iconSize = 30;
    const QRectF iconRect(box.left() + 12, box.center().y() - iconSize / 2, iconSize, iconSize);
    if (kind)
        if (QSvgRenderer* svg = icon(kind->icon)) svg->render(&p, iconRect);

    const double textLeft = iconRect.right() + 10;
    int instances = 1;
    if (auto it = c.props.find("instances"); it != c.props.end() && it->is_number_integer())
        instances = it->get<int>();
    double textRight = box.right() - 8;
    if (instances > 1) {
        QFont badge;
        badge.setPixelSize(10);
        badge.setBold(true);
        const QString text = QStringLiteral("×%1").arg(instances);
        const double w = QFontMetricsF(badge).horizontalAdvance(text) + 8;
        const QRectF r(box.right() - w - 6, box.top() + 6, w, 15);
        p.setPen(Qt::NoPen);
        p.setBrush(theme.dark ? QColor(255, 255, 255, 28) : QColor(0, 0, 0, 16));
        p.drawRoundedRect(r, 7, 7);
        p.setFont(badge);
        p.setPen(theme.cardTextDim);
        p.drawText(r, Qt::AlignCenter, text);
        textRight = r.left() - 4;
    }

    QFont name;
    name.setPixelSize(13);
    name.setBold(true);
    p.setFont(name);
    p.setPen(theme.cardText);
    const QRectF nameRect(textLeft, box.top() + 9, textRight - textLeft, 18);
    p.drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(name).elidedText(QString::fromStdString(c.name), Qt::ElideRight,
                                              nameRect.width()));
    QFont small;
    small.setPixelSize(11);
    p.setFont(small);
    p.setPen(theme.cardTextDim);
    const QRectF kindRect(textLeft, box.top() + 29, box.right() - 8 - textLeft, 16);
    const QString kindText =
        kind ? QString::fromStdString(kind->label) : QString::fromStdString(c.kind);
    p.drawText(kindRect, Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(small).elidedText(kindText, Qt::ElideRight, kindRect.width()));
    p.restore();
}

void LabelPainter::paintNote(QPainter& p, const QRectF& box, const Note& n,
                             const DiagramTheme& theme) {
    p.save();
    p.setRenderHint(QPainter::TextAntialiasing);
    QFont f;
    f.setPixelSize(12);
    p.setFont(f);
    p.setPen(theme.noteText);
    p.drawText(box.adjusted(8, 6, -8, -6), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
               QString::fromStdString(n.text));
    p.restore();
}

void LabelPainter::paintZoneLabel(QPainter& p, const QRectF& strip, const QString& text,
                                  const DiagramTheme& theme, bool compact) {
    p.save();
    p.setRenderHint(QPainter::TextAntialiasing);
    QFont f;
    f.setPixelSize(compact ? 19 : 12);
    f.setBold(true);
    p.setFont(f);
    p.setPen(theme.zoneText);
    p.drawText(strip.adjusted(8, 0, -8, 0), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(f).elidedText(text, Qt::ElideRight, strip.width() - 16));
    p.restore();
}

namespace {
QImage blank(QSizeF size, double scale) {
    QImage image(QSize(int(std::ceil(size.width() * scale)), int(std::ceil(size.height() * scale))),
                 QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    return image;
}
} // namespace

QImage LabelPainter::componentImage(const Component& c, const KindInfo* kind,
                                    const DiagramTheme& theme, double scale, bool compact) {
    const QSizeF size(geometry::kComponentWidth, geometry::kComponentHeight);
    QImage image = blank(size, scale);
    QPainter p(&image);
    p.scale(scale, scale);
    paintComponent(p, QRectF(QPointF(), size), c, kind, theme, compact);
    return image;
}

QImage LabelPainter::noteImage(const Note& n, const DiagramTheme& theme, double scale) {
    const QSizeF size(geometry::kNoteWidth, geometry::kNoteHeight);
    QImage image = blank(size, scale);
    QPainter p(&image);
    p.scale(scale, scale);
    paintNote(p, QRectF(QPointF(), size), n, theme);
    return image;
}

QImage LabelPainter::zoneLabelImage(const QString& text, QSizeF size, const DiagramTheme& theme,
                                    double scale, bool compact) {
    QImage image = blank(size, scale);
    QPainter p(&image);
    p.scale(scale, scale);
    paintZoneLabel(p, QRectF(QPointF(), size), text, theme, compact);
    return image;
}

} // namespace archlens
