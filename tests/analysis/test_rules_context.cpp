// The rules' Context answers by index what it also answers by id: the two must agree on
// every element, or rules that ask by index would find other things than before.
#include "analysis_helpers.h"

#include "rules/rule.h"

#include <catch2/catch.hpp>

using namespace archlens;
using Catch::Matchers::WithinAbs;

namespace {

/// A component's (or any id's) connections by id, read off the document itself: those that
/// name the id at that end, in the document's order.
void checkConnectionsById(const Document& doc, const rules::Context& ctx) {
    std::vector<std::string> ids{"no-such-id", ""};
    for (const Component& c : doc.components)
        ids.push_back(c.id);
    for (const Connection& c : doc.connections) {
        ids.push_back(c.from);
        ids.push_back(c.to);
    }
    for (const std::string& id : ids) {
        INFO(id);
        std::vector<std::size_t> from, to;
        for (std::size_t i = 0; i < doc.connections.size(); ++i) {
            if (doc.connections[i].from == id) from.push_back(i);
            if (doc.connections[i].to == id) to.push_back(i);
        }
        CHECK(ctx.outgoing(id) == from);
        CHECK(ctx.incoming(id) == to);
    }
}

/// Every answer by index against the same answer by id, on one document and its report.
void checkAgrees(const Document& doc, const Report& report) {
    const rules::Context ctx(doc, Catalogue::builtin(), report);
    checkConnectionsById(doc, ctx);
    for (std::size_t i = 0; i < doc.connections.size(); ++i) {
        const Connection& c = doc.connections[i];
        CHECK(ctx.indexOf(c) == i);
        CHECK(ctx.callee(c) == ctx.component(c.to));
        CHECK(ctx.caller(c) == ctx.component(c.from));
        CHECK(ctx.outgoingAt(ctx.to(i)) == ctx.outgoing(c.to));
        CHECK(ctx.incomingAt(ctx.from(i)) == ctx.incoming(c.from));
        CHECK(ctx.call(i).calls == ctx.number(c, "calls", 1));
        CHECK(ctx.call(i).retries == ctx.count(c, "retries", 0));
        for (const Flow& f : doc.flows)
            CHECK(ctx.carries(i, f) == carriesFlow(c, f));
        CHECK(ctx.endName(ctx.from(i), c.from) == ctx.name(c.from));
        CHECK(ctx.endName(ctx.to(i), c.to) == ctx.name(c.to));
        const Connection copy = c; // not the document's own: described through its ids
        CHECK(ctx.describe(c) == ctx.describe(copy));
    }
    for (const Component& c : doc.components) {
        CHECK(ctx.kind(c) == Catalogue::builtin().kind(c.kind));
        CHECK(ctx.outgoing(c) == ctx.outgoing(c.id));
        CHECK(ctx.incoming(c) == ctx.incoming(c.id));
        CHECK(ctx.result(c.id) == report.component(c.id));
        const Component copy = c; // not the document's own: answered by its id
        CHECK(ctx.outgoing(copy) == ctx.outgoing(c.id));
        CHECK(ctx.kind(copy) == Catalogue::builtin().kind(c.kind));
    }
    for (std::size_t i = 0; i < doc.components.size(); ++i)
        CHECK(ctx.idIndex(i) == ctx.componentIndex(doc.components[i].id));
    for (std::size_t f = 0; f < report.flows.size(); ++f)
        for (const Component& c : doc.components)
            CHECK(ctx.callsOf(f, c, true) == ctx.callsOf(f, c.id, true));
}

} // namespace

TEST_CASE("the rules' Context answers by index as it answers by id, on every example") {
    for (const char* name : {"url-shortener", "chat-system", "video-platform", "ride-matching",
                             "ecommerce-checkout"}) {
        INFO(name);
        const Document doc = test::example(name);
        checkAgrees(doc, test::analyzeNoCurves(doc));
    }
}

TEST_CASE("the rules' Context follows ids no component has, and lists of flows and ops") {
    Document doc =
        test::design("[]",
                     R"([{"id": "client", "kind": "client", "name": "c"},
            {"id": "web", "kind": "app_service", "name": "w"},
            {"id": "db", "kind": "rdbms", "name": "d"}])",
                     R"([{"id": "c1", "from": "client", "to": "web", "mode": "sync"},
            {"id": "c2", "from": "web", "to": "db", "mode": "sync", "props": {"ops": ["write"]}},
            {"id": "c3", "from": "web", "to": "db", "mode": "sync", "props": {"flows": ["r"]}}])",
                     R"([{"id": "w", "name": "w", "entry": "client", "op": "write", "rate_rps": 1},
            {"id": "r", "name": "r", "entry": "client", "op": "read", "rate_rps": 1}])");
    const Report report = test::analyzeNoCurves(doc);
    // Left by a failed edit: connections to and from an id nothing has, an empty ops list
    // (carries nothing, as carriesFlow reads it) and a list with a number in it.
    Connection ghost;
    ghost.id = "c4";
    ghost.from = "web";
    ghost.to = "ghost";
    ghost.props = Json::parse(R"({"ops": []})");
    doc.connections.push_back(ghost);
    ghost.id = "c5";
    ghost.from = "ghost";
    ghost.to = "db";
    ghost.props = Json::parse(R"({"flows": [3, "w"]})");
    doc.connections.push_back(ghost);
    checkAgrees(doc, report);

    const rules::Context ctx(doc, Catalogue::builtin(), report);
    CHECK(ctx.to(3) >= doc.components.size());
    CHECK(ctx.to(3) == ctx.from(4)); // one index for one id
    CHECK(ctx.outgoingAt(ctx.to(3)) == std::vector<std::size_t>{4});
    CHECK(ctx.callee(doc.connections[3]) == nullptr);
    CHECK_FALSE(ctx.carries(3, doc.flows[0]));
    CHECK(ctx.carries(4, doc.flows[0]));
    CHECK_FALSE(ctx.carries(4, doc.flows[1]));

    // A repeated component id (a design the reader refuses, but the rules must not mislead
    // on): the id's connections are all of those naming it, whichever copy they meant.
    Component twin = doc.components[1];
    twin.name = "w2";
    doc.components.push_back(twin);
    Connection toTwin;
    toTwin.id = "c6";
    toTwin.from = "client";
    toTwin.to = "web";
    doc.connections.push_back(toTwin);
    const rules::Context twinned(doc, Catalogue::builtin(), report);
    checkConnectionsById(doc, twinned);
    CHECK(twinned.incoming("web") == std::vector<std::size_t>{0, 5});
}

TEST_CASE("the rules' Context gives each flow's rates: its rate times the calls on the way") {
    const Document doc = test::design(
        "[]",
        R"([{"id": "client", "kind": "client", "name": "c"},
            {"id": "web", "kind": "app_service", "name": "w"},
            {"id": "db", "kind": "rdbms", "name": "d"}])",
        R"([{"id": "c1", "from": "client", "to": "web", "mode": "sync"},
            {"id": "c2", "from": "web", "to": "db", "mode": "sync", "props": {"calls": 3}}])",
        R"([{"id": "f", "name": "f", "entry": "client", "op": "read", "rate_rps": 10}])");
    const Report report = test::analyzeNoCurves(doc);
    const rules::Context ctx(doc, Catalogue::builtin(), report);
    REQUIRE(ctx.rates(0).size() == 2);
    CHECK_THAT(ctx.rates(0)[0], WithinAbs(10, 1e-9));
    CHECK_THAT(ctx.rates(0)[1], WithinAbs(30, 1e-9));
    CHECK(&ctx.rates(0) == &ctx.rates(0)); // worked out once and kept
    CHECK(ctx.rates(1).empty());           // no such flow
}
