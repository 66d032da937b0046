#include "bedflow/models/rate_function.hpp"

#include <algorithm>
#include <cmath>

namespace bedflow::model {

CalendarProfile::CalendarProfile(const Profile& profile, const engine::Calendar& calendar)
    : kind_(profile.kind), interpolation_(profile.interpolation), calendar_(&calendar) {
  if (kind_ == Profile::Kind::dated) {
    for (const auto& point : profile.points) {
      point_times_.push_back(static_cast<double>(calendar.time_of(point.date)));
      point_factors_.push_back(point.factor);
    }
    if (point_factors_.empty()) point_factors_.push_back(1.0), point_times_.push_back(0.0);
    max_factor_ = *std::max_element(point_factors_.begin(), point_factors_.end());
    // Before its first point a dated profile is 1: the bound includes it when the run
    // starts before that point.
    if (point_times_.front() > 0.0) max_factor_ = std::max(max_factor_, 1.0);
  } else {
    factors_ = profile.factors;
    const std::size_t needed = kind_ == Profile::Kind::weekly ? 7 : 24;
    // Validation guarantees the length; a short list is padded with neutral factors
    // rather than read out of bounds.
    factors_.resize(needed, 1.0);
    max_factor_ = *std::max_element(factors_.begin(), factors_.end());
  }
  max_factor_ = std::max(max_factor_, 0.0);
}

double CalendarProfile::factor_at(engine::Time t, double t_exact) const noexcept {
  switch (kind_) {
    case Profile::Kind::weekly:
      return factors_[static_cast<std::size_t>(calendar_->weekday_at(t))];
    case Profile::Kind::daily:
      return factors_[static_cast<std::size_t>(calendar_->hour_at(t))];
    case Profile::Kind::dated: {
      // 1 before the first point; each point's value from its date (step) or interpolated
      // to the next (linear); the last point's value after it.
      if (t_exact < point_times_.front()) return 1.0;
      if (t_exact >= point_times_.back()) return point_factors_.back();
      const auto it = std::upper_bound(point_times_.begin(), point_times_.end(), t_exact);
      const std::size_t right = static_cast<std::size_t>(it - point_times_.begin());
      const std::size_t left = right - 1;
      if (interpolation_ == Profile::Interpolation::step) return point_factors_[left];
      const double span = point_times_[right] - point_times_[left];
      const double w = (t_exact - point_times_[left]) / span;
      return point_factors_[left] + w * (point_factors_[right] - point_factors_[left]);
    }
  }
  return 1.0;
}

RateFunction::RateFunction(std::vector<CalendarProfile> profiles,
                           const engine::Calendar& calendar, bool weekdays_only)
    : profiles_(std::move(profiles)), calendar_(&calendar), weekdays_only_(weekdays_only) {
  upper_bound_ = 1.0;
  for (const auto& p : profiles_) upper_bound_ *= p.max_factor();
  const bool repeats_weekly =
      std::all_of(profiles_.begin(), profiles_.end(), [](const CalendarProfile& p) {
        return p.kind() != Profile::Kind::dated;
      });
  if (!repeats_weekly || empty()) return;
  week_hour_at_zero_ = calendar.weekday_at(0) * 24;
  weekly_factor_.resize(kHoursPerWeek);
  weekly_acceptance_.resize(kHoursPerWeek);
  for (int h = 0; h < kHoursPerWeek; ++h) {
    // A time in the run's first week that falls on week hour h.
    const auto t = static_cast<double>(
        static_cast<engine::Time>((h - week_hour_at_zero_ + kHoursPerWeek) % kHoursPerWeek) *
        engine::kHour);
    const auto k = static_cast<std::size_t>(h);
    weekly_factor_[k] = computed_factor_at(t);
    weekly_acceptance_[k] = weekly_factor_[k] / upper_bound_;
  }
}

double RateFunction::computed_factor_at(double t_seconds) const noexcept {
  const auto t = static_cast<engine::Time>(std::floor(t_seconds));
  if (weekdays_only_ && calendar_->weekday_at(t) >= 5) return 0.0;
  double factor = 1.0;
  for (const auto& p : profiles_) factor *= p.factor_at(t, t_seconds);
  return factor;
}

}  // namespace bedflow::model
