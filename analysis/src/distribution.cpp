#include "archlens/analysis/distribution.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace archlens {

namespace {
// Masses below this are dropped from the ends of a distribution: it keeps convolutions
// working only on the support that matters (the lost mass is far below what a p99 sees).
constexpr double kNegligible = 1e-13;
// z of the 99th percentile of the standard normal.
constexpr double kZ99 = 2.3263478740408408;

/// e^x, with the arguments whose result rounds to zero answered without calling exp: the
/// waits of a short mean ask for e^(-1000) and less at every bin past the first, and glibc
/// takes those through its slow underflow path. Below -746 exp gives +0, so the bits are
/// the same.
double expOrZero(double x) {
    return x < -746.0 ? 0.0 : std::exp(x);
}

/// P(Z <= z) for a standard normal Z, accurate far into the lower tail.
double normalCdf(double z) {
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

/// P(Z > z) for a standard normal Z, accurate far into the upper tail.
double normalTail(double z) {
    return 0.5 * std::erfc(z / std::sqrt(2.0));
}

/// Fills `masses` with the linear binning of a latency X given its stop-loss transform
/// H(x) = E[max(0, X - x)]: a value x between points i and i+1 (of the grid `step`) puts
/// i + 1 - x/step of its probability on point i and the rest on i+1, so the mean is kept
/// exactly. The mass that lands on point i or above is the mean, over [(i-1) step, i step],
/// of P(X > x), which is a difference of H; point i takes what lands on it or above minus
/// what lands above it. Nothing may lie below point `first`; mass beyond the last point
/// lands on it, and the search stops once what is left is negligible. Returns the highest
/// point given mass. `masses` must be all zero on entry.
template <typename StopLoss>
std::size_t linearBinning(Distribution::Masses& masses, double step, std::size_t first,
                          StopLoss h) {
    const std::size_t n = masses.size();
    std::size_t i = std::min(first, n - 1);
    double here = 1; // what lands on point i or above
    double hAt = h(static_cast<double>(i) * step);
    for (; i + 1 < n && here >= kNegligible; ++i) { // the far tail stays on the next point
        const double hNext = h(static_cast<double>(i + 1) * step);
        const double above = std::clamp((hAt - hNext) / step, 0.0, here);
        masses[i] = here - above;
        here = above;
        hAt = hNext;
    }
    masses[i] += here;
    return i;
}

/// A position in bins as whole bins and a fraction, whole at most `limit`. A position
/// within 1e-9 bins of a grid point is that point: shifts by whole bins stay point masses
/// when the division leaves a rounding error.
std::pair<std::size_t, double> gridPosition(double bins, std::size_t limit) {
    double whole = std::floor(bins);
    double fraction = bins - whole;
    if (fraction < 1e-9) {
        fraction = 0;
    } else if (fraction > 1 - 1e-9) {
        whole += 1;
        fraction = 0;
    }
    if (!(whole < static_cast<double>(limit))) return {limit, 0.0};
    return {static_cast<std::size_t>(whole), fraction};
}

/// Rewrites `masses` as the differences of the CDF `cdfAt(i, cumulative mass up to i)`,
/// which must be non-decreasing; rounding that would make a mass negative is clamped.
/// Points above `top` are left as they are: the CDF must reach 1 at `top` and their masses
/// be zero (what the differences would give them).
template <typename CdfAt>
void massesFromCdf(Distribution::Masses& masses, std::size_t top, CdfAt cdfAt) {
    double cumulative = 0, previous = 0;
    for (std::size_t i = 0; i <= top && i < masses.size(); ++i) {
        cumulative += masses[i];
        const double c = cdfAt(i, cumulative);
        masses[i] = std::max(0.0, c - previous);
        previous = std::max(previous, c);
    }
}
} // namespace

Distribution::Distribution(double step, std::size_t bins)
    : step_(step), p_(std::max<std::size_t>(bins, 1), 0.0) {
    p_[0] = 1;
}

bool Distribution::pointMass() const {
    return p_[hi_] >= 1.0 - 1e-15;
}

Distribution Distribution::zeros() const {
    Distribution d;
    d.step_ = step_;
    d.p_.assign(p_.size(), 0.0);
    return d;
}

void Distribution::trim(std::size_t top) {
    hi_ = std::min(top, p_.size() - 1);
    while (hi_ > 0 && p_[hi_] < kNegligible) {
        p_[hi_] = 0;
        --hi_;
    }
}

Distribution Distribution::constant(double step, std::size_t bins, double value) {
    return Distribution(step, bins).shifted(value);
}

Distribution Distribution::logNormal(double step, std::size_t bins, double p50, double p99) {
    Distribution d(step, bins);
    if (!(p50 > 0)) return d;
    if (!(p99 > p50)) return constant(step, bins, p50);
    const double mu = std::log(p50);
    const double sigma = std::log(p99 / p50) / kZ99;
    // Bin i first takes the mass of [(i-0.5) step, (i+0.5) step): one erfc a bin.
    d.p_[0] = 0;
    const std::size_t n = d.p_.size();
    // Start where the distribution starts to matter (z = -7.4, a mass of about 1e-13).
    const double lowest = std::exp(mu - 7.4 * sigma);
    const double firstBin = std::max(0.0, std::floor(lowest / step - 0.5));
    if (!(firstBin < static_cast<double>(n))) return constant(step, bins, p50);
    const auto i0 = static_cast<std::size_t>(firstBin);
    double previous =
        i0 == 0 ? 0.0 : normalCdf((std::log((static_cast<double>(i0) - 0.5) * step) - mu) / sigma);
    d.p_[i0] = previous; // the negligible mass below, kept so the total stays 1
    std::size_t i = i0;
    for (; i < n; ++i) {
        const double upper = (static_cast<double>(i) + 0.5) * step;
        const double cdf = i + 1 == n ? 1.0 : normalCdf((std::log(upper) - mu) / sigma);
        d.p_[i] += cdf - previous;
        previous = cdf;
        if (1.0 - cdf < kNegligible && i + 1 < n) {
            d.p_[i] += 1.0 - cdf; // the far tail, negligible, kept so the total stays 1
            break;
        }
    }
    d.trim(i);
    // Rounding each value to the nearest point does not keep the mean: a log-normal narrower
    // than a step lands on one point, up to half a step off (a client's 0.3 ms on a 2 ms
    // grid becomes 0). Move the whole by the difference, split between neighbouring points
    // as `shifted` does, which spreads a narrow one over the two points around it in
    // proportion. (Splitting every value, as `waiting` does, would need two erfc a bin.)
    // The mean to reach is the log-normal's as the grid keeps it, with what lies beyond
    // the last point on it: E[min(X, top)] = E[X] - E[max(0, X - top)].
    const double top = static_cast<double>(n - 1) * step;
    const double zTop = (std::log(top) - mu) / sigma;
    const double mean = std::exp(mu + 0.5 * sigma * sigma);
    const double target =
        mean - std::max(0.0, mean * normalTail(zTop - sigma) - top * normalTail(zTop));
    d.moveMean(target - d.mean());
    return d;
}

Distribution Distribution::waiting(double step, std::size_t bins, double waitProbability,
                                   double meanWaitGivenWait, double cap) {
    Distribution d(step, bins);
    if (waitProbability <= 0) return d;
    waitProbability = std::min(1.0, waitProbability);
    if (!(meanWaitGivenWait > 0)) return d;
    // For the wait W = min(exponential, cap), E[max(0, W - x)] below the cap is
    // m (e^(-x/m) - e^(-cap/m)): the mass above the cap lands on the cap itself.
    const double m = meanWaitGivenWait;
    const double beyondCap = cap > 0 ? expOrZero(-cap / m) : 1.0;
    d.p_[0] = 0; // the grid all zero, as linearBinning takes it
    const std::size_t top = linearBinning(d.p_, step, 0, [&](double x) {
        return x >= cap ? 0.0 : waitProbability * m * std::max(0.0, expOrZero(-x / m) - beyondCap);
    });
    d.trim(top);
    return d;
}

void Distribution::shiftBins(std::size_t whole, double fraction) {
    const std::size_t n = p_.size();
    const std::size_t last = n - 1;
    const std::size_t up = fraction > 0 ? 1 : 0;
    if (whole >= last) {
        double total = 0;
        for (std::size_t i = 0; i <= hi_; ++i)
            total += p_[i];
        std::fill(p_.begin(), p_.end(), 0.0);
        p_[last] = total;
        trim();
        return;
    }
    // What lands on the last bin or beyond: all of the masses from `from` up, and the upper
    // part of the one just below.
    const std::size_t from = last - whole;
    double over = 0;
    for (std::size_t i = from; i <= hi_; ++i)
        over += p_[i];
    if (up && from - 1 <= hi_) over += fraction * p_[from - 1]; // from >= 1
    // In place, from the top down: bin j reads only bins j - whole and below.
    const std::size_t top = std::min(last - 1, hi_ + whole + up);
    for (std::size_t j = top + 1; j-- > whole;) {
        const std::size_t i = j - whole;
        const double below = up && i > 0 ? fraction * p_[i - 1] : 0.0;
        p_[j] = (1 - fraction) * p_[i] + below;
    }
    std::fill(p_.begin(), p_.begin() + static_cast<std::ptrdiff_t>(whole), 0.0);
    p_[last] = over;
    trim(over != 0 ? last : top); // nothing above `top` was written but the last bin
}

void Distribution::moveMean(double ms) {
    const double bins = ms / step_;
    if (bins > 0) {
        shiftBins(0, std::min(1.0, bins));
    } else if (bins < 0) {
        // Down: each point gives a share of its mass to the point below; the lowest keeps
        // its own, so the others give a little more.
        const double below = 1 - p_[0];
        if (!(below > 0)) return;
        const double share = std::min(1.0, -bins / below);
        for (std::size_t i = 1; i <= hi_; ++i) {
            const double moved = share * p_[i];
            p_[i - 1] += moved;
            p_[i] -= moved;
        }
        trim(hi_);
    }
}

Distribution Distribution::shifted(double ms) const& {
    return Distribution(*this).shifted(ms);
}

Distribution Distribution::shifted(double ms) && {
    // Split between the two grid points around each new value rather than rounded to the
    // nearer one: on the coarse grid of a flow with a long tail, rounding made every short
    // hop vanish (or double), which put medians up to a fifth low.
    if (!(ms > 0)) return std::move(*this);
    const auto [whole, fraction] = gridPosition(ms / step_, p_.size());
    if (whole > 0 || fraction > 0) shiftBins(whole, fraction);
    return std::move(*this);
}

Distribution Distribution::plus(const Distribution& other) && {
    if (other.pointMass()) {
        if (other.hi_ > 0) shiftBins(other.hi_, 0);
        return std::move(*this);
    }
    return static_cast<const Distribution&>(*this).plus(other);
}

Distribution Distribution::plus(const Distribution& other) const& {
    // A point mass (a constant, or zero) only shifts the other: no convolution needed.
    if (other.pointMass()) return Distribution(*this).plus(other);
    if (pointMass()) return Distribution(other).plus(*this);
    Distribution d = zeros();
    const std::size_t n = p_.size();
    // Direct convolution over the two supports; the sum beyond the grid lands in the last bin.
    std::size_t lo1 = 0, lo2 = 0;
    while (lo1 < hi_ && p_[lo1] == 0)
        ++lo1;
    while (lo2 < other.hi_ && other.p_[lo2] == 0)
        ++lo2;
    // The outer loop takes the narrower support, so that the inner one, contiguous, is the
    // long one: a short wait or a value split between two bins is a two-bin support.
    const bool swap = hi_ - lo1 > other.hi_ - lo2;
    const Distribution& outer = swap ? other : *this;
    const Distribution& inner = swap ? *this : other;
    const std::size_t outerLo = swap ? lo2 : lo1, innerLo = swap ? lo1 : lo2;
    double overflow = 0;
    for (std::size_t i = outerLo; i <= outer.hi_; ++i) {
        const double a = outer.p_[i];
        if (a == 0) continue;
        const std::size_t jmax = std::min(inner.hi_, n - 1 - i);
        double* out = d.p_.data() + i;
        const double* in = inner.p_.data();
        for (std::size_t j = innerLo; j <= jmax; ++j)
            out[j] += a * in[j];
        if (inner.hi_ > jmax)
            for (std::size_t j = jmax + 1; j <= inner.hi_; ++j)
                overflow += a * in[j];
    }
    d.p_[n - 1] += overflow;
    d.trim(overflow != 0 ? n - 1 : outer.hi_ + inner.hi_); // the highest sum of two supports
    return d;
}

Distribution Distribution::max(const Distribution& other) const {
    // The max of two independent variables has the product of their CDFs.
    Distribution d = *this;
    double cb = 0;
    const std::size_t top = std::max(hi_, other.hi_);
    massesFromCdf(d.p_, top, [&](std::size_t i, double ca) {
        cb += other.p_[i];
        return i >= top ? 1.0 : std::min(1.0, ca * cb);
    });
    d.trim(top);
    return d;
}

Distribution Distribution::maxOf(double n) const& {
    return Distribution(*this).maxOf(n);
}

Distribution Distribution::maxOf(double n) && {
    if (n <= 1) return n < 1 ? std::move(*this).happensWith(n) : std::move(*this);
    const std::size_t hi = hi_;
    massesFromCdf(p_, hi, [&](std::size_t i, double cdf) {
        return i >= hi ? 1.0 : std::pow(std::min(1.0, cdf), n);
    });
    trim(hi);
    return std::move(*this);
}

Distribution Distribution::repeated(double n) && {
    if (n == 1) return std::move(*this);
    if (n < 1) return std::move(*this).happensWith(n);
    return static_cast<const Distribution&>(*this).repeated(n);
}

Distribution Distribution::repeated(double n) const& {
    if (n <= 1) return n < 1 ? happensWith(n) : *this;
    const auto whole = static_cast<long long>(std::floor(n));
    const double fraction = n - static_cast<double>(whole);
    // Sum of `whole` copies by repeated doubling: O(log n) convolutions.
    Distribution result(step_, p_.size());
    Distribution power = *this;
    for (long long k = whole; k > 0; k >>= 1) {
        if (k & 1) result = result.plus(power);
        if (k > 1) power = power.plus(power);
    }
    if (fraction <= 1e-9) return result;
    return result.plus(*this).mixedWith(result, fraction);
}

Distribution Distribution::happensWith(double p) const& {
    return Distribution(*this).happensWith(p);
}

Distribution Distribution::happensWith(double p) && {
    // mixedWith(zero, w) in place: zero's masses are 1 at point 0 and 0 elsewhere, and
    // w x + (1 - w) 0 is w x to the bit (every mass is at least +0), so only the masses
    // up to hi_ change. Most calls are made with a probability (calls below 1).
    const double w = std::clamp(p, 0.0, 1.0);
    p_[0] = w * p_[0] + (1 - w) * 1.0;
    for (std::size_t i = 1; i <= hi_; ++i)
        p_[i] = w * p_[i] + (1 - w) * 0.0;
    trim(hi_);
    return std::move(*this);
}

Distribution Distribution::mixedWith(const Distribution& other, double w) const {
    Distribution d = zeros();
    const std::size_t top = std::max(hi_, other.hi_); // both are zero above
    for (std::size_t i = 0; i <= top; ++i)
        d.p_[i] = w * p_[i] + (1 - w) * other.p_[i];
    d.trim(top);
    return d;
}

bool Distribution::cutsAt(double timeout, std::size_t& tBin, double& withinBin) const {
    if (!(timeout > 0)) return false;
    // The same reading of the grid as quantile and exceedance: bin i spreads its mass over
    // [(i-0.5) step, (i+0.5) step], so the timeout's own bin is cut only in part.
    const double at = timeout / step_ + 0.5;
    if (!(at < static_cast<double>(hi_) + 1)) return false; // never times out on this grid
    tBin = static_cast<std::size_t>(at);
    withinBin = at - static_cast<double>(tBin);
    return true;
}

Distribution Distribution::withTimeout(double timeout, int retries) && {
    std::size_t tBin = 0;
    double withinBin = 0;
    if (!cutsAt(timeout, tBin, withinBin)) return std::move(*this);
    return static_cast<const Distribution&>(*this).withTimeout(timeout, retries);
}

Distribution Distribution::withTimeout(double timeout, int retries) const& {
    const std::size_t n = p_.size();
    std::size_t tBin = 0;
    double withinBin = 0;
    if (!cutsAt(timeout, tBin, withinBin)) return *this;
    // One attempt, cut at the timeout: success part (<= timeout) and the chance it is cut.
    double success = 0;
    for (std::size_t i = 0; i < tBin; ++i)
        success += p_[i];
    success += withinBin * p_[tBin];
    const double cut = std::max(0.0, 1.0 - success);
    Distribution d = zeros();
    // Attempt k (0-based) succeeds after k timeouts: weight cut^k, shifted by k x timeout;
    // k = retries + 1 is the caller giving up once every attempt has timed out. A timeout
    // costs the timeout itself, not the value of its bin, so the shift is split between two
    // grid points as in `shifted`.
    double weight = 1;
    std::size_t top = 0; // the highest point written
    for (int k = 0; k <= retries + 1; ++k) {
        const auto [whole, fraction] = gridPosition(k * timeout / step_, n);
        const bool givesUp = k > retries;
        const std::size_t count = givesUp ? 1 : tBin + 1;
        for (std::size_t i = 0; i < count; ++i) {
            const double m = givesUp ? weight : weight * (i == tBin ? withinBin * p_[i] : p_[i]);
            d.p_[std::min(n - 1, whole + i)] += (1 - fraction) * m;
            if (fraction > 0) d.p_[std::min(n - 1, whole + i + 1)] += fraction * m;
        }
        top = std::max(top, std::min(n - 1, whole + count - 1 + (fraction > 0 ? 1 : 0)));
        weight *= cut;
    }
    d.trim(top);
    return d;
}

double Distribution::quantile(double q) const {
    double cdf = 0;
    for (std::size_t i = 0; i <= hi_; ++i) {
        const double next = cdf + p_[i];
        if (next >= q) {
            // Linear interpolation inside the bin [(i-0.5) step, (i+0.5) step].
            const double within = p_[i] > 0 ? (q - cdf) / p_[i] : 0.5;
            return std::max(0.0, (static_cast<double>(i) - 0.5 + within) * step_);
        }
        cdf = next;
    }
    return static_cast<double>(hi_) * step_;
}

double Distribution::exceedance(double ms) const {
    // Bins that end at or below `ms` add nothing: start at the first that ends above it
    // (found with the loop's own test, so the sum has the same terms in the same order).
    // A timeout is mostly far above a call's latency, and then nothing is left to add.
    auto endsAbove = [&](std::size_t i) { return (static_cast<double>(i) + 0.5) * step_ > ms; };
    const double guess = ms / step_;
    std::size_t first =
        guess > 0 ? static_cast<std::size_t>(std::min(guess, static_cast<double>(hi_) + 1)) : 0;
    while (first > 0 && endsAbove(first - 1))
        --first;
    while (first <= hi_ && !endsAbove(first))
        ++first;
    double tail = 0;
    for (std::size_t i = first; i <= hi_; ++i) {
        const double lo = (static_cast<double>(i) - 0.5) * step_;
        const double hi = (static_cast<double>(i) + 0.5) * step_;
        if (lo >= ms)
            tail += p_[i];
        else if (hi > ms)
            tail += p_[i] * (hi - ms) / step_;
    }
    return tail;
}

double Distribution::mean() const {
    double m = 0;
    for (std::size_t i = 0; i <= hi_; ++i)
        m += p_[i] * static_cast<double>(i) * step_;
    return m;
}

} // namespace archlens
