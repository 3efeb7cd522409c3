#pragma once
// Names, notes and titles come from the person drawing (or from a file someone sent them)
// and may hold any character. SVG, draw.io and HTML files are read by XML parsers, and XML
// 1.0 forbids most control characters even when escaped: one such character in a name and
// the whole file fails to open. Header-only, so the plot item (app/bridge)
// shares it with the exporters.
#include <QByteArray>
#include <QString>

namespace archlens {

/// Whether XML 1.0 allows this character (its production "Char").
constexpr bool xmlAllows(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/// `text` with each character XML 1.0 forbids (C0 controls other than tab, newline and
/// carriage return, U+FFFE, U+FFFF, unpaired surrogates) replaced by U+FFFD. Replaced rather
/// than dropped: the reader sees that the name holds something that cannot be shown, and
/// two names that differ only there ("a\x01b", "a\x02b") do not collapse into one
/// innocent-looking "ab" that could pass for a third name. Escaping stays the caller's job.
inline QString xmlSafe(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (ch.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out += ch;
            out += text[++i];
        } else if (ch.isSurrogate() || !xmlAllows(ch.unicode())) {
            out += QChar::ReplacementCharacter;
        } else {
            out += ch;
        }
    }
    return out;
}

/// The UTF-8 text of a whole XML file with each forbidden character replaced by U+FFFD. For
/// files written by a generator that puts painted text into the file as it is
/// (QSvgGenerator): the markup it writes itself is plain ASCII, so only text changes.
inline QByteArray xmlSafeUtf8(const QByteArray& bytes) {
    for (const char b : bytes) {
        const auto u = static_cast<unsigned char>(b);
        // Fast path: most files hold no control character and no U+FFFE/U+FFFF (EF BF BE/BF)
        // nor anything that is not UTF-8 at all; only then is a round trip needed.
        if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u >= 0x80)
            return xmlSafe(QString::fromUtf8(bytes)).toUtf8();
    }
    return bytes;
}

} // namespace archlens
