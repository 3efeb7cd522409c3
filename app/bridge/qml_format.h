#pragma once
// The figures of archlens/analysis/display_format.h as the QML singleton `Format`, for the
// few numbers QML shows that no model hands it as text (the traffic multiplier, a flow's
// rate, how long the analysis took): they read as they do in the plots, the reports and
// `check`.
#include <QObject>
#include <QString>

namespace archlens {

class QmlFormat : public QObject {
    Q_OBJECT

public:
    explicit QmlFormat(QObject* parent = nullptr);

    /// A duration in milliseconds: "8.44 ms", "120 ms", "1.52 s" (millisecondsText).
    Q_INVOKABLE QString milliseconds(double ms) const;
    /// A traffic multiplier: "0.75×", "1×", "100×" (multiplierText).
    Q_INVOKABLE QString multiplier(double factor) const;
    /// A request rate: "2.5 req/s", "40,450 req/s" (rateText).
    Q_INVOKABLE QString rate(double requestsPerSecond) const;
    /// An availability a person typed, as the findings quote it: "99.9%", "99.925%"
    /// (availabilityInputText).
    Q_INVOKABLE QString availabilityInput(double availability) const;
    /// A count with its noun in the right number: count(1, qsTr("%1 error"),
    /// qsTr("%1 errors")) is "1 error" (both forms given, as in count_text.h).
    Q_INVOKABLE QString count(int n, const QString& one, const QString& many) const;
};

} // namespace archlens
