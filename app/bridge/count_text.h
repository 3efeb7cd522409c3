#pragma once
// A count in status texts with its noun in the right number: "1 item", "3 items". Both
// forms are whole translatable strings ("%1 item", "%1 items"): Qt's "%n item(s)" needs a
// translation file to read as English at all.
#include <QString>

namespace archlens {

/// `one` or `many` (each holding "%1") filled with n: countText(1, tr("%1 item"),
/// tr("%1 items")) is "1 item".
inline QString countText(qsizetype n, const QString& one, const QString& many) {
    return (n == 1 ? one : many).arg(n);
}

} // namespace archlens
