#pragma once
// A non-homogeneous Poisson arrival process sampled exactly by thinning (Lewis and Shedler).
//
// Invariants:
//  - Candidates come at the constant rate base x upper_bound(); each is kept with probability
//    rate(t) / (base x upper_bound()). Because the bound holds everywhere, the kept points
//    are exactly a Poisson process of rate base x factor(t): no "daily rate spread evenly".
//  - Candidate times are kept in double seconds; only the returned arrival is rounded to the
//    engine's one-second clock, so rounding never accumulates.
//  - The process draws only from its own stream: another stream consuming more numbers never
//    shifts these arrivals (common random numbers across scenarios).
//  - With a zero base rate or bound, the next arrival is never.
//  - A rate with no profile draws one number per arrival (no acceptance draw is needed).
#include <cmath>
#include <utility>

#include "bedflow/engine/random_stream.hpp"
#include "bedflow/engine/time.hpp"
#include "bedflow/models/rate_function.hpp"

namespace bedflow::model {

class ArrivalProcess {
 public:
  ArrivalProcess(double rate_per_day, RateFunction rate, engine::RandomStream stream)
      : rate_per_day_(rate_per_day), rate_(std::move(rate)), stream_(stream) {
    const double bound_per_day = rate_per_day_ * rate_.upper_bound();
    bound_per_second_ = bound_per_day / static_cast<double>(engine::kDay);
    mean_gap_seconds_ = bound_per_second_ > 0.0 ? 1.0 / bound_per_second_ : 0.0;
  }

  // The next arrival strictly after the previous one (or after `start` the first time), in
  // engine time; kTimeNever when the process has no more arrivals before `horizon`.
  engine::Time next(engine::Time horizon) {
    if (!(bound_per_second_ > 0.0)) return engine::kTimeNever;
    const double limit = static_cast<double>(horizon);
    while (true) {
      candidate_ += -std::log(stream_.uniform01()) * mean_gap_seconds_;
      if (candidate_ > limit) return engine::kTimeNever;
      // A constant rate keeps every candidate: no acceptance draw (a homogeneous process).
      if (rate_.empty()) return static_cast<engine::Time>(std::floor(candidate_));
      const double accept = rate_.acceptance_at(candidate_);
      if (stream_.uniform01() < accept) {
        return static_cast<engine::Time>(std::floor(candidate_));
      }
    }
  }
  void start_at(engine::Time t) { candidate_ = static_cast<double>(t); }
  double rate_per_day_at(double t_seconds) const noexcept {
    return rate_per_day_ * rate_.factor_at(t_seconds);
  }

 private:
  double rate_per_day_;
  RateFunction rate_;
  engine::RandomStream stream_;
  double bound_per_second_ = 0.0;
  double mean_gap_seconds_ = 0.0;  // 1 / bound_per_second_: a multiply per candidate
  double candidate_ = 0.0;
};

}  // namespace bedflow::model
