#pragma once
// Look-ups shared by the resilience and topology rules: how many requests a second a flow
// sends over a connection, what a kind stands for in the guide, a component's p99.
#include "rule.h"

#include <string>
#include <vector>

namespace archlens::rules {

/// Requests a second that one flow of the report (index into report.flows) brings to each
/// component along the connections it takes, sync part and tail: the flow's rate times the
/// `calls` multipliers (retries left out, as the load pass leaves them out at steady state).
/// Indexed like doc.components.
std::vector<double> flowRates(const Context& ctx, std::size_t flow);

/// Requests a second over a connection on one flow: the rate reaching its caller times its
/// `calls`. `rates` is flowRates() of that flow.
double rateOver(const Context& ctx, const std::vector<double>& rates, const Connection& c);

/// Whether the component's kind stands for a section of the guide (its guide_sections):
/// what a config store or a service registry is, read from the catalogue, not its kind id.
bool kindCovers(const Context& ctx, const Component& c, const std::string& section);

/// The component's p99 service time in ms (its own latency_ms, else its kind's default).
double p99Of(const Context& ctx, const Component& c);

/// Whether a connection fans one write out to many copies (a follower fan-out into a
/// store or queue): fan-out-on-write reports it, and chatty-io stands down for it.
bool isWriteFanOut(const Context& ctx, const Connection& c);

} // namespace archlens::rules
