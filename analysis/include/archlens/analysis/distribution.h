#pragma once
// Latency distributions on a linear grid: bin i holds the probability that the latency is
// i x step milliseconds (a point mass at the bin's value, so convolution is exact on the
// lattice). Mass beyond the last bin is kept in the last bin, so totals stay 1.
// A value between two grid points goes to both, in proportion to how close it is, never to
// the nearer one alone, and a log-normal is moved onto its exact mean: every mean is then
// exact whatever the step, where rounding made a 0.5 ms hop vanish on a 2 ms grid, or
// double on a 1 ms one.
#include "archlens/analysis/bin_allocator.h"

#include <cstddef>
#include <vector>

namespace archlens {

class Distribution {
public:
    /// A grid's masses, bin by bin.
    using Masses = std::vector<double, BinAllocator<double>>;

    Distribution() = default;
    /// All mass at zero on a grid of `bins` bins of `step` ms.
    Distribution(double step, std::size_t bins);

    /// A log-normal fitted to the median and 99th percentile (p99 >= p50 > 0); when p99 is
    /// not above p50 the value is the constant p50.
    static Distribution logNormal(double step, std::size_t bins, double p50, double p99);
    /// The constant `value` ms (a point mass when it falls on the grid).
    static Distribution constant(double step, std::size_t bins, double value);
    /// M/M/c waiting time: zero with probability 1 - waitProbability, otherwise
    /// exponential with the given mean; values above `cap` are placed at `cap`.
    static Distribution waiting(double step, std::size_t bins, double waitProbability,
                                double meanWaitGivenWait, double cap);

    double step() const { return step_; }
    std::size_t bins() const { return p_.size(); }
    const Masses& masses() const { return p_; }

    // Each operation has a version for a temporary (`std::move(d).op(...)`, or a chain
    // such as `d.shifted(a).withTimeout(b, c)`) that works in the temporary's own grid
    // where it can: the curves run these a few million times, and allocating, copying
    // and freeing a grid per step cost as much as the arithmetic. Same numbers, bit for bit.

    /// Sum of two independent latencies (same grid).
    Distribution plus(const Distribution& other) const&;
    Distribution plus(const Distribution& other) &&;
    /// Maximum of two independent latencies (product of CDFs).
    Distribution max(const Distribution& other) const;
    /// Maximum of n independent copies (CDF^n); n may be fractional (n > 0).
    Distribution maxOf(double n) const&;
    Distribution maxOf(double n) &&;
    /// Sum of n independent copies; fractional n mixes floor(n) and ceil(n).
    Distribution repeated(double n) const&;
    Distribution repeated(double n) &&;
    /// With probability p this latency, otherwise zero.
    Distribution happensWith(double p) const&;
    Distribution happensWith(double p) &&;
    /// Mixture: weight w of this, 1 - w of other.
    Distribution mixedWith(const Distribution& other, double w) const;
    /// Timeout `timeout` ms and up to `retries` retries: an attempt slower than the timeout
    /// is abandoned at the timeout and retried; after the last one the caller gives up at
    /// the timeout. An attempt is slower with probability exceedance(timeout). No timeout
    /// (<= 0) leaves the latency unchanged.
    Distribution withTimeout(double timeout, int retries) const&;
    Distribution withTimeout(double timeout, int retries) &&;
    /// Shifted right by `ms`; the mean moves by exactly `ms`.
    Distribution shifted(double ms) const&;
    Distribution shifted(double ms) &&;

    /// Whether all the mass (to 1e-15) sits in the highest bin with mass.
    bool pointMass() const;
    /// The value below which fraction q of the mass lies, interpolated within the bin.
    double quantile(double q) const;
    /// Probability that the latency exceeds `ms`.
    double exceedance(double ms) const;
    double mean() const;

private:
    double step_ = 1;
    Masses p_;
    std::size_t hi_ = 0; ///< index of the last bin with mass (everything above is zero)
    /// Sets hi_, dropping negligible masses from the top down; every mass above `top` must
    /// be zero already (the default looks at the whole grid).
    void trim(std::size_t top = static_cast<std::size_t>(-1));
    /// Zero masses on this one's grid.
    Distribution zeros() const;
    /// Whether withTimeout changes anything; the bin holding the timeout and the part of
    /// that bin's mass that lies at or below it.
    bool cutsAt(double timeout, std::size_t& tBin, double& withinBin) const;
    /// Moves every mass up by `whole` bins plus `fraction` of a bin, in place.
    void shiftBins(std::size_t whole, double fraction);
    /// Moves the mean by `ms` (less than a step either way), in place.
    void moveMean(double ms);
};

} // namespace archlens
