#include "mermaid_export.h"

#include "diagram_geometry.h"

#include <QHash>
#include <QStringList>
#include <map>

namespace archlens {

namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

/// What becomes of a character Mermaid cannot take as it is: its line breaks (JavaScript
/// also ends a line at U+2028 and U+2029, YAML at U+0085) would end the statement, so they
/// become spaces; other control characters and non-characters make js-yaml refuse the whole
/// header and the rendered SVG unreadable, so they become U+FFFD, shown rather than dropped
/// (see xmlSafe). Returns a null QChar for a character that may stay.
QChar mermaidReplacement(char16_t c) {
    switch (c) {
    case '\n':
    case '\r':
    case '\t':
    case 0x85:
    case 0x2028:
    case 0x2029: return QLatin1Char(' ');
    case 0xFFFE:
    case 0xFFFF: return QChar::ReplacementCharacter;
    default: break;
    }
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return QChar::ReplacementCharacter;
    return {};
}

/// Surrogate pairs kept, unpaired halves replaced.
template <typename Each> QString mapCharacters(const QString& text, Each each) {
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar ch = text[i];
        if (ch.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            out += ch;
            out += text[++i];
        } else if (ch.isSurrogate()) {
            out += QChar::ReplacementCharacter;
        } else if (const QChar r = mermaidReplacement(ch.unicode()); !r.isNull()) {
            out += r;
        } else {
            each(out, ch);
        }
    }
    return out;
}

/// The title as a YAML double-quoted scalar's content, for the front matter: YAML's own
/// escapes, not Mermaid's entity codes (a backslash would otherwise start an escape and a
/// quote end the string). "%" is written as "\x25" so that no "%%" reaches the raw text,
/// where Mermaid versions that look for directives before reading the front matter would
/// take a title such as "%%{init: ...}%%" for one. Angle brackets likewise.
QString yamlTitle(const QString& text) {
    return mapCharacters(text, [](QString& out, QChar ch) {
        switch (ch.unicode()) {
        case '\\': out += QStringLiteral("\\\\"); break;
        case '"': out += QStringLiteral("\\\""); break;
        case '%': out += QStringLiteral("\\x25"); break;
        // The title reads back the same, but the file holds no markup for a page that
        // pastes the diagram's source in as it is.
        case '<': out += QStringLiteral("\\x3c"); break;
        case '>': out += QStringLiteral("\\x3e"); break;
        default: out += ch;
        }
    });
}

} // namespace

QString mermaidText(const QString& text) {
    return mapCharacters(text, [](QString& out, QChar ch) {
        switch (ch.unicode()) {
        case '"': out += QStringLiteral("#quot;"); break;
        case '#': out += QStringLiteral("#35;"); break;
        case '&': out += QStringLiteral("#amp;"); break;
        case '<': out += QStringLiteral("#lt;"); break;
        case '>': out += QStringLiteral("#gt;"); break;
        // Mermaid looks for "%%{...}%%" directives anywhere in the text, quoted labels and
        // comments included: with every "%" an entity code no name can hold one.
        case '%': out += QStringLiteral("#37;"); break;
        // A label starting with a backquote is Markdown to Mermaid; a backslash may start an
        // escape in the renderer. As codes both stay the characters they are.
        case '`': out += QStringLiteral("#96;"); break;
        case '\\': out += QStringLiteral("#92;"); break;
        default: out += ch;
        }
    });
}

QByteArray toMermaid(const Document& doc, const Catalogue& catalogue) {
    QStringList lines;
    lines << QStringLiteral("---") << QStringLiteral("title: \"%1\"").arg(yamlTitle(q(doc.title)))
          << QStringLiteral("---");
    // Left to right when the drawing is wider than tall, as people read architecture.
    const QRectF bounds = geometry::documentBounds(doc);
    lines << (bounds.height() > bounds.width() * 1.3 ? QStringLiteral("flowchart TB")
                                                      : QStringLiteral("flowchart LR"));
    lines << QStringLiteral("    %% solid: synchronous call, dotted: asynchronous, thick: replication");
    QHash<QString, QString> node;
    for (size_t i = 0; i < doc.components.size(); ++i)
        node.insert(q(doc.components[i].id), QStringLiteral("n%1").arg(i + 1));
    auto nodeLine = [&](const Component& c) {
        const KindInfo* kind = catalogue.kind(c.kind);
        QString label = mermaidText(q(c.name.empty() ? c.id : c.name));
        if (kind) label += QStringLiteral("<br/><small>%1</small>").arg(mermaidText(q(kind->label)));
        return QStringLiteral("%1[\"%2\"]").arg(node.value(q(c.id)), label);
    };
    // A component sits in one subgraph: the zones it is spread over, as one group.
    std::map<std::vector<std::string>, std::vector<const Component*>> groups;
    for (const auto& c : doc.components)
        groups[geometry::componentZones(c)].push_back(&c);
    int subgraph = 0;
    for (const auto& [zones, members] : groups) {
        const bool zoned = !zones.empty();
        QString indent = QStringLiteral("    ");
        if (zoned) {
            QStringList names;
            QStringList regions;
            for (const auto& z : zones) {
                names << q(z);
                if (const Zone* zone = doc.zone(z); zone && !zone->region.empty() &&
                                                    !regions.contains(q(zone->region)))
                    regions << q(zone->region);
            }
            QString title = names.join(QStringLiteral(", "));
            if (!regions.isEmpty()) title += QStringLiteral(" (%1)").arg(regions.join(QStringLiteral(", ")));
            lines << QStringLiteral("    subgraph z%1[\"%2\"]").arg(++subgraph).arg(mermaidText(title));
            indent += QStringLiteral("    ");
        }
        for (const Component* c : members)
            lines << indent + nodeLine(*c);
        if (zoned) lines << QStringLiteral("    end");
    }
    for (const auto& c : doc.connections) {
        const QString from = node.value(q(c.from)), to = node.value(q(c.to));
        if (from.isEmpty() || to.isEmpty()) continue;
        const QString arrow = c.mode == ConnectionMode::Async         ? QStringLiteral("-.->")
                              : c.mode == ConnectionMode::Replication ? QStringLiteral("==>")
                                                                      : QStringLiteral("-->");
        QStringList ops;
        if (auto it = c.props.find("ops"); it != c.props.end() && it->is_array())
            for (const auto& op : *it)
                if (op.is_string()) ops << q(op.get<std::string>());
        const QString label = ops.isEmpty() ? QString()
                                            : QStringLiteral("|\"%1\"|").arg(mermaidText(ops.join(QStringLiteral(", "))));
        lines << QStringLiteral("    %1 %2%3 %4").arg(from, arrow, label, to);
    }
    for (const auto& n : doc.notes)
        lines << QStringLiteral("    %% note: %1").arg(mermaidText(q(n.text)));
    return (lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
}

} // namespace archlens
