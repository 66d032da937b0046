#pragma once
// Accumulators for within-run statistics and across-replication summaries.
//
// Invariants:
//  - Tally uses Welford's update: numerically stable mean and variance in one pass.
//  - Sum keeps only a count and a total: for a model that reports totals and means, one
//    addition a value (Welford's update divides on every value).
//  - TimeWeighted integrates a piecewise-constant level exactly over integer time; its
//    mean is the area divided by the time observed since the last reset (warm-up ends with
//    a reset, so discarded time never counts).
//  - Confidence intervals are Student-t intervals on replication values, which are
//    independent and identically distributed by construction (one stream set per
//    replication).
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>

#include "bedflow/engine/time.hpp"

namespace bedflow::engine {

class Tally {
 public:
  void add(double x) noexcept {
    ++count_;
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(count_);
    m2_ += delta * (x - mean_);
    if (x < min_) min_ = x;
    if (x > max_) max_ = x;
  }
  std::uint64_t count() const noexcept { return count_; }
  double mean() const noexcept { return count_ ? mean_ : 0.0; }
  // Sample variance (n - 1 in the denominator); 0 with fewer than two values.
  double variance() const noexcept {
    return count_ > 1 ? m2_ / static_cast<double>(count_ - 1) : 0.0;
  }
  double min() const noexcept { return count_ ? min_ : 0.0; }
  double max() const noexcept { return count_ ? max_ : 0.0; }
  void reset() noexcept { *this = Tally{}; }

 private:
  std::uint64_t count_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
};

class Sum {
 public:
  void add(double x) noexcept {
    ++count_;
    total_ += x;
  }
  std::uint64_t count() const noexcept { return count_; }
  double total() const noexcept { return total_; }
  double mean() const noexcept { return count_ ? total_ / static_cast<double>(count_) : 0.0; }

 private:
  std::uint64_t count_ = 0;
  double total_ = 0.0;
};

class TimeWeighted {
 public:
  explicit TimeWeighted(Time start = 0, double level = 0.0) noexcept
      : start_(start), last_(start), level_(level) {}

  // The level changes to `level` at time `now` (now >= the previous update).
  void set(Time now, double level) noexcept {
    area_ += level_ * static_cast<double>(now - last_);
    last_ = now;
    level_ = level;
  }
  void add(Time now, double delta) noexcept { set(now, level_ + delta); }

  double level() const noexcept { return level_; }
  // Integral of the level from the last reset to `now`, in level x seconds.
  double area(Time now) const noexcept {
    return area_ + level_ * static_cast<double>(now - last_);
  }
  double mean(Time now) const noexcept {
    return now > start_ ? area(now) / static_cast<double>(now - start_) : level_;
  }
  // Forgets everything before `now`, keeping the current level (end of warm-up).
  void reset(Time now) noexcept {
    start_ = last_ = now;
    area_ = 0.0;
  }

 private:
  Time start_;
  Time last_;
  double level_;
  double area_ = 0.0;
};

struct ConfidenceInterval {
  double mean = 0.0;
  double half_width = 0.0;  // 0 with fewer than two values
  double sd = 0.0;          // sample standard deviation of the values
  std::size_t n = 0;
  double level = 0.95;
  double lower() const noexcept { return mean - half_width; }
  double upper() const noexcept { return mean + half_width; }
};

// Two-sided Student-t quantile t_{df, (1 + level) / 2}.
double student_t_critical(std::size_t degrees_of_freedom, double level = 0.95);
ConfidenceInterval confidence_interval(std::span<const double> values, double level = 0.95);

// The p-th percentile (0 <= p <= 100) of a sample by linear interpolation between order
// statistics: Hyndman and Fan (1996) definition 7, the default of R's quantile() and numpy's
// percentile(), so a reader recomputing it from the file gets the same number. `values` need
// not be sorted. NaN for an empty sample or one holding a NaN. With n values, percentiles below 100/(n - 1) or
// above 100 - 100/(n - 1) interpolate towards the sample's extremes: they need many
// replications to mean much.
double sample_percentile(std::span<const double> values, double p);

}  // namespace bedflow::engine
