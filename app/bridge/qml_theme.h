#pragma once
// The StatusPalette (app/canvas/status_palette.h) as the QML singleton `Theme`, so that
// the panels colour severities, verdicts, load and error messages exactly as the canvas, the
// exported diagrams, the plots and the reports do, instead of repeating colour literals.
// The window sets `dark` from the theme it shows; the text colours follow it.
#include "status_palette.h"

#include <QColor>
#include <QObject>
#include <QString>

namespace archlens {

class QmlTheme : public QObject {
    Q_OBJECT
    /// Whether the window shows the dark theme. Set by Main.qml; false until then.
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY paletteChanged)
    Q_PROPERTY(QColor error READ error NOTIFY paletteChanged)
    Q_PROPERTY(QColor warning READ warning NOTIFY paletteChanged)
    Q_PROPERTY(QColor info READ info NOTIFY paletteChanged)
    Q_PROPERTY(QColor accepted READ accepted NOTIFY paletteChanged)
    Q_PROPERTY(QColor ok READ ok NOTIFY paletteChanged)
    Q_PROPERTY(QColor busy READ busy NOTIFY paletteChanged)
    Q_PROPERTY(QColor glow READ glow NOTIFY paletteChanged)
    Q_PROPERTY(QColor pending READ pending NOTIFY paletteChanged)
    Q_PROPERTY(QColor warningText READ warningText NOTIFY paletteChanged)
    Q_PROPERTY(QColor errorText READ errorText NOTIFY paletteChanged)
    Q_PROPERTY(QColor errorSurface READ errorSurface NOTIFY paletteChanged)
    Q_PROPERTY(QColor errorSurfaceText READ errorSurfaceText NOTIFY paletteChanged)

public:
    explicit QmlTheme(QObject* parent = nullptr);

    bool dark() const { return dark_; }
    void setDark(bool dark);
    /// The palette of the theme shown: StatusPalette::dark() or light().
    const StatusPalette& palette() const;

    QColor error() const { return palette().error; }
    QColor warning() const { return palette().warning; }
    QColor info() const { return palette().info; }
    QColor accepted() const { return palette().accepted; }
    QColor ok() const { return palette().ok; }
    QColor busy() const { return palette().busy; }
    QColor glow() const { return palette().glow; }
    QColor pending() const { return palette().pending; }
    QColor warningText() const { return palette().warningText; }
    QColor errorText() const { return palette().errorText; }
    QColor errorSurface() const { return palette().errorSurface; }
    QColor errorSurfaceText() const { return palette().errorSurfaceText; }

    /// The mark colour of a severity named as the finding models name it ("error",
    /// "warning", "info"); anything else gets the info colour, as the lowest severity.
    Q_INVOKABLE QColor severity(const QString& severity) const;

signals:
    void paletteChanged();

private:
    bool dark_ = false;
};

} // namespace archlens
