#include "connection_model.h"
#include "component_model.h"

#include <QPointF>
#include <algorithm>
#include <cmath>

namespace archlens {

namespace {
/// Where the line from the centre of a box towards `towards` leaves the box.
QPointF borderPoint(const Component& c, QPointF towards) {
    const double w = ComponentModel::kWidth / 2, h = ComponentModel::kHeight / 2;
    const QPointF centre(c.x + w, c.y + h);
    const double dx = towards.x() - centre.x(), dy = towards.y() - centre.y();
    if (dx == 0 && dy == 0) return centre;
    const double scale =
        std::min(dx != 0 ? w / std::abs(dx) : 1e9, dy != 0 ? h / std::abs(dy) : 1e9);
    return centre + QPointF(dx * scale, dy * scale);
}

QPointF centreOf(const Component& c) {
    return {c.x + ComponentModel::kWidth / 2, c.y + ComponentModel::kHeight / 2};
}
} // namespace

ConnectionModel::ConnectionModel(Editor& editor, const DocumentIndex& index, QObject* parent)
    : ElementListModel(editor, ElementType::Connection, parent), index_(index) {}

QVariant ConnectionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const Connection& c = document().connections[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case IdRole:
        return QString::fromStdString(c.id);
    case FromRole:
        return QString::fromStdString(c.from);
    case ToRole:
        return QString::fromStdString(c.to);
    case ModeRole:
        return QString::fromUtf8(toString(c.mode));
    default:
        break;
    }
    const Component* from = index_.component(c.from);
    const Component* to = index_.component(c.to);
    if (!from || !to) return {};
    const QPointF a = borderPoint(*from, centreOf(*to));
    const QPointF b = borderPoint(*to, centreOf(*from));
    switch (role) {
    case X1Role:
        return a.x();
    case Y1Role:
        return a.y();
    case X2Role:
        return b.x();
    case Y2Role:
        return b.y();
    }
    return {};
}

QHash<int, QByteArray> ConnectionModel::roleNames() const {
    return {{IdRole, "connectionId"}, {FromRole, "fromId"}, {ToRole, "toId"}, {ModeRole, "mode"},
            {X1Role, "x1"},           {Y1Role, "y1"},       {X2Role, "x2"},   {Y2Role, "y2"}};
}

void ConnectionModel::otherChanged(const Change& change) {
    // A moved or removed component moves the ends of its connections.
    if (change.type != ElementType::Component || change.op != Change::Op::Updated) return;
    for (int i : index_.connectionsOf(change.id)) {
        const QModelIndex row = index(i);
        emit dataChanged(row, row, {X1Role, Y1Role, X2Role, Y2Role});
    }
}

} // namespace archlens
