#pragma once
// Paints the parts of the diagram that hold text or pictures: a component's icon, name,
// kind and instance count, a note's text, a zone's label. The canvas paints them into
// images that become textures; the exporters paint them straight onto their page. Not
// thread-bound: the canvas calls it on the render thread.
#include "archlens/model/catalogue.h"
#include "archlens/model/document.h"
#include "diagram_theme.h"

#include <QHash>
#include <QImage>
#include <QPainter>
#include <QRectF>
#include <memory>

class QSvgRenderer;

namespace archlens {

class LabelPainter {
public:
    LabelPainter();
    ~LabelPainter();

    /// The inside of a component's box (not its fill or border): icon, name, kind, instances.
    /// `compact`: the name alone, large, for zoom levels where the full card is unreadable.
    void paintComponent(QPainter& p, const QRectF& box, const Component& c, const KindInfo* kind,
                        const DiagramTheme& theme, bool compact = false);
    void paintNote(QPainter& p, const QRectF& box, const Note& n, const DiagramTheme& theme);
    void paintZoneLabel(QPainter& p, const QRectF& strip, const QString& text,
                        const DiagramTheme& theme, bool compact = false);

    /// The same, painted into a transparent image of the box's size times `scale`.
    QImage componentImage(const Component& c, const KindInfo* kind, const DiagramTheme& theme,
                          double scale, bool compact = false);
    QImage noteImage(const Note& n, const DiagramTheme& theme, double scale);
    QImage zoneLabelImage(const QString& text, QSizeF size, const DiagramTheme& theme, double scale,
                          bool compact = false);

private:
    QSvgRenderer* icon(const std::string& path);
    QHash<QString, std::shared_ptr<QSvgRenderer>> icons_;
};

} // namespace archlens
