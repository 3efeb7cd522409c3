// The roles a kind plays (KindTrait): their catalogue names and the tests on a kind.
#include "archlens/model/catalogue.h"

#include <algorithm>

namespace archlens {

namespace {
struct TraitName {
    KindTrait trait;
    const char* name;
};
// The names are the catalogue's vocabulary: renaming one breaks every catalogue using it.
constexpr TraitName kTraitNames[] = {
    {KindTrait::Client, "client"},
    {KindTrait::Queue, "queue"},
    {KindTrait::Topic, "topic"},
    {KindTrait::Stream, "stream"},
    {KindTrait::Cache, "cache"},
    {KindTrait::Cdn, "cdn"},
    {KindTrait::Dns, "dns"},
    {KindTrait::LoadBalancing, "load_balancing"},
    {KindTrait::RateLimiter, "rate_limiter"},
    {KindTrait::Identity, "identity"},
    {KindTrait::Monitoring, "monitoring"},
    {KindTrait::ObjectStore, "object_store"},
    {KindTrait::Server, "server"},
    {KindTrait::Serverless, "serverless"},
    {KindTrait::SinglePrimary, "single_primary"},
    {KindTrait::Scheduler, "scheduler"},
    {KindTrait::Coordination, "coordination"},
};
} // namespace

const char* toString(KindTrait trait) {
    for (const auto& t : kTraitNames)
        if (t.trait == trait) return t.name;
    return "?";
}

std::optional<KindTrait> kindTraitFromString(std::string_view name) {
    for (const auto& t : kTraitNames)
        if (name == t.name) return t.trait;
    return std::nullopt;
}

const std::vector<KindTrait>& allKindTraits() {
    static const std::vector<KindTrait> all = [] {
        std::vector<KindTrait> out;
        for (const auto& t : kTraitNames)
            out.push_back(t.trait);
        return out;
    }();
    return all;
}

bool KindInfo::is(KindTrait trait) const {
    return std::find(traits.begin(), traits.end(), trait) != traits.end();
}

bool KindInfo::isMessageBroker() const {
    return is(KindTrait::Queue) || is(KindTrait::Topic) || is(KindTrait::Stream);
}

} // namespace archlens
