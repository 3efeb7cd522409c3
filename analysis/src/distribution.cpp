#include "archlens/analysis/distribution.h"

#include <algorithm>
#include <cmath>

namespace archlens {

namespace {
// Masses below this are dropped from the ends of a distribution: it keeps convolutions
// working only on the support that matters (the lost mass is far below what a p99 sees).
constexpr double kNegligible = 1e-13;
// z of the 99th percentile of the standard normal.
constexpr double kZ99 = 2.3263478740408408;

double normalCdf(double z) {
    return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

/// Rewrites `masses` as the differences of the CDF `cdfAt(i, cumulative mass up to i)`,
/// which must be non-decreasing; rounding that would make a mass negative is clamped.
template <typename CdfAt> void massesFromCdf(std::vector<double>& masses, CdfAt cdfAt) {
    double cumulative = 0, previous = 0;
    for (std::size_t i = 0; i < masses.size(); ++i) {
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

void Distribution::trim() {
    hi_ = p_.size() - 1;
    while (hi_ > 0 && p_[hi_] < kNegligible) {
        p_[hi_] = 0;
        --hi_;
    }
}

Distribution Distribution::constant(double step, std::size_t bins, double value) {
    Distribution d(step, bins);
    return d.shifted(value);
}

Distribution Distribution::logNormal(double step, std::size_t bins, double p50, double p99) {
    Distribution d(step, bins);
    if (!(p50 > 0)) return d;
    if (!(p99 > p50)) return constant(step, bins, p50);
    const double mu = std::log(p50);
    const double sigma = std::log(p99 / p50) / kZ99;
    // Bin i stands for the value i*step, so it takes the mass of [(i-0.5) step, (i+0.5) step).
    d.p_[0] = 0;
    const std::size_t n = d.p_.size();
    // Start where the distribution starts to matter (z = -7.4, a mass of about 1e-13).
    const double lowest = std::exp(mu - 7.4 * sigma);
    std::size_t i0 = static_cast<std::size_t>(std::max(0.0, std::floor(lowest / step - 0.5)));
    if (i0 >= n) return constant(step, bins, p50);
    double previous =
        i0 == 0 ? 0.0 : normalCdf((std::log((static_cast<double>(i0) - 0.5) * step) - mu) / sigma);
    d.p_[i0] = previous; // the negligible mass below, kept so the total stays 1
    for (std::size_t i = i0; i < n; ++i) {
        const double upper = (static_cast<double>(i) + 0.5) * step;
        const double cdf = i + 1 == n ? 1.0 : normalCdf((std::log(upper) - mu) / sigma);
        d.p_[i] += cdf - previous;
        previous = cdf;
        if (1.0 - cdf < kNegligible && i + 1 < n) {
            d.p_[i] += 1.0 - cdf; // the far tail, negligible, kept so the total stays 1
            break;
        }
    }
    d.trim();
    return d;
}

Distribution Distribution::waiting(double step, std::size_t bins, double waitProbability,
                                   double meanWaitGivenWait, double cap) {
    Distribution d(step, bins);
    if (waitProbability <= 0) return d;
    waitProbability = std::min(1.0, waitProbability);
    if (!(meanWaitGivenWait > 0)) return d;
    const std::size_t n = d.p_.size();
    const double rate = 1.0 / meanWaitGivenWait;
    std::size_t capBin =
        std::min<std::size_t>(n - 1, static_cast<std::size_t>(std::llround(cap / step)));
    d.p_[0] = 1 - waitProbability;
    double previous = 0;
    for (std::size_t i = 0; i <= capBin; ++i) {
        const double upper = (static_cast<double>(i) + 0.5) * step;
        const double cdf = i == capBin ? 1.0 : 1.0 - std::exp(-rate * upper);
        d.p_[i] += waitProbability * (cdf - previous);
        previous = cdf;
        if (1.0 - cdf < kNegligible) {
            d.p_[i] += waitProbability * (1.0 - cdf);
            break;
        }
    }
    d.trim();
    return d;
}

Distribution Distribution::shifted(double ms) const& {
    const auto by = static_cast<long long>(std::llround(ms / step_));
    if (by <= 0) return *this;
    Distribution d = zeros();
    const std::size_t n = p_.size();
    for (std::size_t i = 0; i <= hi_; ++i) {
        const std::size_t j = std::min<std::size_t>(n - 1, i + static_cast<std::size_t>(by));
        d.p_[j] += p_[i];
    }
    d.trim();
    return d;
}

Distribution Distribution::shifted(double ms) && {
    const auto by = static_cast<long long>(std::llround(ms / step_));
    if (by <= 0) return std::move(*this);
    // In place, from the top down. The masses that land in the last bin are summed in the
    // same order as the copying version does, so the result is the same to the bit.
    const std::size_t n = p_.size();
    const std::size_t shift = static_cast<std::size_t>(by);
    const std::size_t firstOver = shift >= n - 1 ? 0 : n - 1 - shift; // lands in the last bin
    double last = 0;
    for (std::size_t i = firstOver; i <= hi_; ++i)
        last += p_[i];
    if (firstOver > 0)
        for (std::size_t i = std::min(hi_ + 1, firstOver); i-- > 0;)
            p_[i + shift] = p_[i];
    std::fill(p_.begin(), p_.begin() + static_cast<std::ptrdiff_t>(std::min(shift, n - 1)), 0.0);
    // Bins between the moved masses and the last one held masses of their own: clear them.
    const std::size_t movedTop = std::min(hi_ + 1, firstOver) + shift; // one past
    for (std::size_t i = std::max(movedTop, std::min(shift, n - 1)); i + 1 < n; ++i)
        p_[i] = 0;
    p_[n - 1] = hi_ >= firstOver ? last : 0.0;
    trim();
    return std::move(*this);
}

Distribution Distribution::plus(const Distribution& other) && {
    if (other.pointMass()) return std::move(*this).shifted(static_cast<double>(other.hi_) * step_);
    return static_cast<const Distribution&>(*this).plus(other);
}

Distribution Distribution::plus(const Distribution& other) const& {
    // A point mass (a constant, or zero) only shifts the other: no convolution needed.
    if (other.pointMass()) return shifted(static_cast<double>(other.hi_) * step_);
    if (pointMass()) return other.shifted(static_cast<double>(hi_) * step_);
    Distribution d = zeros();
    const std::size_t n = p_.size();
    // Direct convolution over the two supports; the sum beyond the grid lands in the last bin.
    std::size_t lo1 = 0, lo2 = 0;
    while (lo1 < hi_ && p_[lo1] == 0)
        ++lo1;
    while (lo2 < other.hi_ && other.p_[lo2] == 0)
        ++lo2;
    double overflow = 0;
    for (std::size_t i = lo1; i <= hi_; ++i) {
        const double a = p_[i];
        if (a == 0) continue;
        const std::size_t jmax = std::min(other.hi_, n - 1 - i);
        double* out = d.p_.data() + i;
        const double* in = other.p_.data();
        for (std::size_t j = lo2; j <= jmax; ++j)
            out[j] += a * in[j];
        if (other.hi_ > jmax)
            for (std::size_t j = jmax + 1; j <= other.hi_; ++j)
                overflow += a * in[j];
    }
    d.p_[n - 1] += overflow;
    d.trim();
    return d;
}

Distribution Distribution::max(const Distribution& other) const {
    // The max of two independent variables has the product of their CDFs.
    Distribution d = *this;
    double cb = 0;
    const std::size_t top = std::max(hi_, other.hi_);
    massesFromCdf(d.p_, [&](std::size_t i, double ca) {
        cb += other.p_[i];
        return i >= top ? 1.0 : std::min(1.0, ca * cb);
    });
    d.trim();
    return d;
}

Distribution Distribution::maxOf(double n) const& {
    return Distribution(*this).maxOf(n);
}

Distribution Distribution::maxOf(double n) && {
    if (n <= 1) return n < 1 ? happensWith(n) : std::move(*this);
    const std::size_t hi = hi_;
    massesFromCdf(p_, [&](std::size_t i, double cdf) {
        return i >= hi ? 1.0 : std::pow(std::min(1.0, cdf), n);
    });
    trim();
    return std::move(*this);
}

Distribution Distribution::repeated(double n) && {
    if (n == 1) return std::move(*this);
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

Distribution Distribution::happensWith(double p) const {
    Distribution zero(step_, p_.size());
    return mixedWith(zero, std::clamp(p, 0.0, 1.0));
}

Distribution Distribution::mixedWith(const Distribution& other, double w) const {
    Distribution d = zeros();
    for (std::size_t i = 0; i < p_.size(); ++i)
        d.p_[i] = w * p_[i] + (1 - w) * other.p_[i];
    d.trim();
    return d;
}

bool Distribution::cutsAt(double timeout, std::size_t& tBin) const {
    if (!(timeout > 0)) return false;
    tBin = static_cast<std::size_t>(std::llround(timeout / step_));
    return tBin < hi_; // else it never times out on this grid
}

Distribution Distribution::withTimeout(double timeout, int retries) && {
    std::size_t tBin = 0;
    if (!cutsAt(timeout, tBin)) return std::move(*this);
    return static_cast<const Distribution&>(*this).withTimeout(timeout, retries);
}

Distribution Distribution::withTimeout(double timeout, int retries) const& {
    const std::size_t n = p_.size();
    std::size_t tBin = 0;
    if (!cutsAt(timeout, tBin)) return *this;
    // One attempt, cut at the timeout: success part (<= timeout) and the chance it is cut.
    double success = 0;
    for (std::size_t i = 0; i <= tBin; ++i)
        success += p_[i];
    const double cut = std::max(0.0, 1.0 - success);
    Distribution d(step_, n);
    std::fill(d.p_.begin(), d.p_.end(), 0.0);
    // Attempt k (0-based) succeeds after k timeouts: weight cut^k, shifted by k*timeout.
    double weight = 1;
    for (int k = 0; k <= retries; ++k) {
        const std::size_t offset = static_cast<std::size_t>(k) * tBin;
        for (std::size_t i = 0; i <= tBin; ++i)
            d.p_[std::min(n - 1, offset + i)] += weight * p_[i];
        weight *= cut;
    }
    // Every attempt timed out: the caller gives up after (retries + 1) timeouts.
    d.p_[std::min(n - 1, static_cast<std::size_t>(retries + 1) * tBin)] += weight;
    d.trim();
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
    double tail = 0;
    for (std::size_t i = 0; i <= hi_; ++i) {
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
