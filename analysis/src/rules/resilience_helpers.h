#pragma once
// Look-ups shared by the resilience and topology rules: what a kind stands for in the
// guide, a component's p99, a write fan-out.
#include "rule.h"

#include <string>
#include <vector>

namespace archlens::rules {

/// Whether the component's kind stands for a section of the guide (its guide_sections):
/// what a config store or a service registry is, read from the catalogue, not its kind id.
bool kindCovers(const Context& ctx, const Component& c, const std::string& section);

/// The component's p99 service time in ms (its own latency_ms, else its kind's default).
double p99Of(const Context& ctx, const Component& c);

/// Whether a connection fans one write out to many copies (a follower fan-out into a
/// store or queue): fan-out-on-write reports it, and chatty-io stands down for it.
bool isWriteFanOut(const Context& ctx, const Connection& c);

/// Whether the component calls or is called by a coordination service (leases, locks,
/// leader election): what lets several instances agree that one of them acts.
bool talksToCoordination(const Context& ctx, const Component& c);

} // namespace archlens::rules
