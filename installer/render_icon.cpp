// render_icon: draws the application icon (an SVG) as PNG files of the hicolor theme's sizes,
// at build time, with Qt's own SVG renderer, so the package carries bitmaps for desktops and
// file managers that want them without any generated picture being kept in the repository.
//
// Usage: render_icon IN.svg OUT_DIR NAME SIZE... writes OUT_DIR/SIZExSIZE/apps/NAME.png for
// each size. Exit status 0 when every file is written, 1 otherwise (the reason on stderr).
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <cstdio>

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: render_icon IN.svg OUT_DIR NAME SIZE...\n");
        return 1;
    }
    // No application object: painting shapes into an image needs no platform plugin (the
    // icon has no text), so the build needs neither a display nor the offscreen plugin.
    QSvgRenderer svg(QString::fromLocal8Bit(argv[1]));
    if (!svg.isValid()) {
        std::fprintf(stderr, "render_icon: cannot read %s\n", argv[1]);
        return 1;
    }
    const QDir out(QString::fromLocal8Bit(argv[2]));
    const QString name = QString::fromLocal8Bit(argv[3]);
    for (int i = 4; i < argc; ++i) {
        bool number = false;
        const int size = QString::fromLocal8Bit(argv[i]).toInt(&number);
        if (!number || size < 1 || size > 1024) {
            std::fprintf(stderr, "render_icon: bad size %s\n", argv[i]);
            return 1;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
            svg.render(&painter, QRectF(0, 0, size, size));
        }
        const QString folder = QStringLiteral("%1x%1/apps").arg(size);
        const QString file = out.filePath(folder + "/" + name + ".png");
        if (!out.mkpath(folder) || !image.save(file, "PNG")) {
            std::fprintf(stderr, "render_icon: cannot write %s\n", qPrintable(file));
            return 1;
        }
    }
    return 0;
}
