#include "archlens/layout/box.h"

namespace archlens {

bool overlaps(const Box& a, const Box& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

std::optional<PlacedBox> placedBox(const Document& doc, const std::string& id,
                                   const LayoutOptions& options) {
    if (const Component* c = doc.component(id)) {
        const auto [w, h] = options.sizeOf(*c);
        return PlacedBox{{ElementType::Component, id}, {c->x, c->y, w, h}};
    }
    if (const Note* n = doc.note(id))
        return PlacedBox{{ElementType::Note, id},
                         {n->x, n->y, options.noteWidth, options.noteHeight}};
    return std::nullopt;
}

} // namespace archlens
