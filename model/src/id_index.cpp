#include "archlens/model/id_index.h"

#include <algorithm>
#include <functional>
#include <string_view>

namespace archlens {

namespace {

/// Below this many elements a scan is as fast as the table, and needs none.
constexpr size_t kIndexedFrom = 32;
/// Rebuilding costs n log n, a scan n: after an insert or a removal many look-ups may find
/// the table stale, so it is rebuilt only after a few stale answers.
constexpr int kStaleBeforeRebuild = 4;

size_t idHash(const std::string& id) {
    return std::hash<std::string_view>()(id);
}

/// Calls `on(items)` with the collection of `type` (not for the document itself).
template <typename On> int withCollection(const Document& doc, ElementType type, On on) {
    switch (type) {
    case ElementType::Zone:
        return on(doc.zones);
    case ElementType::Component:
        return on(doc.components);
    case ElementType::Connection:
        return on(doc.connections);
    case ElementType::Flow:
        return on(doc.flows);
    case ElementType::Note:
        return on(doc.notes);
    case ElementType::Document:
        break;
    }
    return -1;
}

int slot(ElementType type) {
    switch (type) {
    case ElementType::Zone:
        return 0;
    case ElementType::Component:
        return 1;
    case ElementType::Connection:
        return 2;
    case ElementType::Flow:
        return 3;
    case ElementType::Note:
        return 4;
    case ElementType::Document:
        break;
    }
    return -1;
}

} // namespace

int elementRow(const Document& doc, ElementType type, const std::string& id, int hint) {
    const bool hit = withCollection(doc, type, [&](const auto& items) {
        return hint >= 0 && static_cast<size_t>(hint) < items.size() &&
               items[static_cast<size_t>(hint)].id == id;
    });
    return hit ? hint : doc.indexOf(type, id);
}

int IdIndex::row(const Document& doc, ElementType type, const std::string& id) const {
    const int which = slot(type);
    if (which < 0) return -1;
    Table& table = tables_[static_cast<size_t>(which)];
    return withCollection(doc, type, [&](const auto& items) {
        auto scan = [&] {
            for (size_t i = 0; i < items.size(); ++i)
                if (items[i].id == id) return static_cast<int>(i);
            return -1;
        };
        if (items.size() < kIndexedFrom) return scan();
        const size_t hash = idHash(id);
        if (table.built) {
            auto it = std::lower_bound(
                table.rows.begin(), table.rows.end(), hash,
                [](const std::pair<size_t, int>& entry, size_t h) { return entry.first < h; });
            for (; it != table.rows.end() && it->first == hash; ++it)
                if (static_cast<size_t>(it->second) < items.size() &&
                    items[static_cast<size_t>(it->second)].id == id)
                    return it->second;
        }
        const int found = scan();
        if (!table.built || (found >= 0 && ++table.stale >= kStaleBeforeRebuild)) {
            table.rows.clear();
            table.rows.reserve(items.size());
            for (size_t i = 0; i < items.size(); ++i)
                table.rows.emplace_back(idHash(items[i].id), static_cast<int>(i));
            std::sort(table.rows.begin(), table.rows.end());
            table.built = true;
            table.stale = 0;
        }
        return found;
    });
}

} // namespace archlens
