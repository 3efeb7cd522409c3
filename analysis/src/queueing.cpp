#include "archlens/analysis/queueing.h"

#include <limits>

namespace archlens {

double erlangC(int servers, double erlangs) {
    if (servers < 1) servers = 1;
    if (erlangs <= 0) return 0;
    if (erlangs >= servers) return 1;
    // Erlang B by the recurrence B(k) = a B(k-1) / (k + a B(k-1)), which never overflows,
    // then C = B / (1 - rho (1 - B)).
    double b = 1;
    for (int k = 1; k <= servers; ++k)
        b = erlangs * b / (k + erlangs * b);
    const double rho = erlangs / servers;
    return b / (1 - rho * (1 - b));
}

double meanWaitInServiceTimes(int servers, double utilisation) {
    if (servers < 1) servers = 1;
    if (utilisation >= 1) return std::numeric_limits<double>::infinity();
    if (utilisation <= 0) return 0;
    return erlangC(servers, utilisation * servers) / (servers * (1 - utilisation));
}

} // namespace archlens
