// A user's request whose handler publishes to a topic and then waits for the answer to come
// back through the brokers (a reply topic its subscribers publish to). A topic is made for
// telling whoever cares that something happened; it has no idea who asked. The answer has
// to find the one instance holding the open request (every instance subscribed to the reply
// topic sees every reply, or the reply lands on the wrong one), a subscriber that never
// answers leaves the user waiting until a timeout with nothing to retry against, and two
// broker hops sit on a path the user waits on. A handler that is pushed the outcome to
// forward it to a client (a socket gateway) is not waiting on a reply: it delivers, and is
// left alone.
#include "flow_helpers.h"

#include "archlens/analysis/display_format.h"

#include <set>

namespace archlens::rules {

namespace {
bool publishSubscribe(const Context& ctx, const Component& c) {
    return ctx.is(c, KindTrait::Topic) || ctx.is(c, KindTrait::Stream);
}
} // namespace

void pubsubRequestReply(const Context& ctx, std::vector<Finding>& out) {
    std::set<std::string> reported; // publishers
    for (std::size_t fi = 0; fi < ctx.report.flows.size(); ++fi) {
        const FlowResult& fr = ctx.report.flows[fi];
        const Flow* flow = ctx.doc.flow(fr.id);
        if (!flow || fr.background || fr.asyncComponents.empty()) continue;
        const std::set<std::string> tail(fr.asyncComponents.begin(), fr.asyncComponents.end());
        for (std::size_t i = 0; i < ctx.doc.connections.size(); ++i) {
            const Connection& pub = ctx.doc.connections[i];
            const Component* topic = ctx.callee(pub);
            const Component* publisher = ctx.caller(pub);
            if (ctx.part(fi, i) != Context::Part::Sync || !topic || !publisher ||
                !publishSubscribe(ctx, *topic) || ctx.isClient(*publisher) ||
                reported.count(publisher->id))
                continue;
            // The answer: a connection of the flow from its tail back into the publisher.
            std::string replyFrom;
            for (std::size_t j : ctx.incoming(*publisher)) {
                const Connection& back = ctx.doc.connections[j];
                if (back.mode != ConnectionMode::Replication && tail.count(back.from) &&
                    back.from != publisher->id && ctx.carries(back, *flow)) {
                    replyFrom = back.from;
                    break;
                }
            }
            if (replyFrom.empty()) continue;
            // A publisher that forwards what comes back to a client is delivering a push.
            bool delivers = false;
            for (std::size_t j : ctx.outgoing(*publisher))
                if (const Component* to = ctx.callee(ctx.doc.connections[j]);
                    to && ctx.isClient(*to))
                    delivers = true;
            if (delivers) continue;
            reported.insert(publisher->id);
            emit(out, "pubsub-request-reply", {publisher->id, topic->id, replyFrom},
                 {{"flow", ctx.name(fr.id)},
                  {"rate", rateText(flow->rate_rps)},
                  {"publisher", ctx.name(publisher->id)},
                  {"topic", ctx.name(topic->id)},
                  {"reply", ctx.name(replyFrom)},
                  {"instances", count(ctx.count(*publisher, "instances", 1))}});
            out.back().flow = fr.id;
        }
    }
}

} // namespace archlens::rules
