#pragma once
// Multiplicative profiles over the calendar: a rate (or a stay) at time t is a base value
// times the product of its profiles' factors at t.
//
// Invariants:
//  - factor_at(t) is exact for every kind: weekly profiles are constant within a calendar
//    day, daily ones within a clock hour.
//  - A dated profile is 1 (no effect) before its first point. With `step`, each point's
//    factor holds from the start of its date until the next point's date; with `linear`, the
//    factor is the point's at its date and is interpolated to the next point (so it jumps
//    from 1 to the first point's factor at the first date). After the last point its factor
//    holds to the end of the run, with either interpolation.
//  - upper_bound() >= factor_at(t) for every t >= 0 (the product of each profile's maximum,
//    a dated profile's including 1 when the run starts before its first point), which is
//    what thinning needs to stay exact.
//  - A profile is resolved against the scenario's calendar once; evaluation allocates nothing.
//  - A rate whose profiles are all weekly or daily repeats every week, hour by hour: its
//    factor and acceptance for each of the week's 168 hours are computed once, by the same
//    arithmetic in the same order, so the table gives the very same doubles.
#include <cstdint>
#include <vector>

#include "bedflow/engine/calendar.hpp"
#include "bedflow/engine/time.hpp"
#include "bedflow/models/scenario.hpp"

namespace bedflow::model {

inline constexpr int kHoursPerWeek = 168;

class CalendarProfile {
 public:
  CalendarProfile(const Profile& profile, const engine::Calendar& calendar);
  // Factor at time t (seconds since the start); `t_exact` refines dated interpolation.
  double factor_at(engine::Time t, double t_exact) const noexcept;
  double factor_at(engine::Time t) const noexcept {
    return factor_at(t, static_cast<double>(t));
  }
  double max_factor() const noexcept { return max_factor_; }
  Profile::Kind kind() const noexcept { return kind_; }

 private:
  Profile::Kind kind_;
  Profile::Interpolation interpolation_;
  const engine::Calendar* calendar_;
  std::vector<double> factors_;
  std::vector<double> point_times_;  // seconds since the start
  std::vector<double> point_factors_;
  double max_factor_ = 1.0;
};

// The product of several profiles, optionally zero at weekends.
class RateFunction {
 public:
  RateFunction() = default;
  RateFunction(std::vector<CalendarProfile> profiles, const engine::Calendar& calendar,
               bool weekdays_only);
  double factor_at(double t_seconds) const noexcept {
    if (!weekly_factor_.empty() && t_seconds >= 0.0) return weekly_factor_[week_hour(t_seconds)];
    return computed_factor_at(t_seconds);
  }
  // factor_at(t) / upper_bound(): the chance that thinning keeps a candidate at t. Inline:
  // thinning asks it for every candidate arrival.
  double acceptance_at(double t_seconds) const noexcept {
    if (!weekly_acceptance_.empty() && t_seconds >= 0.0) {
      return weekly_acceptance_[week_hour(t_seconds)];
    }
    return computed_factor_at(t_seconds) / upper_bound_;
  }
  double upper_bound() const noexcept { return upper_bound_; }
  bool empty() const noexcept { return profiles_.empty() && !weekdays_only_; }
  // True when the rate repeats every week hour by hour (no dated profile): then
  // factor_at(t) for t >= 0 is weekly_factor(week_hour(t)).
  bool repeats_weekly() const noexcept { return !weekly_factor_.empty(); }
  // Precondition: repeats_weekly(), hour < kHoursPerWeek.
  double weekly_factor(std::size_t hour) const noexcept { return weekly_factor_[hour]; }
  // Hour of the week of t >= 0 (0 = Monday 00:00 to 01:00).
  std::size_t week_hour(double t_seconds) const noexcept {
    const auto hour = static_cast<std::int64_t>(t_seconds) / engine::kHour;
    return static_cast<std::size_t>((hour + week_hour_at_zero_) % kHoursPerWeek);
  }

 private:
  std::vector<CalendarProfile> profiles_;
  const engine::Calendar* calendar_ = nullptr;
  bool weekdays_only_ = false;
  double upper_bound_ = 1.0;
  // By hour of the week (0 = Monday 00:00), when the rate repeats weekly; else empty.
  std::vector<double> weekly_factor_, weekly_acceptance_;
  int week_hour_at_zero_ = 0;  // hour of the week at time 0
  double computed_factor_at(double t_seconds) const noexcept;
};

}  // namespace bedflow::model
