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
} // namespace

QString mermaidText(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text) {
        switch (ch.unicode()) {
        case '"': out += QStringLiteral("#quot;"); break;
        case '#': out += QStringLiteral("#35;"); break;
        case '&': out += QStringLiteral("#amp;"); break;
        case '<': out += QStringLiteral("#lt;"); break;
        case '>': out += QStringLiteral("#gt;"); break;
        case '\n':
        case '\r': out += QLatin1Char(' '); break;
        default: out += ch;
        }
    }
    return out;
}

QByteArray toMermaid(const Document& doc, const Catalogue& catalogue) {
    QStringList lines;
    lines << QStringLiteral("---") << QStringLiteral("title: \"%1\"").arg(mermaidText(q(doc.title)))
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
