#pragma once
// M/M/c queueing formulas used for the queueing delay in front of a component.
namespace archlens {

/// Erlang C: probability that an arrival has to wait in an M/M/c queue with `servers`
/// servers and offered load `erlangs` = lambda / mu. Returns 1 when erlangs >= servers
/// (saturated). Stable for large c (Erlang B recurrence).
double erlangC(int servers, double erlangs);

/// Mean waiting time in queue, in units of the mean service time 1/mu, for utilisation
/// rho = erlangs / servers < 1: C(c, a) / (c (1 - rho)). Infinity when rho >= 1.
double meanWaitInServiceTimes(int servers, double utilisation);

} // namespace archlens
