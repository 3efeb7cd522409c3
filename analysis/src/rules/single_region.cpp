// Four nines or more from a single region.
#include "rule.h"

#include <set>

namespace archlens::rules {

void singleRegion(const Context& ctx, std::vector<Finding>& out) {
    const auto& target = ctx.doc.requirements.availability;
    if (!target || *target < 0.9999 || ctx.doc.zones.empty()) return;
    std::set<std::string> regions;
    for (const auto& z : ctx.doc.zones)
        regions.insert(z.region);
    if (regions.size() != 1) return;
    emit(out, "single-region", {},
         {{"target", availabilityInputText(*target)}, {"region", *regions.begin()}});
}

} // namespace archlens::rules
