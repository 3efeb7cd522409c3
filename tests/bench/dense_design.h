#pragma once
// A generator of dense designs for analysis_bench: flows that reach thousands of components.
#include "archlens/model/document.h"

namespace archlens::bench {

/// A random layered design whose flows each reach about 40% of its components, to time
/// the analysis where the sparse bench design (a few components per flow) hides the cost.
/// 50 clients, then seven layers of equal width (load balancers, gateways, three service
/// layers, caches, key-value stores), `components` in all (at least 400: a layer is never
/// narrower than the 50 clients, so that every client calls something). Each component
/// is called by 1 to 4 components of the layer before, one of them chosen so that every
/// caller calls at least once; each call is sync, carries 0.1, 0.5 or 1 calls, 0 to 2
/// retries, and reads, writes or both (both three times in four: the clients' calls
/// always carry both); each component sits in 1 to 3 of 6 zones over 2 regions. 50 flows
/// of 100 req/s, one per client, alternately read and write. The same `seed` gives the
/// same design on every platform (no standard distributions, whose output varies by
/// library). Only catalogue kinds and properties, so the design loads and checks.
Document denseDesign(int components, unsigned seed = 20261202);

} // namespace archlens::bench
