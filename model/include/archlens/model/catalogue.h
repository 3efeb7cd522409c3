#pragma once
// The catalogue of component kinds and the property schema, read from
// resources/catalogue.json (compiled in; see Catalogue::builtin()).
//
// What a kind IS, as far as the analysis and the editor care, is data too: each kind lists
// its `traits` (see KindTrait), and code asks `kind.is(KindTrait::Queue)` rather than
// comparing kind ids, so a kind added to the catalogue with the right traits gets the same
// treatment as the built-in ones. Where a kind's category or a property already says it
// (category "data" is a data store, category "external" a third party's service, property
// `stateful` or `durable`), the code reads that instead, and no trait repeats it.
#include "archlens/model/json.h"
#include "archlens/model/problem.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace archlens {

enum class PropertyType { Int, Number, Bool, Enum, String, ZoneList, FlowList, OpList, Latency };
const char* toString(PropertyType type);

/// The schema of one property: its type, range, default and the words shown to people.
struct PropertySchema {
    std::string key;
    PropertyType type = PropertyType::Number;
    std::optional<double> min;
    std::optional<double> max;
    bool exclusiveMin = false;
    std::vector<std::string> values; ///< allowed strings of an enum
    std::optional<Json> defaultValue;
    std::string label;
    std::string unit;
    std::string help;
};

/// A role a kind plays, written in the catalogue as a kind's `"traits": ["queue"]`. A kind
/// may have several or none; each trait is one fact the analysis acts on:
/// - `client`: sends the users' requests into the system; a flow entering at one is
///   user-facing, and the client itself stands outside the system (always up).
/// - `queue`: holds each message until one consumer takes it; its depth grows while the
///   consumers lag, so it needs a bound and a dead-letter queue.
/// - `topic`: copies each message to every subscriber; needs a dead-letter queue.
/// - `stream`: an ordered log that consumers replay from their own offsets.
///   Queues, topics and streams are message brokers (KindInfo::isMessageBroker()).
/// - `cache`: keeps copies of what a store holds, for a while; writing it again is harmless.
/// - `cdn`: serves cached content at the network's edge, in front of the system.
/// - `dns`: resolves names; the request itself then goes elsewhere.
/// - `load_balancing`: spreads requests over the instances behind it, checking their health.
/// - `rate_limiter`: asked beside the request path whether to let a request through.
/// - `identity`: authenticates users; a request that passes it is authenticated.
/// - `monitoring`: watches the system; no flow needs to reach it.
/// - `object_store`: a managed blob store that spreads over zones by itself and serves
///   clients directly (signed URLs); it is not scaled by adding instances.
/// - `server`: long-running instances of the design's own code answering requests, meant
///   to be interchangeable behind a load balancer.
/// - `serverless`: the design's own code answering requests, run per request by a platform.
/// - `single_primary`: a store whose writes all go through one primary node, so more
///   instances add readers, not write capacity.
/// - `scheduler`: starts work by itself on a timer; each active instance fires on its own.
/// - `coordination`: grants leases, locks and leader election that others agree on.
enum class KindTrait {
    Client,
    Queue,
    Topic,
    Stream,
    Cache,
    Cdn,
    Dns,
    LoadBalancing,
    RateLimiter,
    Identity,
    Monitoring,
    ObjectStore,
    Server,
    Serverless,
    SinglePrimary,
    Scheduler,
    Coordination,
};
/// The trait's name as written in the catalogue, e.g. "load_balancing".
const char* toString(KindTrait trait);
/// The trait a catalogue name stands for; nullopt for a name that is not a trait.
std::optional<KindTrait> kindTraitFromString(std::string_view name);
/// Every trait, in declaration order.
const std::vector<KindTrait>& allKindTraits();

struct Category {
    std::string id;
    std::string label;
};

/// One kind of component: what it is called, where it sits in the palette, what it stands
/// for in the guide, and which properties it takes with which defaults.
struct KindInfo {
    std::string id;
    std::string label;
    std::string category;
    std::string icon; ///< path relative to resources/, e.g. "icons/cache.svg"
    std::string description;
    std::vector<std::string> guideSections;
    std::vector<std::string> properties; ///< every property key it accepts, common ones first
    Json defaults = Json::object();      ///< the kind's own defaults (overrides)
    std::vector<KindTrait> traits;       ///< the roles it plays, as the catalogue lists them

    /// Whether the kind plays this role.
    bool is(KindTrait trait) const;
    /// Whether callers hand it messages and wait only for the hand-over (a queue, a topic
    /// or a stream): a flow's synchronous part ends there (DESIGN.md, connection modes).
    bool isMessageBroker() const;
};

/// The set of kinds and property schemas. Immutable once loaded; cheap to share by const
/// reference. Loading reports every problem it finds rather than stopping at the first.
class Catalogue {
public:
    /// Parses a catalogue; on failure returns nullopt and fills `problems`.
    static std::optional<Catalogue> fromJson(const Json& json, Problems& problems);
    /// The catalogue compiled into the program from resources/catalogue.json.
    static const Catalogue& builtin();

    const std::vector<Category>& categories() const { return categories_; }
    const std::vector<KindInfo>& kinds() const { return kinds_; }
    const KindInfo* kind(const std::string& id) const;
    /// Whether the kind with this id plays the role; false for an id the catalogue does not
    /// know, so a component of an unknown kind is treated as nothing in particular.
    bool is(const std::string& kindId, KindTrait trait) const;

    /// Component property schema, with the kind's default when `kind` is given.
    std::optional<PropertySchema> componentProperty(const std::string& key,
                                                    const KindInfo* kind = nullptr) const;
    std::optional<PropertySchema> connectionProperty(const std::string& key) const;
    const std::vector<PropertySchema>& componentProperties() const { return componentProps_; }
    const std::vector<PropertySchema>& connectionProperties() const { return connectionProps_; }
    /// Whether a component of this kind accepts the property.
    bool accepts(const KindInfo& kind, const std::string& key) const;
    /// The common properties every kind accepts.
    static const std::vector<std::string>& commonProperties();

    /// The effective property value: the component's own, else the kind's default, else
    /// the property's default, else null. A reference, because rules and passes read these
    /// in hot loops: it stays valid as long as `props` and the catalogue do.
    const Json& componentValue(const KindInfo& kind, const Json& props,
                               const std::string& key) const;
    const Json& connectionValue(const Json& props, const std::string& key) const;

    /// The catalogue as JSON, for `archlens catalogue --format json`.
    const Json& json() const { return json_; }

private:
    std::vector<Category> categories_;
    std::vector<KindInfo> kinds_;
    std::vector<PropertySchema> componentProps_;
    std::vector<PropertySchema> connectionProps_;
    std::map<std::string, size_t> kindIndex_;
    Json json_;
};

} // namespace archlens
